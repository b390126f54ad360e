/**
 * What the Electron preloads put on `window` (src/preload/dashboard.ts and bot.ts). Typed from
 * the shared contract so the pages and the preloads cannot drift apart. In the web host there is
 * no preload and both are undefined: the pages build an equivalent bridge themselves.
 */
import type { BotApi, DashboardApi } from '../shared/ipc-contract';

declare global {
  interface Window {
    botdeck?: DashboardApi;
    botdeckBot?: BotApi;
  }
}

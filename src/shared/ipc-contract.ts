/**
 * The one IPC contract between main and the two kinds of page (dashboard, bot).
 *
 * Each call is declared once below: its channel, which kind of page may make it, its request
 * schema and its answer type. Everything else is derived from that declaration (see
 * `ipc-calls.ts`): the preloads' APIs, the web host's bridges, the router's handler types and
 * the renderers' API types. Both hosts (Electron IPC and the web host's WebSocket / Playwright
 * bindings) carry exactly these channels, parse every request with these schemas, and apply the
 * same sender rules: dashboard channels only from the dashboard, bot channels only from a bot
 * page that main created, identified by the transport and never by an id the page sends.
 *
 * No electron or node imports here: this file is bundled into preloads and renderers.
 */
import { z } from 'zod';
import {
  BotCommandResultSchema,
  BotStatusReportSchema,
  type BotCommand,
  type JoinTicket,
} from './bot-page-contract';
import type { CapacityEstimate, MachineLoad } from './capacity-contract';
import type { DiagnosticsReport } from './diagnostics-contract';
import {
  call,
  event,
  typed,
  type AnswerOn,
  type ChannelsOf,
  type PageApiOf,
  type PageKind,
  type PayloadOfEvent,
  type RequestInputOn,
  type RequestOn,
} from './ipc-calls';
import {
  HistoryListRequestSchema,
  RelaunchSettingRequestSchema,
  RelaunchStoppedRequestSchema,
  StoppedBotIdsRequestSchema,
  type HistoryEntry,
  type HistoryExport,
  type RelaunchResult,
  type StoppedBot,
} from './persistence-contract';
import {
  PresetIdRequestSchema,
  SavePresetRequestSchema,
  type LaunchShortcuts,
} from './preset-contract';
import type { Result } from './result';
import {
  AccountIdRequestSchema,
  BotIdRequestSchema,
  BotIdsRequestSchema,
  BotNameRequestSchema,
  EmptyRequestSchema,
  LaunchRequestSchema,
  LaunchSizeSchema,
  MeetingRequestSchema,
  NotificationsSettingRequestSchema,
  PeekRequestSchema,
  SaveAccountRequestSchema,
  SendChatRequestSchema,
} from './request-schemas';
import type {
  AccountsState,
  AppSnapshot,
  BotFrame,
  BotNotification,
  BotView,
  BotViewChange,
  ConnectionTestReport,
  NotificationSettings,
  SandboxMeeting,
} from './views';

export * from './bot-page-contract';
export * from './capacity-contract';
export * from './chat-text';
export * from './diagnostics-contract';
export * from './persistence-contract';
export * from './preset-contract';
export * from './request-schemas';
export * from './result';
export * from './views';
export type { PageKind } from './ipc-calls';

// zod probes for eval support with `new Function`, which the pages' CSP (rightly) forbids.
z.config({ jitless: true });

/** Bots created or changed since the last event (full views), and bots taken off the table. */
export interface BotsChangedEvent {
  bots: BotView[];
  /**
   * Bots the receiver already knows, as only what changed since the last event (the web host
   * sends these: a state change is a few dozen bytes, not a whole view). Apply in order.
   */
  changes?: BotViewChange[];
  /** Ids of ended bots that "Clear finished" removed; absent when none. */
  removed?: string[];
}

// ---------------------------------------------------------------------------------------------
// The calls, one declaration each, keyed by the method name the page calls.

export const IPC_CALLS = {
  getSnapshot: call('dashboard', 'app:snapshot', EmptyRequestSchema, typed<AppSnapshot>()),
  launchBots: call('dashboard', 'bots:launch', LaunchRequestSchema, typed<{ botIds: string[] }>()),
  /** What launching this many bots would take, against the memory free now. */
  checkCapacity: call('dashboard', 'bots:capacity', LaunchSizeSchema, typed<CapacityEstimate>()),
  /** The header's live load (the bots' memory, what is free); dashboards poll it. */
  getLoad: call('dashboard', 'app:load', EmptyRequestSchema, typed<MachineLoad>()),
  leaveBot: call('dashboard', 'bots:leave', BotIdRequestSchema, typed<null>()),
  leaveAll: call('dashboard', 'bots:leave-all', EmptyRequestSchema, typed<{ count: number }>()),
  /** Asks bots in a meeting to say something in its chat; answers how many were asked. */
  sendChat: call('dashboard', 'bots:chat', SendChatRequestSchema, typed<{ asked: number }>()),
  /** Renames a bot that has not joined yet, or asks one in a meeting to rename itself. */
  renameBot: call('dashboard', 'bots:rename', BotNameRequestSchema, typed<null>()),
  /** Launches a left or failed bot again (same meeting, account, limits) under this name. */
  relaunchBot: call(
    'dashboard',
    'bots:relaunch-as',
    BotNameRequestSchema,
    typed<{ botId: string }>(),
  ),
  setNotifications: call(
    'dashboard',
    'settings:notifications',
    NotificationsSettingRequestSchema,
    typed<NotificationSettings>(),
  ),
  /** The table's selection: asks each live bot among them to leave. */
  leaveBots: call('dashboard', 'bots:leave-many', BotIdsRequestSchema, typed<{ count: number }>()),
  /** A meeting group's "Leave all": every live bot in that meeting. */
  leaveMeeting: call(
    'dashboard',
    'bots:leave-meeting',
    MeetingRequestSchema,
    typed<{ count: number }>(),
  ),
  /** Takes left and failed bots off the table (the history keeps them). */
  clearFinished: call(
    'dashboard',
    'bots:clear-finished',
    EmptyRequestSchema,
    typed<{ count: number }>(),
  ),
  /** A still of one bot's page, to this dashboard only; the dashboard polls while Peek is open. */
  peekBot: call('dashboard', 'bots:peek', PeekRequestSchema, typed<BotFrame>()),
  /** Desktop app: shows the bot's own window; closing it hides it again. */
  showBotWindow: call('dashboard', 'bots:show-window', BotIdRequestSchema, typed<null>()),
  /** Sandbox mode only: a new authenticated-only meeting to launch into. */
  createSandboxMeeting: call(
    'dashboard',
    'sandbox:create-meeting',
    EmptyRequestSchema,
    typed<SandboxMeeting>(),
  ),
  /** Secrets go in and never come back: the answer holds views only. */
  saveAccount: call('dashboard', 'accounts:save', SaveAccountRequestSchema, typed<AccountsState>()),
  deleteAccount: call(
    'dashboard',
    'accounts:delete',
    AccountIdRequestSchema,
    typed<AccountsState>(),
  ),
  testAccount: call(
    'dashboard',
    'accounts:test',
    AccountIdRequestSchema,
    typed<{ report: ConnectionTestReport; state: AccountsState }>(),
  ),
  /** Relaunches bots stopped by an app restart into their meetings, with their names. */
  relaunchStopped: call(
    'dashboard',
    'bots:relaunch',
    RelaunchStoppedRequestSchema,
    typed<RelaunchResult>(),
  ),
  /** Forgets bots stopped by an app restart without relaunching them. */
  dismissStopped: call(
    'dashboard',
    'bots:dismiss-stopped',
    StoppedBotIdsRequestSchema,
    typed<{ stoppedByRestart: StoppedBot[] }>(),
  ),
  /** The newest history entries first. */
  listHistory: call(
    'dashboard',
    'history:list',
    HistoryListRequestSchema,
    typed<{ entries: HistoryEntry[] }>(),
  ),
  exportHistory: call('dashboard', 'history:export', EmptyRequestSchema, typed<HistoryExport>()),
  /** Presets and the last ten meetings, for the launch form. */
  listLaunchShortcuts: call(
    'dashboard',
    'presets:list',
    EmptyRequestSchema,
    typed<LaunchShortcuts>(),
  ),
  savePreset: call('dashboard', 'presets:save', SavePresetRequestSchema, typed<LaunchShortcuts>()),
  deletePreset: call(
    'dashboard',
    'presets:delete',
    PresetIdRequestSchema,
    typed<LaunchShortcuts>(),
  ),
  setRelaunchAfterRestart: call(
    'dashboard',
    'settings:relaunch-after-restart',
    RelaunchSettingRequestSchema,
    typed<{ relaunchAfterRestart: boolean }>(),
  ),
  /** Runs every check `npm run doctor` runs, here, and says where the log is. */
  runDiagnostics: call(
    'dashboard',
    'diagnostics:run',
    EmptyRequestSchema,
    typed<DiagnosticsReport>(),
  ),
  /** Opens the log folder in the file manager; only where the report says `canOpenFolder`. */
  openLogFolder: call(
    'dashboard',
    'diagnostics:open-log-folder',
    EmptyRequestSchema,
    typed<null>(),
  ),
  /** Says the page is ready; main answers with this bot's ticket the first time only. */
  ready: call('bot', 'bot:ready', EmptyRequestSchema, typed<JoinTicket>()),
  reportStatus: call('bot', 'bot:status', BotStatusReportSchema, typed<null>()),
  /** How a chat or rename command went (the page answers each command id once). */
  reportCommandResult: call('bot', 'bot:command-result', BotCommandResultSchema, typed<null>()),
} as const;

/** The events main pushes, keyed by the subscription method the page calls. */
export const IPC_EVENTS = {
  onBotsChanged: event('dashboard', 'bots:changed', typed<BotsChangedEvent>()),
  onCommand: event('bot', 'bot:command', typed<BotCommand>()),
  /** The web host's dashboards show these with the browser's Notification API. */
  onNotification: event('dashboard', 'notifications:show', typed<BotNotification>()),
} as const;

// ---------------------------------------------------------------------------------------------
// Derived: nothing below names a channel.

type Calls = typeof IPC_CALLS;
type Events = typeof IPC_EVENTS;

export type DashboardChannel = ChannelsOf<Calls, 'dashboard'>;
export type BotChannel = ChannelsOf<Calls, 'bot'>;
export type IpcChannel = DashboardChannel | BotChannel;
/** A channel's request as its handler receives it (parsed, defaults filled). */
export type RequestOf<C extends IpcChannel> = RequestOn<Calls, C>;
/** A channel's request as a page sends it. */
export type RequestInputOf<C extends IpcChannel> = RequestInputOn<Calls, C>;
/** What a channel answers with. */
export type AnswerOf<C extends IpcChannel> = AnswerOn<Calls, C>;

/** `window.botdeck` in Electron; the WebSocket bridge in the web host. */
export type DashboardApi = PageApiOf<Calls, Events, 'dashboard'>;
/** `window.botdeckBot` in Electron; the Playwright binding in the web host. */
export type BotApi = PageApiOf<Calls, Events, 'bot'>;

const CALLS_BY_CHANNEL: ReadonlyMap<string, Calls[keyof Calls]> = new Map(
  Object.values(IPC_CALLS).map((declaration) => [declaration.channel, declaration]),
);

/** The declaration of `channel`, or undefined for anything that is not one (`__proto__` too). */
export const callOn = (channel: string): Calls[keyof Calls] | undefined =>
  CALLS_BY_CHANNEL.get(channel);

/** Which kind of page may call `channel`; null for a channel the contract does not have. */
export const pageOf = (channel: string): PageKind | null => callOn(channel)?.page ?? null;

// ---------------------------------------------------------------------------------------------
// Web host wire format (dashboard ↔ web host over the token-guarded WebSocket)

/** What the dashboard sends; the host parses it from `unknown` with this schema. */
export const WebRequestFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(64),
  payload: z.unknown(),
});
type DashboardEventFrame = {
  [E in keyof Events]: Events[E]['page'] extends 'dashboard'
    ? { type: 'event'; channel: Events[E]['channel']; payload: PayloadOfEvent<Events[E]> }
    : never;
}[keyof Events];

/** What the host sends: an answer to the request with that id, or a dashboard event. */
export type WebServerFrame =
  { type: 'response'; id: number; result: Result<unknown> } | DashboardEventFrame;

/** Name of the Playwright binding a bot page calls in the web host. */
export const WEB_BOT_BINDING = '__botdeckBotInvoke';
/** DOM event the web host dispatches on a bot page's window to deliver a BotCommand. */
export const WEB_BOT_COMMAND_EVENT = 'botdeck:command';

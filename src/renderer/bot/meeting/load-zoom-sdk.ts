/**
 * Loads Zoom's Meeting SDK (Client View) on demand and points it at the copy Botdeck serves.
 *
 * The dynamic import keeps the SDK (and the React/Redux it brings) in its own chunk that only a
 * bot page in Zoom mode fetches: sandbox bots and the dashboard never pay for it.
 *
 * Assets: electron.vite.config.ts copies the package's `dist/lib` and `dist/ui` to
 * `out/renderer/zoom-sdk/{lib,ui}`, the same layout as Zoom's CDN, so `setZoomJSLib` is the only
 * switch: the SDK derives every other path (`lib/av` wasm and workers, `lib/lang`, `lib/audio`,
 * and `ui` chunks next to `lib`) from it. Nothing is fetched from source.zoom.us.
 */
import type { ZoomMtgSdk } from './zoom-sdk-types';

/** Served by both hosts from out/renderer with the bot page's origin. */
export const ZOOM_SDK_LIB_PATH = '/zoom-sdk/lib';
export const ZOOM_SDK_AV_DIR = '/av';

/**
 * The library URL the SDK is given: absolute, on the page's own origin. A path alone is not
 * enough: the SDK parses it with `new URL(path)` and no base, which throws, so 6.2.0 skips its
 * media set-up ("prepareWebSDK: error load jsmedia") and its core keeps Zoom's CDN as the media
 * asset path, since it takes only an absolute http(s) URL (zoomus-websdk.umd.min.js,
 * `setZoomJSLib` and `prepareWebSDK`). Zoom documents an absolute URL too.
 */
export function zoomSdkLibUrl(origin: string): string {
  return new URL(ZOOM_SDK_LIB_PATH, origin).href;
}

let loading: Promise<ZoomMtgSdk> | null = null;

/** One SDK per page; later calls get the same instance. */
export function loadZoomSdk(): Promise<ZoomMtgSdk> {
  loading ??= importSdk();
  return loading;
}

async function importSdk(): Promise<ZoomMtgSdk> {
  const { ZoomMtg } = await import('@zoom/meetingsdk');
  // Assigning to the narrow interface is the compile-time check that the SDK still fits it.
  const sdk: ZoomMtgSdk = ZoomMtg;
  sdk.setZoomJSLib(zoomSdkLibUrl(location.origin), ZOOM_SDK_AV_DIR);
  sdk.preLoadWasm();
  sdk.prepareWebSDK();
  return sdk;
}

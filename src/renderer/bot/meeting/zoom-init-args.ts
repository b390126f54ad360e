/**
 * The one way every bot initialises Zoom's Client View, and why each switch is set. Kept apart
 * from the client so the choices read as a list and a test can pin them.
 */
import type { ZoomWebDomain } from '../../../shared/meeting-link';
import type { ZoomInitArgs } from './zoom-sdk-types';

/**
 * The SDK's `webEndpoint` per Zoom cloud: zoom.us is its default; Zoom for Government takes
 * `www.zoomgov.com` (the package README, "Zoom for Government"). Without it a ZoomGov meeting's
 * join goes to zoom.us, which does not know it.
 */
export const WEB_ENDPOINTS: Readonly<Record<ZoomWebDomain, string>> = {
  'zoom.us': 'zoom.us',
  'zoomgov.com': 'www.zoomgov.com',
};

export interface BotInitOptions {
  /** Where the SDK would go after leaving; unused with `leaveRedirect: false`, but required. */
  leaveUrl: string;
  crossOriginIsolated: boolean;
  zoomDomain: ZoomWebDomain;
}

export function botInitArgs(options: BotInitOptions): Omit<ZoomInitArgs, 'success' | 'error'> {
  return {
    leaveUrl: options.leaveUrl,
    // After a leave the SDK would navigate to leaveUrl (or a survey): a bot page must stay, so
    // its card can say why it stopped and, in the web host, its binding stays with the bot.
    leaveRedirect: false,
    webEndpoint: WEB_ENDPOINTS[options.zoomDomain],
    // Without isolation there is no SharedArrayBuffer; the SDK must not expect it.
    disableCORP: !options.crossOriginIsolated,
    // Muted and camera off by construction rather than by a later mute that could fail or be
    // undone: no audio/video features and no computer audio, so the SDK never opens the
    // microphone or the camera, and the host cannot unmute it. The price: the bot also receives
    // no audio or video (it needs none) and runs no media encoders or decoders, which keeps
    // many bots on one machine cheap.
    isSupportAV: false,
    disableJoinAudio: true,
    // Nobody clicks in a bot window: no preview page, no modal error dialog (errors come to
    // the callbacks instead), and no invite/recording/call-out prompts.
    disablePreview: true,
    isShowJoiningErrorDialog: false,
    disableInvite: true,
    disableCallOut: true,
    disableRecord: true,
    // patchJsMedia fetches newer media files from Zoom's CDN; Botdeck serves its own.
    patchJsMedia: false,
    // A page that unloads leaves at once instead of lingering in Zoom's failover. A destroyed
    // window never unloads, so main also asks the page to leave before closing it.
    leaveOnPageUnload: true,
  };
}

/**
 * What main shows the pages: views of bots, accounts and the app, and the constants they use.
 * Data only, never a secret. Part of the IPC contract (`ipc-contract.ts` re-exports all of it);
 * kept apart so the contract file itself stays the channels, schemas and APIs.
 */
import type { StoppedBot } from './persistence-contract';

// ---------------------------------------------------------------------------------------------
// Bot states

export const BOT_STATES = [
  'queued',
  'minting',
  'joining',
  'waiting_room',
  'in_meeting',
  'reconnecting',
  'leaving',
  'left',
  'failed',
] as const;
export type BotState = (typeof BOT_STATES)[number];

/**
 * Where each state stands in a bot's life: `live` (on its way into the meeting, in it, or back
 * into it: asking it to leave still means something), `leaving`, or `ended` (nothing leaves
 * `left` or `failed`). The one place main, the roster and the dashboard learn it from.
 */
export const BOT_STATE_PHASES: Record<BotState, 'live' | 'leaving' | 'ended'> = {
  queued: 'live',
  minting: 'live',
  joining: 'live',
  waiting_room: 'live',
  in_meeting: 'live',
  reconnecting: 'live',
  leaving: 'leaving',
  left: 'ended',
  failed: 'ended',
};

export const isLive = (state: BotState): boolean => BOT_STATE_PHASES[state] === 'live';
export const isEnded = (state: BotState): boolean => BOT_STATE_PHASES[state] === 'ended';

/** Where a failure came from: a join error from the meeting, a Zoom REST error, or Botdeck. */
export type FailureKind = 'join' | 'api' | 'app';

export interface BotFailure {
  kind: FailureKind;
  /** Zoom's code (join error code or REST error code); null when Zoom gave none. */
  code: number | null;
  /** Operator-readable words, never a secret. */
  message: string;
}

/** What the dashboard may know about a bot. Holds no secret. */
export interface BotView {
  id: string;
  name: string;
  state: BotState;
  meetingNumber: string;
  accountId: string;
  /** Bots launched together (one click on Launch, or one relaunch) share it. */
  launchId: string;
  /** The avatar this bot inherits from its account's Zoom profile. */
  avatarUrl: string | null;
  createdAt: number;
  /** Epoch ms when the bot entered the meeting; null until then. */
  joinedAt: number | null;
  /** Epoch ms when the bot reached `left` or `failed`; null while live. */
  endedAt: number | null;
  failure: BotFailure | null;
  /** Why a bot that is not failed left (e.g. "Left at the operator's request"). */
  note: string | null;
  /**
   * Botdeck's rejoin progress while it brings a dropped or crashed bot back with a fresh ZAK;
   * null when no rejoin is under way (including Zoom's own brief reconnects).
   */
  reconnect: ReconnectProgress | null;
  /**
   * People in the meeting as the bot's page last reported them, the bot itself included (so 1
   * means alone); null while unknown (not in the meeting, or the page reports no counts).
   */
  participantCount: number | null;
  /** The last chat message or rename the operator asked of it, and how it went; null before any. */
  activity: BotActivity | null;
}

/** What the row says about the bot's last chat message or rename. */
export interface BotActivity {
  kind: 'chat' | 'rename';
  /** `pending` while the bot's page has not answered yet. */
  outcome: 'pending' | 'done' | 'refused';
  /** Operator words: "Chat sent: “Hello”", "Chat is turned off in this meeting…". */
  message: string;
  /** Epoch ms of the request or, once answered, of the answer. */
  at: number;
}

/** A known bot's view as what changed: its id and every field with a new value (null included). */
export type BotViewChange = Pick<BotView, 'id'> & Partial<Omit<BotView, 'id'>>;

/** "Attempt 2 of 5, next try 14:03:12": what the dashboard shows for a rejoining bot. */
export interface ReconnectProgress {
  /** The rejoin attempt under way or next, counting from 1. */
  attempt: number;
  /** Attempts allowed before the bot fails (the launch's `reconnectAttempts`). */
  maxAttempts: number;
  /** Epoch ms of the next try while waiting out the backoff; null once the try has started. */
  nextTryAt: number | null;
  /** Why the bot is rejoining, in operator words (the last failure). */
  reason: string;
}

/** Zoom plans, which set the account's Light-category rate limit (docs/zoom.md, "Rate limits"). */
export const ZOOM_PLANS = ['free', 'pro', 'business'] as const;
export type ZoomPlan = (typeof ZOOM_PLANS)[number];

/** The outcome of the last "Test connection", kept with the account. */
export interface ConnectionTestSummary {
  at: number;
  ok: boolean;
  summary: string;
}

/** What the dashboard may know about an account. Secrets are write-only: only `hasSecrets`. */
export interface AccountView {
  id: string;
  label: string;
  displayName: string;
  email: string;
  avatarUrl: string | null;
  isSandbox: boolean;
  hasSecrets: boolean;
  /** The service user (Zoom user id or email) whose ZAKs the bots use. Not a secret. */
  serviceUser: string;
  plan: ZoomPlan;
  lastTest: ConnectionTestSummary | null;
}

export const CONNECTION_TEST_STEPS = ['token', 'profile', 'zak'] as const;
export type ConnectionTestStep = (typeof CONNECTION_TEST_STEPS)[number];

/** What "Test connection" shows. Never the token or the ZAK themselves. */
export interface ConnectionTestReport {
  ok: boolean;
  steps: { step: ConnectionTestStep; ok: boolean; message: string }[];
  profile: {
    displayName: string;
    email: string;
    avatarUrl: string | null;
    /** Zoom's user type in words (Basic, Licensed, …). */
    userType: string;
    status: string;
  } | null;
}

/** Why the system keychain cannot be used (a stable code; the words come with it). */
export type KeychainProblem =
  | 'no_session_bus'
  | 'no_secret_service'
  | 'no_keyring'
  | 'locked'
  | 'not_responding'
  | 'not_installed'
  | 'native_module'
  | 'unknown';

/** One thing the operator does to enable the keychain; `command` is what to type, if any. */
export interface KeychainStep {
  text: string;
  command: string | null;
}

/**
 * Whether Zoom accounts' secrets can be kept in the system keychain, so the accounts panel can
 * say so before the operator tries to save. Holds no secret: what is wrong and how to fix it.
 */
export interface KeychainView {
  /** False once Botdeck has seen the keychain fail; true while it works or is not yet known. */
  available: boolean;
  /** Null while available. */
  problem: KeychainProblem | null;
  /** Why it cannot be used, in operator words; null while available. */
  message: string | null;
  /** What to install and run to enable it, in order, for this machine's OS. */
  steps: KeychainStep[];
}

/** The keychain as far as anyone knows before it has failed. */
export const KEYCHAIN_AVAILABLE: KeychainView = {
  available: true,
  problem: null,
  message: null,
  steps: [],
};

/** Accounts as they stand after a change, with the mode they put the app in. */
export interface AccountsState {
  mode: AppMode;
  accounts: AccountView[];
  keychain: KeychainView;
}

export type AppMode = 'sandbox' | 'zoom';

/** A meeting the embedded sandbox created for the operator to launch bots into. */
export interface SandboxMeeting {
  meetingNumber: string;
  passcode: string;
  /** A Zoom-style join link for it, ready for the launch form. */
  joinUrl: string;
}

export interface AppSnapshot extends AccountsState {
  bots: BotView[];
  /** Account problems found at start (e.g. profile could not be fetched), in operator words. */
  notices: string[];
  /** Bots that were live when Botdeck last stopped; empty when none (or no data folder). */
  stoppedByRestart: StoppedBot[];
  /** The setting "Relaunch automatically after a restart". */
  relaunchAfterRestart: boolean;
  notifications: NotificationSettings;
  /**
   * True where a bot's own window can be shown to the operator (the desktop app); the web
   * host's bots are headless pages, which only Peek can show.
   */
  canShowBotWindows: boolean;
}

/**
 * Whether Botdeck tells the operator when bots fail, are removed or see their meeting end, and
 * where that shows: the desktop's own notifications (the desktop app), the browser's once the
 * operator allowed them (the web host's dashboard), or nowhere (a host with neither).
 */
export interface NotificationSettings {
  enabled: boolean;
  shownBy: 'desktop' | 'browser' | null;
}

/** One desktop notification: words only, never a secret or a passcode. */
export interface BotNotification {
  title: string;
  body: string;
}

/** How large a Peek frame is: the row's thumbnail, or the larger view a click opens. */
export const PEEK_SIZES = ['thumbnail', 'large'] as const;
export type PeekSize = (typeof PEEK_SIZES)[number];

/**
 * One still of a bot's page for Peek, made in main on request and sent only to the dashboard
 * that asked. A JPEG as a `data:` URL, which the dashboard's policy allows for images.
 */
export interface BotFrame {
  botId: string;
  /** `data:image/jpeg;base64,…` */
  image: string;
  width: number;
  height: number;
  /** Epoch ms when the page was captured. */
  at: number;
}

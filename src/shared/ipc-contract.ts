/**
 * The one IPC contract between main and the two kinds of page (dashboard, bot).
 *
 * Both hosts (Electron IPC and the web host's WebSocket / Playwright bindings) carry exactly
 * these channels and payloads, parse every request with these schemas, and apply the same
 * sender rules: dashboard channels only from the dashboard, bot channels only from a bot page
 * that main created, identified by the transport and never by an id the page sends.
 *
 * No electron or node imports here: this file is bundled into preloads and renderers.
 */
import { z } from 'zod';
import {
  HistoryListRequestSchema,
  RelaunchSettingRequestSchema,
  RelaunchStoppedRequestSchema,
  StoppedBotIdsRequestSchema,
  type HistoryEntry,
  type HistoryExport,
  type HistoryListRequest,
  type RelaunchResult,
  type RelaunchSettingRequest,
  type RelaunchStoppedRequest,
  type StoppedBot,
  type StoppedBotIdsRequest,
} from './persistence-contract';

export * from './persistence-contract';
import type { DiagnosticsReport } from './diagnostics-contract';
import type { ZoomWebDomain } from './meeting-link';

export * from './diagnostics-contract';
import {
  ZOOM_PLANS,
  type AccountsState,
  type AppSnapshot,
  type BotView,
  type ConnectionTestReport,
  type SandboxMeeting,
} from './views';

export * from './views';

// zod probes for eval support with `new Function`, which the pages' CSP (rightly) forbids.
z.config({ jitless: true });

// ---------------------------------------------------------------------------------------------
// Results: expected failures cross IPC as values, never as thrown errors.

export interface IpcError {
  /** A stable machine code (e.g. "invalid_request", "not_found", "zoom_api"). */
  code: string;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

// ---------------------------------------------------------------------------------------------
// Request schemas (main parses every payload from `unknown` with these)

/** Zoom accepts display names up to 64 characters. */
export const BotNameSchema = z
  .string()
  .trim()
  .min(1, 'Every bot needs a name.')
  .max(64, 'Bot names can be at most 64 characters.');

const MINUTE_MS = 60_000;
/** An auto-leave timer in ms, or null to turn it off. */
const LaunchTimerSchema = z
  .number()
  .int()
  .min(1_000, 'Auto-leave timers are at least one second.')
  .max(24 * 60 * MINUTE_MS, 'Auto-leave timers are at most 24 hours.')
  .nullable();

/**
 * Per-launch auto-leave and rejoin limits. Every field is optional: a missing one takes the
 * fleet's default (which the app sets from the settings' `launchDefaults`), so the defaults
 * live in one place instead of being baked into this schema. Names match `launchDefaults`.
 */
export const LaunchTimeoutsSchema = z
  .object({
    /** Stop a join (or rejoin attempt) that has not connected after this long. Default 60 s. */
    joinTimeoutMs: z
      .number()
      .int()
      .min(1_000, 'The join timeout is at least one second.')
      .max(10 * MINUTE_MS, 'The join timeout is at most 10 minutes.')
      .optional(),
    /** Leave after this long in a waiting room; null = wait forever. Default 15 min. */
    waitingRoomTimeoutMs: LaunchTimerSchema.optional(),
    /** Leave after being alone in the meeting this long; null = stay. Default 5 min. */
    aloneTimeoutMs: LaunchTimerSchema.optional(),
    /** Leave after this long since first joining; null = no limit. Default off. */
    maxDurationMs: LaunchTimerSchema.optional(),
    /** Rejoin attempts after a drop or a crash before the bot fails; 0 = never rejoin. Default 5. */
    reconnectAttempts: z
      .number()
      .int()
      .min(0, 'Rejoin attempts cannot be negative.')
      .max(20, 'At most 20 rejoin attempts.')
      .optional(),
  })
  .strict();
export type LaunchTimeouts = z.infer<typeof LaunchTimeoutsSchema>;

export const LaunchRequestSchema = z.object({
  /** A Zoom join link or a meeting number (spaces and dashes allowed). */
  meeting: z.string().trim().min(1, 'Enter a meeting link or number.').max(2048),
  /** Overrides a passcode found in the link when non-empty. */
  passcode: z.string().trim().max(64).default(''),
  names: z
    .array(BotNameSchema)
    .min(1, 'Launch at least one bot.')
    .max(200, 'Launch at most 200 bots at a time.'),
  /** Defaults to the first account. */
  accountId: z.string().min(1).max(128).optional(),
  /** Auto-leave and rejoin limits for these bots; the fleet's defaults fill what is missing. */
  timeouts: LaunchTimeoutsSchema.optional(),
});
export type LaunchRequest = z.input<typeof LaunchRequestSchema>;

export const BotIdRequestSchema = z.object({ botId: z.string().min(1).max(128) });
export type BotIdRequest = z.infer<typeof BotIdRequestSchema>;

export const EmptyRequestSchema = z.object({}).strict();

const credential = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(512, `The ${what} is too long.`)
    .regex(/^\S+$/, `The ${what} cannot contain spaces.`);

/** Everything Zoom issues for one account's two apps (S2S OAuth and Meeting SDK). */
export const AccountCredentialsSchema = z.object({
  s2sAccountId: credential('Server-to-Server OAuth account ID'),
  clientId: credential('Server-to-Server OAuth client ID'),
  clientSecret: credential('Server-to-Server OAuth client secret'),
  sdkKey: credential('Meeting SDK client ID'),
  sdkSecret: credential('Meeting SDK client secret'),
});

export const SaveAccountRequestSchema = z.object({
  /** Absent for a new account. */
  accountId: z.string().min(1).max(64).optional(),
  label: z.string().trim().min(1, 'Give the account a label.').max(64),
  serviceUser: z
    .string()
    .trim()
    .min(1, 'Enter the Zoom user (id or email) whose ZAKs the bots use.')
    .max(128),
  plan: z.enum(ZOOM_PLANS),
  /** Required for a new account; when given for an existing one, replaces all of them. */
  credentials: AccountCredentialsSchema.optional(),
});
export type SaveAccountRequest = z.input<typeof SaveAccountRequestSchema>;

export const AccountIdRequestSchema = z.object({ accountId: z.string().min(1).max(64) });
export type AccountIdRequest = z.infer<typeof AccountIdRequestSchema>;

export const BOT_REPORTED_STATUSES = [
  'connecting',
  'waiting_room',
  'in_meeting',
  'reconnecting',
  'disconnected',
  'kicked',
  'ended',
  'left',
  'failed',
] as const;
export type BotReportedStatus = (typeof BOT_REPORTED_STATUSES)[number];

/** What a bot page tells main about its meeting. */
export const BotStatusReportSchema = z.object({
  status: z.enum(BOT_REPORTED_STATUSES),
  /** Zoom's error or leave code, when the SDK gave one. */
  code: z.number().int().nullable().default(null),
  /** The SDK's own words (mapped to operator words in main). */
  message: z.string().max(500).nullable().default(null),
  participantId: z.string().max(128).nullable().default(null),
  /**
   * Everyone in the meeting, this bot included (1 = alone), when the page knows. Sent with
   * `in_meeting` whenever the number changes; drives the "alone in the meeting" auto-leave.
   */
  participantCount: z.number().int().min(0).max(1_000_000).nullable().optional(),
});
export type BotStatusReport = z.input<typeof BotStatusReportSchema>;

// ---------------------------------------------------------------------------------------------
// What main hands a bot page, once

export type MeetingSdkKind = 'sandbox' | 'zoom';

/** Everything one bot needs to join its own meeting. Holds its own ZAK: handed out once. */
export interface JoinTicket {
  sdk: MeetingSdkKind;
  meetingNumber: string;
  passcode: string;
  userName: string;
  signature: string;
  zak: string;
  /** Which Zoom cloud the meeting is on (from its link): the SDK joins against that domain. */
  zoomDomain: ZoomWebDomain;
  /** Base URL of the sandbox meeting service (sandbox only). */
  sandboxUrl: string | null;
}

export type BotCommand = { type: 'leave' };

// ---------------------------------------------------------------------------------------------
// Events main pushes

export interface BotsChangedEvent {
  /** Bots created or changed since the last event (full views). */
  bots: BotView[];
}

// ---------------------------------------------------------------------------------------------
// Channels

export const DASHBOARD_CHANNELS = {
  snapshot: 'app:snapshot',
  launch: 'bots:launch',
  leave: 'bots:leave',
  leaveAll: 'bots:leave-all',
  createSandboxMeeting: 'sandbox:create-meeting',
  saveAccount: 'accounts:save',
  deleteAccount: 'accounts:delete',
  testAccount: 'accounts:test',
  relaunchStopped: 'bots:relaunch',
  dismissStopped: 'bots:dismiss-stopped',
  listHistory: 'history:list',
  exportHistory: 'history:export',
  setRelaunchAfterRestart: 'settings:relaunch-after-restart',
  runDiagnostics: 'diagnostics:run',
  openLogFolder: 'diagnostics:open-log-folder',
} as const;

export const BOT_CHANNELS = {
  ready: 'bot:ready',
  status: 'bot:status',
} as const;

export const EVENT_CHANNELS = {
  botsChanged: 'bots:changed',
  botCommand: 'bot:command',
} as const;

/** Request schema per invoke channel; the router refuses channels not listed here. */
export const DASHBOARD_REQUESTS = {
  [DASHBOARD_CHANNELS.snapshot]: EmptyRequestSchema,
  [DASHBOARD_CHANNELS.launch]: LaunchRequestSchema,
  [DASHBOARD_CHANNELS.leave]: BotIdRequestSchema,
  [DASHBOARD_CHANNELS.leaveAll]: EmptyRequestSchema,
  [DASHBOARD_CHANNELS.createSandboxMeeting]: EmptyRequestSchema,
  [DASHBOARD_CHANNELS.saveAccount]: SaveAccountRequestSchema,
  [DASHBOARD_CHANNELS.deleteAccount]: AccountIdRequestSchema,
  [DASHBOARD_CHANNELS.testAccount]: AccountIdRequestSchema,
  [DASHBOARD_CHANNELS.relaunchStopped]: RelaunchStoppedRequestSchema,
  [DASHBOARD_CHANNELS.dismissStopped]: StoppedBotIdsRequestSchema,
  [DASHBOARD_CHANNELS.listHistory]: HistoryListRequestSchema,
  [DASHBOARD_CHANNELS.exportHistory]: EmptyRequestSchema,
  [DASHBOARD_CHANNELS.setRelaunchAfterRestart]: RelaunchSettingRequestSchema,
  [DASHBOARD_CHANNELS.runDiagnostics]: EmptyRequestSchema,
  [DASHBOARD_CHANNELS.openLogFolder]: EmptyRequestSchema,
} as const;

export const BOT_REQUESTS = {
  [BOT_CHANNELS.ready]: EmptyRequestSchema,
  [BOT_CHANNELS.status]: BotStatusReportSchema,
} as const;

export type DashboardChannel = keyof typeof DASHBOARD_REQUESTS;
export type BotChannel = keyof typeof BOT_REQUESTS;

// ---------------------------------------------------------------------------------------------
// Page-side APIs (built in src/preload with `satisfies`, and by the web host's bridges)

export interface DashboardApi {
  getSnapshot(): Promise<Result<AppSnapshot>>;
  launchBots(request: LaunchRequest): Promise<Result<{ botIds: string[] }>>;
  leaveBot(request: BotIdRequest): Promise<Result<null>>;
  leaveAll(): Promise<Result<{ count: number }>>;
  /** Sandbox mode only: a new authenticated-only meeting to launch into. */
  createSandboxMeeting(): Promise<Result<SandboxMeeting>>;
  /** Secrets go in and never come back: the answer holds views only. */
  saveAccount(request: SaveAccountRequest): Promise<Result<AccountsState>>;
  deleteAccount(request: AccountIdRequest): Promise<Result<AccountsState>>;
  testAccount(
    request: AccountIdRequest,
  ): Promise<Result<{ report: ConnectionTestReport; state: AccountsState }>>;
  /** Relaunches bots stopped by an app restart into their meetings, with their names. */
  relaunchStopped(request: RelaunchStoppedRequest): Promise<Result<RelaunchResult>>;
  /** Forgets bots stopped by an app restart without relaunching them. */
  dismissStopped(
    request: StoppedBotIdsRequest,
  ): Promise<Result<{ stoppedByRestart: StoppedBot[] }>>;
  /** The newest history entries first. */
  listHistory(request: HistoryListRequest): Promise<Result<{ entries: HistoryEntry[] }>>;
  exportHistory(): Promise<Result<HistoryExport>>;
  setRelaunchAfterRestart(
    request: RelaunchSettingRequest,
  ): Promise<Result<{ relaunchAfterRestart: boolean }>>;
  /** Runs every check `npm run doctor` runs, here, and says where the log is. */
  runDiagnostics(): Promise<Result<DiagnosticsReport>>;
  /** Opens the log folder in the file manager; only where the report says `canOpenFolder`. */
  openLogFolder(): Promise<Result<null>>;
  /** Returns an unsubscribe function. */
  onBotsChanged(listener: (event: BotsChangedEvent) => void): () => void;
}

export interface BotApi {
  /** Says the page is ready; main answers with this bot's ticket the first time only. */
  ready(): Promise<Result<JoinTicket>>;
  reportStatus(report: BotStatusReport): Promise<Result<null>>;
  onCommand(listener: (command: BotCommand) => void): () => void;
}

/** Response types per channel, for the router and the bridges. */
export interface DashboardResponses {
  [DASHBOARD_CHANNELS.snapshot]: AppSnapshot;
  [DASHBOARD_CHANNELS.launch]: { botIds: string[] };
  [DASHBOARD_CHANNELS.leave]: null;
  [DASHBOARD_CHANNELS.leaveAll]: { count: number };
  [DASHBOARD_CHANNELS.createSandboxMeeting]: SandboxMeeting;
  [DASHBOARD_CHANNELS.saveAccount]: AccountsState;
  [DASHBOARD_CHANNELS.deleteAccount]: AccountsState;
  [DASHBOARD_CHANNELS.testAccount]: { report: ConnectionTestReport; state: AccountsState };
  [DASHBOARD_CHANNELS.relaunchStopped]: RelaunchResult;
  [DASHBOARD_CHANNELS.dismissStopped]: { stoppedByRestart: StoppedBot[] };
  [DASHBOARD_CHANNELS.listHistory]: { entries: HistoryEntry[] };
  [DASHBOARD_CHANNELS.exportHistory]: HistoryExport;
  [DASHBOARD_CHANNELS.setRelaunchAfterRestart]: { relaunchAfterRestart: boolean };
  [DASHBOARD_CHANNELS.runDiagnostics]: DiagnosticsReport;
  [DASHBOARD_CHANNELS.openLogFolder]: null;
}
export interface BotResponses {
  [BOT_CHANNELS.ready]: JoinTicket;
  [BOT_CHANNELS.status]: null;
}

// ---------------------------------------------------------------------------------------------
// Web host wire format (dashboard ↔ web host over the token-guarded WebSocket)

export const WebRequestFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(64),
  payload: z.unknown(),
});
export type WebRequestFrame = z.infer<typeof WebRequestFrameSchema>;

export type WebServerFrame =
  | { type: 'response'; id: number; result: Result<unknown> }
  | { type: 'event'; channel: typeof EVENT_CHANNELS.botsChanged; payload: BotsChangedEvent };

/** Name of the Playwright binding a bot page calls in the web host. */
export const WEB_BOT_BINDING = '__botdeckBotInvoke';
/** DOM event the web host dispatches on a bot page's window to deliver a BotCommand. */
export const WEB_BOT_COMMAND_EVENT = 'botdeck:command';

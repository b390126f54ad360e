/**
 * The fleet's public shape: how it is built (`FleetOptions`) and what the rest of main may ask
 * of it (`Fleet`). Kept apart from the wiring in `fleet.ts` so callers read the contract without
 * the machinery; what a launch carries (`LaunchPlan`) is the launch's own, in `bot-launch.ts`.
 */
import type { BotsChangedEvent, BotView, JoinTicket, Result } from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import type { ChatTarget, RelaunchPlan } from './bot-actions';
import type { ActivityEntry, ParsedCommandResult } from './bot-commands';
import type { LaunchPlan } from './bot-launch';
import type { BotWindowHost } from './bot-window-host';
import type { FleetTimers } from './fleet-timers';
import { DEFAULT_LIMITS, type BotLimits } from './launch-limits';
import type { BackoffPolicy } from './rejoin-policy';
import type { ParsedBotStatusReport } from './report-events';

export interface FleetOptions {
  windowHost: BotWindowHost;
  logger: Logger;
  now: () => number;
  sandboxUrl: string | null;
  /**
   * Bots minting or joining at once, for every kind of meeting client; rejoin attempts share
   * the cap. Unset: the measured default per kind (launch-pace.ts).
   */
  concurrency?: number;
  /** CPU cores, for the default pace of Zoom bots; `os.availableParallelism()` by default. */
  cores?: number;
  /** Shorthand for `limits.joinTimeoutMs` (kept for existing callers). */
  joinTimeoutMs?: number;
  /** Default auto-leave and rejoin limits; a launch's `timeouts` override them per launch. */
  limits?: Partial<BotLimits>;
  /** Backoff between rejoin attempts (default 2 s doubling to 60 s, ±20 %). */
  backoff?: Partial<BackoffPolicy>;
  /** How long a leaving page may take to confirm before its window is closed anyway. */
  leaveGraceMs?: number;
  /** How long a page may take to say how a chat message or rename went (default 15 s). */
  commandTimeoutMs?: number;
  /**
   * How long a page that may be in a meeting gets to leave it when its window is closed for
   * any other reason (a rejoin, the end of the bot) before the window is closed anyway.
   */
  pageLeaveTimeoutMs?: number;
  /** A fixed ZAK lifetime; by default the join timeout plus a margin (`zakTtlFor`). */
  zakTtlSeconds?: number;
  newId?: () => string;
  /** Injected so tests control backoff jitter and time; Math.random and real timers by default. */
  random?: () => number;
  timers?: FleetTimers;
}

export interface Fleet {
  launch(plan: LaunchPlan): Result<{ botIds: string[] }>;
  /** Asks one bot to leave (cancels it if it has not joined yet). */
  leave(botId: string): Result<null>;
  /** Asks every live bot to leave; returns how many were asked. */
  leaveAll(): number;
  /** Asks bots in a meeting to say `text` in its chat; refused when none of them is in one. */
  sendChat(target: ChatTarget, text: string): Result<{ asked: number }>;
  /** A new name before the bot joins, or asked of the meeting while it is in. */
  rename(botId: string, name: string): Result<null>;
  /** What relaunching a left or failed bot takes over (meeting, passcode, account, limits). */
  relaunchPlan(botId: string): Result<RelaunchPlan>;
  /** Chat messages and renames as they are settled, for the history. */
  onActivity(listener: (entry: ActivityEntry) => void): () => void;
  /** Asks the live bots among these to leave (unknown and ended ones are skipped); how many. */
  leaveMany(botIds: readonly string[]): number;
  /** Asks every live bot in that meeting to leave; returns how many were asked. */
  leaveMeeting(meetingNumber: string): number;
  /**
   * Forgets every left and failed bot (the dashboard takes them off its table; the history
   * has them already). Returns how many.
   */
  clearEnded(): number;
  /** Whether the fleet has this bot (live or not yet cleared). */
  has(botId: string): boolean;
  list(): BotView[];
  onChanged(listener: (event: BotsChangedEvent) => void): () => void;
  /** A bot page said ready: its ticket, the first time only. */
  botReady(botId: string): Result<JoinTicket>;
  /** A bot page reported its meeting status. Reports that do not fit the bot's state are ignored. */
  botStatus(botId: string, report: ParsedBotStatusReport): Result<null>;
  /** A bot page said how a chat message or a rename went. */
  botCommandResult(botId: string, report: ParsedCommandResult): Result<null>;
  /** Leaves every bot, waits up to `timeoutMs` for them to end, then closes what is left. */
  dispose(timeoutMs?: number): Promise<void>;
}

export const FLEET_DEFAULTS = {
  joinTimeoutMs: DEFAULT_LIMITS.joinTimeoutMs,
  leaveGraceMs: 10_000,
  commandTimeoutMs: 15_000,
  // The page's own client waits 5 s for the SDK's leave before reporting `left` anyway.
  pageLeaveTimeoutMs: 6_000,
} as const;

/**
 * Everything the route modules share for one running sandbox, built once per start.
 */
import { AccountDirectory, avatarUrl } from './account-directory';
import { AuditLog } from './audit-log';
import type { OriginAllowList } from './caller-check';
import { FaultInjector } from './fault-injector';
import { MeetingChat } from './meeting-chat';
import { MeetingService } from './meeting-service';
import { PresenceStreams } from './presence-streams';
import { PRO_LIMITS, RateLimiter } from './rate-limiter';
import { createSandboxClock, type SandboxClock } from './sandbox-clock';
import type { SandboxLimits } from './sandbox-limits';
import { TokenRegistry } from './token-registry';

/** The state and services of one running sandbox. */
export interface SandboxContext {
  clock: SandboxClock;
  directory: AccountDirectory;
  tokens: TokenRegistry;
  limiter: RateLimiter;
  lightLimit: number;
  limits: SandboxLimits;
  faults: FaultInjector;
  meetings: MeetingService;
  chat: MeetingChat;
  presence: PresenceStreams;
  audit: AuditLog;
  /** Origins of Botdeck's own pages; scripts may add one (`POST /sandbox/allowed-origins`). */
  origins: OriginAllowList;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  baseUrl(): string;
}

/** Settings for `createSandboxContext`. */
export interface SandboxContextOptions {
  origins: OriginAllowList;
  limits: SandboxLimits;
  lightLimitPerSecond: number;
  audit: boolean;
  now: () => number;
  baseUrl: () => string;
}

/** Wires the sandbox's parts together. */
export function createSandboxContext(options: SandboxContextOptions): SandboxContext {
  const clock = createSandboxClock(options.now);
  const directory = AccountDirectory.createDemo(clock.now());
  const { limits } = options;
  const { account } = directory;
  const tokens = new TokenRegistry(clock, limits, account.accountId);
  const meetings = new MeetingService({
    clock,
    sdkCredentials: [{ sdkKey: account.sdkKey, sdkSecret: account.sdkSecret }],
    checkZak: (zak) => tokens.checkZak(zak),
    avatarOf: (userId) => (directory.getUser(userId) ? avatarUrl(options.baseUrl(), userId) : null),
    limits,
  });
  return {
    clock,
    directory,
    tokens,
    limiter: new RateLimiter({ ...PRO_LIMITS, Light: options.lightLimitPerSecond }, clock),
    lightLimit: options.lightLimitPerSecond,
    limits,
    faults: new FaultInjector(options.lightLimitPerSecond, limits.faultRules),
    meetings,
    chat: new MeetingChat(meetings, clock, limits),
    presence: new PresenceStreams(meetings),
    audit: new AuditLog(options.audit, limits.auditJoins),
    origins: options.origins,
    baseUrl: options.baseUrl,
  };
}

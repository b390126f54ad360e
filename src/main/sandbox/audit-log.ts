/**
 * What tests may inspect after the fact: token-endpoint traffic, every secret the sandbox
 * issued (to scan other traffic for leaks), and every join attempt with its outcome.
 */
import type { TokenRegistry } from './token-registry';

/** One join attempt as the audit records it. */
export interface JoinRecord {
  meetingNumber: string;
  userName: string;
  zak: string | null;
  participantId: string | null;
  errorCode: number | null;
  at: number;
}

/** The `GET /sandbox/audit` body. */
export interface AuditSnapshot {
  oauthRequests: number;
  accessTokens: string[];
  zaks: { token: string; userId: string; mintedAt: number; ttl: number }[];
  joins: JoinRecord[];
}

/** Counters and records that the token registry does not already keep. */
export class AuditLog {
  private oauthRequests = 0;
  private readonly joins: JoinRecord[] = [];

  /**
   * When disabled (the app's default) nothing is kept, so a long session does not grow; when
   * enabled, the newest `maxJoins` join attempts are.
   */
  constructor(
    readonly enabled: boolean,
    private readonly maxJoins: number,
  ) {}

  countOauthRequest(): void {
    this.oauthRequests += 1;
  }

  recordJoin(record: JoinRecord): void {
    if (!this.enabled) return;
    // Dropped a tenth at a time, so the cost of shifting the array is spread thin.
    if (this.joins.length >= this.maxJoins) this.joins.splice(0, Math.ceil(this.maxJoins / 10));
    this.joins.push(record);
  }

  snapshot(tokens: TokenRegistry): AuditSnapshot {
    return {
      oauthRequests: this.oauthRequests,
      accessTokens: tokens.allAccessTokens(),
      zaks: tokens
        .allZaks()
        .map(({ token, userId, mintedAt, ttl }) => ({ token, userId, mintedAt, ttl })),
      joins: this.joins.map((join) => ({ ...join })),
    };
  }
}

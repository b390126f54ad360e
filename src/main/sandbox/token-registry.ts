/**
 * Access tokens and user tokens (ZAKs), with exactly the lifetimes observed in
 * docs/zoom.md, "Observed ZAK semantics": every mint is new, older tokens stay valid, a ZAK expires
 * on its own clock, and only "sign out from all devices" revokes ZAKs, and only those minted before
 * it.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxClock } from './sandbox-clock';
import { randomToken } from './random-ids';
import { zoomShapedZak } from './zak-shape';
import { capReached, type SandboxLimits } from './sandbox-limits';

/** Zoom's access-token lifetime for Server-to-Server OAuth. */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;

/** `zak` joins meetings; `token` is Zoom's deprecated other kind, which never does. */
export type UserTokenKind = 'zak' | 'token';

/** One minted user token. */
export interface UserTokenRecord {
  token: string;
  kind: UserTokenKind;
  userId: string;
  mintedAt: number;
  ttl: number;
  revoked: boolean;
}

/** Why a ZAK cannot be used to sign in. */
export type ZakProblem = 'missing' | 'unknown' | 'expired' | 'revoked' | 'wrong_kind';

/** The result of checking a ZAK at join. */
export type ZakCheck = { ok: true; userId: string } | { ok: false; problem: ZakProblem };

interface AccessTokenRecord {
  accountId: string;
  expiresAt: number;
}

/** Issues and checks access tokens and user tokens against sandbox time. */
export class TokenRegistry {
  private readonly accessTokens = new Map<string, AccessTokenRecord>();
  private readonly userTokens = new Map<string, UserTokenRecord>();
  /** Signs this run's ZAKs (zak-shape.ts); never leaves the sandbox. */
  private readonly zakKey = randomBytes(32);

  constructor(
    private readonly clock: SandboxClock,
    private readonly limits: Pick<SandboxLimits, 'liveUserTokens' | 'liveAccessTokens'>,
    /** The account whose users' ZAKs this registry mints (a ZAK names it, as Zoom's do). */
    private readonly accountId: string,
  ) {}

  /** A new access token; earlier ones stay valid until their own expiry. Throws a 429 when full. */
  issueAccessToken(accountId: string): string {
    const cap = this.limits.liveAccessTokens;
    if (this.accessTokens.size >= cap) {
      // Dead tokens are forgotten only when room is needed, so the audit keeps them otherwise.
      const now = this.clock.now();
      for (const [token, record] of this.accessTokens) {
        if (now >= record.expiresAt) this.accessTokens.delete(token);
      }
      if (this.accessTokens.size >= cap) {
        throw capReached('live access tokens', cap, 'reuse one until it expires (an hour).');
      }
    }
    const token = randomToken(48);
    const expiresAt = this.clock.now() + ACCESS_TOKEN_TTL_SECONDS * 1000;
    this.accessTokens.set(token, { accountId, expiresAt });
    return token;
  }

  /** The account a live access token belongs to, or null when unknown or expired. */
  accountOf(accessToken: string): string | null {
    const record = this.accessTokens.get(accessToken);
    if (!record || this.clock.now() >= record.expiresAt) return null;
    return record.accountId;
  }

  /** Mints a new user token; never touches tokens minted before. Throws a 429 when full. */
  mint(userId: string, kind: UserTokenKind, ttl: number): UserTokenRecord {
    const cap = this.limits.liveUserTokens;
    if (this.userTokens.size >= cap) {
      for (const [token, record] of this.userTokens) {
        if (record.revoked || this.expired(record)) this.userTokens.delete(token);
      }
      if (this.userTokens.size >= cap) {
        throw capReached(
          'live ZAKs',
          cap,
          'mint them with a shorter ttl, or wait until some expire.',
        );
      }
    }
    const mintedAt = this.clock.now();
    const record: UserTokenRecord = {
      token:
        kind === 'zak'
          ? zoomShapedZak(
              { userId, accountId: this.accountId, issuedAtMs: mintedAt, ttlSeconds: ttl },
              this.zakKey,
            )
          : randomToken(40),
      kind,
      userId,
      mintedAt,
      ttl,
      revoked: false,
    };
    this.userTokens.set(record.token, record);
    return record;
  }

  /** Checks a ZAK as Zoom does at join time (and only then). */
  checkZak(zak: string | null | undefined): ZakCheck {
    if (!zak) return { ok: false, problem: 'missing' };
    const record = this.userTokens.get(zak);
    if (!record) return { ok: false, problem: 'unknown' };
    if (record.kind !== 'zak') return { ok: false, problem: 'wrong_kind' };
    if (record.revoked) return { ok: false, problem: 'revoked' };
    if (this.expired(record)) return { ok: false, problem: 'expired' };
    return { ok: true, userId: record.userId };
  }

  private expired(record: UserTokenRecord): boolean {
    return this.clock.now() >= record.mintedAt + record.ttl * 1000;
  }

  /** "Sign Me Out from All Devices": revokes every ZAK the user has so far; returns how many. */
  revokeAll(userId: string): number {
    let revoked = 0;
    for (const record of this.userTokens.values()) {
      if (record.userId === userId && !record.revoked) {
        record.revoked = true;
        revoked += 1;
      }
    }
    return revoked;
  }

  /** Every access token ever issued (for the audit). */
  allAccessTokens(): string[] {
    return [...this.accessTokens.keys()];
  }

  /** Every ZAK ever minted, in mint order (for the audit). */
  allZaks(): UserTokenRecord[] {
    return [...this.userTokens.values()].filter((record) => record.kind === 'zak');
  }
}

/**
 * Test-time faults: make the next N (or a fraction of) calls to one endpoint fail with a
 * status and/or answer late, so clients' retry, backoff and timeout paths can be exercised.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { HttpError } from './http-kit';
import { randomToken } from './random-ids';
import { tooManyRequests } from './rate-limiter';
import { capReached } from './sandbox-limits';

/** Which endpoint a fault hits: token endpoint, user profile/creation, ZAK mint, or join. */
export const FAULT_TARGETS = ['oauth', 'user', 'zak', 'join'] as const;
export type FaultTarget = (typeof FAULT_TARGETS)[number];

/** Body of `POST /sandbox/faults`. */
export const FaultRuleSchema = z
  .object({
    target: z.enum(FAULT_TARGETS),
    status: z.number().int().min(400).max(599).optional(),
    /** How many matching calls it hits; defaults to 1 when `fraction` is absent, else unlimited. */
    count: z.number().int().min(1).max(1_000_000).optional(),
    /** Probability (0..1) that a matching call is hit. */
    fraction: z.number().min(0).max(1).optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    /** Retry-After for a 429; "" leaves the header out. Defaults to "1". */
    retryAfter: z.string().max(64).optional(),
  })
  .strict()
  .refine((rule) => rule.status !== undefined || rule.latencyMs !== undefined, {
    message: 'A fault needs a status, a latencyMs, or both.',
  });
export type FaultRuleInput = z.output<typeof FaultRuleSchema>;

/** A stored rule. `remaining` is null when only `fraction` bounds it. */
export interface FaultRule extends FaultRuleInput {
  id: string;
  remaining: number | null;
}

/** The fault registry. Rules are tried in the order added; at most one hits a call. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  // Aborted on close so a pending latency fault cannot hold the process open.
  private readonly closing = new AbortController();

  constructor(
    private readonly lightLimit: number,
    private readonly maxRules: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Stores a rule; throws a 429 when `maxRules` are already active. */
  add(input: FaultRuleInput): FaultRule {
    if (this.rules.length >= this.maxRules) {
      throw capReached('fault rules', this.maxRules, 'remove them with DELETE /sandbox/faults.');
    }
    const remaining = input.count ?? (input.fraction === undefined ? 1 : null);
    const rule: FaultRule = { ...input, id: randomToken(6), remaining };
    this.rules.push(rule);
    return rule;
  }

  clear(): void {
    this.rules = [];
  }

  /** The rules still active, in the order they are tried. */
  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** Consumes and returns the rule that hits this call, if any. */
  take(target: FaultTarget): FaultRule | null {
    for (const rule of this.rules) {
      if (rule.target !== target) continue;
      if (rule.fraction !== undefined && this.random() >= rule.fraction) continue;
      if (rule.remaining !== null) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      }
      return rule;
    }
    return null;
  }

  /** Applies the rule hitting this call, if any: waits its latency, then throws its error. */
  async strike(target: FaultTarget): Promise<void> {
    const rule = this.take(target);
    if (!rule) return;
    if (rule.latencyMs) {
      await delay(rule.latencyMs, undefined, { signal: this.closing.signal }).catch(() => {
        throw new HttpError(503, { code: 503, message: 'Sandbox is shutting down' });
      });
    }
    const error = faultError(rule, this.lightLimit);
    if (error) throw error;
  }

  /** Cancels pending latency waits (on server close). */
  dispose(): void {
    this.closing.abort();
  }
}

/** The error a rule's status turns into, in Zoom's shapes. */
export function faultError(rule: FaultRule, lightLimit: number): HttpError | null {
  if (rule.status === undefined) return null;
  if (rule.status === 429) {
    const retryAfter = rule.retryAfter === undefined ? '1' : rule.retryAfter || null;
    return tooManyRequests('Light', lightLimit, retryAfter);
  }
  // The join route's clients read `errorCode`, REST clients read `code`: give both a number.
  const body: Record<string, unknown> = { code: rule.status, message: 'Sandbox fault' };
  if (rule.target === 'join') body.errorCode = rule.status;
  return new HttpError(rule.status, body);
}

/**
 * The shape of `settings.json`. Nothing secret has a field here: client and SDK secrets live
 * only in the OS keychain (`src/main/vault/`). Object schemas drop unknown keys, so even a record
 * that carries a secret by mistake is written without it.
 *
 * Fields added later get defaults, so files written by an older Botdeck still load.
 */
import { z } from 'zod';
import { AccountIdSchema } from '../vault/vault-schemas';

/** A Zoom identifier (account id, client id, SDK key): no whitespace, bounded. */
const ZoomIdSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(128)
  .regex(/^\S+$/, 'must not contain spaces');

/** Zoom plan of the account; picks the client-side ZAK rate limit (Free 4/s, Pro 30/s, Business+ 80/s). */
export const PlanSchema = z.enum(['free', 'pro', 'business']);
export type Plan = z.infer<typeof PlanSchema>;

/** The outcome of the last "Test connection", as words safe to show (never a token or ZAK). */
export const LastTestSchema = z.object({
  at: z.number().int().nonnegative(),
  ok: z.boolean(),
  summary: z.string().max(500),
});
export type LastTest = z.infer<typeof LastTestSchema>;

/** A Zoom account's non-secret fields. Its secrets are in the keychain under the same `id`. */
export const AccountRecordSchema = z.object({
  id: AccountIdSchema,
  label: z.string().trim().min(1, 'must not be empty').max(80),
  /** The Server-to-Server OAuth app's account id. */
  s2sAccountId: ZoomIdSchema,
  /** The Server-to-Server OAuth app's client id. */
  clientId: ZoomIdSchema,
  /** The Meeting SDK app's client id (Zoom calls it "SDK key" in older docs). */
  sdkKey: ZoomIdSchema,
  /** The service user whose ZAKs the bots use: a Zoom user id or e-mail address. */
  userId: z.string().trim().min(1, 'must not be empty').max(254),
  plan: PlanSchema,
  lastTest: LastTestSchema.nullable().default(null),
});
export type AccountRecord = z.infer<typeof AccountRecordSchema>;
/** What callers pass to `upsertAccount` (`lastTest` may be left out). */
export type AccountRecordInput = z.input<typeof AccountRecordSchema>;

const MINUTE = 60_000;
/** A timer in ms, or null for "off". */
const OptionalTimerSchema = z
  .number()
  .int()
  .min(1_000)
  .max(24 * 60 * MINUTE)
  .nullable();

/** The launch settings' rules, without defaults (so that a partial patch stays partial). */
const launchFields = {
  /**
   * Bots launched at once (minting, opening windows, joining). Unset: a default measured per
   * kind of bot (src/main/fleet/launch-pace.ts: 20 for sandbox bots, one per core for Zoom's).
   */
  concurrency: z.number().int().min(1).max(50),
  /** Leave when a join has not connected after this long. */
  joinTimeoutMs: z
    .number()
    .int()
    .min(5_000)
    .max(10 * MINUTE),
  /** Leave after this long in a waiting room; null = wait forever. */
  waitingRoomTimeoutMs: OptionalTimerSchema,
  /** Leave after being alone in the meeting this long; null = stay. */
  aloneTimeoutMs: OptionalTimerSchema,
  /** Leave after this long in the meeting; null = no limit. */
  maxDurationMs: OptionalTimerSchema,
  /** Rejoin attempts after a disconnect or crash before giving up. */
  reconnectAttempts: z.number().int().min(0).max(20),
};

/** Per-launch defaults the dashboard pre-fills; issue 4's auto-leave and rejoin settings. */
export const LaunchDefaultsSchema = z.object({
  concurrency: launchFields.concurrency.optional(),
  joinTimeoutMs: launchFields.joinTimeoutMs.default(60_000),
  waitingRoomTimeoutMs: launchFields.waitingRoomTimeoutMs.default(15 * MINUTE),
  aloneTimeoutMs: launchFields.aloneTimeoutMs.default(5 * MINUTE),
  maxDurationMs: launchFields.maxDurationMs.default(null),
  reconnectAttempts: launchFields.reconnectAttempts.default(5),
});
export type LaunchDefaults = z.infer<typeof LaunchDefaultsSchema>;

export const SETTINGS_VERSION = 1;

export const SettingsSchema = z
  .object({
    version: z.literal(SETTINGS_VERSION),
    accounts: z.array(AccountRecordSchema).max(100).default([]),
    /** The account bots launch under when none is picked; null = the first account. */
    defaultAccountId: AccountIdSchema.nullable().default(null),
    launchDefaults: LaunchDefaultsSchema.prefault({}),
    /** Relaunch bots that were live when the app stopped, instead of only listing them. */
    relaunchAfterRestart: z.boolean().default(false),
    /** Notify the operator when a bot fails, is removed by the host or its meeting ends. */
    notifications: z.boolean().default(true),
    /**
     * Where the desktop app serves bot pages from: its own `app://botdeck` scheme, or a
     * loopback `http://127.0.0.1` origin (same files, headers and policies) for when Zoom
     * refuses the custom scheme as the origin of its join request.
     */
    botPageOrigin: z.enum(['app', 'loopback']).default('app'),
  })
  .superRefine((settings, context) => {
    const seen = new Set<string>();
    settings.accounts.forEach((account, index) => {
      if (seen.has(account.id)) {
        context.addIssue({
          code: 'custom',
          path: ['accounts', index, 'id'],
          message: 'Two accounts have the same id.',
        });
      }
      seen.add(account.id);
    });
  });
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings of a first start. */
export function defaultSettings(): Settings {
  return SettingsSchema.parse({ version: SETTINGS_VERSION });
}

/**
 * What `update` accepts: anything but the accounts (those go through `upsertAccount` and
 * `removeAccount`, so a stale copy of the list can never overwrite a newer one).
 */
export const SettingsPatchSchema = z.strictObject({
  defaultAccountId: AccountIdSchema.nullable().optional(),
  launchDefaults: z.strictObject(launchFields).partial().optional(),
  relaunchAfterRestart: z.boolean().optional(),
  notifications: z.boolean().optional(),
});
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;

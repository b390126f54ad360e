/**
 * Loads keytar lazily. keytar is a native CommonJS module: a missing libsecret, a build for the
 * wrong Node/Electron ABI or no prebuilt binary all throw at load time. Importing it dynamically
 * turns that into a `VaultUnavailableError` the app can show, instead of a crash at start that
 * would also take sandbox mode down.
 */
import { z } from 'zod';
import type { InstallKind } from './keychain-words';
import { VaultUnavailableError, messageOf } from './vault-errors';

/** The subset of keytar's API the vault uses (keytar 7.x signatures). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function');

const KeytarModuleSchema = z.object({
  getPassword: fn,
  setPassword: fn,
  deletePassword: fn,
  findCredentials: fn,
});

/** A CommonJS module imported from ESM arrives as `default`; some bundlers flatten it. */
const ImportedSchema = z.union([
  z.object({ default: KeytarModuleSchema }).transform((module) => module.default),
  KeytarModuleSchema,
]);

export interface LoadKeytarOptions {
  /** How to import the module; tests pass a failing or fake importer. */
  importModule?: () => Promise<unknown>;
  /** `process.platform` by default; picks the words of the error. */
  platform?: string;
  /** From `process` by default; picks how the error says to repair the module. */
  install?: InstallKind;
}

/**
 * keytar is an optional dependency: npm leaves it out when its native build fails. Node says
 * so with a module-not-found error naming the package itself (a missing `keytar.node` inside an
 * installed keytar names that file instead, and is a broken build).
 */
function isKeytarMissing(error: unknown): boolean {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    /['"]keytar['"]/.test(messageOf(error))
  );
}

/**
 * Imports keytar and checks its shape.
 *
 * @throws VaultUnavailableError: `not_installed` when npm left keytar out, `native_module`
 *   when it is there but cannot be loaded or is not keytar.
 */
export async function loadKeytar(options: LoadKeytarOptions = {}): Promise<KeytarLike> {
  const importModule = options.importModule ?? (() => import('keytar'));
  const platform = options.platform ?? process.platform;
  const install = options.install;
  let imported: unknown;
  try {
    imported = await importModule();
  } catch (error) {
    // Whatever went wrong while loading (missing libsecret, wrong ABI, no binary), it is the
    // module, not the running keychain.
    const reason = isKeytarMissing(error) ? 'not_installed' : 'native_module';
    throw new VaultUnavailableError(reason, { platform, install, cause: messageOf(error) });
  }
  const parsed = ImportedSchema.safeParse(imported);
  if (!parsed.success) {
    throw new VaultUnavailableError('native_module', {
      platform,
      install,
      cause:
        'the keytar module does not export getPassword/setPassword/deletePassword/findCredentials',
    });
  }
  // The schema checked the four functions exist; their signatures are keytar's own typings.
  return parsed.data as unknown as KeytarLike;
}

/**
 * Meeting passcodes at rest. The roster keeps a bot's passcode so a relaunch after a restart can
 * get back into its meeting, and `presets.json` keeps those of presets and recent meetings, but
 * a passcode opens the meeting to anyone, so neither file holds one in the clear: it is sealed
 * with AES-256-GCM under a key in the OS keychain, bound to its entry's id (a sealed passcode
 * copied onto another entry does not open). Without a keychain passcodes are kept only in
 * memory, and after a restart the relaunch or the launch form asks the operator for them.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Logger } from '../log/logger';

export interface PasscodeSeal {
  seal(botId: string, passcode: string): string;
  /** The passcode, or null when `sealed` was not made by this key for this bot. */
  open(botId: string, sealed: string): string | null;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createPasscodeSeal(key: Buffer): PasscodeSeal {
  if (key.length !== 32) throw new RangeError('The passcode key must be 32 bytes (AES-256).');
  return {
    seal(botId, passcode) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(botId, 'utf8'));
      const data = Buffer.concat([cipher.update(passcode, 'utf8'), cipher.final()]);
      const parts = [iv, data, cipher.getAuthTag()].map((part) => part.toString('base64url'));
      return [VERSION, ...parts].join('.');
    },
    open(botId, sealed) {
      const [version, iv, data, tag, ...rest] = sealed.split('.');
      if (version !== VERSION || iv === undefined || data === undefined || tag === undefined) {
        return null;
      }
      if (rest.length > 0) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(Buffer.from(botId, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([
          decipher.update(Buffer.from(data, 'base64url')),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

/**
 * The seal for this run: from the keychain's key when there is one, else null (memory only).
 * Says once in the log which is in force.
 */
export async function loadPasscodeSeal(
  loadKey: (() => Promise<Buffer>) | undefined,
  logger: Logger,
): Promise<PasscodeSeal | null> {
  const memoryOnly = (why: string, error?: unknown): null => {
    logger.warn(
      'Meeting passcodes are kept in memory only: a relaunch after a restart will ask for them',
      { why, ...(error === undefined ? {} : { error }) },
    );
    return null;
  };
  if (!loadKey) return memoryOnly('this host keeps no key for them');
  try {
    const seal = createPasscodeSeal(await loadKey());
    logger.info('Meeting passcodes in the roster are encrypted with a key in the keychain');
    return seal;
  } catch (error) {
    return memoryOnly('the system keychain cannot be used', error);
  }
}

/** A roster entry's passcode as the file holds it: sealed, or (old rosters, none) plain. */
export interface FilePasscode {
  passcode?: string;
  sealedPasscode?: string;
}

/** A bot's passcode in memory: null when unknown; a sealed one this run cannot open rides along. */
export interface HeldPasscode {
  passcode: string | null;
  sealedPasscode?: string;
}

/**
 * What the file's entry says the passcode is. An old roster's plain passcode is taken as it is
 * (and sealed, or dropped from the file, at the next write); one sealed by another key is lost.
 */
export function passcodeFromFile(
  botId: string,
  entry: FilePasscode,
  seal: PasscodeSeal | null,
): HeldPasscode {
  if (entry.sealedPasscode !== undefined) {
    if (!seal) return { passcode: null, sealedPasscode: entry.sealedPasscode };
    return { passcode: seal.open(botId, entry.sealedPasscode) };
  }
  return { passcode: entry.passcode ?? null };
}

/** What the file gets: never a passcode in the clear, except "none" (''). */
export function passcodeToFile(
  botId: string,
  held: HeldPasscode,
  seal: PasscodeSeal | null,
): FilePasscode {
  if (held.passcode === '') return { passcode: '' };
  if (held.passcode === null) {
    return held.sealedPasscode === undefined ? {} : { sealedPasscode: held.sealedPasscode };
  }
  return seal ? { sealedPasscode: seal.seal(botId, held.passcode) } : {};
}

/** An entry as the file holds it, or as memory does: the same but for the passcode. */
export function withPasscode<T extends HeldPasscode | FilePasscode, P extends object>(
  entry: T,
  passcode: P,
): Omit<T, 'passcode' | 'sealedPasscode'> & P {
  const rest: Partial<Record<'passcode' | 'sealedPasscode', unknown>> = { ...entry };
  delete rest.passcode;
  delete rest.sealedPasscode;
  return { ...(rest as Omit<T, 'passcode' | 'sealedPasscode'>), ...passcode };
}

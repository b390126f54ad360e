/**
 * Shared setup for the persistence integration tests: the fleet kit's Botdeck (composition
 * function, the Node bot host, real sandbox) on a data folder; a "crash" that
 * keeps the data folder exactly as it was on disk; and the secrets of a run, to scan files for.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Botdeck, BotdeckOptions } from '../../../src/main/app/create-botdeck';
import type { RunningSandbox } from '../../../src/main/sandbox/sandbox-server';
import type {
  AnswerOf,
  AppSnapshot,
  DashboardChannel,
  HistoryEntry,
  RequestInputOf,
} from '../../../src/shared/ipc-contract';
import { startFleet } from '../main/fleet-test-kit';
import type { NodeBotHost } from '../main/node-bot-host';
import { audit } from '../../support/sandbox-client';

export interface Deck {
  botdeck: Botdeck;
  host: NodeBotHost;
  /** Calls a dashboard channel; throws with main's words unless it succeeded. */
  call<C extends DashboardChannel>(channel: C, payload?: RequestInputOf<C>): Promise<AnswerOf<C>>;
  snapshot(): Promise<AppSnapshot>;
  history(limit?: number): Promise<HistoryEntry[]>;
}

/** A bot's state as the dashboard's snapshot lists it; undefined once it is off the table. */
export const stateOf = async (deck: Deck, id: string) =>
  (await deck.snapshot()).bots.find((bot) => bot.id === id)?.state;

/** The key this test run's decks seal passcodes with, as the keychain would hand it out. */
const PASSCODE_KEY = randomBytes(32);

/** `keychain: false` starts Botdeck as on a machine with no keychain (passcodes in memory). */
export async function startDeck(
  sandbox: RunningSandbox,
  dataDir: string,
  options: Partial<BotdeckOptions> = {},
  { keychain = true }: { keychain?: boolean } = {},
): Promise<Deck> {
  const passcodeKey = keychain ? () => Promise.resolve(PASSCODE_KEY) : undefined;
  const { botdeck, host } = await startFleet(sandbox, {
    persistence: { dataDir, passcodeKey },
    ...options,
  });
  async function call<C extends DashboardChannel>(
    channel: C,
    payload?: RequestInputOf<C>,
  ): Promise<AnswerOf<C>> {
    const result = await botdeck.handleDashboard(channel, payload ?? {});
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }
  return {
    botdeck,
    host,
    call,
    snapshot: () => call('app:snapshot'),
    history: async (limit) => (await call('history:list', limit ? { limit } : {})).entries,
  };
}

/**
 * What a host killed right now leaves behind: a copy of its data folder as it is on disk. The
 * original host can then be disposed (its bots leave the meeting, as a dead host's would drop)
 * without its clean-quit writes reaching the copy.
 */
export async function killedHostDataDir(dataDir: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'botdeck-killed-'));
  await cp(dataDir, copy, { recursive: true });
  return copy;
}

/** The client and SDK secrets, and every access token and ZAK the sandbox issued in this run. */
export async function secretsOfRun(sandbox: RunningSandbox): Promise<string[]> {
  const seen = await audit(sandbox);
  return [
    sandbox.account.clientSecret,
    sandbox.account.sdkSecret,
    ...seen.accessTokens,
    ...seen.zaks.map((zak) => zak.token),
  ];
}

/** Every file in `dir` (and below) that contains one of `secrets`, with the secret's start. */
export async function filesHolding(dir: string, secrets: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const text = await readFile(path, 'utf8');
    for (const secret of secrets) {
      if (text.includes(secret)) found.push(`${path}: ${secret.slice(0, 6)}…`);
    }
  }
  return found;
}

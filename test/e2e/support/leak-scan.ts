/**
 * The leak scans the e2e tests run over what Botdeck lets out (dashboard traffic, the host's
 * log, its data folder): every secret the sandbox knows it issued, by value, and every SDK
 * signature. Signatures are made in main and checked by whoever receives the join, and the
 * sandbox keeps no list of them; but each is an HS256 JWT (`signMeetingSdkJwt`), so looking for
 * anything JWT-shaped finds every signature issued (and any other JWT, none of which belongs
 * in those places either).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Audit } from '../../support/sandbox-client';
import type { SandboxLine } from './sandbox-line';

/** A JWT: base64url JSON header and claims (both start `eyJ`, i.e. `{"`), then a signature. */
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g;

export function jwtsIn(text: string): string[] {
  return text.match(JWT) ?? [];
}

/** The secrets the sandbox's account holds and every access token and ZAK it issued. */
export function issuedSecrets(sandbox: SandboxLine, audit: Audit): string[] {
  return [
    sandbox.clientSecret,
    sandbox.sdkSecret,
    ...audit.accessTokens,
    ...audit.zaks.map((zak) => zak.token),
  ];
}

/** What in `text` is a leak: each secret found (by value), then each JWT-shaped string. */
export function leaksIn(text: string, secrets: readonly string[]): string[] {
  for (const secret of secrets) {
    // A short "secret" would match by chance and prove nothing.
    if (secret.length < 8) throw new Error(`Not a real secret to scan for: ${secret.length} chars`);
  }
  return [...secrets.filter((secret) => text.includes(secret)), ...jwtsIn(text)];
}

/** Files under `dir` (recursively) with a leak in them, and what leaked. */
export async function leakingFiles(
  dir: string,
  secrets: readonly string[],
): Promise<{ file: string; leaks: string[] }[]> {
  const found: { file: string; leaks: string[] }[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => '');
    const leaks = leaksIn(text, secrets);
    if (leaks.length > 0) found.push({ file: name, leaks });
  }
  return found;
}

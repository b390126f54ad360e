/**
 * Every id and secret the sandbox hands out comes from the OS CSPRNG: tests scan traffic for
 * leaked secrets, which only works when secrets cannot be guessed or collide.
 */
import { randomBytes, randomInt } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random base64url string from `bytes` random bytes. */
export const randomToken = (bytes: number): string => randomBytes(bytes).toString('base64url');

/** A Zoom-like user id: 22 base64url characters (16 random bytes), e.g. `KDcuGIm1QgePTO8WbOqwIQ`. */
export const zoomUserId = (): string => randomToken(16);

/** `length` random characters from [A-Za-z0-9]. */
export function randomAlphanumeric(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** An 11-digit meeting number that never starts with 0 (Zoom's instant/scheduled format). */
export function randomMeetingNumber(): string {
  let out = String(randomInt(1, 10));
  for (let i = 0; i < 10; i += 1) out += String(randomInt(10));
  return out;
}

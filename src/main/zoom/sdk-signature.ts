/**
 * Meeting SDK join signature (docs/zoom.md, "Meeting SDK signature"): an HS256 JWT signed with the
 * Meeting SDK client secret. Minted only in main. `verifyHs256Jwt` is what the embedded sandbox
 * uses to check it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SdkSignatureInput {
  sdkKey: string;
  sdkSecret: string;
  meetingNumber: string;
  role: 0 | 1;
  /** Epoch seconds. */
  issuedAt: number;
  /** Seconds; Zoom accepts 1,800 to 172,800. */
  lifetimeSeconds?: number;
}

export interface SdkSignaturePayload {
  appKey: string;
  sdkKey: string;
  mn: string;
  role: number;
  iat: number;
  exp: number;
  tokenExp: number;
}

const MIN_LIFETIME = 1800;
const MAX_LIFETIME = 172_800;

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

function hmac(secret: string, signingInput: string): Buffer {
  return createHmac('sha256', secret).update(signingInput).digest();
}

/**
 * Signs a join. Throws a RangeError rather than sign what Zoom would refuse: an empty key or
 * secret, a lifetime that is not whole seconds within Zoom's window, or an `issuedAt` that is
 * not epoch seconds (NaN would serialize as `"iat":null`, a huge value would lose the lifetime).
 */
export function signMeetingSdkJwt(input: SdkSignatureInput): string {
  const lifetime = input.lifetimeSeconds ?? 2 * 60 * 60;
  if (!Number.isInteger(lifetime) || lifetime < MIN_LIFETIME || lifetime > MAX_LIFETIME) {
    throw new RangeError(
      `Signature lifetime must be ${MIN_LIFETIME}–${MAX_LIFETIME} whole seconds`,
    );
  }
  if (input.sdkKey === '' || input.sdkSecret === '') {
    throw new RangeError('The Meeting SDK key and secret must not be empty');
  }
  // Zoom rejects an `iat` in the future; backdate slightly for clock skew between us and Zoom.
  const iat = Math.floor(input.issuedAt) - 30;
  const exp = iat + lifetime;
  if (!(input.issuedAt >= 0) || !Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) {
    throw new RangeError('issuedAt must be epoch seconds');
  }
  const payload: SdkSignaturePayload = {
    appKey: input.sdkKey,
    sdkKey: input.sdkKey,
    mn: input.meetingNumber,
    role: input.role,
    iat,
    exp,
    tokenExp: exp,
  };
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(
    JSON.stringify(payload),
  )}`;
  return `${signingInput}.${hmac(input.sdkSecret, signingInput).toString('base64url')}`;
}

export type JwtCheck =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; reason: 'malformed' | 'bad_signature' };

/** Checks shape and HS256 signature only; claims are the caller's business. */
export function verifyHs256Jwt(token: string, secret: string): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [header, body, signature] = parts as [string, string, string];
  let payload: unknown;
  try {
    const parsedHeader: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    if (!isRecord(parsedHeader) || parsedHeader.alg !== 'HS256') {
      return { ok: false, reason: 'malformed' };
    }
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!isRecord(payload)) return { ok: false, reason: 'malformed' };
  const expected = hmac(secret, `${header}.${body}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad_signature' };
  }
  return { ok: true, payload };
}

/** Reads claims without checking the signature (to find which key signed it). */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const body = token.split('.')[1];
  if (!body) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return isRecord(payload) ? payload : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

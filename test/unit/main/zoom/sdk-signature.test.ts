import { describe, expect, it } from 'vitest';
import {
  decodeJwtPayload,
  signMeetingSdkJwt,
  verifyHs256Jwt,
} from '../../../../src/main/zoom/sdk-signature';

const base = {
  sdkKey: 'key123',
  sdkSecret: 'secret456',
  meetingNumber: '81234567890',
  role: 0 as const,
};

describe('Meeting SDK signature', () => {
  it('carries appKey, sdkKey, mn, role, iat, exp and tokenExp as Zoom requires', () => {
    const jwt = signMeetingSdkJwt({ ...base, issuedAt: 1_700_000_000 });
    const payload = decodeJwtPayload(jwt);
    expect(payload).toMatchObject({
      appKey: 'key123',
      sdkKey: 'key123',
      mn: '81234567890',
      role: 0,
    });
    const { iat, exp, tokenExp } = payload as { iat: number; exp: number; tokenExp: number };
    expect(Number.isInteger(iat)).toBe(true);
    expect(iat).toBeLessThanOrEqual(1_700_000_000);
    expect(exp - iat).toBeGreaterThanOrEqual(1800);
    expect(exp - iat).toBeLessThanOrEqual(172_800);
    expect(tokenExp).toBe(exp);
  });

  it('verifies with the right secret and refuses a wrong one or a tampered payload', () => {
    const jwt = signMeetingSdkJwt({ ...base, issuedAt: 1_700_000_000 });
    expect(verifyHs256Jwt(jwt, 'secret456').ok).toBe(true);
    expect(verifyHs256Jwt(jwt, 'other')).toEqual({ ok: false, reason: 'bad_signature' });
    const [h, , s] = jwt.split('.');
    const forged = Buffer.from(JSON.stringify({ mn: '1', role: 1 })).toString('base64url');
    expect(verifyHs256Jwt(`${h}.${forged}.${s}`, 'secret456')).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyHs256Jwt('not-a-jwt', 'secret456')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a lifetime outside Zoom’s 1,800–172,800 s window', () => {
    expect(() => signMeetingSdkJwt({ ...base, issuedAt: 0, lifetimeSeconds: 60 })).toThrow(
      RangeError,
    );
  });

  // Regressions the payload property (sdk-signature-kat.test.ts) found: each signed a JWT Zoom
  // refuses instead of failing where the mistake is.
  it('refuses an empty SDK key or secret rather than sign appKey ""', () => {
    expect(() => signMeetingSdkJwt({ ...base, sdkKey: '', issuedAt: 1_700_000_000 })).toThrow(
      RangeError,
    );
    expect(() => signMeetingSdkJwt({ ...base, sdkSecret: '', issuedAt: 1_700_000_000 })).toThrow(
      RangeError,
    );
  });

  it('refuses an issuedAt that is not epoch seconds rather than sign iat null or lose the lifetime', () => {
    for (const issuedAt of [Number.NaN, Number.POSITIVE_INFINITY, -1, 1e300]) {
      expect(() => signMeetingSdkJwt({ ...base, issuedAt }), String(issuedAt)).toThrow(RangeError);
    }
  });

  it('refuses a lifetime that is not whole seconds (NaN slipped past the range check)', () => {
    for (const lifetimeSeconds of [Number.NaN, 1800.5]) {
      expect(() =>
        signMeetingSdkJwt({ ...base, issuedAt: 1_700_000_000, lifetimeSeconds }),
      ).toThrow(RangeError);
    }
  });
});

/**
 * Known-answer test for the Meeting SDK signature: fixed inputs whose JWT was computed by an
 * independent implementation (openssl's HMAC-SHA256 and base64, run again here), plus Zoom's
 * documented payload rules checked on every signature the signer can produce.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJwtPayload, signMeetingSdkJwt } from '../../../../src/main/zoom/sdk-signature';
import { fuzz } from '../../../support/fuzz';

const KEY = 'BotdeckKatSdkKey000001';
const SECRET = 'BotdeckKatSdkSecret0000000000001';
const IAT = 1_700_000_000;
const EXP = 1_700_007_200;

/** Computed once with openssl from the header and payload below; recomputed in the test. */
const EXPECTED_JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' +
  'eyJhcHBLZXkiOiJCb3RkZWNrS2F0U2RrS2V5MDAwMDAxIiwic2RrS2V5IjoiQm90ZGVja0thdFNka0tleTAwMDAwMSIsIm1uIjoiODEyMzQ1Njc4OTAiLCJyb2xlIjowLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwNzIwMCwidG9rZW5FeHAiOjE3MDAwMDcyMDB9.' +
  'tkzjThPiW5J_UTdrp5JcbS4Ut4dHdCI-InhbM2SywzQ';

/** base64url with openssl, not Node's Buffer. */
function opensslBase64url(data: string | Buffer): string {
  return execFileSync('openssl', ['base64', '-A'], { input: data })
    .toString('utf8')
    .trim()
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function opensslJwt(header: string, payload: string, secret: string): string {
  const input = `${opensslBase64url(header)}.${opensslBase64url(payload)}`;
  const mac = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret, '-binary'], {
    input,
  });
  return `${input}.${opensslBase64url(mac)}`;
}

const ZOOM_FIELDS = ['appKey', 'exp', 'iat', 'mn', 'role', 'sdkKey', 'tokenExp'];

describe('Meeting SDK signature known answer', () => {
  it('matches the JWT openssl computes for fixed key, secret, meeting, role, iat and exp', () => {
    const header = '{"alg":"HS256","typ":"JWT"}';
    const payload =
      `{"appKey":"${KEY}","sdkKey":"${KEY}","mn":"81234567890","role":0,` +
      `"iat":${IAT},"exp":${EXP},"tokenExp":${EXP}}`;
    expect(opensslJwt(header, payload, SECRET)).toBe(EXPECTED_JWT);
    const signed = signMeetingSdkJwt({
      sdkKey: KEY,
      sdkSecret: SECRET,
      meetingNumber: '81234567890',
      role: 0,
      // The signer backdates iat by 30 s for clock skew, as Zoom's own sample does.
      issuedAt: IAT + 30,
      lifetimeSeconds: EXP - IAT,
    });
    expect(signed).toBe(EXPECTED_JWT);
  });

  it('carries exactly Zoom’s fields, with whole-second iat, tokenExp = exp and a lifetime Zoom accepts (10,000 cases)', async () => {
    await fuzz(
      'Meeting SDK signature payload',
      fc.record({
        sdkKey: fc.string({ maxLength: 40 }),
        sdkSecret: fc.string({ maxLength: 64 }),
        meetingNumber: fc.stringMatching(/^\d{9,11}$/),
        role: fc.constantFrom(0 as const, 1 as const),
        issuedAt: fc.oneof(fc.double(), fc.integer({ min: 0, max: 4_102_444_800 })),
        lifetimeSeconds: fc.option(
          fc.oneof(fc.double({ min: 0, max: 200_000 }), fc.integer({ min: 1_800, max: 172_800 })),
          { nil: undefined },
        ),
      }),
      (input) => {
        let jwt: string;
        try {
          jwt = signMeetingSdkJwt(input);
        } catch (error) {
          // Refusing is fine; signing something Zoom would reject is not.
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        const payload = decodeJwtPayload(jwt) ?? {};
        expect(Object.keys(payload).sort()).toEqual(ZOOM_FIELDS);
        const { iat, exp, tokenExp, appKey, sdkKey, mn, role } = payload;
        expect(Number.isInteger(iat)).toBe(true);
        expect(Number.isInteger(exp)).toBe(true);
        expect(tokenExp).toBe(exp);
        const lifetime = (exp as number) - (iat as number);
        expect(lifetime).toBeGreaterThanOrEqual(1_800);
        expect(lifetime).toBeLessThanOrEqual(172_800);
        expect(appKey).toBe(input.sdkKey);
        expect(sdkKey).toBe(input.sdkKey);
        expect(appKey).not.toBe('');
        expect(mn).toBe(input.meetingNumber);
        expect(role).toBe(input.role);
      },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactText } from '../../../../src/main/log/redact-text';
import { signMeetingSdkJwt } from '../../../../src/main/zoom/sdk-signature';

const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/** A JWT as Zoom or Botdeck would mint one: JSON header and claims, a binary signature. */
const jwt = fc
  .record({
    claims: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer())),
    signature: fc.uint8Array({ minLength: 32, maxLength: 64 }),
  })
  .map(
    ({ claims, signature }) =>
      `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.` +
      `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${base64url(signature)}`,
  );

/** An opaque random token, as the sandbox and many services hand out (24+ random bytes). */
const opaque = fc.uint8Array({ minLength: 24, maxLength: 64 }).map(base64url);

/** Ordinary log words: no run of 32 word characters, no secret-looking name. */
const words = fc
  .array(
    fc
      .stringMatching(/^[A-Za-z0-9_./:-]{0,20}$/)
      .filter((w) => !/eyJ|zak|tk|signature|token|secret|pass|pwd|authorization/i.test(w)),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(' '));

describe('redactText', () => {
  it('removes an SDK signature from a console line', () => {
    const signature = signMeetingSdkJwt({
      sdkKey: 'key',
      sdkSecret: 'secret',
      meetingNumber: '85746065432',
      role: 0,
      issuedAt: 1_700_000_000,
    });
    const line = `join failed for ${signature} (code 3712)`;
    expect(redactText(line)).toBe('join failed for [redacted] (code 3712)');
  });

  it('removes named values however short: a ZAK in a URL, a bearer token, a JSON field', () => {
    expect(redactText('GET /wc/join?mn=1&zak=abc123&lang=en')).toBe(
      'GET /wc/join?mn=1&zak=[redacted]&lang=en',
    );
    expect(redactText('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redactText('{"signature":"x1","name":"Bot"}')).toBe(
      '{"signature":"[redacted]","name":"Bot"}',
    );
  });

  it('never lets a JWT or an opaque token through, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(jwt, opaque), fc.string(), (before, secret, after) => {
        const out = redactText(`${before}${secret}${after}`);
        expect(out).not.toContain(secret);
        // Nor a recognisable piece of it (each JWT segment, or the token's first half).
        for (const part of secret.split('.').filter((p) => p.length >= 16)) {
          expect(out).not.toContain(part.slice(0, 16));
        }
      }),
    );
  });

  it('leaves ordinary words alone', () => {
    fc.assert(
      fc.property(words, (text) => {
        expect(redactText(text)).toBe(text);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(jwt, opaque, words), (noise, text) => {
        const once = redactText(`${noise} ${text} token=${noise}`);
        expect(redactText(once)).toBe(once);
      }),
    );
  });
});

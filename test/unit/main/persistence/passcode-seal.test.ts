import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPasscodeSeal } from '../../../../src/main/persistence/passcode-seal';

const seal = createPasscodeSeal(randomBytes(32));
const botId = fc.string({ minLength: 1, maxLength: 128 });
const passcode = fc.string({ maxLength: 64 });

describe('sealed meeting passcodes', () => {
  it('open to the same passcode, for the same bot, under the same key', () => {
    fc.assert(
      fc.property(botId, passcode, (id, code) => {
        const sealed = seal.seal(id, code);
        expect(seal.open(id, sealed)).toBe(code);
        if (code.length >= 4) expect(sealed).not.toContain(code);
      }),
    );
  });

  it('never seal the same passcode to the same text twice (a fresh IV each time)', () => {
    expect(seal.seal('a', 'Pq7x2z')).not.toBe(seal.seal('a', 'Pq7x2z'));
  });

  it('do not open for another bot, under another key, or once tampered with', () => {
    fc.assert(
      fc.property(botId, botId, passcode, fc.nat(), (id, other, code, at) => {
        const sealed = seal.seal(id, code);
        if (other !== id) expect(seal.open(other, sealed)).toBeNull();
        expect(createPasscodeSeal(randomBytes(32)).open(id, sealed)).toBeNull();
        // Not a segment's last character: its spare bits may not change the decoded bytes.
        const index = at % (sealed.length - 1);
        if (sealed[index + 1] === '.') return;
        const flipped = sealed[index] === 'A' ? 'B' : 'A';
        const tampered = sealed.slice(0, index) + flipped + sealed.slice(index + 1);
        if (tampered !== sealed) expect(seal.open(id, tampered)).toBeNull();
      }),
    );
  });

  it('answer any hand-edited text with null, never an exception', () => {
    fc.assert(
      fc.property(botId, fc.string(), (id, text) => {
        expect(seal.open(id, text)).toBeNull();
      }),
    );
  });

  it('need a 256-bit key', () => {
    expect(() => createPasscodeSeal(randomBytes(16))).toThrow(/32 bytes/);
  });
});

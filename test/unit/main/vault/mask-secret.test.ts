// Pure helpers of the vault: masking and sealing secrets for anything that prints them.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { maskSecret, redactSecrets, sealSecrets } from '../../../../src/main/vault/mask-secret';

describe('maskSecret', () => {
  it('shows only the length of a secret', () => {
    expect(maskSecret('abcdefghijklmnopqrstuvwxyz012345')).toBe('•••• (32 chars)');
    expect(maskSecret('x')).toBe('•••• (1 char)');
    expect(maskSecret('')).toBe('(empty)');
  });

  it('never contains any character run of the secret', () => {
    const secret = 'Zq7Wm2Lp9Xv4Rb8N';
    const masked = maskSecret(secret);
    for (let i = 0; i + 2 <= secret.length; i += 1) {
      expect(masked).not.toContain(secret.slice(i, i + 2));
    }
  });
});

describe('sealSecrets', () => {
  const secrets = {
    clientSecret: 'client-secret-value-1234567890ab',
    sdkSecret: 'sdk-secret-value-12',
  };
  const sealed = sealSecrets(secrets);

  it('gives the secrets by name to the code that mints with them', () => {
    expect(sealed.clientSecret).toBe(secrets.clientSecret);
    expect(sealed.sdkSecret).toBe(secrets.sdkSecret);
  });

  it('shows only masks through JSON, string conversion, inspection, spreading and cloning', () => {
    const views = [
      JSON.stringify(sealed),
      JSON.stringify({ nested: [sealed] }),
      String(sealed),
      `${sealed}`,
      inspect(sealed),
      inspect({ nested: sealed }, { depth: 5, showHidden: false }),
      JSON.stringify({ ...sealed }),
      JSON.stringify(Object.entries(sealed)),
      JSON.stringify(structuredClone({ ...sealed })),
    ];
    for (const view of views) {
      expect(view).not.toContain(secrets.clientSecret);
      expect(view).not.toContain(secrets.sdkSecret);
    }
    expect(JSON.parse(JSON.stringify(sealed))).toEqual({
      clientSecret: '•••• (32 chars)',
      sdkSecret: '•••• (19 chars)',
    });
  });

  it('cannot be changed after it is handed out', () => {
    expect(Object.isFrozen(sealed)).toBe(true);
  });
});

describe('redactSecrets', () => {
  it('masks every occurrence of the given values in foreign error text', () => {
    expect(redactSecrets('bad s3cr3t near s3cr3t', ['s3cr3t', ''])).toBe('bad •••• near ••••');
  });
});

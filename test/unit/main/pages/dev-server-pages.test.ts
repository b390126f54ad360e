import { describe, expect, it } from 'vitest';
import {
  devContentSecurityPolicy,
  devServerUrl,
  pageSourceFrom,
  viteNonceOf,
} from '../../../../src/main/pages/dev-server-pages';
import { contentSecurityPolicy } from '../../../../src/main/pages/page-policy';

describe('npm run dev pages', () => {
  it('uses the dev server only when unpackaged and on loopback', () => {
    expect(pageSourceFrom('http://localhost:5173/', false, '/out')).toEqual({
      kind: 'dev-server',
      origin: 'http://localhost:5173',
    });
    for (const url of [
      'https://evil.example/',
      'http://192.168.1.5:5173/',
      'nonsense',
      undefined,
    ]) {
      expect(pageSourceFrom(url, false, '/out')).toEqual({ kind: 'files', dir: '/out' });
    }
    expect(pageSourceFrom('http://localhost:5173/', true, '/out')).toEqual({
      kind: 'files',
      dir: '/out',
    });
  });

  it('adds only the nonce and the hot-reload socket to the production policy', () => {
    const base = contentSecurityPolicy('dashboard', {
      sandboxOrigin: 'http://127.0.0.1:41234',
      botSdk: null,
    });
    const dev = devContentSecurityPolicy(base, 'http://localhost:5173', 'abc12345');
    const directives = (csp: string) => csp.split('; ').map((d) => d.split(' ')[0]);
    expect(directives(dev)).toEqual(directives(base));
    expect(dev).toContain("script-src 'self' 'nonce-abc12345'");
    expect(dev).toContain("style-src 'self' 'nonce-abc12345'");
    expect(dev).toMatch(/connect-src [^;]*ws:\/\/localhost:5173/);
    expect(dev).not.toContain('unsafe-inline');
    expect(devContentSecurityPolicy(base, 'http://localhost:5173', null)).not.toContain('nonce');
  });

  it('reads Vite’s nonce placeholder and maps only app://botdeck paths to the dev server', () => {
    expect(viteNonceOf('<meta property="csp-nonce" nonce="botdeck-dev-nonce">')).toBe(
      'botdeck-dev-nonce',
    );
    expect(viteNonceOf('<meta name="x">')).toBeNull();
    expect(devServerUrl(new URL('app://botdeck/bot/index.html?x=1'), 'http://localhost:5173')).toBe(
      'http://localhost:5173/bot/index.html?x=1',
    );
    expect(devServerUrl(new URL('app://elsewhere/x'), 'http://localhost:5173')).toBeNull();
  });
});

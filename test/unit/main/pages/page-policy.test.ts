import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  pageHeaders,
  resolveRendererFile,
} from '../../../../src/main/pages/page-policy';

const ROOT = '/srv/botdeck/out/renderer';

describe('renderer file resolution', () => {
  it('maps page and asset paths inside the renderer folder', () => {
    expect(resolveRendererFile(ROOT, '/dashboard/index.html')).toBe(`${ROOT}/dashboard/index.html`);
    expect(resolveRendererFile(ROOT, '/assets/app-1a2b.js')).toBe(`${ROOT}/assets/app-1a2b.js`);
  });

  it.each([
    '/../package.json',
    '/assets/../../secrets.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%2e%2e%2f%2e%2e%2fmain.js',
    '/.env',
    '/assets\\..\\..\\x',
    '/a%00.html',
    '/%E0%A4%A',
    'relative/path',
  ])('refuses %s', (hostile) => {
    expect(resolveRendererFile(ROOT, hostile)).toBeNull();
  });
});

describe('page headers', () => {
  it('isolates bot pages for the Meeting SDK and leaves the dashboard free to show Zoom avatars', () => {
    const bot = pageHeaders('/bot/index.html', `${ROOT}/bot/index.html`);
    expect(bot['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(bot['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    const dashboard = pageHeaders('/dashboard/index.html', `${ROOT}/dashboard/index.html`);
    expect(dashboard['Cross-Origin-Embedder-Policy']).toBeUndefined();
    expect(dashboard['Content-Security-Policy']).toContain("script-src 'self'");
  });

  it('never allows inline or remote script in the dashboard', () => {
    const csp = contentSecurityPolicy('dashboard');
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});

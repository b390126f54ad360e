import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  pageHeaders,
  resolveRendererFile,
  UNTIED_PAGE,
  type PageContext,
} from '../../../../src/main/pages/page-policy';

const ROOT = '/srv/botdeck/out/renderer';
const SANDBOX = 'http://127.0.0.1:41234';
const ZOOM_BOT: PageContext = { sandboxOrigin: SANDBOX, botSdk: 'zoom' };
const SANDBOX_BOT: PageContext = { sandboxOrigin: SANDBOX, botSdk: 'sandbox' };
const DASHBOARD: PageContext = { sandboxOrigin: SANDBOX, botSdk: null };

const directive = (csp: string, name: string): string[] =>
  (csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '').split(' ').slice(1);

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
    for (const context of [ZOOM_BOT, UNTIED_PAGE]) {
      const bot = pageHeaders('/bot/index.html', `${ROOT}/bot/index.html`, context);
      expect(bot['Cross-Origin-Opener-Policy']).toBe('same-origin');
      expect(bot['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    }
    const dashboard = pageHeaders(
      '/dashboard/index.html',
      `${ROOT}/dashboard/index.html`,
      DASHBOARD,
    );
    expect(dashboard['Cross-Origin-Embedder-Policy']).toBeUndefined();
    expect(dashboard['Content-Security-Policy']).toContain("script-src 'self'");
  });

  it('does not isolate a sandbox bot’s page, which runs no Meeting SDK, but keeps its policy', () => {
    const bot = pageHeaders('/bot/index.html', `${ROOT}/bot/index.html`, SANDBOX_BOT);
    expect(bot['Cross-Origin-Opener-Policy']).toBeUndefined();
    expect(bot['Cross-Origin-Embedder-Policy']).toBeUndefined();
    expect(bot['Cross-Origin-Resource-Policy']).toBe('same-origin');
    expect(directive(bot['Content-Security-Policy'] ?? '', 'connect-src')).toEqual([
      "'self'",
      SANDBOX,
    ]);
  });

  it('never allows inline or remote script in the dashboard', () => {
    const csp = contentSecurityPolicy('dashboard', DASHBOARD);
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('the Meeting SDK in the bot page', () => {
  const botDirective = (name: string): string =>
    contentSecurityPolicy('bot', ZOOM_BOT)
      .split('; ')
      .find((d) => d.startsWith(`${name} `)) ?? '';

  it('serves the SDK’s wasm and workers with their types and COEP, so isolated pages may use them', () => {
    const wasm = pageHeaders(
      '/zoom-sdk/lib/av/audio.simd.wasm',
      `${ROOT}/zoom-sdk/lib/av/audio.simd.wasm`,
      ZOOM_BOT,
    );
    expect(wasm['Content-Type']).toBe('application/wasm');
    // Chromium starts a dedicated worker in an isolated page only if its script has COEP too.
    const worker = pageHeaders(
      '/zoom-sdk/lib/av/audio_simd.min.js',
      `${ROOT}/zoom-sdk/lib/av/audio_simd.min.js`,
      ZOOM_BOT,
    );
    expect(worker['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(worker['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    expect(worker['Cross-Origin-Resource-Policy']).toBe('same-origin');
    const sound = pageHeaders(
      '/zoom-sdk/lib/audio/ring.mp3',
      `${ROOT}/zoom-sdk/lib/audio/ring.mp3`,
      ZOOM_BOT,
    );
    expect(sound['Content-Type']).toBe('audio/mpeg');
  });

  it('leaves the dashboard’s shared assets out of isolation', () => {
    const asset = pageHeaders(
      '/assets/dashboard-1a2b.js',
      `${ROOT}/assets/dashboard-1a2b.js`,
      DASHBOARD,
    );
    expect(asset['Cross-Origin-Embedder-Policy']).toBeUndefined();
  });

  it('lets the SDK compile wasm but never eval, and reach Zoom’s apex host for the join', () => {
    expect(botDirective('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(contentSecurityPolicy('bot', ZOOM_BOT)).not.toContain("'unsafe-eval'");
    expect(botDirective('connect-src').split(' ')).toEqual(
      expect.arrayContaining(['https://zoom.us', 'https://*.zoom.us', 'wss://*.zoom.us']),
    );
    expect(contentSecurityPolicy('dashboard', DASHBOARD)).not.toMatch(/connect-src[^;]*zoom/);
  });
});

describe('what each bot page may reach', () => {
  it('a sandbox bot reaches the exact sandbox origin and no Zoom host, no other port', () => {
    const csp = contentSecurityPolicy('bot', SANDBOX_BOT);
    expect(directive(csp, 'connect-src')).toEqual(["'self'", SANDBOX]);
    expect(csp).not.toContain('zoom');
    expect(csp).not.toContain('127.0.0.1:*');
  });

  it('a Zoom bot reaches Zoom’s hosts and not the loopback sandbox', () => {
    const csp = contentSecurityPolicy('bot', ZOOM_BOT);
    expect(directive(csp, 'connect-src')).toEqual(
      expect.arrayContaining(['https://zoom.us', 'wss://*.zoom.us']),
    );
    expect(csp).not.toContain('127.0.0.1');
  });

  it('a bot page the host cannot tie to a bot reaches nothing outside its own origin', () => {
    for (const context of [{ sandboxOrigin: SANDBOX, botSdk: null }, undefined]) {
      const csp = pageHeaders('/bot/index.html', `${ROOT}/bot/index.html`, context)[
        'Content-Security-Policy'
      ];
      expect(directive(csp ?? '', 'connect-src')).toEqual(["'self'"]);
      expect(directive(csp ?? '', 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
    }
  });

  it('gives worker scripts their page’s policy, since a dedicated worker runs under its own', () => {
    const worker = pageHeaders(
      '/zoom-sdk/lib/av/audio_simd.min.js',
      `${ROOT}/zoom-sdk/lib/av/audio_simd.min.js`,
      SANDBOX_BOT,
    );
    expect(worker['Content-Security-Policy']).toBe(contentSecurityPolicy('bot', SANDBOX_BOT));
  });

  it('shows the dashboard avatars from the exact sandbox origin and Zoom’s hosts only', () => {
    const images = directive(contentSecurityPolicy('dashboard', DASHBOARD), 'img-src');
    expect(images).toEqual([
      "'self'",
      'data:',
      SANDBOX,
      'https://*.zoom.us',
      'https://*.zoomgov.com',
    ]);
    const rehearsal = { ...DASHBOARD, zoomApiOrigin: 'http://127.0.0.1:5000/' };
    expect(directive(contentSecurityPolicy('dashboard', rehearsal), 'img-src')).toContain(
      'http://127.0.0.1:5000',
    );
  });

  it('no origin the host is given can add a directive or a source beyond one origin', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('sandbox', 'zoom', null), (raw, botSdk) => {
        const context: PageContext = { sandboxOrigin: raw, zoomApiOrigin: raw, botSdk };
        for (const kind of ['bot', 'dashboard'] as const) {
          const csp = contentSecurityPolicy(kind, context);
          const safe = contentSecurityPolicy(kind, {
            ...context,
            sandboxOrigin: null,
            zoomApiOrigin: null,
          });
          expect(csp.split('; ').length).toBe(safe.split('; ').length);
          const added = csp.split(/[ ;]+/).filter((token) => !safe.split(/[ ;]+/).includes(token));
          for (const token of added) expect(token).toBe(new URL(token).origin);
        }
      }),
    );
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { DiagnosticsPanel } from '../../../../src/renderer/dashboard/components/diagnostics-panel';
import { createAppStore, type AppStore } from '../../../../src/renderer/dashboard/store/app-store';
import { StoreProvider } from '../../../../src/renderer/dashboard/store/store-context';
import type { DiagnosticsReport, Result } from '../../../../src/shared/ipc-contract';
import { createFakeDashboard, sampleDiagnostics } from '../helpers/fake-dashboard-api';

/** What the operator would see, rendered to HTML from the store as it is now. */
function render(store: AppStore): string {
  const current: AppStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(
    createElement(StoreProvider, { store: current, children: createElement(DiagnosticsPanel) }),
  );
}

async function openedStore(report: DiagnosticsReport = sampleDiagnostics()) {
  const fake = createFakeDashboard();
  fake.answers.runDiagnostics = () => Promise.resolve({ ok: true, value: report });
  const store = createAppStore({ api: fake.api });
  store.getState().setDiagnosticsOpen(true);
  await vi.waitFor(() => expect(store.getState().diagnostics).not.toBeNull());
  return { fake, store };
}

describe('the Diagnostics section', () => {
  it('is folded until opened, and runs the checks once on first opening', async () => {
    const fake = createFakeDashboard();
    const store = createAppStore({ api: fake.api });
    expect(render(store)).not.toContain('diagnostic-check');
    expect(fake.requests.runDiagnostics.length).toBe(0);

    store.getState().setDiagnosticsOpen(true);
    await vi.waitFor(() => expect(store.getState().diagnosticsRunning).toBe(false));
    store.getState().setDiagnosticsOpen(false);
    store.getState().setDiagnosticsOpen(true);
    expect(fake.requests.runDiagnostics.length).toBe(1);
  });

  it('shows each check with its status, words and fix, and the log file with Open log folder', async () => {
    const { store } = await openedStore();
    const html = render(store);
    expect(html).toContain('data-check="zoom-api" data-status="problem"');
    expect(html).toContain('<strong>Fix:</strong> Allow api.zoom.us (port 443).');
    expect(html).toContain('data-check="bot-isolation" data-status="skipped"');
    expect(html).toContain('<code>/home/ada/.config/Botdeck/logs/botdeck.log</code>');
    expect(html).toContain('>Open log folder</button>');
    expect(html).toContain('Some required checks found a problem');
  });

  it('says where the log goes when there is no folder to open (the web host)', async () => {
    const { store } = await openedStore(
      sampleDiagnostics({
        log: { kind: 'stderr', description: 'The web host logs to the stderr of `npm run web`.' },
      }),
    );
    const html = render(store);
    expect(html).toContain('The web host logs to the stderr of <code>npm run web</code>.');
    expect(html).not.toContain('Open log folder');
  });

  it('drops a run asked for while one is going, and shows why a run or opening failed', async () => {
    const fake = createFakeDashboard();
    const answers: ((result: Result<DiagnosticsReport>) => void)[] = [];
    fake.answers.runDiagnostics = () => new Promise((resolve) => answers.push(resolve));
    fake.answers.openLogFolder = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'open_failed', message: 'Could not open the log folder; it is /x.' },
      });
    const store = createAppStore({ api: fake.api });

    const first = store.getState().runDiagnostics();
    void store.getState().runDiagnostics();
    expect(fake.requests.runDiagnostics.length).toBe(1);
    answers[0]?.({ ok: false, error: { code: 'not_available', message: 'No diagnostics here.' } });
    await first;
    expect(store.getState().diagnosticsError).toBe('No diagnostics here.');

    await store.getState().openLogFolder();
    expect(fake.requests.openLogFolder.length).toBe(1);
    expect(store.getState().diagnosticsError).toBe('Could not open the log folder; it is /x.');
  });
});

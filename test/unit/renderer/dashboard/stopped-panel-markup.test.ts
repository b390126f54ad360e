import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { StoppedPanel } from '../../../../src/renderer/dashboard/components/stopped-panel';
import { createAppStore, type AppStore } from '../../../../src/renderer/dashboard/store/app-store';
import { StoreProvider } from '../../../../src/renderer/dashboard/store/store-context';
import type { StoppedBot } from '../../../../src/shared/ipc-contract';
import { createFakeDashboard, emptySnapshot } from '../helpers/fake-dashboard-api';

const stopped = (id: string, meetingNumber: string, needsPasscode: boolean): StoppedBot => ({
  id,
  name: `Bot ${id}`,
  meetingNumber,
  accountId: 'sandbox',
  stoppedAt: 1_000,
  needsPasscode,
});

async function panelFor(stoppedByRestart: StoppedBot[]): Promise<string> {
  const fake = createFakeDashboard();
  fake.answers.getSnapshot = () =>
    Promise.resolve({ ok: true, value: emptySnapshot({ stoppedByRestart }) });
  const store = createAppStore({ api: fake.api });
  store.getState().start();
  await vi.waitFor(() => expect(store.getState().loading).toBe(false));
  // zustand renders a server pass from the initial state: hand over the current one.
  const current: AppStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(
    createElement(StoreProvider, { store: current, children: createElement(StoppedPanel) }),
  );
}

const fieldLabels = (html: string): string[] =>
  [...html.matchAll(/<span>(Passcode for meeting [^<]*)<\/span>/g)].map((match) => match[1] ?? '');

describe('the Stopped by app restart panel', () => {
  it('asks once per meeting for the passcodes Botdeck could not keep', async () => {
    const html = await panelFor([
      stopped('a', '81234567890', true),
      stopped('b', '81234567890', true),
      stopped('c', '987654321', true),
      stopped('d', '555555555', false),
    ]);
    expect(fieldLabels(html)).toEqual([
      'Passcode for meeting 81234567890',
      'Passcode for meeting 987654321',
    ]);
    expect(html).toContain('type="password"');
  });

  it('asks nothing when Botdeck kept every passcode', async () => {
    const html = await panelFor([stopped('a', '81234567890', false)]);
    expect(html).toContain('Stopped by app restart');
    expect(html).not.toContain('data-testid="stopped-passcodes"');
  });
});

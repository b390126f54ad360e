import { describe, expect, it, vi } from 'vitest';
import {
  MeetingJoinError,
  createStatusEmitter,
  type MeetingClient,
  type MeetingJoinParams,
} from '../../../../src/renderer/bot/meeting/meeting-client';
import { runBot, type BotPageView, type ClientChoice } from '../../../../src/renderer/bot/run-bot';
import type {
  BotApi,
  BotCommand,
  BotCommandResult,
  BotStatusReport,
  JoinTicket,
  Result,
} from '../../../../src/shared/ipc-contract';

const ticket: JoinTicket = {
  sdk: 'sandbox',
  meetingNumber: '123456789',
  passcode: 'pw',
  userName: 'Botdeck 7',
  signature: 'sig-secret',
  zak: 'zak-secret',
  zoomDomain: 'zoom.us',
  sandboxUrl: 'http://127.0.0.1:1',
};

function fakeApi(ready: Result<JoinTicket> = { ok: true, value: ticket }) {
  const reports: BotStatusReport[] = [];
  const results: BotCommandResult[] = [];
  let commandListener: ((command: BotCommand) => void) | null = null;
  const api: BotApi = {
    ready: () => Promise.resolve(ready),
    reportStatus: (report) => {
      reports.push(report);
      return Promise.resolve({ ok: true, value: null });
    },
    reportCommandResult: (result) => {
      results.push(result);
      return Promise.resolve({ ok: true, value: null });
    },
    onCommand: (listener) => {
      commandListener = listener;
      return () => (commandListener = null);
    },
  };
  return {
    api,
    reports,
    results,
    command: (command: BotCommand) => commandListener?.(command),
  };
}

function fakeView(): BotPageView & { shown: string[] } {
  const shown: string[] = [];
  return {
    shown,
    showName: (name) => shown.push(`name:${name}`),
    showMeeting: (meetingNumber) => shown.push(`meeting:${meetingNumber}`),
    showScene: (scene) =>
      shown.push(
        `scene:${scene.count}:${scene.others.map((other) => other.displayName).join('+')}`,
      ),
    showStatus: (status) => shown.push(`${status.status}:${status.message ?? ''}`),
  };
}

/** A meeting that joins at once and leaves when asked. */
function fakeClient(join?: (params: MeetingJoinParams) => Promise<void>) {
  const { emit, onStatus } = createStatusEmitter();
  const joins: MeetingJoinParams[] = [];
  const said: string[] = [];
  const client: MeetingClient = {
    join: (params) => {
      joins.push(params);
      if (join) return join(params);
      emit({ status: 'connecting' });
      emit({ status: 'in_meeting', participantId: 'p-1' });
      return Promise.resolve();
    },
    leave: () => {
      emit({ status: 'left', participantId: 'p-1' });
      return Promise.resolve();
    },
    // A meeting that takes any message and refuses every rename, as a host who forbids it.
    sendChat: (text) => {
      said.push(text);
      return Promise.resolve({ ok: true });
    },
    rename: () =>
      Promise.resolve({ ok: false, refusal: 'rename_not_allowed', code: 1, message: 'No renames' }),
    onStatus,
  };
  return { client, joins, emit, said };
}

const choose = (client: MeetingClient) => (): ClientChoice => ({ ok: true, client });

describe('the bot page', () => {
  it('joins with the ticket, forwards every status to main and leaves on command', async () => {
    const { api, reports, command } = fakeApi();
    const view = fakeView();
    const { client, joins } = fakeClient();
    await runBot({ api, view, chooseClient: choose(client) });

    expect(joins).toEqual([
      {
        signature: 'sig-secret',
        meetingNumber: '123456789',
        passcode: 'pw',
        userName: 'Botdeck 7',
        zak: 'zak-secret',
      },
    ]);
    command({ type: 'leave' });
    await vi.waitFor(() => expect(reports).toHaveLength(3));
    expect(reports).toEqual([
      { status: 'connecting', code: null, message: null, participantId: null },
      { status: 'in_meeting', code: null, message: null, participantId: 'p-1' },
      { status: 'left', code: null, message: null, participantId: 'p-1' },
    ]);
    expect(view.shown).toContain('name:Botdeck 7');
    expect(view.shown.at(-1)).toBe('left:');
  });

  it('never shows the ZAK or the signature', async () => {
    const { api } = fakeApi();
    const view = fakeView();
    await runBot({ api, view, chooseClient: choose(fakeClient().client) });
    expect(view.shown.join('\n')).not.toMatch(/zak-secret|sig-secret/);
  });

  it('shows why it cannot start when main hands no ticket, and joins nothing', async () => {
    const { api, reports } = fakeApi({
      ok: false,
      error: { code: 'ticket_taken', message: 'This bot already took its ticket.' },
    });
    const view = fakeView();
    const chooseClient = vi.fn(choose(fakeClient().client));
    await runBot({ api, view, chooseClient });
    expect(view.shown.at(-1)).toBe('error:This bot already took its ticket.');
    expect(chooseClient).not.toHaveBeenCalled();
    expect(reports).toEqual([]);
  });

  it('reports failed when the ticket asks for a client this build lacks', async () => {
    const { api, reports } = fakeApi();
    await runBot({
      api,
      view: fakeView(),
      chooseClient: () => ({
        ok: false,
        message: 'The Zoom Meeting SDK client is not in this build yet.',
      }),
    });
    expect(reports).toEqual([
      {
        status: 'failed',
        code: null,
        message: 'The Zoom Meeting SDK client is not in this build yet.',
        participantId: null,
      },
    ]);
  });

  it('reports a join error once, whether or not the client reported it first', async () => {
    const silent = fakeClient(() => Promise.reject(new MeetingJoinError(3008, 'Not started.')));
    const first = fakeApi();
    await runBot({ api: first.api, view: fakeView(), chooseClient: choose(silent.client) });
    await vi.waitFor(() => expect(first.reports).toHaveLength(1));
    expect(first.reports[0]).toMatchObject({
      status: 'failed',
      code: 3008,
      message: 'Not started.',
    });

    const loud = fakeClient(() => {
      loud.emit({ status: 'failed', code: 3004, message: 'Wrong passcode.' });
      return Promise.reject(new MeetingJoinError(3004, 'Wrong passcode.'));
    });
    const second = fakeApi();
    await runBot({ api: second.api, view: fakeView(), chooseClient: choose(loud.client) });
    await vi.waitFor(() => expect(second.reports).toHaveLength(1));
    expect(second.reports.map((report) => report.status)).toEqual(['failed']);
  });

  it('forwards a head count only when the meeting client knows one', async () => {
    const { api, reports } = fakeApi();
    const { client, emit } = fakeClient(() => {
      emit({ status: 'in_meeting', participantId: 'p-1', participantCount: 2 });
      emit({ status: 'in_meeting', participantId: 'p-1', participantCount: null });
      return Promise.resolve();
    });
    // The second report is a changed head count, which waits (status-pacer.ts): run it now.
    const timers = {
      setTimeout: (run: () => void) => void queueMicrotask(run),
      clearTimeout: () => undefined,
    };
    void runBot({ api, view: fakeView(), chooseClient: choose(client), timers });
    await vi.waitFor(() => expect(reports).toHaveLength(2));
    expect(reports).toEqual([
      {
        status: 'in_meeting',
        code: null,
        message: null,
        participantId: 'p-1',
        participantCount: 2,
      },
      { status: 'in_meeting', code: null, message: null, participantId: 'p-1' },
    ]);
  });

  it('chats and renames when main asks, and answers each command with how it went', async () => {
    const { api, results, command } = fakeApi();
    const view = fakeView();
    const { client, said } = fakeClient();
    const running = runBot({ api, view, chooseClient: choose(client) });
    // Still waiting for its ticket: nothing joined yet.
    command({ type: 'chat', commandId: 'c-0', text: 'Too early' });
    await running;
    command({ type: 'chat', commandId: 'c-1', text: 'Hello, all' });
    command({ type: 'rename', commandId: 'c-2', name: 'New name' });
    await vi.waitFor(() => expect(results).toHaveLength(3));
    expect(said).toEqual(['Hello, all']);
    expect(results).toEqual([
      {
        commandId: 'c-0',
        ok: false,
        refusal: 'not_in_meeting',
        code: null,
        message: 'This bot has not joined yet.',
      },
      { commandId: 'c-1', ok: true },
      {
        commandId: 'c-2',
        ok: false,
        refusal: 'rename_not_allowed',
        code: 1,
        message: 'No renames',
      },
    ]);
    // The page keeps showing the name the meeting knows it by.
    expect(view.shown.filter((line) => line.startsWith('name:'))).toEqual(['name:Botdeck 7']);
  });
});

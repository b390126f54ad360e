/**
 * A bot page's whole job, free of the DOM and of any one meeting implementation: take the
 * ticket once, join, forward every meeting status to main, chat and rename itself when main asks
 * (and say how each went), leave when main says so. The ticket's ZAK and signature go to the
 * meeting client and nowhere else: never logged, never shown.
 */
import type { BotApi, BotCommand, JoinTicket, Result } from '../../shared/ipc-contract';
import { refused, type CommandOutcome } from './meeting/command-outcome';
import type { MeetingClient, MeetingScene, MeetingStatus } from './meeting/meeting-client';
import { MeetingJoinError } from './meeting/meeting-client';
import { paceStatuses, type PacerTimers } from './status-pacer';

export type ClientChoice = { ok: true; client: MeetingClient } | { ok: false; message: string };

export interface BotPageView {
  showName(name: string): void;
  showMeeting(meetingNumber: string): void;
  /** The meeting as the sandbox client sees it (Zoom's SDK draws its own). */
  showScene(scene: MeetingScene): void;
  showStatus(
    status: MeetingStatus | { status: 'waiting' | 'error'; message?: string | null },
  ): void;
}

export interface RunBotDeps {
  api: BotApi;
  view: BotPageView;
  chooseClient(ticket: JoinTicket): ClientChoice;
  /** Timers for pacing head counts (status-pacer.ts); the page's own by default. */
  timers?: PacerTimers;
}

export async function runBot({ api, view, chooseClient, timers }: RunBotDeps): Promise<void> {
  let client: MeetingClient | null = null;
  let leaveRequested = false;
  /** Does what a chat or rename command asks and tells main how it went. */
  async function perform(command: Exclude<BotCommand, { type: 'leave' }>): Promise<void> {
    let outcome: CommandOutcome;
    try {
      if (!client) outcome = refused('not_in_meeting', null, 'This bot has not joined yet.');
      else if (command.type === 'chat') outcome = await client.sendChat(command.text);
      else outcome = await client.rename(command.name);
    } catch (error) {
      outcome = refused('other', null, error instanceof Error ? error.message : null);
    }
    if (outcome.ok && command.type === 'rename') view.showName(command.name);
    const result = await settle(
      api.reportCommandResult({
        commandId: command.commandId,
        ...(outcome.ok
          ? { ok: true }
          : {
              ok: false,
              refusal: outcome.refusal,
              code: outcome.code,
              message: outcome.message?.slice(0, 500) ?? null,
            }),
      }),
    );
    if (!result.ok)
      console.warn(`Botdeck: could not report a ${command.type}: ${result.error.message}`);
  }

  // Listen first: a leave can arrive while the ticket is still on its way.
  api.onCommand((command) => {
    if (command.type !== 'leave') {
      void perform(command);
      return;
    }
    leaveRequested = true;
    if (client) void client.leave();
  });

  view.showStatus({ status: 'waiting' });
  const ready = await settle(api.ready());
  if (!ready.ok) {
    view.showStatus({ status: 'error', message: ready.error.message });
    return;
  }
  const ticket = ready.value;
  view.showName(ticket.userName);
  view.showMeeting(ticket.meetingNumber);

  let lastStatus: MeetingStatus['status'] | null = null;
  const send = (status: MeetingStatus): void => {
    lastStatus = status.status;
    view.showStatus(status);
    void settle(
      api.reportStatus({
        status: status.status,
        code: status.code ?? null,
        message: status.message ?? null,
        participantId: status.participantId ?? null,
        // Only when known: an absent count is "unknown" to main, never "alone".
        ...(typeof status.participantCount === 'number'
          ? { participantCount: status.participantCount }
          : {}),
      }),
    ).then((result) => {
      if (!result.ok)
        console.warn(`Botdeck: could not report "${status.status}": ${result.error.message}`);
    });
  };
  const forward = paceStatuses(send, timers);

  if (leaveRequested) {
    forward({ status: 'left' });
    return;
  }
  const choice = chooseClient(ticket);
  if (!choice.ok) {
    forward({ status: 'failed', message: choice.message });
    return;
  }
  client = choice.client;
  client.onStatus(forward);
  client.onScene?.((scene) => view.showScene(scene));

  try {
    await client.join({
      signature: ticket.signature,
      meetingNumber: ticket.meetingNumber,
      passcode: ticket.passcode,
      userName: ticket.userName,
      zak: ticket.zak,
    });
  } catch (error) {
    // Clients report `failed` themselves before rejecting; this covers one that did not.
    if (lastStatus !== 'failed' && lastStatus !== 'left') {
      const code = error instanceof MeetingJoinError ? error.code : null;
      const message = error instanceof Error ? error.message : 'The meeting could not be joined.';
      forward({ status: 'failed', code, message });
    }
  }
}

/** Turns a rejected bridge call into the contract's failure value. */
async function settle<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call;
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unknown error';
    return { ok: false, error: { code: 'bridge', message: `Botdeck did not answer (${detail}).` } };
  }
}

/**
 * Every ipcMain handler is registered here, once. Each resolves the calling page from the
 * sender registry, drops anything it does not know, and hands the raw payload to the shared
 * router, which parses it with the contract's schema.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  IPC_CALLS,
  IPC_EVENTS,
  fail,
  type BotsChangedEvent,
  type Result,
} from '../../shared/ipc-contract';
import type { Logger } from '../log/logger';
import type { SenderRegistry } from './sender-registry';

export interface IpcEndpoint {
  handleDashboard(channel: string, payload: unknown): Promise<Result<unknown>>;
  handleBot(botId: string, channel: string, payload: unknown): Promise<Result<unknown>>;
  onBotsChanged(listener: (event: BotsChangedEvent) => void): () => void;
}

/** Registers the handlers; returns a function that removes them. */
export function registerIpc(
  endpoint: IpcEndpoint,
  senders: SenderRegistry,
  sendToDashboard: (channel: string, payload: unknown) => void,
  logger: Logger,
): () => void {
  const channels = Object.values(IPC_CALLS).map((declaration) => declaration.channel);
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      // A frame that navigated away or closed since the call was sent is null: refused too.
      const frame = event.senderFrame;
      const sender = senders.resolve(
        event.sender.id,
        frame?.url ?? '',
        frame !== null && frame.parent === null,
        channel,
      );
      switch (sender.kind) {
        case 'dashboard':
          return endpoint.handleDashboard(channel, payload);
        case 'bot':
          return endpoint.handleBot(sender.botId, channel, payload);
        default:
          logger.warn('Refused an IPC call', { channel, reason: sender.reason });
          return fail('forbidden', 'This window may not make that call.');
      }
    });
  }
  const stopEvents = endpoint.onBotsChanged((event) =>
    sendToDashboard(IPC_EVENTS.onBotsChanged.channel, event),
  );
  return () => {
    stopEvents();
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/**
 * Bot actions slice: the one dialog a row opens (send chat, rename, relaunch under a new name)
 * and the calls behind it. Text and names are checked here with the contract's own schemas, so
 * the operator reads main's words before anything is sent; main checks again.
 */
import { BotNameSchema, ChatTextSchema, type Result } from '../../../shared/ipc-contract';
import type { SliceCreator } from './app-store';
import { reportUnexpected } from './unexpected-error';

export type BotDialogKind = 'chat' | 'rename' | 'relaunch';

/** Who a chat message goes to: these bots, or every bot of Botdeck's in one meeting. */
export type ChatAudience = { botIds: string[] } | { meetingNumber: string };

export interface BotDialog {
  kind: BotDialogKind;
  /** The row that opened it (for a selection, its first bot). */
  botId: string;
  /** A chat message from the table's selection: these bots, not one row's. */
  selection?: string[];
}

export interface BotActionsSlice {
  /** The open dialog, or null. */
  botDialog: BotDialog | null;
  /** Why the dialog's last request was refused, in main's (or the schema's) words. */
  botDialogError: string | null;
  botDialogBusy: boolean;
  openBotDialog(kind: BotDialogKind, botId: string): void;
  /** The chat dialog for the selected bots (the selection bar's Send chat). */
  openSelectionChat(botIds: string[]): void;
  closeBotDialog(): void;
  /** Resolves true when main asked the bots; the rows then say how it went. */
  sendChat(audience: ChatAudience, text: string): Promise<boolean>;
  renameBot(botId: string, name: string): Promise<boolean>;
  relaunchBot(botId: string, name: string): Promise<boolean>;
}

export const createBotActionsSlice: SliceCreator<BotActionsSlice> =
  ({ api }) =>
  (set, get) => {
    /** Runs one request for the open dialog; closes it when main accepted. */
    async function submit(request: () => Promise<Result<unknown>>, what: string) {
      if (get().botDialogBusy) return false;
      set({ botDialogBusy: true, botDialogError: null });
      try {
        const result = await request();
        set(
          result.ok
            ? { botDialogBusy: false, botDialog: null }
            : { botDialogBusy: false, botDialogError: result.error.message },
        );
        return result.ok;
      } catch (error) {
        set({ botDialogBusy: false, botDialogError: reportUnexpected(what, error) });
        return false;
      }
    }

    /** Checks `value` with the contract's schema first: the schema's words, or the request. */
    function checked(
      schema: typeof ChatTextSchema | typeof BotNameSchema,
      value: string,
      request: (clean: string) => Promise<Result<unknown>>,
      what: string,
    ): Promise<boolean> {
      const parsed = schema.safeParse(value);
      if (parsed.success) return submit(() => request(parsed.data), what);
      set({ botDialogError: parsed.error.issues[0]?.message ?? 'Check the text.' });
      return Promise.resolve(false);
    }

    return {
      botDialog: null,
      botDialogError: null,
      botDialogBusy: false,

      openBotDialog(kind, botId) {
        set({ botDialog: { kind, botId }, botDialogError: null, botDialogBusy: false });
      },
      openSelectionChat(botIds) {
        const [first] = botIds;
        if (first === undefined) return;
        set({
          botDialog: { kind: 'chat', botId: first, selection: [...botIds] },
          botDialogError: null,
          botDialogBusy: false,
        });
      },
      closeBotDialog() {
        set({ botDialog: null, botDialogError: null });
      },

      sendChat: (audience, text) =>
        checked(
          ChatTextSchema,
          text,
          (clean) => api.sendChat({ ...audience, text: clean }),
          'sending chat failed',
        ),
      renameBot: (botId, name) =>
        checked(
          BotNameSchema,
          name,
          (clean) => api.renameBot({ botId, name: clean }),
          'renaming a bot failed',
        ),
      relaunchBot: (botId, name) =>
        checked(
          BotNameSchema,
          name,
          (clean) => api.relaunchBot({ botId, name: clean }),
          'relaunching a bot failed',
        ),
    };
  };

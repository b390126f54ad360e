/**
 * The dialog a bot row opens: send a chat message (as this bot, or as every bot of Botdeck's in
 * its meeting), rename the bot, or relaunch it under a name; and the selection bar's chat, as
 * each selected bot. One at a time; Escape or Cancel
 * closes it, and main's refusal stays in it, in words, until the operator changes something.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BotView } from '../../../shared/ipc-contract';
import type { BotDialogKind } from '../store/bot-actions-slice';
import { useAppStore } from '../store/store-context';

const TITLES: Record<BotDialogKind, (name: string) => string> = {
  chat: (name) => `Send chat as ${name}`,
  rename: (name) => `Rename ${name}`,
  relaunch: (name) => `Relaunch ${name}`,
};

const selectionTitle = (count: number): string =>
  count === 1 ? 'Send chat as the selected bot' : `Send chat as the ${count} selected bots`;

export function BotActionDialog() {
  const { dialog, bot } = useAppStore(
    useShallow((state) => ({
      dialog: state.botDialog,
      bot: state.botDialog ? state.bots.get(state.botDialog.botId) : undefined,
    })),
  );
  if (!dialog || !bot) return null;
  // Keyed so each opening starts from fresh fields.
  const key = `${dialog.kind}:${bot.id}:${dialog.selection?.length ?? 0}`;
  return <DialogBody key={key} kind={dialog.kind} bot={bot} selection={dialog.selection} />;
}

interface DialogBodyProps {
  kind: BotDialogKind;
  bot: BotView;
  selection: string[] | undefined;
}

function DialogBody({ kind, bot, selection }: DialogBodyProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const state = useAppStore(
    useShallow((s) => ({
      error: s.botDialogError,
      busy: s.botDialogBusy,
      close: s.closeBotDialog,
      sendChat: s.sendChat,
      renameBot: s.renameBot,
      relaunchBot: s.relaunchBot,
      // Botdeck's bots in this bot's meeting that are in it now.
      inMeeting: [...s.bots.values()].filter(
        (other) => other.meetingNumber === bot.meetingNumber && other.state === 'in_meeting',
      ).length,
    })),
  );
  const [text, setText] = useState(kind === 'chat' ? '' : bot.name);
  const [everyone, setEveryone] = useState(false);
  useEffect(() => inputRef.current?.focus(), []);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (kind === 'chat') {
      const audience = selection
        ? { botIds: selection }
        : everyone
          ? { meetingNumber: bot.meetingNumber }
          : { botIds: [bot.id] };
      void state.sendChat(audience, text);
    } else if (kind === 'rename') void state.renameBot(bot.id, text);
    else void state.relaunchBot(bot.id, text);
  };

  const hint =
    kind === 'chat'
      ? 'Everyone in the meeting sees it. One line, up to 1,024 characters.'
      : kind === 'relaunch'
        ? `A new bot joins meeting ${bot.meetingNumber} with the same account, passcode and limits.`
        : bot.state === 'in_meeting'
          ? 'Zoom renames the bot in the meeting if the host lets participants rename themselves.'
          : 'The bot has not joined yet: it joins under the new name.';

  return (
    <div className="dialog-backdrop">
      <form
        className="card bot-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={onSubmit}
        onKeyDown={(event) => {
          if (event.key === 'Escape') state.close();
        }}
      >
        <h2 id={`${id}-title`}>
          {selection ? selectionTitle(selection.length) : TITLES[kind](bot.name)}
        </h2>
        <div className="field">
          <label htmlFor={`${id}-text`}>{kind === 'chat' ? 'Message' : 'Name'}</label>
          <input
            ref={inputRef}
            id={`${id}-text`}
            type="text"
            autoComplete="off"
            aria-describedby={`${id}-hint`}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        </div>
        {kind === 'chat' && !selection && (
          <fieldset className="chat-audience">
            <legend>Who says it</legend>
            <label className="checkbox">
              <input type="radio" checked={!everyone} onChange={() => setEveryone(false)} />
              Only {bot.name}
            </label>
            <label className="checkbox">
              <input type="radio" checked={everyone} onChange={() => setEveryone(true)} />
              Every Botdeck bot in meeting {bot.meetingNumber} ({state.inMeeting} in it now)
            </label>
          </fieldset>
        )}
        {state.error !== null && (
          <p className="form-alert" role="alert">
            {state.error}
          </p>
        )}
        <div className="form-actions dialog-actions">
          <button type="button" className="button" onClick={state.close}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={state.busy}>
            {kind === 'chat' ? 'Send' : kind === 'rename' ? 'Rename' : 'Relaunch'}
          </button>
        </div>
      </form>
    </div>
  );
}

/**
 * "Chat message on join" in the launch form: what each bot says in the meeting's chat right
 * after it first gets in, with `{name}` standing for its own name. Empty: the bots say nothing.
 */
import { useId } from 'react';
import { CHAT_TEXT_MAX } from '../../../shared/chat-text';
import { useAppStore } from '../store/store-context';

export function ChatOnJoinField() {
  const id = useId();
  const value = useAppStore((state) => state.launch.chatOnJoin);
  const setChatOnJoin = useAppStore((state) => state.setChatOnJoin);
  return (
    <div className="field field-wide chat-on-join">
      <label htmlFor={`${id}-chat`}>Chat message on join</label>
      <input
        id={`${id}-chat`}
        name="chatOnJoin"
        type="text"
        autoComplete="off"
        maxLength={CHAT_TEXT_MAX * 2}
        placeholder="Hi, I am {name}, the support team's note-taker."
        aria-describedby={`${id}-chat-hint`}
        value={value}
        onChange={(event) => setChatOnJoin(event.target.value)}
      />
      <p className="hint" id={`${id}-chat-hint`}>
        Optional. Each bot says it once, to everyone, right after it first joins; {'{name}'} becomes
        the bot&apos;s name. One line, up to {CHAT_TEXT_MAX.toLocaleString('en-US')} characters.
      </p>
    </div>
  );
}

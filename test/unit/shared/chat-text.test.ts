/**
 * The chat text rule every side shares: examples at its edges, and fast-check properties over
 * any text at all (whatever is accepted is 1 to 1,024 characters with no control character;
 * every such text is accepted), plus the chat message on join's `{name}`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHAT_TEXT_MAX,
  ChatTextSchema,
  chatLength,
  expandChatTemplate,
} from '../../../src/shared/chat-text';
import { LaunchRequestSchema } from '../../../src/shared/request-schemas';

const CONTROL = /\p{Cc}/u;

describe('chat text', () => {
  it('takes one line of up to 1,024 characters, trimmed, emoji counted as one', () => {
    expect(ChatTextSchema.parse('  Hello, everyone  ')).toBe('Hello, everyone');
    expect(ChatTextSchema.safeParse('😀'.repeat(CHAT_TEXT_MAX)).success).toBe(true);
    expect(ChatTextSchema.safeParse('x'.repeat(CHAT_TEXT_MAX + 1)).error?.issues[0]?.message).toBe(
      'A chat message can be at most 1,024 characters.',
    );
    expect(ChatTextSchema.safeParse('   ').error?.issues[0]?.message).toBe(
      'A chat message needs some text.',
    );
    expect(ChatTextSchema.safeParse('one\ntwo').error?.issues[0]?.message).toMatch(
      /line breaks, tabs or other control characters/,
    );
  });

  it('accepts exactly the texts the rule describes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 1_100 }), (text) => {
        const trimmed = text.trim();
        const valid =
          trimmed.length > 0 && chatLength(trimmed) <= CHAT_TEXT_MAX && !CONTROL.test(trimmed);
        const parsed = ChatTextSchema.safeParse(text);
        expect(parsed.success).toBe(valid);
        if (parsed.success) expect(parsed.data).toBe(trimmed);
      }),
      { numRuns: 2_000 },
    );
  });

  it('never lets a control character through, wherever it is (property)', () => {
    const control = fc.integer({ min: 0, max: 0x9f }).filter((code) => code < 0x20 || code >= 0x7f);
    fc.assert(
      fc.property(fc.string(), control, fc.string(), (before, code, after) => {
        const text = `x${before}${String.fromCharCode(code)}${after}x`;
        expect(ChatTextSchema.safeParse(text).success).toBe(false);
      }),
    );
  });

  it('puts each bot’s name into its chat message on join, and refuses one too long with it', () => {
    expect(expandChatTemplate('Hi, I am {name}. {name} here.', 'Ada')).toBe(
      'Hi, I am Ada. Ada here.',
    );
    const base = { meeting: '123456789', names: ['Ada', 'A'.repeat(64)] };
    expect(LaunchRequestSchema.safeParse({ ...base, chatOnJoin: '{name}' }).success).toBe(true);
    const long = LaunchRequestSchema.safeParse({
      ...base,
      chatOnJoin: `${'x'.repeat(1_000)}{name}`,
    });
    expect(long.error?.issues[0]).toMatchObject({
      path: ['chatOnJoin'],
      message: expect.stringMatching(/With the bot's name in it/),
    });
  });
});

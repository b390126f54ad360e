import { describe, expect, it } from 'vitest';
import {
  DISCLAIMER_WORDS,
  describeJoinError,
  JOIN_ERROR_MESSAGES,
  LOGIN_VIEW_CODES,
  PAGE_FAILURE_WORDS,
} from '../../../src/shared/zoom-errors';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Every code docs/zoom.md, "Join error codes" lists, with words each message must contain. */
const TABLE: [number, RegExp][] = [
  [1, /could not be joined/],
  [200, /could not be joined/],
  [3000, /already in another meeting/],
  [3001, /does not exist.*meeting number/],
  [3610, /does not exist.*meeting number/],
  [3004, /passcode is wrong/],
  [3008, /not started.*host/],
  [3009, /^Removed from the meeting by the host; Botdeck will not rejoin\.$/],
  [3082, /^Zoom asks this bot to sign in/],
  [3099, /registration/],
  [3110, /^Zoom asks this bot to solve a captcha/],
  [3113, /^Zoom asks this bot to solve a captcha/],
  [3129, /practice session/],
  [3135, /registrant token/],
  [3100, /^Sign-in required: this meeting admits only authenticated users/],
  [3051, /^Sign-in required/],
  [3052, /^Sign-in required/],
  [6024, /^Sign-in required/],
  [3265, /ZAK/],
  [3623, /ZAK/],
  [3633, /limiting joins/],
  [3634, /limiting joins/],
  [3635, /WebAssembly/],
  [3704, /Meeting SDK key/],
  [3705, /expired.*clock/],
  [3706, /^The signature was made for a different meeting number — check the meeting number\.$/],
  [3707, /signature/],
  [3708, /role/],
  [3709, /signature/],
  [3710, /Meeting SDK key/],
  [3711, /signature/],
  [3712, /signature/],
  [3713, /signature/],
  [4004, /ended/],
  [4005, /full/],
  [4006, /locked/],
  [4007, /barrier/],
  [4008, /already in the meeting/],
  [4011, /not published/],
  [4012, /anonymous/],
  [4013, /sign-in token/],
  [4014, /sign-in token/],
  [4015, /sign-in token/],
  [4016, /sign-in token/],
  [4017, /sign-in token/],
  [4018, /authorized/],
  [4019, /sign-in token/],
  [10000, /too old/],
];

describe('describeJoinError', () => {
  it.each(TABLE)('code %i has operator words', (code, words) => {
    const message = describeJoinError(code, 'sdk said something');
    expect(message).toMatch(words);
    // Known codes use Botdeck's words, not the SDK's.
    expect(message).not.toContain('sdk said something');
  });

  it('covers every code in docs/zoom.md, including the 3704–3713 and 4013–4019 ranges', () => {
    const listed = [
      1,
      200,
      3000,
      3001,
      3610,
      3004,
      3008,
      3009,
      3082,
      3099,
      3100,
      3110,
      3113,
      3129,
      3135,
      3051,
      3052,
      6024,
      3265,
      3623,
      3633,
      3634,
      3635,
      ...range(3704, 3713),
      ...range(4004, 4008),
      4011,
      4012,
      ...range(4013, 4019),
      10000,
    ];
    for (const code of listed) expect(JOIN_ERROR_MESSAGES[code], `code ${code}`).toBeDefined();
    expect(new Set(TABLE.map(([code]) => code))).toEqual(new Set(listed));
  });

  it('a signature meeting-number mismatch is not described as an authentication problem', () => {
    expect(describeJoinError(3706)).not.toMatch(/sign-in|auth|ZAK/i);
  });

  it('an unknown code falls back to a sentence with the code and the SDK’s words', () => {
    expect(describeJoinError(9999, 'Something odd happened')).toBe(
      'The meeting could not be joined (Zoom code 9999): Something odd happened',
    );
  });

  it('an unknown code without SDK words still names the code', () => {
    expect(describeJoinError(9999)).toBe('The meeting could not be joined (Zoom code 9999).');
    expect(describeJoinError(9999, null)).toBe('The meeting could not be joined (Zoom code 9999).');
  });

  it('no code at all keeps the SDK’s words', () => {
    expect(describeJoinError(null, 'network down')).toBe(
      'The meeting could not be joined: network down',
    );
    expect(describeJoinError(null)).toBe('The meeting could not be joined.');
  });

  it('every login or captcha answer has words of its own, none of them generic', () => {
    for (const code of LOGIN_VIEW_CODES) {
      expect(describeJoinError(code)).not.toMatch(/could not be joined/);
    }
  });

  it('the page’s own failure words reach the operator whole', () => {
    const words = [
      PAGE_FAILURE_WORDS.couldNotReachZoom,
      PAGE_FAILURE_WORDS.originRefused('http://127.0.0.1:41234'),
      PAGE_FAILURE_WORDS.zoomServerError(503),
      PAGE_FAILURE_WORDS.closedWithoutReason,
      PAGE_FAILURE_WORDS.stalledIn('showing a captcha'),
      DISCLAIMER_WORDS,
    ];
    for (const said of words) expect(describeJoinError(null, said)).toContain(said);
  });

  it('page-supplied SDK words are kept to one short line', () => {
    const message = describeJoinError(1234, `line one\nline two ${'x'.repeat(500)}`);
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(300);
  });
});

import { describe, expect, it } from 'vitest';
import { meetingWithoutPasscode, parseMeetingInput } from '../../../src/shared/meeting-link';

const joined = (meetingNumber: string, passcode = '') => ({
  ok: true,
  meetingNumber,
  passcode,
  zoomDomain: 'zoom.us',
});
const joinedGov = (meetingNumber: string, passcode = '') => ({
  ...joined(meetingNumber, passcode),
  zoomDomain: 'zoomgov.com',
});

describe('parseMeetingInput accepts every Zoom join form', () => {
  it.each([
    ['https://zoom.us/j/81234567890?pwd=abc123', joined('81234567890', 'abc123')],
    ['https://us02web.zoom.us/j/81234567890?pwd=XyZ.1', joined('81234567890', 'XyZ.1')],
    ['https://company.zoom.us/j/123456789', joined('123456789')],
    ['https://ZOOM.US/J/123456789', joined('123456789')],
    ['https://zoom.us/j/123456789/', joined('123456789')],
    ['https://zoom.us./j/123456789', joined('123456789')],
    ['https://agency.zoomgov.com/j/1612345678?pwd=gov', joinedGov('1612345678', 'gov')],
    ['https://zoomgov.com/j/1612345678', joinedGov('1612345678')],
    ['zoommtg://www.zoomgov.com/join?confno=1612345678', joinedGov('1612345678')],
    ['https://zoom.us/w/98765432101?tk=registrant-token', joined('98765432101')],
    ['https://zoom.us/wc/join/81234567890', joined('81234567890')],
    ['https://app.zoom.us/wc/81234567890/join?fromPWA=1&pwd=p', joined('81234567890', 'p')],
    [
      'zoommtg://zoom.us/join?action=join&confno=81234567890&pwd=deep',
      joined('81234567890', 'deep'),
    ],
    ['zoommtg://us02web.zoom.us/join?confno=123456789', joined('123456789')],
    ['us02web.zoom.us/j/81234567890?pwd=x', joined('81234567890', 'x')],
    ['  https://zoom.us/j/81234567890  ', joined('81234567890')],
    ['812 3456 7890', joined('81234567890')],
    ['812-3456-7890', joined('81234567890')],
    ['123456789', joined('123456789')],
    ['12345678901', joined('12345678901')],
  ])('%s', (input, expected) => {
    expect(parseMeetingInput(input)).toEqual(expected);
  });
});

describe('parseMeetingInput passcodes', () => {
  it('an explicit passcode overrides the link’s pwd', () => {
    expect(parseMeetingInput('https://zoom.us/j/123456789?pwd=fromlink', ' typed ')).toEqual(
      joined('123456789', 'typed'),
    );
  });

  it('an empty explicit passcode keeps the link’s pwd', () => {
    expect(parseMeetingInput('https://zoom.us/j/123456789?pwd=fromlink', '  ')).toEqual(
      joined('123456789', 'fromlink'),
    );
  });

  // Found by meeting-link.fuzz.test.ts: a link's pwd of whitespace reached the join untrimmed,
  // while the same passcode typed in was trimmed.
  it('a link’s pwd is trimmed like a typed passcode', () => {
    expect(parseMeetingInput('https://zoom.us/j/123456789?pwd=%09')).toEqual(joined('123456789'));
    expect(parseMeetingInput('https://zoom.us/j/123456789?pwd=%20ab%20')).toEqual(
      joined('123456789', 'ab'),
    );
  });

  it('a bare number takes the separate passcode', () => {
    expect(parseMeetingInput('123 456 789', 'secret1')).toEqual(joined('123456789', 'secret1'));
  });
});

describe('parseMeetingInput refuses with words the operator can act on', () => {
  const refused = (input: string) => {
    const result = parseMeetingInput(input);
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.message;
  };

  it('start links say bots need the join link', () => {
    expect(refused('https://zoom.us/s/81234567890?zak=x')).toMatch(/start link.*join link/i);
    expect(refused('https://zoom.us/wc/81234567890/start')).toMatch(/start link/i);
  });

  it('vanity links say they carry no meeting number', () => {
    expect(refused('https://company.zoom.us/my/alice')).toMatch(/vanity.*no meeting number/i);
  });

  it.each([
    'https://zoom.us.evil.com/j/123456789',
    'https://evilzoom.us/j/123456789',
    'https://evil.com/j/123456789?host=zoom.us',
    'https://evil.com/zoom.us/j/123456789',
    'https://zoom.us@evil.com/j/123456789',
    'https://user:pass@zoom.us/j/123456789',
    'javascript:alert(1)//zoom.us/j/123456789',
    'data:text/html,zoom.us/j/123456789',
    'file:///zoom.us/j/123456789',
    'ftp://zoom.us/j/123456789',
    'zoommtg://evil.com/join?confno=123456789',
    'https://zoom.com.evil/j/123456789',
    'https://xn--zom-bla.us/j/123456789',
    'localhost:3000/j/123456789',
  ])('a non-Zoom link: %s', (input) => {
    expect(refused(input)).toMatch(/not a Zoom link/);
  });

  it.each([
    ['1234567890123', /9 to 11 digits; this one has 13/],
    ['123456789012', /this one has 12/],
    ['12345678', /this one has 8/],
    ['https://zoom.us/j/123456789012', /this one has 12/],
    ['https://zoom.us/j/12345abcd', /only digits/],
    ['https://zoom.us/j/', /no meeting number/],
    ['https://zoom.us/', /no meeting number/],
    ['https://zoom.us/profile', /no meeting number/],
    ['zoommtg://zoom.us/join?pwd=x', /no meeting number/],
    ['', /Enter a meeting link or number/],
    ['   ', /Enter a meeting link or number/],
    ['- - -', /only digits|9 to 11/],
  ])('%s', (input, message) => {
    expect(refused(input)).toMatch(message);
  });

  it('nonsense text is not taken for a link', () => {
    expect(refused('meeting at 3pm')).toMatch(/not a Zoom link/);
  });
});

describe('a meeting kept for later (presets, recent meetings)', () => {
  it.each([
    [
      'https://us02web.zoom.us/j/81234567890?pwd=Pq7x2z#success',
      'https://us02web.zoom.us/j/81234567890',
    ],
    [
      'https://agency.zoomgov.com/j/1612345678?pwd=x&tk=y',
      'https://agency.zoomgov.com/j/1612345678',
    ],
    [
      'zoommtg://zoom.us/join?confno=81234567890&pwd=Pq7x2z',
      'zoommtg://zoom.us/join?confno=81234567890',
    ],
    ['812 3456 7890', '812 3456 7890'],
    ['  meeting at 3pm ', 'meeting at 3pm'],
  ])('%s keeps %s: no passcode, the same meeting on the same Zoom cloud', (input, kept) => {
    expect(meetingWithoutPasscode(input)).toBe(kept);
    const before = parseMeetingInput(input, 'typed');
    const after = parseMeetingInput(kept, 'typed');
    expect(after).toEqual(before);
  });
});

/**
 * Fuzzing the meeting-link parser with what operators paste and what attackers craft: it never
 * throws, never accepts a link whose host is not Zoom's (checked by an independent reading of
 * the host here), and what it accepts survives a round trip through a canonical join link.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMeetingInput } from '../../../src/shared/meeting-link';
import { fuzz } from '../../support/fuzz';

/** Zoom's hosts by their last two DNS labels, not by the parser's own suffix test. */
function isZoomHostReference(hostname: string): boolean {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  const tail = labels.slice(-2).join('.');
  return (tail === 'zoom.us' || tail === 'zoomgov.com') && labels.every((label) => label !== '');
}

const digits = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

const host = fc.oneof(
  fc.constantFrom(
    'zoom.us',
    'us02web.zoom.us',
    'ZOOM.US',
    'zoom.us.',
    'zoomgov.com',
    'zoom.us.evil.com',
    'evilzoom.us',
    'zoom.usa',
    'zoom.us@evil.com',
    'evil.com#.zoom.us',
    'evil.com?zoom.us',
    'evil.com\\zoom.us',
    'zoom。us',
    'xn--zoom-us.com',
    '127.0.0.1',
    '[::1]',
  ),
  fc.domain(),
  fc.domain().map((domain) => `${domain}.zoom.us`),
  fc.domain().map((domain) => `zoom.us.${domain}`),
);

const path = fc.oneof(
  digits(0, 13).map((n) => `/j/${n}`),
  digits(9, 11).map((n) => `/w/${n}`),
  digits(9, 11).map((n) => `/wc/join/${n}`),
  digits(9, 11).map((n) => `/wc/${n}/join`),
  digits(9, 11).map((n) => `/wc/${n}/start`),
  digits(9, 11).map((n) => `/s/${n}`),
  fc.constantFrom('/my/vanity', '/', '', '/join', '/j/'),
  fc.webPath(),
);

const query = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 12 }).map((pwd) => `?pwd=${encodeURIComponent(pwd)}`),
  digits(9, 11).map((n) => `?confno=${n}`),
  fc.webQueryParameters().map((q) => `?${q}`),
);

const linkLike = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'zoommtg://', 'zoomus://', 'ftp://', 'javascript:', ''),
    fc.constantFrom('', 'user@', 'user:pass@'),
    host,
    path,
    query,
    fc.constantFrom('', ' ', '\n', '\t'),
  )
  .map(([scheme, userinfo, h, p, q, pad]) => `${pad}${scheme}${userinfo}${h}${p}${q}${pad}`);

/** Mostly well-formed join links, so the round trip is exercised thousands of times. */
const joinLink = fc
  .tuple(
    fc.constantFrom('https://', 'http://', ''),
    fc.constantFrom('zoom.us', 'us02web.zoom.us', 'Zoom.US', 'zoomgov.com', 'a.b.zoomgov.com'),
    fc.constantFrom('/j/', '/w/', '/wc/join/'),
    digits(9, 11),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom('', '#success', '&uname=x'),
  )
  .map(
    ([scheme, h, p, n, pwd, tail]) => `${scheme}${h}${p}${n}?pwd=${encodeURIComponent(pwd)}${tail}`,
  );

const input = fc.oneof(
  { arbitrary: joinLink, weight: 3 },
  { arbitrary: digits(9, 11), weight: 1 },
  linkLike,
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(fc.constantFrom('1', '2', '9', ' ', '-', '\u00a0', '０'), { maxLength: 16 })
    .map((a) => a.join('')),
);

describe('meeting-link parser under fuzzing', () => {
  it('never throws, never accepts a non-Zoom host, and round-trips what it accepts (10,000 cases)', async () => {
    let accepted = 0;
    await fuzz(
      'meeting-link parser',
      fc.tuple(input, fc.option(fc.string({ unit: 'binary', maxLength: 12 }), { nil: undefined })),
      ([text, passcode]) => {
        const result = parseMeetingInput(text, passcode);
        if (!result.ok) {
          expect(result.message.length).toBeGreaterThan(0);
          return;
        }
        accepted += 1;
        expect(result.meetingNumber).toMatch(/^[0-9]{9,11}$/);
        const trimmed = text.trim();
        if (!/^[\d\s-]+$/.test(trimmed)) {
          const scheme = /^[a-z][a-z\d+.-]*:/i.test(trimmed);
          const url = new URL(scheme ? trimmed : `https://${trimmed}`);
          expect(isZoomHostReference(url.hostname), `${text} → ${url.hostname}`).toBe(true);
          expect(url.username + url.password).toBe('');
          // The meeting's cloud is the link's: ZoomGov for *.zoomgov.com, zoom.us otherwise.
          const gov = /(^|\.)zoomgov\.com\.?$/i.test(url.hostname);
          expect(result.zoomDomain).toBe(gov ? 'zoomgov.com' : 'zoom.us');
        } else {
          expect(result.zoomDomain).toBe('zoom.us');
        }
        const link = `https://${result.zoomDomain}/j/${result.meetingNumber}?pwd=${encodeURIComponent(result.passcode)}`;
        expect(parseMeetingInput(link)).toEqual(result);
        expect(parseMeetingInput(result.meetingNumber, result.passcode)).toEqual({
          ...result,
          zoomDomain: 'zoom.us',
        });
      },
    );
    // The round trip means little unless many inputs were accepted.
    expect(accepted).toBeGreaterThan(3_000);
  });
});

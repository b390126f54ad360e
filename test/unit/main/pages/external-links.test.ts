import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXTERNAL_LINK_HOSTS,
  isAllowedExternalLink,
} from '../../../../src/main/pages/external-links';

describe('links the dashboard may open in the browser', () => {
  it('opens https pages of Zoom’s documentation hosts', () => {
    expect(isAllowedExternalLink('https://marketplace.zoom.us/develop/create')).toBe(true);
    expect(isAllowedExternalLink('https://developers.zoom.us/docs/meeting-sdk/')).toBe(true);
  });

  it.each([
    'http://marketplace.zoom.us/',
    'https://marketplace.zoom.us.evil.example/',
    'https://evilzoom.us/',
    'https://user:pass@marketplace.zoom.us/',
    'https://marketplace.zoom.us:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://botdeck/dashboard/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalLink(url)).toBe(false);
  });

  it('refuses every URL whose host is not on the list, whatever it looks like', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const host = new URL(url).hostname;
        expect(isAllowedExternalLink(url)).toBe(
          EXTERNAL_LINK_HOSTS.has(host) &&
            url.startsWith('https://') &&
            new URL(url).port === '' &&
            new URL(url).username === '' &&
            new URL(url).password === '',
        );
      }),
      { numRuns: 2_000 },
    );
  });
});

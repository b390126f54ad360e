import { describe, expect, it } from 'vitest';
import { createSenderRegistry, isAppUrl } from '../../../../src/main/electron/sender-registry';

const DASHBOARD_URL = 'app://botdeck/dashboard/index.html';
const BOT_URL = 'app://botdeck/bot/index.html';

describe('sender registry', () => {
  const registry = createSenderRegistry();
  registry.setDashboard(1);
  registry.addBot(7, 'bot-a');
  registry.addBot(8, 'bot-b');

  it('names the calling bot from its webContents, whatever the page claims', () => {
    expect(registry.resolve(7, BOT_URL, true, 'bot:ready')).toEqual({
      kind: 'bot',
      botId: 'bot-a',
    });
    expect(registry.resolve(8, BOT_URL, true, 'bot:ready')).toEqual({
      kind: 'bot',
      botId: 'bot-b',
    });
  });

  it('keeps bot pages off dashboard channels and the dashboard off bot channels', () => {
    expect(registry.resolve(7, BOT_URL, true, 'bots:launch').kind).toBe('refused');
    expect(registry.resolve(1, DASHBOARD_URL, true, 'bot:ready').kind).toBe('refused');
    expect(registry.resolve(1, DASHBOARD_URL, true, 'bots:launch')).toEqual({ kind: 'dashboard' });
  });

  it('refuses unknown windows, subframes and pages that navigated away', () => {
    expect(registry.resolve(99, BOT_URL, true, 'bot:ready').kind).toBe('refused');
    expect(registry.resolve(7, BOT_URL, false, 'bot:ready').kind).toBe('refused');
    expect(registry.resolve(7, 'https://zoom.us/', true, 'bot:ready').kind).toBe('refused');
  });

  it('forgets a bot whose window closed', () => {
    const local = createSenderRegistry();
    local.addBot(3, 'bot-c');
    local.removeBot(3);
    expect(local.resolve(3, BOT_URL, true, 'bot:ready').kind).toBe('refused');
  });
});

describe('app URL check', () => {
  it.each([
    ['app://botdeck/dashboard/index.html', true],
    ['app://botdeck.evil.com/x', false],
    ['app://evil/botdeck', false],
    ['https://botdeck/x', false],
    ['app://user@botdeck/x', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

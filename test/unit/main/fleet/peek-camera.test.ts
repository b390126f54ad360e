import { afterEach, describe, expect, it } from 'vitest';
import { createPeekCamera, PEEK_WIDTHS } from '../../../../src/main/fleet/peek-camera';
import type { BotPageCapture } from '../../../../src/main/fleet/bot-window-host';
import { fleetHarness, silentLogger } from './fleet-harness';

const harnesses: ReturnType<typeof fleetHarness>[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    const done = h.fleet.dispose(10);
    await h.clock.advance(1_000);
    await done;
  }
});

async function peeking() {
  const h = fleetHarness();
  harnesses.push(h);
  const camera = createPeekCamera({
    host: h.windows.host,
    hasBot: (botId) => h.fleet.has(botId),
    now: h.clock.now,
    logger: silentLogger(),
  });
  const [id] = (await h.launch(['Ada'])) as [string];
  await h.joinPage(id);
  return { ...h, camera, id };
}

/** What the harness's window drew, read back from the frame's data: URL. */
function drawn(image: string): string {
  const [prefix, data] = image.split(',');
  expect(prefix).toBe('data:image/jpeg;base64');
  return Buffer.from(data ?? '', 'base64').toString('utf8');
}

describe('Peek: stills of a bot page, made only when asked', () => {
  it("answers with the bot's own page, as a JPEG data: URL of the asked size", async () => {
    const { camera, id, clock } = await peeking();
    const frame = await camera.peek(id, 'thumbnail');
    if (!frame.ok) throw new Error(frame.error.message);
    expect(drawn(frame.value.image)).toBe(`${id} frame 1`);
    expect(frame.value).toMatchObject({ botId: id, width: PEEK_WIDTHS.thumbnail, at: clock.now() });
    const large = await camera.peek(id, 'large');
    expect(large.ok && large.value.width).toBe(PEEK_WIDTHS.large);
  });

  it('captures a page at most four times a second however often it is asked', async () => {
    const { camera, id, clock, windows } = await peeking();
    const asks = await Promise.all([1, 2, 3].map(() => camera.peek(id, 'thumbnail')));
    expect(new Set(asks.map((frame) => frame.ok && frame.value.image)).size).toBe(1);
    await clock.advance(100);
    await camera.peek(id, 'thumbnail');
    expect(windows.captureCount()).toBe(1);
    await clock.advance(150);
    const next = await camera.peek(id, 'thumbnail');
    expect(next.ok && drawn(next.value.image)).toBe(`${id} frame 2`);
    expect(windows.violations).toEqual([]);
  });

  it('never runs two captures of one page at once, however slow one is', async () => {
    const { id, clock, fleet } = await peeking();
    let started = 0;
    let finish: (capture: BotPageCapture) => void = () => undefined;
    const camera = createPeekCamera({
      host: {
        capture: () => {
          started += 1;
          return new Promise((resolve) => (finish = resolve));
        },
      },
      hasBot: (botId) => fleet.has(botId),
      now: clock.now,
      logger: silentLogger(),
    });
    const first = camera.peek(id, 'thumbnail');
    await clock.advance(1_000);
    const second = camera.peek(id, 'thumbnail');
    expect(started).toBe(1);
    finish({ jpeg: new Uint8Array([1]), width: 1, height: 1 });
    expect(await second).toEqual(await first);
  });

  it('says in words when the bot is unknown or has no window, and tries again next time', async () => {
    const { camera, id, report, clock, windows } = await peeking();
    expect(await camera.peek('no-such-bot', 'thumbnail')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await report(id, 'disconnected');
    const closed = await camera.peek(id, 'thumbnail');
    expect(closed).toMatchObject({ ok: false, error: { code: 'no_window' } });
    if (!closed.ok) expect(closed.error.message).toMatch(/no window right now/);
    // Back in a new window after the backoff: the next ask captures it at once.
    await clock.advance(2_000);
    expect((await camera.peek(id, 'thumbnail')).ok).toBe(true);
    expect(windows.captureCount()).toBe(1);
  });
});

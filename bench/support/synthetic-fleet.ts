/**
 * A fleet that exists only for the dashboard benchmark: a thousand bot views, changed at a set
 * rate through the fleet's own change batcher, so the dashboard hears them exactly as it hears a
 * real fleet. Each change moves one bot along a rejoin's path (in the meeting, reconnecting,
 * joining, back in the meeting), with the fields a real change carries.
 */
import { createChangeBatcher } from '../../src/main/fleet/change-batcher';
import { silentLogger } from '../../src/main/log/logger';
import type { BotState, BotView, BotsChangedEvent } from '../../src/shared/ipc-contract';

const NEXT: Partial<Record<BotState, BotState>> = {
  in_meeting: 'reconnecting',
  reconnecting: 'joining',
  joining: 'in_meeting',
};

export interface SyntheticFleet {
  list(): BotView[];
  /** Announces every bot, as a launch does, so later changes go out as changes. */
  announce(): void;
  onChanged(listener: (event: BotsChangedEvent) => void): () => void;
  /** Changes `perSecond` bots a second for `seconds`; resolves with how many changes it made. */
  run(perSecond: number, seconds: number): Promise<number>;
}

export function createSyntheticFleet(count: number, meetings = 4): SyntheticFleet {
  const started = Date.now();
  const views = new Map<string, BotView>();
  for (let index = 0; index < count; index++) {
    const id = `bench-${String(index).padStart(4, '0')}-7c1e-4b2a-9f3d-${String(index).padStart(12, '0')}`;
    views.set(id, {
      id,
      name: `Load ${index + 1}`,
      state: 'in_meeting',
      meetingNumber: String(81234567890 + (index % meetings)),
      accountId: 'sandbox',
      launchId: 'bench-launch',
      avatarUrl: null,
      createdAt: started - count + index,
      joinedAt: started,
      endedAt: null,
      failure: null,
      note: null,
      reconnect: null,
      participantCount: Math.ceil(count / meetings),
      activity: null,
    });
  }
  const batcher = createChangeBatcher({ view: (id) => views.get(id), logger: silentLogger });
  const ids = [...views.keys()];
  let cursor = 0;

  function change(): void {
    // A stride through the fleet, so consecutive changes touch bots far apart in the table.
    cursor = (cursor + 7919) % ids.length;
    const id = ids[cursor] ?? '';
    const bot = views.get(id);
    if (!bot) return;
    const state = NEXT[bot.state] ?? 'in_meeting';
    const now = Date.now();
    views.set(id, {
      ...bot,
      state,
      joinedAt: state === 'in_meeting' ? now : bot.joinedAt,
      reconnect:
        state === 'reconnecting'
          ? { attempt: 1, maxAttempts: 5, nextTryAt: now + 2_000, reason: 'Lost the connection.' }
          : null,
    });
    batcher.mark(id);
  }

  return {
    list: () => [...views.values()],
    announce() {
      for (const id of ids) batcher.mark(id);
    },
    onChanged: (listener) => batcher.subscribe(listener),
    run(perSecond, seconds) {
      const begin = performance.now();
      let made = 0;
      return new Promise((resolve) => {
        // Every 5 ms, as many changes as the rate owes by now.
        const timer = setInterval(() => {
          const elapsed = (performance.now() - begin) / 1000;
          const owed = Math.floor(Math.min(elapsed, seconds) * perSecond) - made;
          for (let index = 0; index < owed; index++) change();
          made += Math.max(0, owed);
          if (elapsed >= seconds) {
            clearInterval(timer);
            resolve(made);
          }
        }, 5);
      });
    },
  };
}

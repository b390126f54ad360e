import type {
  AppSnapshot,
  BotsChangedEvent,
  DashboardApi,
  LaunchRequest,
  Result,
  SandboxMeeting,
} from '../../../../src/shared/ipc-contract';

/**
 * An in-memory main for store tests: answers are set per test, launches are recorded, and
 * `push` delivers a bots:changed event as main would.
 */
export interface FakeDashboard {
  api: DashboardApi;
  launches: LaunchRequest[];
  push(event: BotsChangedEvent): void;
  snapshot: { result: Promise<Result<AppSnapshot>> };
  launchResult: { next: () => Promise<Result<{ botIds: string[] }>> };
  leaveResult: { next: () => Promise<Result<null>> };
  sandboxMeetingResult: { next: () => Promise<Result<SandboxMeeting>> };
}

export function emptySnapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return { mode: 'sandbox', accounts: [], bots: [], notices: [], ...overrides };
}

export function createFakeDashboard(): FakeDashboard {
  const listeners = new Set<(event: BotsChangedEvent) => void>();
  const fake: FakeDashboard = {
    launches: [],
    push: (event) => listeners.forEach((listener) => listener(event)),
    snapshot: { result: Promise.resolve({ ok: true, value: emptySnapshot() }) },
    launchResult: { next: () => Promise.resolve({ ok: true, value: { botIds: [] } }) },
    leaveResult: { next: () => Promise.resolve({ ok: true, value: null }) },
    sandboxMeetingResult: {
      next: () =>
        Promise.resolve({
          ok: true,
          value: {
            meetingNumber: '81234567890',
            passcode: 'Pq7x2z',
            joinUrl: 'https://zoom.us/j/81234567890?pwd=Pq7x2z',
          },
        }),
    },
    api: {
      getSnapshot: () => fake.snapshot.result,
      launchBots: (request) => {
        fake.launches.push(request);
        return fake.launchResult.next();
      },
      leaveBot: () => fake.leaveResult.next(),
      leaveAll: () => Promise.resolve({ ok: true, value: { count: 0 } }),
      createSandboxMeeting: () => fake.sandboxMeetingResult.next(),
      onBotsChanged: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
  return fake;
}

/**
 * An in-memory main for store tests, derived from the contract: every dashboard call of
 * `IPC_CALLS` is recorded as main would receive it (a structured clone, like IPC) in
 * `requests`, and answered by `answers`, which tests replace per call. A call with no default
 * answer fails, so a new channel needs no change here until a test is about it.
 */
import {
  IPC_CALLS,
  KEYCHAIN_AVAILABLE,
  fail,
  type AccountsState,
  type AppSnapshot,
  type BotNotification,
  type BotsChangedEvent,
  type ConnectionTestReport,
  type DashboardApi,
  type DiagnosticsReport,
} from '../../../../src/shared/ipc-contract';

/** The dashboard's calls (its methods other than event subscriptions). */
export type DashboardCall = {
  [M in keyof DashboardApi]: M extends `on${string}` ? never : M;
}[keyof DashboardApi];
type RequestTo<M extends DashboardCall> = Parameters<DashboardApi[M]>[0];
type AnswerFor<M extends DashboardCall> = (request: RequestTo<M>) => ReturnType<DashboardApi[M]>;

export interface FakeDashboard {
  api: DashboardApi;
  /** Every request each call received, oldest first (`{}` for calls without one). */
  requests: { [M in DashboardCall]: NonNullable<RequestTo<M>>[] };
  /** How each call answers; replace one to script main. */
  answers: { [M in DashboardCall]: AnswerFor<M> };
  /** What the default account answers return. */
  accountsState: AccountsState;
  /** Delivers a bots:changed event to the page. */
  push(event: BotsChangedEvent): void;
  /** Delivers a notification event to the page (as the web host does). */
  notify(notification: BotNotification): void;
}

/** A report with one check of each status and a log file that can be opened. */
export function sampleDiagnostics(overrides: Partial<DiagnosticsReport> = {}): DiagnosticsReport {
  return {
    at: Date.UTC(2026, 0, 5, 9, 30),
    checks: [
      {
        id: 'electron',
        title: 'Electron binary',
        status: 'ok',
        message: 'Running in Electron 45.5.0.',
        fix: null,
        required: true,
      },
      {
        id: 'zoom-api',
        title: "Zoom's REST API",
        status: 'problem',
        message: 'Could not reach https://api.zoom.us/v2/: its name does not resolve (DNS).',
        fix: 'Allow api.zoom.us (port 443).',
        required: true,
      },
      {
        id: 'bot-isolation',
        title: 'Cross-origin isolation in a bot window',
        status: 'skipped',
        message: 'Only the running app opens bot windows.',
        fix: null,
        required: true,
      },
    ],
    log: {
      kind: 'file',
      folder: '/home/ada/.config/Botdeck/logs',
      file: '/home/ada/.config/Botdeck/logs/botdeck.log',
      canOpenFolder: true,
    },
    ...overrides,
  };
}

/** A data: URL standing in for a Peek frame. */
export const PIXEL_JPEG = 'data:image/jpeg;base64,/9j/';

export function emptySnapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    mode: 'sandbox',
    accounts: [],
    keychain: KEYCHAIN_AVAILABLE,
    bots: [],
    notices: [],
    stoppedByRestart: [],
    relaunchAfterRestart: false,
    notifications: { enabled: true, shownBy: 'browser' },
    canShowBotWindows: false,
    ...overrides,
  };
}

/** A report of a test in which every step passed. */
export function passingReport(): ConnectionTestReport {
  return {
    ok: true,
    steps: [
      { step: 'token', ok: true, message: 'Got an access token.' },
      { step: 'profile', ok: true, message: 'Found the service user.' },
      { step: 'zak', ok: true, message: 'Minted a ZAK.' },
    ],
    profile: {
      displayName: 'Support Bot',
      email: 'bots@example.com',
      avatarUrl: 'https://example.com/avatar.png',
      userType: 'Licensed',
      status: 'active',
    },
  };
}

export function createFakeDashboard(): FakeDashboard {
  const listeners = new Set<(event: BotsChangedEvent) => void>();
  const notificationListeners = new Set<(notification: BotNotification) => void>();
  const answer = <T>(value: T) => Promise.resolve({ ok: true as const, value });
  const requests: Record<string, unknown[]> = {};
  const api: Record<string, unknown> = {
    onBotsChanged: (listener: (event: BotsChangedEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onNotification: (listener: (notification: BotNotification) => void) => {
      notificationListeners.add(listener);
      return () => notificationListeners.delete(listener);
    },
  };
  const fake: FakeDashboard = {
    api: api as DashboardApi,
    requests: requests as FakeDashboard['requests'],
    accountsState: { mode: 'sandbox', accounts: [], keychain: KEYCHAIN_AVAILABLE },
    push: (event) => listeners.forEach((listener) => listener(event)),
    notify: (notification) => notificationListeners.forEach((listener) => listener(notification)),
    answers: {
      getSnapshot: () => answer(emptySnapshot()),
      launchBots: () => answer({ botIds: [] }),
      // A machine with room for everything, unless a test says otherwise.
      checkCapacity: (request) =>
        answer({
          count: request.count,
          kind: 'sandbox' as const,
          perBotMB: 32,
          needMB: request.count * 32,
          freeMB: 8_192,
          startingBots: 0,
          fits: true,
          maxThatFit: request.count,
          freeAssumed: false,
        }),
      getLoad: () =>
        answer({ botMB: 0, botMeasure: 'pss' as const, freeMB: 8_192, freeAssumed: false, at: 0 }),
      leaveBot: () => answer(null),
      leaveAll: () => answer({ count: 0 }),
      sendChat: (request) => answer({ asked: request.botIds?.length ?? 1 }),
      renameBot: () => answer(null),
      relaunchBot: () => answer({ botId: 'relaunched' }),
      setNotifications: (request) => answer({ enabled: request.enabled, shownBy: 'browser' }),
      createSandboxMeeting: () =>
        answer({
          meetingNumber: '81234567890',
          passcode: 'Pq7x2z',
          joinUrl: 'https://zoom.us/j/81234567890?pwd=Pq7x2z',
        }),
      saveAccount: () => answer(fake.accountsState),
      deleteAccount: () => answer(fake.accountsState),
      testAccount: () => answer({ report: passingReport(), state: fake.accountsState }),
      relaunchStopped: () => answer({ botIds: [], stoppedByRestart: [] }),
      dismissStopped: () => answer({ stoppedByRestart: [] }),
      listHistory: () => answer({ entries: [] }),
      exportHistory: () => answer({ jsonl: '', count: 0 }),
      setRelaunchAfterRestart: (request) => answer({ relaunchAfterRestart: request.enabled }),
      runDiagnostics: () => answer(sampleDiagnostics()),
      openLogFolder: () => answer(null),
      leaveBots: (request) => answer({ count: request.botIds.length }),
      leaveMeeting: () => answer({ count: 0 }),
      clearFinished: () => answer({ count: 0 }),
      listLaunchShortcuts: () => answer({ presets: [], recentMeetings: [] }),
      savePreset: () => answer({ presets: [], recentMeetings: [] }),
      deletePreset: () => answer({ presets: [], recentMeetings: [] }),
      peekBot: (request) =>
        answer({ botId: request.botId, image: PIXEL_JPEG, width: 1, height: 1, at: 0 }),
      showBotWindow: () => answer(null),
    } satisfies Partial<FakeDashboard['answers']> as FakeDashboard['answers'],
  };
  for (const [method, declaration] of Object.entries(IPC_CALLS)) {
    if (declaration.page !== 'dashboard') continue;
    requests[method] = [];
    api[method] = (request: unknown = {}) => {
      requests[method]?.push(structuredClone(request));
      const respond = (fake.answers as Record<string, ((request: unknown) => unknown) | undefined>)[
        method
      ];
      return respond
        ? respond(request)
        : Promise.resolve(fail('not_answered', `The fake main has no answer for ${method}.`));
    };
  }
  return fake;
}

import {
  KEYCHAIN_AVAILABLE,
  type AccountIdRequest,
  type AccountsState,
  type AppSnapshot,
  type BotsChangedEvent,
  type ConnectionTestReport,
  type DashboardApi,
  type DiagnosticsReport,
  type HistoryEntry,
  type HistoryExport,
  type LaunchRequest,
  type RelaunchResult,
  type Result,
  type SandboxMeeting,
  type SaveAccountRequest,
  type StoppedBot,
  type RelaunchStoppedRequest,
  type StoppedBotIdsRequest,
} from '../../../../src/shared/ipc-contract';

/**
 * An in-memory main for store tests: answers are set per test, requests are recorded as main
 * would receive them (a structured clone, like IPC), and `push` delivers a bots:changed event.
 */
export interface FakeDashboard {
  api: DashboardApi;
  launches: LaunchRequest[];
  savedAccounts: SaveAccountRequest[];
  deletedAccounts: AccountIdRequest[];
  testedAccounts: AccountIdRequest[];
  push(event: BotsChangedEvent): void;
  snapshot: { result: Promise<Result<AppSnapshot>> };
  launchResult: { next: () => Promise<Result<{ botIds: string[] }>> };
  leaveResult: { next: () => Promise<Result<null>> };
  sandboxMeetingResult: { next: () => Promise<Result<SandboxMeeting>> };
  /** Defaults answer with `accountsState`. */
  saveResult: { next: (request: SaveAccountRequest) => Promise<Result<AccountsState>> };
  deleteResult: { next: (request: AccountIdRequest) => Promise<Result<AccountsState>> };
  testResult: {
    next: (
      request: AccountIdRequest,
    ) => Promise<Result<{ report: ConnectionTestReport; state: AccountsState }>>;
  };
  /** What the default account answers return. */
  accountsState: AccountsState;
  relaunches: RelaunchStoppedRequest[];
  dismissals: StoppedBotIdsRequest[];
  relaunchSettings: boolean[];
  historyLimits: (number | undefined)[];
  relaunchResult: { next: (request: RelaunchStoppedRequest) => Promise<Result<RelaunchResult>> };
  dismissResult: {
    next: (request: StoppedBotIdsRequest) => Promise<Result<{ stoppedByRestart: StoppedBot[] }>>;
  };
  historyResult: { next: () => Promise<Result<{ entries: HistoryEntry[] }>> };
  exportResult: { next: () => Promise<Result<HistoryExport>> };
  relaunchSettingResult: {
    next: (enabled: boolean) => Promise<Result<{ relaunchAfterRestart: boolean }>>;
  };
  /** How often the checks were asked for, and the log folder opened. */
  diagnosticsRuns: number;
  logFolderOpens: number;
  diagnosticsResult: { next: () => Promise<Result<DiagnosticsReport>> };
  openLogFolderResult: { next: () => Promise<Result<null>> };
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

export function emptySnapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    mode: 'sandbox',
    accounts: [],
    keychain: KEYCHAIN_AVAILABLE,
    bots: [],
    notices: [],
    stoppedByRestart: [],
    relaunchAfterRestart: false,
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
  const fake: FakeDashboard = {
    launches: [],
    savedAccounts: [],
    deletedAccounts: [],
    testedAccounts: [],
    accountsState: { mode: 'sandbox', accounts: [], keychain: KEYCHAIN_AVAILABLE },
    relaunches: [],
    dismissals: [],
    relaunchSettings: [],
    historyLimits: [],
    diagnosticsRuns: 0,
    logFolderOpens: 0,
    diagnosticsResult: { next: () => Promise.resolve({ ok: true, value: sampleDiagnostics() }) },
    openLogFolderResult: { next: () => Promise.resolve({ ok: true, value: null }) },
    relaunchResult: {
      next: () => Promise.resolve({ ok: true, value: { botIds: [], stoppedByRestart: [] } }),
    },
    dismissResult: { next: () => Promise.resolve({ ok: true, value: { stoppedByRestart: [] } }) },
    historyResult: { next: () => Promise.resolve({ ok: true, value: { entries: [] } }) },
    exportResult: { next: () => Promise.resolve({ ok: true, value: { jsonl: '', count: 0 } }) },
    relaunchSettingResult: {
      next: (enabled) => Promise.resolve({ ok: true, value: { relaunchAfterRestart: enabled } }),
    },
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
    saveResult: { next: () => Promise.resolve({ ok: true, value: fake.accountsState }) },
    deleteResult: { next: () => Promise.resolve({ ok: true, value: fake.accountsState }) },
    testResult: {
      next: () =>
        Promise.resolve({
          ok: true,
          value: { report: passingReport(), state: fake.accountsState },
        }),
    },
    api: {
      getSnapshot: () => fake.snapshot.result,
      launchBots: (request) => {
        fake.launches.push(structuredClone(request));
        return fake.launchResult.next();
      },
      leaveBot: () => fake.leaveResult.next(),
      leaveAll: () => Promise.resolve({ ok: true, value: { count: 0 } }),
      createSandboxMeeting: () => fake.sandboxMeetingResult.next(),
      saveAccount: (request) => {
        fake.savedAccounts.push(structuredClone(request));
        return fake.saveResult.next(request);
      },
      deleteAccount: (request) => {
        fake.deletedAccounts.push(structuredClone(request));
        return fake.deleteResult.next(request);
      },
      testAccount: (request) => {
        fake.testedAccounts.push(structuredClone(request));
        return fake.testResult.next(request);
      },
      relaunchStopped: (request) => {
        fake.relaunches.push(structuredClone(request));
        return fake.relaunchResult.next(request);
      },
      dismissStopped: (request) => {
        fake.dismissals.push(structuredClone(request));
        return fake.dismissResult.next(request);
      },
      listHistory: (request) => {
        fake.historyLimits.push(request.limit);
        return fake.historyResult.next();
      },
      exportHistory: () => fake.exportResult.next(),
      setRelaunchAfterRestart: (request) => {
        fake.relaunchSettings.push(request.enabled);
        return fake.relaunchSettingResult.next(request.enabled);
      },
      runDiagnostics: () => {
        fake.diagnosticsRuns += 1;
        return fake.diagnosticsResult.next();
      },
      openLogFolder: () => {
        fake.logFolderOpens += 1;
        return fake.openLogFolderResult.next();
      },
      onBotsChanged: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
  return fake;
}

/**
 * "Test connection": the three things a launch needs from Zoom, tried in order — an access
 * token, the service user's profile, one ZAK — each reported in operator words. The ZAK minted
 * here is dropped at once; neither it nor the token is ever part of the report.
 */
import type { ConnectionTestReport, ConnectionTestStep } from '../../shared/ipc-contract';
import { isZoomApiError } from '../zoom/zoom-api-error';
import type { ZoomClient, ZoomUser } from '../zoom/zoom-client';

/** Short-lived: the test only proves minting works. */
const TEST_ZAK_TTL_SECONDS = 60;

const USER_TYPES: Record<number, string> = {
  1: 'Basic',
  2: 'Licensed',
  4: 'Unassigned without Meetings Basic',
  99: 'None',
};

type StepResult = ConnectionTestReport['steps'][number];

export async function runConnectionTest(
  zoom: Pick<ZoomClient, 'authenticate' | 'getUser' | 'mintZak'>,
  serviceUser: string,
): Promise<ConnectionTestReport> {
  const steps: StepResult[] = [];
  let profile: ConnectionTestReport['profile'] = null;

  const token = await attempt('token', async () => {
    await zoom.authenticate();
    return 'Zoom accepted the Server-to-Server OAuth credentials.';
  });
  steps.push(token);

  // Filled inside the step, read after it (also when the step fails on an inactive user).
  const found: { user: ZoomUser | null } = { user: null };
  if (token.ok) {
    const step = await attempt('profile', async () => {
      const user = await zoom.getUser(serviceUser);
      found.user = user;
      if (user.status !== null && user.status !== 'active') {
        throw new InactiveUser(user.status);
      }
      return `Found ${user.displayName} (${user.email || user.id}).`;
    });
    steps.push(step);
    if (found.user !== null) {
      const user = found.user;
      profile = {
        displayName: user.displayName,
        email: user.email,
        avatarUrl: user.picUrl,
        userType: USER_TYPES[user.type] ?? `Type ${user.type}`,
        status: user.status ?? 'unknown',
      };
    }
  }
  const last = steps[steps.length - 1];
  if (last?.ok && last.step === 'profile') {
    steps.push(
      await attempt('zak', async () => {
        await zoom.mintZak(serviceUser, TEST_ZAK_TTL_SECONDS);
        return 'Minted a ZAK for this user (it is not shown, and was not kept).';
      }),
    );
  }
  for (const step of ['token', 'profile', 'zak'] as const) {
    if (!steps.some((done) => done.step === step)) {
      steps.push({ step, ok: false, message: 'Not tried, because an earlier step failed.' });
    }
  }
  return { ok: steps.every((step) => step.ok), steps, profile };
}

/** One line for the account card: who we are connected as, or the first problem. */
export function summarizeConnectionTest(report: ConnectionTestReport): string {
  if (report.ok && report.profile) {
    return `Connected as ${report.profile.displayName}; ZAK minting works.`;
  }
  return report.steps.find((step) => !step.ok)?.message ?? 'The test did not finish.';
}

class InactiveUser extends Error {
  constructor(readonly status: string) {
    super(
      `The Zoom user is ${status}, not active: Zoom will not mint ZAKs for it. Activate the ` +
        'user in the Zoom admin portal (Users), or choose another user.',
    );
  }
}

async function attempt(step: ConnectionTestStep, run: () => Promise<string>): Promise<StepResult> {
  try {
    return { step, ok: true, message: await run() };
  } catch (error) {
    return { step, ok: false, message: describeFailure(error) };
  }
}

function describeFailure(error: unknown): string {
  if (isZoomApiError(error)) return error.operatorMessage;
  if (error instanceof InactiveUser) return error.message;
  return 'Botdeck could not reach Zoom. Check the network connection and try again.';
}

/**
 * The sandbox's fault routes, host actions and join audit as the reliability e2e tests use
 * them: cut a bot's connection or kick it the way a network or a host would, hold joiners in a
 * waiting room and admit them, then read back every join attempt.
 */
import type { SandboxLine } from './sandbox-api';

export interface JoinAttempt {
  meetingNumber: string;
  userName: string;
  zak: string | null;
  participantId: string | null;
  errorCode: number | null;
}

async function post(sandbox: SandboxLine, path: string): Promise<void> {
  const response = await fetch(`${sandbox.url}/sandbox/faults${path}`, { method: 'POST' });
  if (!response.ok)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
}

export function sandboxFaults(sandbox: SandboxLine) {
  /** The participant id of the one participant with this name (throws if not exactly one). */
  async function participantId(meetingNumber: string, name: string): Promise<string> {
    const response = await fetch(`${sandbox.url}/sandbox/meetings/${meetingNumber}/participants`);
    const people = (await response.json()) as { participantId: string; displayName: string }[];
    const matches = people.filter((person) => person.displayName === name);
    if (matches.length !== 1) throw new Error(`${matches.length} participants named ${name}`);
    return matches[0]?.participantId ?? '';
  }
  const participantPath = async (meetingNumber: string, name: string) =>
    `/meetings/${meetingNumber}/participants/${await participantId(meetingNumber, name)}`;
  return {
    drop: async (meetingNumber: string, name: string) =>
      post(sandbox, `${await participantPath(meetingNumber, name)}/drop`),
    kick: async (meetingNumber: string, name: string) =>
      post(sandbox, `${await participantPath(meetingNumber, name)}/kick`),
    /** A sign-in-only meeting with a waiting room. */
    async createWaitingRoomMeeting(): Promise<{ meetingNumber: string; passcode: string }> {
      const response = await fetch(`${sandbox.url}/sandbox/meetings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ requireAuth: true, waitingRoom: true }),
      });
      return (await response.json()) as { meetingNumber: string; passcode: string };
    },
    /** Lets everyone waiting in; returns how many there were. */
    async admitAll(meetingNumber: string): Promise<number> {
      const base = `${sandbox.url}/sandbox/meetings/${meetingNumber}`;
      const waiting = (await (await fetch(`${base}/waiting-room`)).json()) as {
        participantId: string;
      }[];
      for (const { participantId } of waiting) {
        const response = await fetch(`${base}/participants/${participantId}/admit`, {
          method: 'POST',
        });
        if (!response.ok) throw new Error(`admit answered ${response.status}`);
      }
      return waiting.length;
    },
    /** Every join attempt the sandbox saw for this name in this meeting, in order. */
    async joinsOf(meetingNumber: string, name: string): Promise<JoinAttempt[]> {
      const audit = (await (await fetch(`${sandbox.url}/sandbox/audit`)).json()) as {
        joins: JoinAttempt[];
      };
      return audit.joins.filter(
        (join) => join.meetingNumber === meetingNumber && join.userName === name,
      );
    },
  };
}

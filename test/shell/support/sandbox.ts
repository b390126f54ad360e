/** What the embedded sandbox says about a meeting, read over its public HTTP routes. */
export async function participantNames(
  sandboxUrl: string,
  meetingNumber: string,
): Promise<string[]> {
  const response = await fetch(`${sandboxUrl}/sandbox/meetings/${meetingNumber}/participants`);
  if (!response.ok) throw new Error(`The sandbox answered ${response.status}`);
  const participants = (await response.json()) as { displayName: string }[];
  return participants.map((participant) => participant.displayName).sort();
}

/**
 * Bot pages call the sandbox from their host's origin, and the sandbox refuses every origin it
 * was not told about. A host whose sandbox runs in-process sets the list directly; a web host
 * pointed at a sandbox someone started (`--sandbox-url`) asks it over HTTP, as a script, which
 * is the only kind of caller that route answers.
 */
import type { Logger } from '../log/logger';

/** Lets `origin`'s pages call the sandbox at `sandboxUrl`; says so in the log if it cannot. */
export async function allowPagesOnSandbox(
  sandboxUrl: string,
  origin: string,
  fetchImpl: typeof fetch,
  logger: Logger,
): Promise<boolean> {
  try {
    const response = await fetchImpl(`${sandboxUrl}/sandbox/allowed-origins`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ origin }),
    });
    if (response.ok) return true;
    logger.warn('The sandbox would not let this host’s bot pages in; its bots cannot join', {
      sandboxUrl,
      origin,
      status: response.status,
    });
  } catch (error) {
    logger.warn('Could not reach the sandbox to let this host’s bot pages in', {
      sandboxUrl,
      error: String(error),
    });
  }
  return false;
}

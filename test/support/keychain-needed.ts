/**
 * For the tests that need the real keychain module. keytar is an optional dependency: where its
 * native build failed, npm left it out and those tests skip, saying why, while everything else
 * still runs. CI's normal path has keytar and sets BOTDECK_REQUIRE_KEYTAR=1, which turns that
 * skip into a failure, so a broken keytar build can never pass as "skipped".
 */
import { loadKeytar } from '../../src/main/vault/load-keytar';

/** Why keychain tests cannot run here, or null when keytar loads. Throws where it is required. */
export async function keytarSkipReason(env = process.env): Promise<string | null> {
  try {
    await loadKeytar();
    return null;
  } catch (error) {
    const reason =
      `keytar cannot be loaded here (${String(error instanceof Error ? error.cause : error)}), ` +
      'so the tests that need the system keychain are skipped. The README ("Set up") says how ' +
      'to install it.';
    if (env.BOTDECK_REQUIRE_KEYTAR === '1') {
      throw new Error(`BOTDECK_REQUIRE_KEYTAR=1, but ${reason}`, { cause: error });
    }
    console.warn(`Skipping: ${reason}`);
    return reason;
  }
}

/**
 * What the accounts panel knows about the system keychain, so it can say what is wrong and how
 * to fix it before the operator tries to save. Every vault call teaches it something: a
 * `VaultUnavailableError` makes the keychain unavailable with that error's words, any success
 * makes it available again (an operator may unlock a keyring while Botdeck runs).
 */
import { KEYCHAIN_AVAILABLE, type KeychainView } from '../../shared/views';
import { VaultUnavailableError, type CredentialVault } from '../vault';

export interface KeychainStatus {
  view(): KeychainView;
  /** The vault, watched: the outcome of loading it and of each of its calls updates `view`. */
  vault(): Promise<CredentialVault>;
  /**
   * Loads the vault and checks the keychain, waiting at most `deadlineMs` so a Secret Service
   * that does not answer (D-Bus gives up after 25 s) cannot hold up Botdeck's start; a late
   * answer still updates `view`. Never rejects.
   */
  probe(deadlineMs: number): Promise<void>;
}

export function watchKeychain(loadVault: () => Promise<CredentialVault>): KeychainStatus {
  let view = KEYCHAIN_AVAILABLE;

  /** Other errors (bad input, a bug) say nothing about the keychain and change nothing. */
  function saw(error: unknown): void {
    if (error === null) view = KEYCHAIN_AVAILABLE;
    else if (error instanceof VaultUnavailableError) {
      view = {
        available: false,
        problem: error.reason,
        message: error.operatorMessage,
        steps: error.steps.map((step) => ({ ...step })),
      };
    }
  }

  async function observed<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      saw(null);
      return result;
    } catch (error) {
      saw(error);
      throw error;
    }
  }

  function watched(vault: CredentialVault): CredentialVault {
    return {
      setSecrets: (id, secrets) => observed(() => vault.setSecrets(id, secrets)),
      readSecrets: (id) => observed(() => vault.readSecrets(id)),
      secretStatus: (id) => observed(() => vault.secretStatus(id)),
      deleteSecrets: (id) => observed(() => vault.deleteSecrets(id)),
      listAccountIds: () => observed(() => vault.listAccountIds()),
      checkAvailable: () => observed(() => vault.checkAvailable()),
    };
  }

  // Loading alone proves nothing about the keychain itself, so only its failure is recorded.
  const vault = (): Promise<CredentialVault> =>
    loadVault().then(watched, (error: unknown) => {
      saw(error);
      throw error;
    });

  return {
    view: () => view,
    vault,
    async probe(deadlineMs) {
      const check = vault()
        .then((loaded) => loaded.checkAvailable())
        .catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, deadlineMs);
        timer.unref();
      });
      await Promise.race([check, deadline]);
      clearTimeout(timer);
    },
  };
}

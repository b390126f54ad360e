/**
 * The credential vault's public surface: secrets in the OS keychain (keytar), never in files.
 */
export { ROSTER_KEY_ENTRY, loadKeychainKey, type KeychainKeyOptions } from './keychain-key';
export { createKeytarVault, type CredentialVault, type KeytarVaultOptions } from './keytar-vault';
export { loadKeytar, type KeytarLike, type LoadKeytarOptions } from './load-keytar';
export { maskSecret, sealSecrets } from './mask-secret';
export {
  VaultInputError,
  VaultUnavailableError,
  operatorMessageFor,
  type VaultUnavailableReason,
} from './vault-errors';
export { AccountIdSchema, SecretSchema, type AccountSecrets } from './vault-schemas';
export { DEFAULT_SERVICE, entryName } from './keychain-keys';

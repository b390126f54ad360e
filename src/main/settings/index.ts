/**
 * Non-secret settings on disk: the settings store, and the atomic JSON file it is built on
 * (reusable for the roster and launch history).
 */
export {
  createAtomicJsonFile,
  JsonFileError,
  type AtomicJsonFile,
  type AtomicJsonFileOptions,
  type JsonFileProblem,
  type JsonFileReadResult,
} from './atomic-json-file';
export {
  createSettingsStore,
  SettingsInputError,
  SETTINGS_FILE_NAME,
  type LoadedSettings,
  type SettingsNotice,
  type SettingsStore,
  type SettingsStoreOptions,
} from './settings-store';
export {
  AccountRecordSchema,
  LaunchDefaultsSchema,
  SettingsSchema,
  defaultSettings,
  type AccountRecord,
  type AccountRecordInput,
  type LastTest,
  type LaunchDefaults,
  type Plan,
  type Settings,
  type SettingsPatch,
} from './settings-schema';

/** A Logger that keeps what it is told, for tests that check what main said (or did not). */
import type { LogFields, Logger } from '../../../src/main/log/logger';

export interface LogEntry {
  message: string;
  fields?: LogFields;
}

export function recordingLogger(): {
  logger: Logger;
  warnings: string[];
  errors: LogEntry[];
} {
  const warnings: string[] = [];
  const errors: LogEntry[] = [];
  const logger: Logger = {
    info: () => undefined,
    warn: (message) => warnings.push(message),
    error: (message, fields) => errors.push({ message, fields }),
  };
  return { logger, warnings, errors };
}

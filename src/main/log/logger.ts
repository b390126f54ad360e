/**
 * Botdeck's logger port and its console implementation. Every log line goes through
 * `redactFields`, so a secret that slips into a field by mistake (a ZAK, an access token,
 * a client secret) is written as "[redacted]" rather than leaked into a log file.
 */

/** Structured fields logged beside a message; values of secret-looking keys are redacted. */
export type LogFields = Record<string, unknown>;

/** What every main service logs through. Messages are plain words; data goes in `fields`. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogLevel = 'info' | 'warn' | 'error';

/** Key names whose values are never logged, matched case-insensitively anywhere in the key. */
const SECRET_KEY =
  /secret|token|zak|signature|password|passcode|pwd|authorization|cookie|credential/i;
const REDACTED = '[redacted]';
const MAX_DEPTH = 6;

/**
 * Returns a copy of `fields` safe to log: values under secret-looking keys are replaced, errors
 * become `{ name, message }` (stacks stay out of operator logs), and cycles are cut.
 */
export function redactFields(fields: LogFields): LogFields {
  return redactValue(fields, 0, new WeakSet()) as LogFields;
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[nested]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(item, depth + 1, seen);
  }
  return out;
}

export interface ConsoleLoggerOptions {
  /** Where finished lines go; stderr by default so stdout stays free for machine output. */
  write?: (line: string) => void;
  now?: () => number;
}

/**
 * A logger that writes one JSON line per entry: `{"time","level","message",...fields}`.
 * JSON keeps fields unambiguous and greppable in the Electron and web host logs alike.
 */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const now = options.now ?? Date.now;
  const log =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      // Fields go first so they can never overwrite the time, level or message.
      const entry = {
        ...redactFields(fields ?? {}),
        time: new Date(now()).toISOString(),
        level,
        message,
      };
      write(safeStringify(entry));
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** One logger that hands every entry to each of `loggers` (the console and the log file). */
export function combineLoggers(...loggers: Logger[]): Logger {
  return {
    info: (message, fields) => loggers.forEach((logger) => logger.info(message, fields)),
    warn: (message, fields) => loggers.forEach((logger) => logger.warn(message, fields)),
    error: (message, fields) => loggers.forEach((logger) => logger.error(message, fields)),
  };
}

/** A logger that drops everything (for tests and callers that truly want silence). */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function safeStringify(entry: Record<string, unknown>): string {
  try {
    return JSON.stringify(entry, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
  } catch {
    return JSON.stringify({ time: entry.time, level: entry.level, message: entry.message });
  }
}

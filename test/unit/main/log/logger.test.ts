import { describe, expect, it } from 'vitest';
import { combineLoggers, createConsoleLogger, redactFields } from '../../../../src/main/log/logger';

describe('logger redaction', () => {
  it('redacts values of secret-looking keys at any depth', () => {
    const out = redactFields({
      botId: 'b1',
      clientSecret: 'V1',
      accessToken: 'V2',
      zak: 'V3',
      ticket: { signature: 'V4', sdkSecret: 'V5', meetingNumber: '123456789' },
      list: [{ password: 'V6' }, { Authorization: 'Bearer V7' }],
      passcode: 'V8',
    });
    const text = JSON.stringify(out);
    for (const secret of ['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8']) {
      expect(text).not.toContain(secret);
    }
    expect(out).toMatchObject({ botId: 'b1', ticket: { meetingNumber: '123456789' } });
  });

  it('logs errors as name and message only, and survives cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'c' };
    cyclic.self = cyclic;
    const out = redactFields({ error: new TypeError('boom'), cyclic });
    expect(out.error).toEqual({ name: 'TypeError', message: 'boom' });
    expect(out.cyclic).toEqual({ name: 'c', self: '[circular]' });
  });

  it('writes one JSON line per entry whose fields cannot spoof the level', () => {
    const lines: string[] = [];
    const logger = createConsoleLogger({ write: (line) => lines.push(line), now: () => 0 });
    logger.warn('Something happened', { level: 'info', botId: 'b1', token: 'abc' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'warn',
      message: 'Something happened',
      botId: 'b1',
      token: '[redacted]',
    });
  });

  it('hands every entry to each combined logger (the console and the log file alike)', () => {
    const console: string[] = [];
    const file: string[] = [];
    const logger = combineLoggers(
      createConsoleLogger({ write: (line) => console.push(line), now: () => 0 }),
      createConsoleLogger({ write: (line) => file.push(line), now: () => 0 }),
    );
    logger.info('One', { zak: 'z' });
    logger.error('Two');
    expect(file).toEqual(console);
    expect(file.map((line) => (JSON.parse(line) as { message: string }).message)).toEqual([
      'One',
      'Two',
    ]);
    expect(file[0]).toContain('"zak":"[redacted]"');
  });
});

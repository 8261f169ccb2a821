/** The library entry point (src/api.ts), in-process; tests/package runs it from a packed install. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyzeFile,
  analyzeLog,
  InputError,
  MissingInputError,
  readLog,
  UsageError,
} from '../../src/api.ts';
import { runCli } from '../cli/helpers.ts';

const EXAMPLE = 'fixtures/example-log.csv';

describe('the library', () => {
  it('gives the report `analyze --json` prints, options and all', async () => {
    const report = await analyzeFile(EXAMPLE, { profile: { age: 30, as_of: '2025-10-01' } });
    const cli = runCli(['analyze', EXAMPLE, '--json', '--age', '30', '--as-of', '2025-10-01']);
    expect(report).toEqual(JSON.parse(cli.stdout));
    expect([report.age, report.as_of]).toEqual([30, '2025-10-01']);
  });

  it('reads a log from memory, detecting its format, and names it as given', async () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const log = await readLog({ name: 'mine.csv', content: text });
    expect([log.file, log.format, log.log.days.length]).toEqual(['mine.csv', 'csv', 184]);
    const fromJson = await readLog({
      name: 'mine.json',
      content: JSON.stringify({ format: 'cyclecheck-log/1', days: log.log.days }),
    });
    expect(analyzeLog(fromJson).flags).toEqual(analyzeLog(log).flags);
  });

  it('throws the CLI’s errors as objects, with their exit statuses', async () => {
    const bad = { name: 'bad.csv', content: 'date,bleeding\n2025-03-12,lots\n' };
    await expect(readLog(bad)).rejects.toThrow(InputError);
    await expect(readLog(bad)).rejects.toMatchObject({ exitCode: 65, file: 'bad.csv' });
    await expect(readLog('no/such.csv')).rejects.toThrow(MissingInputError);
    await expect(readLog(EXAMPLE, { from: 'word' })).rejects.toThrow(UsageError);
  });

  it('checks profile options as a JSON log’s profile, naming the key', async () => {
    const log = await readLog(EXAMPLE);
    const cases: [Record<string, unknown>, string][] = [
      [{ agee: 3 }, 'options.profile.agee: unknown profile key'],
      [{ age: 'x' }, 'options.profile.age: "x" is not a whole number'],
      [{ contraception: [{ method: 'spiral' }] }, 'options.profile.contraception[0].method:'],
    ];
    for (const [profile, message] of cases) {
      expect(() => analyzeLog(log, { profile })).toThrow(UsageError);
      expect(() => analyzeLog(log, { profile })).toThrow(message);
    }
  });
});

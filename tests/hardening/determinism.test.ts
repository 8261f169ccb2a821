/**
 * Same input ⇒ byte-identical output, whatever the machine's time zone or locale, and for batch
 * whatever the number of worker threads (docs/report-format.md). Every import format is included,
 * Apple Health's timestamps with offsets among them.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, mapLimit, ROOT, runBin, type RunResult } from './helpers.ts';

const INPUTS = [
  'fixtures/example-log.csv',
  'fixtures/apple/export.zip',
  'fixtures/apple/export.xml',
  'fixtures/imports/drip-data.csv',
  'fixtures/imports/clue-measurements.json',
  'fixtures/imports/mensinator.json',
  'fixtures/imports/Periodical-backup.json.gz',
  'fixtures/imports/flo.json',
  'fixtures/imports/Health Connect.zip',
  'fixtures/imports/takeout-fitbit.zip',
  'fixtures/imports/ClueBackup-2024-06-30.cluedata',
];

/** Time zones at the edges (UTC+14, UTC−11, half and quarter hours) and locales that sort,
 * case-map and format numbers differently (Turkish dotless i, German decimal comma, Arabic
 * digits, Japanese). */
const ENVIRONMENTS: Record<string, string>[] = [
  { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
  { TZ: 'Pacific/Pago_Pago', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
  { TZ: 'Asia/Kathmandu', LANG: 'ar_SA.UTF-8', LC_ALL: 'ar_SA.UTF-8' },
  { TZ: 'America/St_Johns', LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' },
];

const describeEnv = (env: Record<string, string>): string => `TZ=${env.TZ} LC_ALL=${env.LC_ALL}`;

const temp = makeTempDir();
afterAll(temp.cleanup);
const folder = join(temp.dir, 'logs');

interface Variant {
  name: string;
  args: string[];
  env: Record<string, string>;
}

const variants: Variant[] = [
  ...ENVIRONMENTS.map((env) => ({
    name: `json ${describeEnv(env)}`,
    args: ['analyze', ...INPUTS, '--json'],
    env,
  })),
  ...ENVIRONMENTS.map((env) => ({
    name: `text ${describeEnv(env)}`,
    args: ['analyze', 'fixtures/example-log.csv', '--explain', '--calendar'],
    env,
  })),
  ...['1', '2', '3'].map((jobs) => ({
    name: `batch --jobs ${jobs}`,
    args: ['batch', folder, '--json', '--jobs', jobs],
    env: ENVIRONMENTS[0]!,
  })),
  ...ENVIRONMENTS.slice(1).map((env) => ({
    name: `batch --jobs 2 ${describeEnv(env)}`,
    args: ['batch', folder, '--json', '--jobs', '2'],
    env,
  })),
];

const results = new Map<string, RunResult>();

beforeAll(async () => {
  // Several files per folder and nesting, so that workers finish out of order.
  mkdirSync(join(folder, 'b/nested'), { recursive: true });
  mkdirSync(join(folder, 'a'), { recursive: true });
  INPUTS.forEach((input, i) => {
    const name = input.split('/').pop()!;
    const sub = i % 3 === 0 ? 'a' : i % 3 === 1 ? 'b/nested' : '';
    copyFileSync(join(ROOT, input), join(folder, sub, `${i}-${name}`));
  });
  copyFileSync(join(ROOT, 'fixtures/bad/canonical/bad-date.csv'), join(folder, 'a/zz-bad.csv'));
  await mapLimit(variants, 2, async (v) => {
    results.set(v.name, await runBin(v.args, { env: v.env }));
  });
}, 120_000);

function output(name: string): string {
  const result = results.get(name)!;
  expect(result.timedOut).toBe(false);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  return result.stdout;
}

describe('the same input gives byte-identical output', () => {
  it('analyze --json of every format, in every time zone and locale', () => {
    const reference = output(variants[0]!.name);
    expect(reference.split('\n').filter(Boolean)).toHaveLength(INPUTS.length);
    for (const env of ENVIRONMENTS.slice(1)) {
      expect(output(`json ${describeEnv(env)}`), describeEnv(env)).toBe(reference);
    }
  });

  it('the text report, in every time zone and locale', () => {
    const reference = output(`text ${describeEnv(ENVIRONMENTS[0]!)}`);
    expect(reference).toContain('cyclecheck report');
    for (const env of ENVIRONMENTS.slice(1)) {
      expect(output(`text ${describeEnv(env)}`), describeEnv(env)).toBe(reference);
    }
  });

  it('batch --json with 1, 2 or 3 workers, in every time zone and locale', () => {
    const reference = output('batch --jobs 1');
    expect(results.get('batch --jobs 1')!.code).toBe(65);
    const lines = reference.split('\n').filter(Boolean);
    expect(lines).toHaveLength(INPUTS.length + 1);
    expect(lines.some((line) => line.includes('"error"'))).toBe(true);
    for (const name of ['batch --jobs 2', 'batch --jobs 3'])
      expect(output(name), name).toBe(reference);
    for (const env of ENVIRONMENTS.slice(1)) {
      const name = `batch --jobs 2 ${describeEnv(env)}`;
      expect(output(name), name).toBe(reference);
    }
  });

  it('batch reports carry the same reports as analyze', () => {
    const single = output(variants[0]!.name)
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { flags: unknown; periods: unknown });
    const batch = output('batch --jobs 2')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { flags?: unknown; periods?: unknown });
    const sort = (items: { flags?: unknown; periods?: unknown }[]) =>
      items
        .filter((r) => r.flags !== undefined)
        .map((r) => JSON.stringify([r.flags, r.periods]))
        .sort();
    expect(sort(batch)).toEqual(sort(single));
  });
});

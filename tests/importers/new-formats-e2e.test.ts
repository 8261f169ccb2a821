/**
 * End to end through the BUILT binary (`npm run build` first) for the formats of issue 18:
 * Health Connect (zip and .db, its temporary copy always removed), Fitbit (Takeout zip and
 * folder), Clue's legacy backup, and the exports cyclecheck knows but cannot read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildZip } from '../hardening/zip-writer.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = process.env.CYCLECHECK_E2E_BIN ?? join(ROOT, 'bin/cyclecheck.js');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', ...env },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Report {
  input: { formats: string[]; days_logged: number };
  periods: { start: string; days: number }[];
  flags: { rule: string; tier: string; start: string }[];
  questions: { fact: string }[];
  warnings: { message: string }[];
}

function analyzeJson(path: string, env: Record<string, string> = {}, extra: string[] = []) {
  const result = run(['analyze', path, '--json', ...extra], env);
  expect(result.status, result.stderr).toBe(0);
  return { report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

const flags = (report: Report) => report.flags.map((f) => `${f.rule}:${f.tier}:${f.start}`);

describe('Health Connect', () => {
  test('the zip: periods and flags, the questions it cannot answer, no temporary file left', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cyclecheck-e2e-tmp-'));
    const { report, stderr } = analyzeJson('fixtures/imports/Health Connect.zip', { TMPDIR: tmp });
    expect(report.input.formats).toEqual(['health-connect']);
    expect(report.periods.map((p) => [p.start, p.days])).toEqual([
      ['2025-03-01', 5],
      ['2025-03-29', 5],
    ]);
    expect(flags(report)).toEqual([
      'postcoital-bleeding:soon:2025-03-12',
      'recurrent-postcoital-bleeding:soon:2025-03-12',
      'infection-symptoms:soon:2025-03-13',
      'postcoital-bleeding:soon:2025-04-20',
    ]);
    expect(report.questions.map((q) => q.fact)).toEqual([
      'contraception',
      'pregnancy',
      'pain',
      'age',
      'menopause',
    ]);
    expect(stderr).toContain('Health Connect export; 18 days (2025-03-01 to 2025-04-21)');
    expect(stderr).toContain('cycle records from 3 apps were merged');
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('the answers change the flags: a copper IUD makes bleeding after sex urgent', () => {
    const { report } = analyzeJson('fixtures/imports/health_connect_export.db', {}, [
      '--contraception',
      'copper-iud@2024-01-10',
      '--pregnancy',
      'start=2025-04-01 week=3@2025-04-21',
    ]);
    expect(report.questions.map((q) => q.fact)).toEqual(['pain', 'age', 'menopause']);
    expect(flags(report)).toContain('copper-iud-postcoital-bleeding:urgent:2025-03-12');
  });

  test('a damaged database inside a zip is refused, and the temporary copy is still removed', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cyclecheck-e2e-tmp-'));
    const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-e2e-'));
    const db = readFileSync('fixtures/bad/health-connect/truncated.db');
    const zip = join(dir, 'Health Connect.zip');
    writeFileSync(zip, buildZip([{ name: 'health_connect_export.db', data: db }]));
    const result = run(['analyze', zip], { TMPDIR: tmp });
    expect(result.status).toBe(65);
    expect(result.stderr).toContain(
      `${zip} (health_connect_export.db): the database is damaged: page 58 is outside the file`,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('convert keeps body temperature, never basal', () => {
    const result = run(['convert', 'fixtures/imports/health_connect_export.db']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('date,'))!.split(',');
    const row = (date: string) => lines.find((l) => l.startsWith(date))!.split(',');
    expect(row('2025-03-20')[header.indexOf('temperature')]).toBe('38.4');
    expect(row('2025-03-15')[header.indexOf('temperature')]).toBe('');
  });
});

describe('Fitbit', () => {
  test.each(['fixtures/imports/takeout-fitbit.zip', 'fixtures/imports/fitbit'])(
    '%s: the untyped IUD is read as copper and bleeding after sex is urgent',
    (path) => {
      const { report, stderr } = analyzeJson(path);
      expect(report.input.formats).toEqual(['fitbit']);
      expect(report.periods.map((p) => [p.start, p.days])).toEqual([
        ['2025-05-01', 5],
        ['2025-05-29', 5],
      ]);
      expect(flags(report)).toEqual([
        'copper-iud-postcoital-bleeding:urgent:2025-06-13',
        'infection-symptoms:soon:2025-06-13',
      ]);
      expect(report.questions.map((q) => q.fact)).toContain('iud-type');
      expect(stderr).toContain('2 cycles predicted by Fitbit (period_source = computed) skipped');
    },
  );

  test('batch takes the unzipped export folder as one person, not its four CSVs as four', () => {
    const result = run(['batch', 'fixtures/imports/fitbit', '--to', 'csv']);
    expect(result.status, result.stderr).toBe(0);
    const rows = result.stdout.trim().split('\n').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      /^"?fixtures\/imports\/fitbit\/Takeout\/Fitbit\/Menstrual Health"?,fitbit,/,
    );
  });
});

describe('Clue backup', () => {
  test('three periods and the spotting between them', () => {
    const { report, stderr } = analyzeJson('fixtures/imports/ClueBackup-2024-06-30.cluedata');
    expect(report.input.formats).toEqual(['clue-backup']);
    expect(report.periods.map((p) => [p.start, p.days])).toEqual([
      ['2024-04-02', 5],
      ['2024-04-30', 4],
      ['2024-05-28', 5],
    ]);
    expect(stderr).toContain("not used: Clue backup key 'tags' ×1");
  });
});

describe('exports cyclecheck knows but cannot read', () => {
  test.each([
    ['fixtures/bad/unsupported/garmin-export.zip', 'a Garmin Connect data export'],
    ['fixtures/bad/unsupported/samsung-health.zip', 'a Samsung Health data download'],
    ['fixtures/bad/unsupported/withings-other.csv', 'the other.csv of a Withings Health Mate'],
  ])('%s: says what it is and what to do instead, exit 65', (path, what) => {
    const result = run(['analyze', path]);
    expect(result.status).toBe(65);
    expect(result.stderr).toContain(`${path}: ${what}`);
    expect(result.stderr).toContain('cyclecheck cannot read it yet');
    expect(result.stderr).toContain('run `cyclecheck interview`');
    expect(result.stderr).not.toContain('spreadsheet');
    expect(result.stdout).toBe('');
  });

  test('a folder of Samsung Health CSVs is recognised as such, not as "a directory"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-e2e-samsung-'));
    writeFileSync(
      join(dir, 'com.samsung.health.cycle.flow.20250301120000.csv'),
      readFileSync('fixtures/bad/unsupported/com.samsung.health.cycle.flow.20250301120000.csv'),
    );
    const result = run(['analyze', dir]);
    expect(result.status).toBe(65);
    expect(result.stderr).toContain('a Samsung Health data file');
  });
});

test('cyclecheck formats lists the new formats with their --from ids', () => {
  const result = run(['formats']);
  expect(result.status).toBe(0);
  for (const line of [
    'Android Health Connect (--from health-connect; confidence: high)',
    'Fitbit (Google Takeout) (--from fitbit; confidence: medium)',
    'Clue backup (.cluedata) (--from clue-backup; confidence: medium)',
    'Recognised but not read yet',
  ]) {
    expect(result.stdout).toContain(line);
  }
});

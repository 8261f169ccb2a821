/**
 * End to end through the BUILT binary (`npm run build` first): convert, formats, and analyze on
 * app exports. CYCLECHECK_E2E_BIN may point at another build of the same CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkJsonOutput } from '../schemas/validate.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = process.env.CYCLECHECK_E2E_BIN ?? join(ROOT, 'bin/cyclecheck.js');
const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-import-e2e-'));

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' },
    timeout: 30_000,
  });
  checkJsonOutput(args, result.status, result.stdout);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cyclecheck convert', () => {
  test('an app export becomes a canonical CSV log on stdout, the summary on stderr', () => {
    const { status, stdout, stderr } = run(['convert', 'fixtures/imports/drip-data.csv']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^# contraception: iud\ndate,bleeding,period,bleeding_source,/);
    expect(stderr).toContain('fixtures/imports/drip-data.csv: drip export; 16 days');
    expect(stderr).toContain('to add: your export says IUD');
  });

  test('the converted log still asks which IUD it is when analyzed', () => {
    const converted = join(dir, 'drip-converted.csv');
    writeFileSync(converted, run(['convert', 'fixtures/imports/drip-data.csv']).stdout);
    const asked = (args: string[]) =>
      (
        JSON.parse(run(['analyze', converted, '--json', ...args]).stdout) as {
          questions: { fact: string }[];
        }
      ).questions.map((q) => q.fact);
    expect(asked([])).toEqual(['iud-type']);
    expect(asked(['--contraception', 'hormonal-iud@2024-01-01'])).toEqual([]);
  });

  test("an export's own guesses do not answer its questions: Flo's estimated due date", () => {
    const flo = join(dir, 'flo-pregnant.json');
    const cycle = (id: string, start: string, end: string, pregnant: boolean) => ({
      id,
      period_start_date: `${start} 00:00:00.0`,
      period_end_date: `${end} 00:00:00.0`,
      period_intensity: '{}',
      pregnant,
    });
    writeFileSync(
      flo,
      JSON.stringify({
        operationalData: {
          cycles: [
            cycle('c1', '2025-03-01', '2025-03-04', false),
            cycle('c2', '2025-04-01', '2025-04-02', true),
          ],
          point_events_manual_v2: [],
          notes: [],
        },
      }),
    );
    const questions = (args: string[]) =>
      (
        JSON.parse(run(['analyze', flo, '--json', ...args]).stdout) as {
          questions: { fact: string }[];
        }
      ).questions.map((q) => q.fact);
    expect(questions([])).toContain('pregnancy-week');
    expect(questions(['--pregnancy', 'due=2026-01-06'])).not.toContain('pregnancy-week');
  });

  test('--to json, from a gzip backup', () => {
    const { status, stdout } = run([
      'convert',
      'fixtures/imports/Periodical-backup.json.gz',
      '--to',
      'json',
    ]);
    expect(status).toBe(0);
    const log = JSON.parse(stdout);
    expect(log.format).toBe('cyclecheck-log/1');
    expect(log.days).toHaveLength(16);
  });

  test('reads standard input', () => {
    const clue = readFileSync(join(ROOT, 'fixtures/imports/clue-measurements.json'), 'utf8');
    const { status, stdout, stderr } = run(['convert', '-', '--to', 'json'], clue);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).days).toHaveLength(16);
    expect(stderr).toContain('<stdin>: Clue export');
  });

  test('the converted file analyzes like the export', () => {
    const out = join(dir, 'flo-log.csv');
    expect(run(['convert', 'fixtures/imports/flo.json', '-o', out]).status).toBe(0);
    const direct = JSON.parse(run(['analyze', 'fixtures/imports/flo.json', '--json']).stdout);
    const converted = JSON.parse(run(['analyze', out, '--json']).stdout);
    expect(direct.input.formats).toEqual(['flo']);
    expect(converted.input.formats).toEqual(['csv']);
    expect(converted.periods).toEqual(direct.periods);
    expect(converted.flags).toEqual(direct.flags);
  });

  test('refuses to overwrite without --force (exit 2)', () => {
    const out = join(dir, 'exists.csv');
    writeFileSync(out, 'keep');
    const { status, stderr } = run(['convert', 'fixtures/imports/mensinator.json', '-o', out]);
    expect(status).toBe(2);
    expect(stderr).toContain('already exists');
    expect(readFileSync(out, 'utf8')).toBe('keep');
  });

  test.each([
    [['convert', 'fixtures/imports/README-missing.csv'], 66, 'no such file'],
    [['convert', 'package.json'], 65, 'not a log or export cyclecheck recognises'],
    [['convert', 'fixtures/imports/drip-data.csv', '--to', 'xml'], 2, 'xml'],
    [['convert', 'fixtures/imports/drip-data.csv', '--from', 'glow'], 2, 'glow'],
  ])('%j exits %i', (args, code, text) => {
    const { status, stderr } = run(args);
    expect(status).toBe(code);
    expect(stderr).toContain(text);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('a malformed export names the file and line', () => {
    const bad = join(dir, 'bad-drip.csv');
    writeFileSync(
      bad,
      'date,bleeding.value,bleeding.exclude\n2025-03-01,1,false\n2025-02-30,2,false',
    );
    const { status, stderr } = run(['convert', bad]);
    expect(status).toBe(65);
    expect(stderr).toContain(`${bad}:3:1: '2025-02-30' is not a date`);
  });

  test('the examples in --help run, in order, in an empty folder', () => {
    const help = run(['convert', '--help']).stdout;
    const examples = help
      .split('\n')
      .filter((line) => line.trim().startsWith('$ cyclecheck '))
      .map((line) => line.trim().slice('$ cyclecheck '.length).split(/\s+/));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const empty = mkdtempSync(join(dir, 'examples-'));
    for (const args of examples) {
      const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: empty,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' },
      });
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
  });
});

describe('cyclecheck formats', () => {
  test('lists every format with how to export it', () => {
    const { status, stdout } = run(['formats']);
    expect(status).toBe(0);
    for (const name of [
      'Apple Health',
      'drip',
      'Clue',
      'Mensinator',
      'Periodical',
      'Flo',
      'Android Health Connect',
      'Fitbit',
      'Clue backup',
    ])
      expect(stdout).toContain(name);
    expect(stdout).toContain('How to export:');
  });

  test('--json', () => {
    const parsed = JSON.parse(run(['formats', '--json']).stdout);
    expect(parsed.formats.map((f: { id: string }) => f.id)).toEqual([
      'csv',
      'json',
      'apple-health',
      'drip',
      'clue',
      'mensinator',
      'periodical',
      'flo',
      'health-connect',
      'fitbit',
      'clue-backup',
    ]);
  });
});

describe('analyze on app exports', () => {
  test('the report names the detected format, and --merge combines files', () => {
    const one = JSON.parse(
      run(['analyze', 'fixtures/imports/clue-measurements.json', '--json']).stdout,
    );
    expect(one.input.formats).toEqual(['clue']);
    const merged = run([
      'analyze',
      'fixtures/imports/drip-data.csv',
      'fixtures/imports/clue-measurements.json',
      '--merge',
      '--json',
    ]);
    expect(merged.status).toBe(0);
    const report = JSON.parse(merged.stdout) as {
      input: { days_logged: number; formats: string[] };
    };
    expect(report.input.days_logged).toBe(16);
    // One format per file, in file order (the header says "(drip, clue)").
    expect(report.input.formats).toEqual(['drip', 'clue']);
  });
});

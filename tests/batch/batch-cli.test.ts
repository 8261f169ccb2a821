/**
 * `cyclecheck batch` end to end, through the built binary: a small cohort folder with good logs
 * in several formats, broken logs, hidden files and files that are not logs.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/batch/format-csv.ts';
import { RULE_IDS } from '../../src/core/rules/ids.ts';
import { TIERS } from '../../src/core/tiers.ts';
import type { Report } from '../../src/report/types.ts';
// @ts-expect-error -- a plain .mjs script without type declarations
import { generateLogCsv } from '../../scripts/gen-logs.mjs';
import { BIN, parseLines, ROOT, runCli } from './helpers/run-cli.ts';
import { checkJsonOutput } from '../schemas/validate.ts';

const generate = generateLogCsv as (options: {
  years?: number;
  seed?: number;
  persona?: string;
}) => string;

let dir: string;
let cohort: string;
/** The logs that analyze, in the sorted order batch must use. */
let goodFiles: string[];
let badFiles: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-batch-'));
  cohort = join(dir, 'cohort');
  const personas = ['ordinary', 'irregular', 'copper-iud', 'heavy', 'postmenopausal', 'ordinary'];
  for (const [i, persona] of personas.entries()) {
    const folder = join(cohort, i < 3 ? 'site-a' : 'site-b');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `p${i}.csv`), generate({ years: 1, seed: 100 + i, persona }));
  }
  await copyFile(
    join(ROOT, 'fixtures/imports/clue-measurements.json'),
    join(cohort, 'site-b', 'clue.json'),
  );
  await copyFile(join(ROOT, 'fixtures/imports/drip-data.csv'), join(cohort, 'drip.csv'));
  // Broken logs: an invalid value, and an empty file where a log was expected.
  await writeFile(join(cohort, 'site-a', 'bad-value.csv'), 'date,bleeding\n2025-01-01,lots\n');
  await writeFile(join(cohort, 'empty.csv'), '');
  // Not logs, and hidden things: skipped and counted, never reported as failures.
  await writeFile(join(cohort, 'notes.txt'), 'call the clinic\n');
  await writeFile(join(cohort, 'site-a', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
  await writeFile(join(cohort, 'settings.json'), '{"theme": "dark"}\n');
  await writeFile(join(cohort, '.hidden-log.csv'), generate({ seed: 7 }));
  await mkdir(join(cohort, '.git'), { recursive: true });
  await writeFile(join(cohort, '.git', 'log.csv'), generate({ seed: 8 }));

  goodFiles = [
    'drip.csv',
    'site-a/p0.csv',
    'site-a/p1.csv',
    'site-a/p2.csv',
    'site-b/clue.json',
    'site-b/p3.csv',
    'site-b/p4.csv',
    'site-b/p5.csv',
  ].map((f) => join(cohort, f));
  badFiles = [join(cohort, 'empty.csv'), join(cohort, 'site-a', 'bad-value.csv')];
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sortedAll(): string[] {
  // The documented order: path segments compared in code-unit order.
  return [...goodFiles, ...badFiles].sort((a, b) => {
    const ka = a.split('/').join('\u0000');
    const kb = b.split('/').join('\u0000');
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

interface ErrorLine {
  input: { files: string[] };
  error: { code: number; message: string };
}

describe('batch --json', () => {
  it('writes one line per log, in sorted path order, equal to analyze --json for each file', async () => {
    const run = await runCli(['batch', cohort, '--json']);
    expect(run.code).toBe(65);
    const lines = parseLines(run.stdout) as (Report | ErrorLine)[];
    expect(lines.map((l) => l.input.files[0])).toEqual(sortedAll());
    for (const file of goodFiles) {
      const line = lines.find((l) => l.input.files[0] === file) as Report;
      expect(line.format).toBe('cyclecheck-report/1');
      const single = await runCli(['analyze', file, '--json']);
      expect(single.code).toBe(0);
      expect(line).toEqual(JSON.parse(single.stdout));
    }
  });

  it('turns each broken log into an error line with its exit status and location', async () => {
    const run = await runCli(['batch', cohort, '--json']);
    const errors = (parseLines(run.stdout) as ErrorLine[]).filter((l) => 'error' in l);
    expect(errors.map((e) => e.input.files[0])).toEqual(badFiles);
    for (const e of errors) {
      expect(Object.keys(e)).toEqual(['input', 'error']);
      expect(e.error.code).toBe(65);
      expect(e.error.message.startsWith(`${e.input.files[0]}:`)).toBe(true);
    }
    expect(errors[1]?.error.message).toMatch(/bad-value\.csv:2:2: .*lots/);
    // stderr names the failures and what was skipped: notes.txt, photo.png,
    // settings.json (JSON, but no log format); .hidden-log.csv and .git are counted.
    expect(run.stderr).toContain('batch: skipped ' + join(cohort, 'settings.json'));
    expect(run.stderr).toContain(`batch: skipped ${join(cohort, 'notes.txt')}: not a file type`);
    expect(run.stderr).toContain(`batch: skipped ${join(cohort, 'site-a', 'photo.png')}`);
    expect(run.stderr).toContain(`batch: ${errors[1]?.error.message}`);
    expect(run.stderr).toContain(
      '10 logs: 8 analyzed, 2 failed. Skipped 3 unsupported files and 2 hidden files or folders.',
    );
  });

  it('gives the same bytes in the same order whatever --jobs is', async () => {
    const [one, two, four] = await Promise.all(
      ['1', '2', '4'].map((jobs) => runCli(['batch', cohort, '--json', '--jobs', jobs])),
    );
    expect(one?.stdout.length).toBeGreaterThan(1000);
    expect(two?.stdout).toBe(one?.stdout);
    expect(four?.stdout).toBe(one?.stdout);
    expect([one?.code, two?.code, four?.code]).toEqual([65, 65, 65]);
  });

  it('exits 0 when every log analyzes, and applies the profile options to every log', async () => {
    const run = await runCli([
      'batch',
      join(cohort, 'site-a', 'p0.csv'),
      join(cohort, 'site-b'),
      '--json',
      '--age',
      '61',
      '--menopause',
      'post',
    ]);
    expect(run.code).toBe(0);
    const reports = parseLines(run.stdout) as Report[];
    expect(reports).toHaveLength(5);
    for (const report of reports)
      expect(report.profile).toMatchObject({ age: 61, menopause: 'post' });
  });
});

describe('batch --shard', () => {
  it.each([
    ['--json', 3],
    ['--to=csv', 3],
    ['--json', 14],
  ])('%s: the outputs of %i shards concatenate to the whole', async (mode, count) => {
    const whole = await runCli(['batch', cohort, mode, '--jobs', '1']);
    const parts = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        runCli(['batch', cohort, mode, '--shard', `${i + 1}/${count}`]),
      ),
    );
    expect(parts.map((p) => p.stdout).join('')).toBe(whole.stdout);
    // Each shard's stderr says which files it took.
    expect(parts[0]?.stderr).toMatch(new RegExp(`shard 1/${count}: files 1–`));
  });
});

describe('batch --to csv', () => {
  it('has the documented columns and one row per log that matches its report', async () => {
    const [csv, json] = await Promise.all([
      runCli(['batch', cohort, '--to', 'csv']),
      runCli(['batch', cohort, '--json']),
    ]);
    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    expect(header?.split(',')).toEqual([
      'file',
      'format',
      'first_date',
      'last_date',
      'days',
      'periods',
      'highest_tier',
      ...RULE_IDS,
      'warnings',
      'error',
    ]);
    expect(header?.split(',')).toEqual(CSV_COLUMNS);
    const reports = parseLines(json.stdout) as (Report | ErrorLine)[];
    expect(rows).toHaveLength(reports.length);
    rows.forEach((row, i) => {
      const report = reports[i] as Report | ErrorLine;
      const cells = row.split(',');
      expect(cells[0]).toBe(report.input.files[0]);
      if ('error' in report) {
        expect(cells.slice(1, 7 + RULE_IDS.length).every((c) => c === '')).toBe(true);
        return;
      }
      const tiers = report.flags.map((f) => TIERS.indexOf(f.tier));
      expect(cells.slice(1, 7)).toEqual([
        report.input.formats[0],
        report.input.first_date,
        report.input.last_date,
        String(report.input.days_logged),
        String(report.periods.length),
        tiers.length === 0 ? 'none' : TIERS[Math.min(...tiers)],
      ]);
      RULE_IDS.forEach((id, r) => {
        expect(Number(cells[7 + r])).toBe(report.flags.filter((f) => f.rule === id).length);
      });
      expect(cells.at(-2)).toBe(String(report.warnings.length));
      expect(cells.at(-1)).toBe('');
    });
  });
});

describe('batch --summary-only', () => {
  it('counts logs per highest tier and per rule, matching the reports', async () => {
    const [summary, json] = await Promise.all([
      runCli(['batch', cohort, '--summary-only', '--json']),
      runCli(['batch', cohort, '--json']),
    ]);
    expect(summary.code).toBe(65);
    const counts = JSON.parse(summary.stdout);
    const reports = (parseLines(json.stdout) as (Report | ErrorLine)[]).filter(
      (r): r is Report => !('error' in r),
    );
    expect(counts).toMatchObject({
      logs: 10,
      analyzed: 8,
      failed: 2,
      skipped: { unsupported: 3, hidden: 2 },
    });
    const highest = reports.map((r) =>
      r.flags.length === 0 ? 'none' : TIERS[Math.min(...r.flags.map((f) => TIERS.indexOf(f.tier)))],
    );
    for (const tier of [...TIERS, 'none']) {
      expect(counts.highest_tier[tier]).toBe(highest.filter((h) => h === tier).length);
    }
    for (const { rule, logs, flags } of counts.rules as {
      rule: string;
      logs: number;
      flags: number;
    }[]) {
      expect(logs).toBe(reports.filter((r) => r.flags.some((f) => f.rule === rule)).length);
      expect(flags).toBe(
        reports.reduce((n, r) => n + r.flags.filter((f) => f.rule === rule).length, 0),
      );
    }
  });

  it('prints a readable cohort table by default', async () => {
    const run = await runCli(['batch', cohort, '--summary-only']);
    expect(run.stdout).toContain('Cohort summary, 10 logs: 8 analyzed, 2 failed');
    expect(run.stdout).toMatch(/^Highest tier +logs +share$/m);
    expect(run.stdout).toContain('Skipped 3 unsupported files and 2 hidden files or folders.');
  });
});

describe('batch summary table (default)', () => {
  it('lists every log with its highest tier, the failures, and the totals', async () => {
    const run = await runCli(['batch', cohort]);
    expect(run.code).toBe(65);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^FILE +FORMAT +DAYS +PERIODS +HIGHEST +FLAGS +WARN +RULES$/);
    for (const file of sortedAll()) expect(run.stdout).toContain(file);
    expect(run.stdout).toMatch(/empty\.csv +ERROR +.*empty/);
    expect(run.stdout).toContain('10 logs: 8 analyzed, 2 failed.');
    expect(run.stdout).toMatch(
      /^Highest tier: urgent \d+, soon \d+, next-visit \d+, info \d+, none \d+\.$/m,
    );
  });
});

describe('batch -o FILE', () => {
  it('writes a private file, and will not overwrite it without --force', async () => {
    const out = join(dir, 'out.ndjson');
    const first = await runCli(['batch', join(cohort, 'site-b'), '--json', '-o', out]);
    expect(first.code).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const written = await readFile(out, 'utf8');
    expect(parseLines(written)).toHaveLength(4);

    const again = await runCli(['batch', join(cohort, 'site-b'), '--json', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(await readFile(out, 'utf8')).toBe(written);

    const forced = await runCli(['batch', join(cohort, 'site-a'), '--json', '-o', out, '--force']);
    expect(forced.code).toBe(65);
    expect(parseLines(await readFile(out, 'utf8'))).toHaveLength(4);
  });
});

describe('batch --to html -o DIR', () => {
  it('writes one private HTML document per analyzed log, named after its path', async () => {
    const docs = join(dir, 'docs');
    const run = await runCli(['batch', cohort, '--to', 'html', '-o', docs]);
    expect(run.code).toBe(65);
    expect(run.stderr).toContain(`batch: wrote 8 documents to ${docs}`);
    for (const file of goodFiles) {
      const path = join(docs, `${file.slice(cohort.length + 1)}.html`);
      const html = await readFile(path, 'utf8');
      expect(html).toMatch(/^<!DOCTYPE html>/i);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
    }
    await expect(stat(join(docs, 'empty.csv.html'))).rejects.toThrow();
    // Only the cohort summary goes to stdout: no row per log.
    expect(run.stdout).toContain('Cohort summary, 10 logs: 8 analyzed, 2 failed');
    for (const file of goodFiles) expect(run.stdout).not.toContain(file.slice(cohort.length + 1));
    // The failed logs are named on stderr instead.
    expect(run.stderr).toContain('empty.csv');

    const again = await runCli(['batch', cohort, '--to', 'html', '-o', docs]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('8 documents already exist');
    const forced = await runCli(['batch', cohort, '--to', 'html', '-o', docs, '--force']);
    expect(forced.code).toBe(65);
  });

  it('--to markdown writes .md documents without rule ids', async () => {
    const docs = join(dir, 'md-docs');
    const run = await runCli(['batch', join(cohort, 'site-a'), '--to', 'markdown', '-o', docs]);
    expect(run.stderr).toContain(`batch: wrote 3 documents to ${docs}`);
    const markdown = await readFile(join(docs, 'p0.csv.md'), 'utf8');
    expect(markdown).toMatch(/^# cyclecheck report for a clinician visit/);
    for (const rule of RULE_IDS) expect(markdown).not.toContain(`(${rule})`);
    expect(run.stdout).toContain('Cohort summary');
  });

  it('needs a folder', async () => {
    const run = await runCli(['batch', cohort, '--to', 'html']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pass -o DIR');
  });
});

describe('batch errors', () => {
  it.each([
    [['batch', 'no/such/folder'], 66, 'no/such/folder: no such file or folder'],
    [['batch', 'fixtures/imports', '--jobs', '0'], 2, '--jobs'],
    [['batch', 'fixtures/imports', '--shard', '3/2'], 2, '--shard'],
    [['batch', 'fixtures/imports', '--json', '--to', 'csv'], 2, '--json and --to csv'],
    [['batch', 'fixtures/imports', '--from', 'word'], 2, '--from'],
  ])('%j exits %i', async (args, code, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says so when a folder holds no logs (exit 66)', async () => {
    const empty = join(dir, 'no-logs');
    await mkdir(join(empty, '.cache'), { recursive: true });
    await writeFile(join(empty, 'readme.txt'), 'nothing here');
    const run = await runCli(['batch', empty]);
    expect(run.code).toBe(66);
    expect(run.stderr).toContain(
      `no log files found in ${empty} (Skipped 1 unsupported file and 1 hidden file or folder)`,
    );
  });

  it('exits 1 with --fail-on when a log reaches the tier, and 0 when none does', async () => {
    const drip = join(cohort, 'drip.csv');
    const urgent = await runCli(['batch', drip, '--fail-on', 'urgent', '--json']);
    const report = parseLines(urgent.stdout)[0] as Report;
    const reached = report.flags.some((f) => f.tier === 'urgent');
    expect(urgent.code).toBe(reached ? 1 : 0);
    const info = await runCli(['batch', drip, '--fail-on', 'info', '--json']);
    expect(info.code).toBe(report.flags.length > 0 ? 1 : 0);
  });
});

describe('batch interrupted', () => {
  it('stops on Ctrl-C with exit 130, leaving only complete lines', async () => {
    const big = join(dir, 'big');
    for (let i = 0; i < 400; i++) {
      const folder = join(big, `g${Math.floor(i / 100)}`);
      if (i % 100 === 0) await mkdir(folder, { recursive: true });
      await writeFile(
        join(folder, `p${String(i).padStart(3, '0')}.csv`),
        generate({ seed: 1000 + i }),
      );
    }
    const child = spawn(process.execPath, [BIN, 'batch', big, '--json', '--jobs', '1'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', NODE_EXTRA_CA_CERTS: '' },
    });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!signalled && stdout.split('\n').length > 20) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stdout.endsWith('\n')).toBe(true);
    checkJsonOutput(['batch', '--json'], 0, stdout); // also the lines written before Ctrl-C
    const lines = parseLines(stdout) as Report[];
    expect(lines.length).toBeGreaterThanOrEqual(20);
    expect(lines.length).toBeLessThan(400);
    expect(lines.every((l) => l.format === 'cyclecheck-report/1')).toBe(true);
    expect(stderr).toMatch(/batch interrupted after \d+ of 400 logs/);
  }, 60_000);
});

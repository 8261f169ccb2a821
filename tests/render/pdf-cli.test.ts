/**
 * `--to pdf` end to end through the built binary (npm test builds first): analyze to a file and
 * to a pipe, never to a terminal, the safe writer's rules, paper sizes, the same bytes in any time
 * zone, notes in other scripts, and batch's one PDF per log.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { generateLogCsv } from '../../scripts/gen-logs.mjs';
import { BIN, CLI_ENV, ROOT } from '../cli/helpers.ts';
import { readPdf } from './pdf-read.ts';

const generate = generateLogCsv as (options: { years?: number; seed?: number }) => string;
const EXAMPLE = join(ROOT, 'fixtures/example-log.csv');

interface BinaryRun {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): BinaryRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...CLI_ENV, ...env },
    input: '',
    timeout: 60_000,
    maxBuffer: 1 << 26,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('analyze --to pdf', () => {
  test('-o writes a private PDF of the report, and never replaces it without --force', async () => {
    const path = join(dir, 'visit.pdf');
    const first = run(['analyze', EXAMPLE, '--to', 'pdf', '-o', path]);
    expect(first.status).toBe(0);
    expect(first.stdout.length).toBe(0);
    expect(first.stderr).toContain('wrote');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const bytes = await readFile(path);
    const pdf = await readPdf(bytes);
    expect(pdf.text).toContain('cyclecheck report for a clinician visit');
    expect(pdf.text).toContain('example-log.csv');
    expect(pdf.text).toContain('Bleeding after sex');
    expect(pdf.sizes[0]!.map(Math.round)).toEqual([595, 842]);

    const again = run(['analyze', EXAMPLE, '--to', 'pdf', '-o', path]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).toContain('--force');
    expect((await readFile(path)).equals(bytes)).toBe(true);

    await writeFile(path, 'old');
    const forced = run(['analyze', EXAMPLE, '--to', 'pdf', '-o', path, '--force']);
    expect(forced.status).toBe(0);
    expect((await readFile(path)).equals(bytes)).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  test('to a pipe it writes the bytes; --paper letter gives US Letter pages', async () => {
    const piped = run(['analyze', EXAMPLE, '--to', 'pdf', '--paper', 'letter']);
    expect(piped.status).toBe(0);
    expect(piped.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await readPdf(piped.stdout);
    for (const size of pdf.sizes) expect(size).toEqual([612, 792]);
  });

  test.skipIf(!existsSync('/usr/bin/script'))('never to a terminal: exit 2 with a hint', () => {
    // script(1) gives the command a terminal for its standard output.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} analyze ${JSON.stringify(EXAMPLE)} --to pdf`;
    const result = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: CLI_ENV,
      input: '',
      encoding: 'latin1',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('--to pdf writes a binary file');
    expect(result.stdout).toContain('-o visit.pdf');
    expect(result.stdout).not.toContain('%PDF');
  });

  test('the same log gives the same bytes in any time zone', () => {
    const outputs = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'].map(
      (TZ) => run(['analyze', EXAMPLE, '--to', 'pdf'], { TZ }).stdout,
    );
    expect(outputs[0]!.length).toBeGreaterThan(1000);
    expect(outputs[1]!.equals(outputs[0]!)).toBe(true);
    expect(outputs[2]!.equals(outputs[0]!)).toBe(true);
  });

  test('notes in Greek and Cyrillic print; a script the font lacks is said once on stderr', async () => {
    const log = join(dir, 'notes.csv');
    await writeFile(
      log,
      [
        'date,bleeding,sex,notes',
        '2025-03-01,medium,,',
        '2025-03-12,spotting,yes,Ελένη: после секса 出血',
        '2025-03-13,light,,Юлия ok',
        '2025-03-29,medium,,',
      ].join('\n') + '\n',
    );
    const result = run(['analyze', log, '--to', 'pdf']);
    expect(result.status).toBe(0);
    expect(result.stderr.match(/printed as \[…\]/g)?.length).toBe(1);
    const pdf = await readPdf(result.stdout);
    expect(pdf.text).toContain('Ελένη: после секса […]');
  });

  test('a longer log makes a longer document', async () => {
    const short = join(dir, 'one-year.csv');
    const long = join(dir, 'four-years.csv');
    await writeFile(short, generate({ years: 1, seed: 7 }));
    await writeFile(long, generate({ years: 4, seed: 7 }));
    const [a, b] = await Promise.all(
      [short, long].map((log) => readPdf(run(['analyze', log, '--to', 'pdf']).stdout)),
    );
    expect(b!.pages.length).toBeGreaterThan(a!.pages.length);
  });

  test('usage errors: several logs without --merge, --paper without pdf', () => {
    const several = run(['analyze', EXAMPLE, EXAMPLE, '--to', 'pdf', '-o', join(dir, 'x.pdf')]);
    expect(several.status).toBe(2);
    expect(several.stderr).toContain('one document per log');
    const paper = run(['analyze', EXAMPLE, '--paper', 'letter']);
    expect(paper.status).toBe(2);
    expect(paper.stderr).toContain('--paper');
  });
});

describe('batch --to pdf -o DIR', () => {
  test('one private PDF per log, named like the HTML documents; no overwrite', async () => {
    const logs = join(dir, 'cohort');
    const docs = join(dir, 'docs');
    await rm(logs, { recursive: true, force: true });
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(logs, 'site-a'), { recursive: true });
    await writeFile(join(logs, 'site-a', 'p1.csv'), generate({ years: 1, seed: 1 }));
    await writeFile(join(logs, 'p2.csv'), generate({ years: 1, seed: 2 }));
    const first = run(['batch', logs, '--to', 'pdf', '--paper', 'letter', '-o', docs]);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('wrote 2 documents');
    for (const name of ['site-a/p1.csv.pdf', 'p2.csv.pdf']) {
      const path = join(docs, name);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const pdf = await readPdf(await readFile(path));
      expect(pdf.sizes[0]).toEqual([612, 792]);
      expect(pdf.text).toContain(name.replace(/^site-a\//, '').replace(/\.pdf$/, ''));
    }
    const again = run(['batch', logs, '--to', 'pdf', '-o', docs]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exist');
    const withoutFolder = run(['batch', logs, '--to', 'pdf']);
    expect(withoutFolder.status).toBe(2);
    expect(withoutFolder.stderr).toContain('pass -o DIR');
  });
});

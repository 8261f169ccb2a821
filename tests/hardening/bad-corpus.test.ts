/**
 * The committed corpus of broken and hostile inputs (fixtures/bad/<format>/), run through the
 * BUILT binary: each README table row says the exit status and how the one error line (or, for
 * files that import, one warning line) starts. Every run has a time limit and a 256 MB heap.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_IDS } from '../../src/log/format-ids.ts';
import type { FormatId } from '../../src/log/import-contract.ts';
import { expectRefused, mapLimit, ROOT, runBin, type RunResult } from './helpers.ts';

interface Row {
  folder: string;
  file: string;
  exit: number;
  message: string;
}

const BAD = join(ROOT, 'fixtures/bad');
const ROW = /^\| `([^`]+)` \| (\d+) \| `(.+)` \|$/;

const folders = readdirSync(BAD, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function readRows(folder: string): Row[] {
  return readFileSync(join(BAD, folder, 'README.md'), 'utf8')
    .split('\n')
    .flatMap((line) => {
      const m = ROW.exec(line);
      return m ? [{ folder, file: m[1]!, exit: Number(m[2]), message: m[3]! }] : [];
    });
}

const rows = folders.flatMap(readRows);
const results = new Map<string, RunResult>();
const pathOf = (row: Row): string => `fixtures/bad/${row.folder}/${row.file}`;

/** Binary noise forced into every importer with --from: each refuses it on its own terms. */
const NOISE = 'fixtures/bad/unrecognised/noise.bin';
const forced = new Map<FormatId, RunResult>();

beforeAll(async () => {
  // Two at a time: the machine has two cores, and each run is a fresh Node process.
  await mapLimit(rows, 2, async (row) => {
    results.set(pathOf(row), await runBin(['analyze', pathOf(row), '--json']));
  });
  await mapLimit(FORMAT_IDS, 2, async (format) => {
    forced.set(format, await runBin(['analyze', NOISE, '--from', format]));
  });
}, 180_000);

describe('fixtures/bad', () => {
  it('has a corpus for every import format', () => {
    expect(folders).toEqual(
      expect.arrayContaining([
        'apple-health',
        'canonical',
        'clue',
        'clue-backup',
        'drip',
        'fitbit',
        'flo',
        'health-connect',
        'mensinator',
        'periodical',
        'unrecognised',
        'unsupported',
      ]),
    );
  });

  it.each(folders)('%s: every file is in its README table', (folder) => {
    const listed = readRows(folder).map((row) => row.file);
    const present = readdirSync(join(BAD, folder)).filter(
      // header-only.csv and utf16-bom.csv (read since ) are described in prose there
      // and checked by tests/log/bad-fixtures.
      (file) =>
        file !== 'README.md' &&
        !(folder === 'canonical' && ['header-only.csv', 'utf16-bom.csv'].includes(file)),
    );
    expect(listed.sort()).toEqual(present.sort());
  });

  it.each(rows.filter((row) => row.exit !== 0))(
    '$folder/$file → exit $exit',
    ({ folder, file, exit, message }) => {
      const path = `fixtures/bad/${folder}/${file}`;
      const result = results.get(path)!;
      const line = expectRefused(result, { exit, file: path });
      expect(line.startsWith(`cyclecheck: ${message.replace(/^FILE/, path)}`), line).toBe(true);
      expect(result.stdout).toBe('');
    },
  );

  it.each(rows.filter((row) => row.exit === 0))(
    '$folder/$file imports with a warning',
    ({ folder, file, message }) => {
      const path = `fixtures/bad/${folder}/${file}`;
      const result = results.get(path)!;
      expect(result.timedOut).toBe(false);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      const expected = `cyclecheck: warning: ${message.replace(/^FILE/, path)}`;
      const lines = result.stderr.split('\n');
      expect(
        lines.some((l) => l.startsWith(expected)),
        result.stderr,
      ).toBe(true);
      const report = JSON.parse(result.stdout) as { format: string; warnings: unknown[] };
      expect(report.format).toBe('cyclecheck-report/1');
      expect(report.warnings.length).toBeGreaterThan(0);
    },
  );
});

describe('binary noise read as each format (--from)', () => {
  it.each(FORMAT_IDS)('--from %s refuses it with the file and line 1', (format) => {
    const line = expectRefused(forced.get(format)!, { exit: 65, file: NOISE });
    expect(line.startsWith(`cyclecheck: ${NOISE}:1: `), line).toBe(true);
  });
});

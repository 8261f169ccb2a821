/**
 * Hostile inputs too big to commit, generated into a temporary folder and run through the BUILT
 * binary with a 256 MB heap and a time limit: compression bombs, 10 MB lines, 100,000 columns,
 * 100,000-deep JSON. Each is refused with one line naming the file and a location, or imported
 * with bounded memory — never a crash, a hang or a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigAppleZip, claimedSizeZip, gzipBomb, lyingSizeZip } from './big-inputs.ts';
import { expectRefused, makeTempDir, mapLimit, ROOT, runBin, type RunResult } from './helpers.ts';

const TEN_MB = 10 * 1024 * 1024;
const DEEP = 100_000;
const nest = (inner = ''): string => '['.repeat(DEEP) + inner + ']'.repeat(DEEP);

const drip = readFileSync(join(ROOT, 'fixtures/imports/drip-data.csv'), 'utf8');
const dripHeader = drip.slice(0, drip.indexOf('\n'));
const dripColumns = dripHeader.split(',');

function dripRow(values: Record<string, string>): string {
  return dripColumns.map((c) => (c === 'date' ? '2025-03-01' : (values[c] ?? ''))).join(',');
}

function manyColumns(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`).join(',');
}

interface Case {
  name: string;
  file: string;
  make: () => string | Buffer;
  /** Refused: exit 65 and the message (after `FILE`) the one error line starts with. */
  refused?: string;
  /** Imported: a check on the run. */
  imported?: (result: RunResult) => void;
}

const warnings = (result: RunResult): string[] =>
  result.stderr.split('\n').filter((line) => line.startsWith('cyclecheck: warning: '));

const CASES: Case[] = [
  {
    name: 'gzip bomb (1 KB members inflating to 1 GB)',
    file: 'Periodical-backup.json.gz',
    make: () => gzipBomb(1024),
    refused: ': decompresses to more than 64 MB; refusing to read it',
  },
  {
    name: 'zip bomb declaring 10 GiB',
    file: 'export.zip',
    make: () => claimedSizeZip(10 * 1024 ** 3),
    refused: ' (apple_health_export/export.xml): this zip entry would inflate to 10737418240 bytes',
  },
  {
    name: 'zip bomb declaring 1 KB and inflating to 50 MB',
    file: 'lying.zip',
    make: () => lyingSizeZip(50),
    refused:
      ' (apple_health_export/export.xml): this zip entry inflates to more bytes than the zip declares',
  },
  {
    name: 'an export.zip inflating to 150 MB is streamed, not held',
    file: 'big-export.zip',
    make: () => bigAppleZip(150),
    imported: (result) => {
      const report = JSON.parse(result.stdout) as { input: { days_logged: number } };
      // The records after the 150 MB of step counts were read too.
      expect(report.input.days_logged).toBe(43);
    },
  },
  {
    name: 'a 10 MB note in a CSV log',
    file: 'long-note.csv',
    make: () => `date,bleeding,notes\n2025-03-01,light,${'a'.repeat(TEN_MB)}\n`,
    imported: (result) => expect(JSON.parse(result.stdout)).toHaveProperty('format'),
  },
  {
    name: 'a 10 MB line of separators',
    file: 'separators.csv',
    make: () => `date,notes\n2025-03-01,${','.repeat(TEN_MB)}\n`,
    refused: `:2:3: this row has ${TEN_MB + 2} fields but the header has 2`,
  },
  {
    name: 'a 10 MB note in a JSON log',
    file: 'long-note.json',
    make: () =>
      JSON.stringify({
        days: [{ date: '2025-03-01', bleeding: 'light', notes: 'a'.repeat(TEN_MB) }],
      }),
    imported: (result) => expect(JSON.parse(result.stdout)).toHaveProperty('format'),
  },
  {
    name: 'a 10 MB JSON line of numbers',
    file: 'numbers.json',
    make: () => `{"days": [${'1,'.repeat(TEN_MB / 2)}1]}`,
    refused: ':1:11:days[0]: expected a day object',
  },
  {
    name: 'a 10 MB note in a drip export',
    file: 'drip-long-note.csv',
    make: () => `${dripHeader}\n${dripRow({ 'note.value': 'a'.repeat(TEN_MB) })}`,
    imported: (result) => expect(JSON.parse(result.stdout)).toHaveProperty('format'),
  },
  {
    name: 'a 10 MB attribute in an Apple Health export',
    file: 'export.xml',
    make: () => {
      const xml = readFileSync(join(ROOT, 'fixtures/apple/export.xml'), 'utf8');
      const at = xml.indexOf('<Record');
      return (
        xml.slice(0, at) +
        `<Record type="HKCategoryTypeIdentifierMenstrualFlow" sourceName="${'s'.repeat(TEN_MB)}" ` +
        'value="HKCategoryValueMenstrualFlowLight" startDate="2025-03-01 10:00:00 +0000" ' +
        'endDate="2025-03-01 10:00:00 +0000"/>\n' +
        xml.slice(at)
      );
    },
    imported: (result) => expect(JSON.parse(result.stdout)).toHaveProperty('format'),
  },
  {
    name: '100,000 columns in a CSV log',
    file: 'wide.csv',
    make: () =>
      `date,bleeding,${manyColumns('extra', 100_000)}\n2025-03-01,light${',x'.repeat(100_000)}\n`,
    imported: (result) => {
      // A few columns named, the rest counted: not 100,000 warning lines.
      expect(warnings(result).length).toBeLessThanOrEqual(25);
      expect(result.stderr).toContain('99980 more unknown columns are ignored');
    },
  },
  {
    name: 'a 10 MB line of separators in a drip export',
    file: 'drip-separators.csv',
    make: () => `${dripHeader}\n${dripRow({})}\n${dripRow({})}${','.repeat(TEN_MB)}\n`,
    refused: `:3:${dripColumns.length + 1}: this row has ${dripColumns.length + TEN_MB} fields but the header has ${dripColumns.length}`,
  },
  {
    name: '100,000 columns in a drip export',
    file: 'drip-wide.csv',
    make: () =>
      `${dripHeader},${manyColumns('extra.c', 100_000)}\n${dripRow({ 'bleeding.value': '1' })}${',1'.repeat(100_000)}`,
    imported: (result) => {
      expect(warnings(result).length).toBeLessThanOrEqual(25);
      expect(result.stderr).toContain('99980 more column names');
      expect(result.stderr.length).toBeLessThan(20_000);
    },
  },
  {
    name: '100,000-deep JSON log',
    file: 'deep.json',
    make: () => `{"days": [{"date": "2025-03-01", "notes": ${nest()}}]}`,
    refused: ':1:72: invalid JSON: nesting deeper than 32 levels',
  },
  {
    name: '100,000-deep Clue value',
    file: 'measurements.json',
    make: () => `[{"type": "period", "id": "a", "date": "2025-03-01", "value": ${nest()}}]`,
    refused: ':1:125: nesting deeper than 64 levels',
  },
  {
    name: '100,000-deep Mensinator table',
    file: 'mensinator.json',
    make: () => `{"periods": [], "symptom_date": [], "symptoms": ${nest()}}`,
    refused: ':1:112: nesting deeper than 64 levels',
  },
  {
    name: '100,000-deep Flo export',
    file: 'flo.json',
    make: () => `{"operationalData": {"cycles": ${nest()}}}`,
    refused: ':1:94: nesting deeper than 64 levels',
  },
  {
    name: '100,000-deep Periodical backup',
    file: 'Periodical-backup.json',
    make: () => `[{"version": "6"}, {"data": ${nest()}}]`,
    refused: ':1:91: nesting deeper than 64 levels',
  },
  {
    name: '100,000-deep JSON array of nothing',
    file: 'nothing.json',
    make: () => nest(),
    refused: ':1: not a log or export cyclecheck recognises',
  },
];

const temp = makeTempDir();
const results = new Map<string, RunResult>();

beforeAll(async () => {
  for (const c of CASES) writeFileSync(join(temp.dir, c.file), c.make());
  await mapLimit(CASES, 2, async (c) => {
    results.set(c.file, await runBin(['analyze', join(temp.dir, c.file), '--json']));
  });
}, 180_000);
afterAll(temp.cleanup);

describe('generated hostile inputs', () => {
  it('use distinct file names', () => {
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
  });

  it.each(CASES)('$name', (c) => {
    const result = results.get(c.file)!;
    const path = join(temp.dir, c.file);
    if (c.refused !== undefined) {
      const line = expectRefused(result, { exit: 65, file: path });
      expect(line.startsWith(`cyclecheck: ${path}${c.refused}`), line).toBe(true);
      expect(result.stdout).toBe('');
    } else {
      expect(result.timedOut).toBe(false);
      expect(result.code, result.stderr.slice(0, 2000)).toBe(0);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      c.imported!(result);
    }
  });
});

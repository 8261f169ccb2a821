import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { formatCanonicalLog, getConvertTarget, runConvert } from '../../src/commands/convert.ts';
import { UsageError } from '../../src/errors.ts';
import { importText } from './helpers.ts';
import {
  encodeAppleXml,
  encodeClue,
  encodeDrip,
  encodeFlo,
  encodeMensinator,
  encodePeriodical,
  sixMonths,
} from './six-months.ts';

const FIXTURES = [
  'fixtures/imports/drip-data.csv',
  'fixtures/imports/clue-measurements.json',
  'fixtures/imports/mensinator.json',
  'fixtures/imports/Periodical-backup.json.gz',
  'fixtures/imports/Periodical-backup.json',
  'fixtures/imports/flo.json',
  'fixtures/example-log.csv',
];

const model = sixMonths();
const GENERATED = [
  encodeAppleXml(model),
  encodeDrip(model),
  encodeClue(model),
  encodeMensinator(model),
  encodePeriodical(model),
  encodeFlo(model),
];

describe('convert output reads back to the identical log', () => {
  test.each(FIXTURES.flatMap((path) => [[path, 'csv'] as const, [path, 'json'] as const]))(
    '%s → %s',
    async (path, target) => {
      const original = await importText(path, await readFile(path));
      const text = formatCanonicalLog(original.log, target);
      const again = await importText(`converted.${target}`, text);
      expect(again.format).toBe(target);
      expect(again.log).toEqual(original.log);
      expect(again.warnings).toEqual([]);
    },
  );

  test.each(GENERATED.map((e) => [e.name, e] as const))(
    'six months from %s',
    async (_name, encoded) => {
      const original = await importText(encoded.name, encoded.bytes);
      for (const target of ['csv', 'json'] as const) {
        const again = await importText(
          `converted.${target}`,
          formatCanonicalLog(original.log, target),
        );
        expect(again.log).toEqual(original.log);
      }
    },
  );

  test('a Flo pregnancy and awkward notes survive the trip', async () => {
    const flo = JSON.stringify({
      operationalData: {
        cycles: [
          {
            period_start_date: '2024-06-01 00:00:00.0',
            period_end_date: '2024-06-02 00:00:00.0',
            pregnant: true,
          },
        ],
        notes: [
          { text: '=SUM(A1) "quoted", two\r\nlines; and more', local_date: '2024-06-01' },
          { text: '  padded\u0000  ', local_date: '2024-06-02' },
        ],
      },
    });
    const original = await importText('flo.json', flo);
    expect(original.log.days[0]?.notes).toBe('=SUM(A1) "quoted", two\nlines; and more');
    expect(original.log.days[1]?.notes).toBe('padded');
    for (const target of ['csv', 'json'] as const) {
      const again = await importText(`c.${target}`, formatCanonicalLog(original.log, target));
      expect(again.log).toEqual(original.log);
    }
  });
});

describe('getConvertTarget', () => {
  test.each([
    [{}, 'csv'],
    [{ output: 'log.JSON' }, 'json'],
    [{ output: 'log.csv' }, 'csv'],
    [{ output: 'log.txt' }, 'csv'],
    [{ output: 'log.json', to: 'csv' as const }, 'csv'],
    [{ to: 'json' as const }, 'json'],
  ])('%j → %s', (options, target) => {
    expect(getConvertTarget(options)).toBe(target);
  });
});

describe('runConvert', () => {
  let dir: string;
  let stdout: string;
  let stderr: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cc-convert-'));
    stdout = '';
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(
      (chunk) => ((stdout += String(chunk)), true),
    );
    vi.spyOn(process.stderr, 'write').mockImplementation(
      (chunk) => ((stderr += String(chunk)), true),
    );
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  test('prints a CSV log on stdout and the import summary on stderr', async () => {
    expect(await runConvert('fixtures/imports/drip-data.csv', {})).toBe(0);
    expect(stdout).toMatch(/^# contraception: iud\ndate,bleeding,period,/);
    expect(stdout).toContain('\n2025-01-15,spotting,,');
    expect(stderr).toContain(
      'cyclecheck: fixtures/imports/drip-data.csv: drip export; 16 days (2025-01-03 to 2025-02-20); mapped ',
    );
    expect(stderr).toContain('temperature 3 (basal temperature is never fever)');
    expect(stderr).toContain('cyclecheck: to add: your export says IUD');
  });

  test('profile options go into the log and answer the export’s question', async () => {
    const out = join(dir, 'log.json');
    await runConvert('fixtures/imports/drip-data.csv', {
      output: out,
      contraception: ['copper-iud@2024-06-01'],
      age: '34',
    });
    const written = JSON.parse(await readFile(out, 'utf8'));
    expect(written.format).toBe('cyclecheck-log/1');
    expect(written.profile).toEqual({
      age: 34,
      contraception: [{ method: 'copper-iud', start: '2024-06-01' }],
    });
    expect(stderr).not.toContain('your export says IUD');
    expect(stderr).not.toContain('do not include your age');
    expect(stderr).toContain(`wrote ${out} (cyclecheck JSON log, 16 days)`);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(stdout).toBe('');
  });

  test('refuses to overwrite a file unless --force', async () => {
    const out = join(dir, 'log.csv');
    await writeFile(out, 'keep me');
    await expect(
      runConvert('fixtures/imports/clue-measurements.json', { output: out }),
    ).rejects.toBeInstanceOf(UsageError);
    expect(await readFile(out, 'utf8')).toBe('keep me');
    await runConvert('fixtures/imports/clue-measurements.json', { output: out, force: true });
    expect(await readFile(out, 'utf8')).toMatch(/^date,bleeding/);
  });
});

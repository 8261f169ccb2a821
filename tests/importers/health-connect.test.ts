/**
 * Android Health Connect export, on the invented fixture built by
 * scripts/gen-health-connect.mjs: two apps and a watch, every cycle table, a record past local
 * midnight, an app that stores days at 00:00 UTC, a column added by ALTER TABLE and a table whose
 * columns are in another order.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFile } from '../../src/importers/registry.ts';
import type { ImportResult } from '../../src/log/import-contract.ts';
import { openInputFile } from '../../src/io/input-file.ts';

const DB = 'fixtures/imports/health_connect_export.db';
const ZIP = 'fixtures/imports/Health Connect.zip';

async function importPath(path: string): Promise<ImportResult> {
  return await importFile(await openInputFile(path));
}

describe('Health Connect export', () => {
  test('periods, flow, spotting, sex, mucus and temperature land on the stored local dates', async () => {
    const result = await importPath(DB);
    expect(result.format).toBe('health-connect');
    const days = Object.fromEntries(result.log.days.map(({ date, ...rest }) => [date, rest]));
    expect(days).toEqual({
      '2025-03-01': { bleeding: 'heavy', period: true },
      // Other Tracker's light on the same day does not lower the medium.
      '2025-03-02': { bleeding: 'medium', period: true },
      '2025-03-03': { bleeding: 'light', period: true },
      '2025-03-04': { bleeding: 'light', period: true },
      '2025-03-05': { bleeding: 'light', period: true },
      '2025-03-10': { discharge: 'normal' },
      '2025-03-12': { sex: true, notes: 'sex: unprotected' },
      '2025-03-13': { bleeding: 'spotting', discharge: 'unusual' },
      // Basal temperatures (36.62, and 38.6 on 03-15) are never a temperature.
      '2025-03-14': {},
      '2025-03-15': { notes: 'ovulation test: positive' },
      // 00:30 local at +01:00 is 23:30 UTC the day before: the local date is kept.
      '2025-03-20': { temperature: 38.4 },
      '2025-03-29': { bleeding: 'light', period: true },
      '2025-03-30': { bleeding: 'light', period: true },
      '2025-03-31': { bleeding: 'light', period: true },
      '2025-04-01': { bleeding: 'light', period: true },
      '2025-04-02': { bleeding: 'light', period: true },
      '2025-04-20': { sex: true },
      '2025-04-21': { bleeding: 'spotting' },
    });
  });

  test('the summary counts what was mapped, assumed and dropped', async () => {
    const { summary } = await importPath(DB);
    const count = (what: string) => summary.find((row) => row.what === what);
    expect(count('flow')).toMatchObject({ mapped: 3 });
    expect(count('flow (amount unknown)')).toMatchObject({ mapped: 1 });
    expect(count('period interval')).toMatchObject({ mapped: 2 });
    expect(count('period day without a flow record')).toMatchObject({
      mapped: 7,
      note: 'bleeding: light (assumed)',
    });
    expect(count('basal body temperature')).toMatchObject({ mapped: 0, dropped: 2 });
    expect(count('menstrual cycle phase')).toMatchObject({ dropped: 1 });
    expect(count('records written by Example Cycles (org.example.cycles)')).toMatchObject({
      mapped: 13,
    });
  });

  test('the writing apps are named, and an app storing days at 00:00 UTC is pointed out', async () => {
    const { warnings } = await importPath(DB);
    const messages = warnings.map((w) => w.message);
    expect(messages[0]).toBe(
      'cycle records from 3 apps were merged day by day (highest amount, yes wins): Example Cycles (org.example.cycles) (13), Other Tracker (org.example.other) (3), Example Watch (org.example.watch) (1)',
    );
    expect(messages[1]).toMatch(
      /^all 3 records from Other Tracker \(org\.example\.other\) are stored at 00:00 UTC/,
    );
    expect(messages).toHaveLength(2);
  });

  test('the report asks for what Health Connect cannot hold: contraception, pregnancy, pain', async () => {
    const { gaps } = await importPath(DB);
    expect(gaps.map((g) => g.fact)).toEqual([
      'contraception',
      'pregnancy',
      'pain',
      'age',
      'menopause',
    ]);
    expect(gaps[2]!.message).toContain('cyclecheck interview --log');
  });

  test('the zip gives the same log as the database inside it', async () => {
    const zipped = await importPath(ZIP);
    const plain = await importPath(DB);
    expect(zipped.log).toEqual(plain.log);
    expect(zipped.warnings[0]!.file).toBe(`${ZIP} (health_connect_export.db)`);
  });

  test('standard input (no path) is read through a temporary copy', async () => {
    const { inputFromBytes } = await import('../../src/io/input-file.ts');
    const result = await importFile(inputFromBytes('<stdin>', readFileSync(DB)));
    expect(result.log).toEqual((await importPath(DB)).log);
  });

  test('a renamed file is still recognised by its content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-hc-'));
    const renamed = join(dir, 'backup.bin');
    copyFileSync(DB, renamed);
    expect((await importPath(renamed)).format).toBe('health-connect');
  });

  test('a database that is not Health Connect is refused with --from, not read as empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-hc-'));
    const path = join(dir, 'x.db');
    writeFileSync(path, readFileSync('fixtures/bad/health-connect/not-health-connect.db'));
    await expect(importFile(await openInputFile(path), 'health-connect')).rejects.toThrow(
      'an SQLite database without Health Connect tables',
    );
  });
});

/**
 * Clue's legacy backup (.cluedata, the format's own export) and Clue's data download given as the zip
 * it comes in.
 */
import { describe, expect, test } from 'vitest';
import { importFile } from '../../src/importers/registry.ts';
import type { ImportResult } from '../../src/log/import-contract.ts';
import { openInputFile } from '../../src/io/input-file.ts';
import { importError, importText } from './helpers.ts';

async function importPath(path: string): Promise<ImportResult> {
  return await importFile(await openInputFile(path));
}

describe('Clue backup (.cluedata)', () => {
  test('period days and spotting on their calendar dates, never shifted by the time zone', async () => {
    const result = await importPath('fixtures/imports/ClueBackup-2024-06-30.cluedata');
    expect(result.format).toBe('clue-backup');
    const day = (date: string) => result.log.days.find((d) => d.date === date);
    // The backup says America/New_York: 2024-04-02T00:00:00Z is still 2024-04-02.
    expect(day('2024-04-02')).toEqual({ date: '2024-04-02', bleeding: 'medium', period: true });
    expect(day('2024-04-03')).toEqual({ date: '2024-04-03', bleeding: 'heavy', period: true });
    expect(day('2024-04-16')).toEqual({ date: '2024-04-16', bleeding: 'spotting' });
    expect(day('2024-05-20')).toEqual({ date: '2024-05-20' });
    expect(result.log.days).toHaveLength(19);
    expect(result.summary).toEqual([
      { what: 'period', mapped: 14, dropped: 0, note: 'bleeding: medium' },
      { what: 'period: spotting', mapped: 4, dropped: 0, note: 'bleeding: spotting' },
      { what: 'tags', mapped: 0, dropped: 1, note: 'unknown' },
    ]);
    expect(result.warnings.map((w) => [w.line, w.message])).toEqual([
      [51, "not used: Clue backup key 'tags' ×1 (unknown to cyclecheck)"],
    ]);
  });

  test('an unknown period value still marks a bleeding day, with a warning', async () => {
    const result = await importText(
      'b.cluedata',
      '{"data": [{"day": "2024-04-02T00:00:00Z", "period": "gushing"}], "version": 6}',
    );
    expect(result.log.days).toEqual([{ date: '2024-04-02', bleeding: 'light', period: true }]);
    expect(result.warnings[0]!.message).toContain("period value 'gushing'");
  });

  test('an empty backup is refused, never read as "no flags"', async () => {
    const error = await importError('b.cluedata', '{"data": [], "environment": {}, "version": 6}');
    expect(error.message).toContain('$.data: the backup holds no days');
  });
});

describe('Clue download zip', () => {
  test('reads measurements.json out of the zip, as if given on its own', async () => {
    const zipped = await importPath('fixtures/imports/clue-download.zip');
    const plain = await importPath('fixtures/imports/clue-measurements.json');
    expect(zipped.format).toBe('clue');
    expect(zipped.log).toEqual(plain.log);
    expect(zipped.summary).toEqual(plain.summary);
  });

  test('a zip without measurements.json, forced as Clue, says what it holds', async () => {
    const input = await openInputFile('fixtures/imports/takeout-fitbit.zip');
    await expect(importFile(input, 'clue')).rejects.toThrow(
      'this zip has no measurements.json, so it is not a Clue data download: it contains Takeout/Fitbit/Global Export Data/',
    );
  });
});

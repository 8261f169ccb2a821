/**
 * Detection of container exports by their content (zip entry names, SQLite schema) and of the
 * exports cyclecheck knows but cannot read, which get a message saying what they are, never a
 * guess such as "a spreadsheet?".
 */
import { describe, expect, test } from 'vitest';
import {
  INSTEAD_HINT,
  sniffPdf,
  sniffZipNames,
  sniffUnsupportedText,
  zipNamesFromHead,
} from '../../src/importers/detect-exports.ts';
import { sniffFormat } from '../../src/importers/detect.ts';
import { readZipNamesSync } from '../../src/importers/common/zip.ts';
import { readFileSync } from 'node:fs';

describe('zips by their entry names', () => {
  test.each([
    [['health_connect_export.db'], 'health-connect'],
    [['Takeout/Fitbit/Menstrual Health/menstrual_health_cycles.csv'], 'fitbit'],
    [['Jane Doe/Menstrual Health/menstrual_health_symptoms.csv'], 'fitbit'],
    [['apple_health_export/export.xml'], 'apple-health'],
    [['clue_data/measurements.json'], 'clue'],
    [['ClueBackup-2021-06-30.cluedata'], 'clue-backup'],
  ])('%j → %s', (names, format) => {
    expect(sniffZipNames(names).format).toBe(format);
  });

  test.each([
    [['DI_CONNECT/DI-Connect-Wellness/1_MenstrualCycles.json'], 'a Garmin Connect data export'],
    [
      ['samsunghealth_x_2025/com.samsung.health.cycle.flow.1.csv'],
      'a Samsung Health data download',
    ],
    [['other.csv', 'weight.csv'], 'a Withings Health Mate archive'],
  ])('%j is known but not read: %s', (names, what) => {
    expect(sniffZipNames(names)).toEqual({
      unsupported: `${what}: cyclecheck cannot read it yet`,
      hint: INSTEAD_HINT,
    });
  });

  test('a zip of something else lists what it holds, and never asks "a spreadsheet?"', () => {
    const sniffed = sniffZipNames(['photos/1.jpg', 'photos/2.jpg']);
    expect(sniffed.format).toBeUndefined();
    expect(sniffed.reason).toBe(
      'a zip archive that holds no export cyclecheck reads (it contains photos/1.jpg, photos/2.jpg)',
    );
  });

  test('names come from the central directory of a zip on disk, and from its head otherwise', () => {
    const path = 'fixtures/imports/takeout-fitbit.zip';
    expect(readZipNamesSync(path)).toContain(
      'Takeout/Fitbit/Menstrual Health/menstrual_health_cycles.csv',
    );
    // The head alone shows only the first entries (the damaged heart-rate file comes first).
    const head = readFileSync(path).subarray(0, 200);
    expect(zipNamesFromHead(head)[0]).toBe('Takeout/Fitbit/Global Export Data/');
    expect(sniffFormat(readFileSync(path).subarray(0, 64 * 1024), path, path).format).toBe(
      'fitbit',
    );
    expect(readZipNamesSync('fixtures/bad/apple-health/not-a-zip.zip')).toBeUndefined();
  });
});

describe('text and other files cyclecheck knows but cannot read', () => {
  test.each([
    ['com.samsung.health.cycle.flow,6210001,3', 'a Samsung Health data file'],
    ['"type","date","value"', 'the other.csv of a Withings Health Mate archive'],
  ])('first line %j', (line, what) => {
    const sniffed = sniffUnsupportedText(line, `${line}\n"Menstruation flow","2025-03-01",1`, []);
    expect(sniffed?.unsupported).toContain(what);
  });

  test('a Withings-shaped CSV without menstruation rows is left to the CSV reader', () => {
    expect(sniffUnsupportedText('type,date,value', 'type,date,value\nSteps,2025-01-01,5', [])).toBe(
      undefined,
    );
  });

  test('Garmin cycles JSON, by its keys', () => {
    const sniffed = sniffFormat(
      Buffer.from('[{"startDate": "2025-03-01", "actualPeriodLength": 5, "cycleType": "NORMAL"}]'),
    );
    expect(sniffed.unsupported).toBe(
      'a Garmin Connect MenstrualCycles.json: cyclecheck cannot read it yet',
    );
  });

  test('a PDF: Natural Cycles named with where to go instead; any other PDF is not data', () => {
    const nc = sniffPdf(Buffer.from('%PDF-1.4\n<< /Producer (Natural Cycles) >>'));
    expect(nc?.unsupported).toMatch(/^a Natural Cycles report/);
    expect(nc?.hint).toContain('Apple Health or Health Connect');
    expect(sniffPdf(Buffer.from('%PDF-1.7\n'))?.reason).toBe('a PDF document, not a data export');
  });

  test('Fitbit CSVs and Clue backups by their content, whatever their name', () => {
    expect(sniffFormat(Buffer.from('timestamp,fluids,flow,conditions,sex\n')).format).toBe(
      'fitbit',
    );
    expect(
      sniffFormat(Buffer.from('id,cycle_start_date,cycle_end_date,ovulation_start_date\n')).format,
    ).toBe('fitbit');
    expect(sniffFormat(Buffer.from('{"data": [{"day": "2021-01-01T00:00:00Z"}]}')).format).toBe(
      'clue-backup',
    );
    const db = readFileSync('fixtures/imports/health_connect_export.db').subarray(0, 65536);
    expect(sniffFormat(db).format).toBe('health-connect');
  });
});

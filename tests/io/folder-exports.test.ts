/**
 * Which unzipped folder is one app export (src/io/folder-exports.ts): `analyze FOLDER` reads the
 * file that says what the export is, and `batch` takes such a folder as one person's log.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExportFiles, findExportInFolder } from '../../src/io/folder-exports.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cc-folder-exports-'));
  const files = [
    'apple/apple_health_export/export.xml',
    'apple/apple_health_export/export_cda.xml',
    'fitbit/Takeout/Fitbit/Menstrual Health/menstrual_health_cycles.csv',
    'fitbit/Takeout/Fitbit/Menstrual Health/menstrual_health_symptoms.csv',
    'mixed/apple_health_export/export.xml',
    'mixed/Menstrual Health/menstrual_health_symptoms.csv',
    'not-apple/apple_health_export/other.xml',
    'photos/a.jpg',
    'two-people/alice/Menstrual Health/menstrual_health_symptoms.csv',
    'two-people/bob/Menstrual Health/menstrual_health_symptoms.csv',
  ];
  for (const file of files) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), '');
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('findExportInFolder', () => {
  it.each([
    [
      'the apple_health_export folder itself',
      'apple/apple_health_export',
      'apple/apple_health_export/export.xml',
    ],
    ['the folder above it', 'apple', 'apple/apple_health_export/export.xml'],
    [
      'Takeout, above Fitbit',
      'fitbit',
      'fitbit/Takeout/Fitbit/Menstrual Health/menstrual_health_symptoms.csv',
    ],
    [
      "Fitbit's Menstrual Health folder itself",
      'fitbit/Takeout/Fitbit/Menstrual Health',
      'fitbit/Takeout/Fitbit/Menstrual Health/menstrual_health_symptoms.csv',
    ],
    ['two kinds of export: not guessed', 'mixed', undefined],
    ['apple_health_export without export.xml', 'not-apple/apple_health_export', undefined],
    ['a folder of photos', 'photos', undefined],
    ["two people's Fitbit exports: not guessed", 'two-people', undefined],
  ])('%s', (_name, folder, expected) => {
    const found = findExportInFolder(join(root, folder));
    expect(found).toBe(expected === undefined ? undefined : join(root, expected));
  });
});

describe('findExportFiles', () => {
  it.each([
    [
      'Menstrual Health',
      ['menstrual_health_cycles.csv', 'menstrual_health_settings.csv'],
      ['menstrual_health_cycles.csv', 'menstrual_health_settings.csv'],
    ],
    [
      "Fitbit files beside a log and a folder: only Fitbit's are the export",
      ['menstrual_health_symptoms.csv', 'my-own-log.csv', 'followup'],
      ['menstrual_health_symptoms.csv'],
    ],
    ['a settings file alone is not an export', ['menstrual_health_settings.csv'], undefined],
    ['a look-alike name', ['x_menstrual_health_cycles.csv'], undefined],
    [
      'apple_health_export',
      ['export.xml', 'export_cda.xml', 'workout-routes'],
      ['export.xml', 'export_cda.xml', 'workout-routes'],
    ],
    ['apple_health_export', ['other.xml'], undefined],
    ['exports', ['export.xml'], undefined],
  ])('%s: %j → %j', (folder, names, expected) => {
    expect(findExportFiles(join(root, folder), names)).toEqual(expected);
  });
});

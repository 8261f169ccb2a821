/**
 * Which unzipped folder is one app export (src/io/folder-exports.ts): `analyze FOLDER` reads the
 * file that says what the export is, and `batch` takes such a folder as one person's log.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExportInFolder, isExportFolder } from '../../src/io/folder-exports.ts';

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
  ])('%s', (_name, folder, expected) => {
    const found = findExportInFolder(join(root, folder));
    expect(found).toBe(expected === undefined ? undefined : join(root, expected));
  });
});

describe('isExportFolder', () => {
  it.each([
    ['Menstrual Health', ['menstrual_health_cycles.csv', 'menstrual_health_settings.csv'], true],
    ['Menstrual Health', ['menstrual_health_symptoms.csv'], true],
    ['p5', ['menstrual_health_settings.csv'], false],
    ['p5', ['x_menstrual_health_cycles.csv'], false],
    ['apple_health_export', ['export.xml', 'export_cda.xml'], true],
    ['apple_health_export', ['other.xml'], false],
    ['exports', ['export.xml'], false],
  ])('%s with %j → %s', (folder, names, expected) => {
    expect(isExportFolder(join(root, folder), names)).toBe(expected);
  });
});

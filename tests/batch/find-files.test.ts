import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePaths, findLogFiles, isLogFileName } from '../../src/batch/find-files.ts';
import { MissingInputError } from '../../src/errors.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cc-find-'));
  const files = [
    'b.csv',
    'a.json',
    'A.csv',
    'notes.txt',
    'photo.PNG',
    'sub/c.csv',
    'sub/deeper/d.xml',
    'sub/export.zip',
    'sub-x/e.csv',
    'upper/F.CSV',
    '.hidden.csv',
    '.git/x.csv',
    'sub/.DS_Store',
    'periodical/Periodical-backup.json.gz',
  ];
  for (const file of files) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), 'date\n');
  }
  // A link cycle, a link to a folder already walked, a link to a file, and a dangling link.
  await symlink('..', join(root, 'sub', 'loop'));
  await symlink(join(root, 'sub'), join(root, 'z-link-to-sub'));
  await symlink(join(root, 'b.csv'), join(root, 'sub', 'link-to-b.csv'));
  await symlink(join(root, 'missing.csv'), join(root, 'sub', 'dangling.csv'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('findLogFiles', () => {
  it('finds log files recursively, sorted, skipping and counting hidden and unsupported ones', async () => {
    const found = await findLogFiles([root]);
    const relative = found.files.map((f) => f.path.slice(root.length + 1));
    expect(relative).toEqual([
      'A.csv',
      'a.json',
      'b.csv',
      'periodical/Periodical-backup.json.gz',
      'sub/c.csv',
      'sub/dangling.csv',
      'sub/deeper/d.xml',
      'sub/export.zip',
      'sub/link-to-b.csv',
      'sub-x/e.csv',
      'upper/F.CSV',
    ]);
    expect(found.files.every((f) => !f.explicit)).toBe(true);
    expect(found.unsupported).toBe(2); // notes.txt, photo.PNG
    expect(found.hidden).toBe(3); // .hidden.csv, .git, sub/.DS_Store
    expect(found.unreadable).toEqual([]);
  });

  it('takes named files as they are, even hidden or with another extension, once each', async () => {
    const hidden = join(root, '.hidden.csv');
    const notes = join(root, 'notes.txt');
    const found = await findLogFiles([
      notes,
      join(root, 'sub'),
      hidden,
      join(root, 'sub', 'c.csv'),
      `${root}/./sub/c.csv`,
    ]);
    const byPath = new Map(found.files.map((f) => [f.path, f.explicit]));
    expect(byPath.get(hidden)).toBe(true);
    expect(byPath.get(notes)).toBe(true);
    expect(found.files.filter((f) => f.path.endsWith('c.csv'))).toHaveLength(1);
    expect(byPath.get(join(root, 'sub', 'c.csv'))).toBe(true);
  });

  it('enters a folder reached twice (a named folder inside another) only once', async () => {
    const once = await findLogFiles([root]);
    const twice = await findLogFiles([root, join(root, 'sub'), join(root, 'z-link-to-sub')]);
    expect(twice.files.map((f) => f.path)).toEqual(once.files.map((f) => f.path));
  });

  it('takes an app export folder as one log: Fitbit Menstrual Health, apple_health_export', async () => {
    const cohort = await mkdtemp(join(tmpdir(), 'cc-find-exports-'));
    try {
      const files = [
        'p1/Takeout/Fitbit/Menstrual Health/menstrual_health_cycles.csv',
        'p1/Takeout/Fitbit/Menstrual Health/menstrual_health_symptoms.csv',
        'p1/Takeout/Fitbit/Menstrual Health/menstrual_health_settings.csv',
        'p2/Menstrual Health/menstrual_health_symptoms.csv',
        'p2/Menstrual Health/menstrual_health_birth_control.csv',
        'p3/apple_health_export/export.xml',
        'p3/apple_health_export/export_cda.xml',
        // Not an export: a folder called apple_health_export without export.xml, and a CSV
        // named like Fitbit's settings file alone.
        'p4/apple_health_export/other.xml',
        'p5/menstrual_health_settings.csv',
        // Fitbit's files beside a person's own log and a folder of more logs: all are kept.
        'p6/menstrual_health_cycles.csv',
        'p6/my-own-log.csv',
        'p6/followup/log.csv',
      ];
      for (const file of files) {
        await mkdir(join(cohort, file, '..'), { recursive: true });
        await writeFile(join(cohort, file), 'date\n');
      }
      const found = await findLogFiles([cohort]);
      expect(found.files.map((f) => f.path.slice(cohort.length + 1))).toEqual([
        'p1/Takeout/Fitbit/Menstrual Health',
        'p2/Menstrual Health',
        'p3/apple_health_export',
        'p4/apple_health_export/other.xml',
        'p5/menstrual_health_settings.csv',
        'p6',
        'p6/followup/log.csv',
        'p6/my-own-log.csv',
      ]);
      // Named on the command line, the export folder itself is one explicit log.
      const named = await findLogFiles([join(cohort, 'p2', 'Menstrual Health')]);
      expect(named.files).toEqual([
        { path: join(cohort, 'p2', 'Menstrual Health'), explicit: true },
      ]);
    } finally {
      await rm(cohort, { recursive: true, force: true });
    }
  });

  it('says which named path is missing', async () => {
    const missing = join(root, 'nope');
    await expect(findLogFiles([missing])).rejects.toThrow(MissingInputError);
    await expect(findLogFiles([missing])).rejects.toThrow(`${missing}: no such file or folder`);
  });
});

describe('isLogFileName', () => {
  it.each([
    ['log.csv', true],
    ['LOG.CSV', true],
    ['log.tsv', true],
    ['measurements.json', true],
    ['export.xml', true],
    ['export.zip', true],
    ['Periodical-backup.json.gz', true],
    ['health_connect_export.db', true],
    ['ClueBackup-2021-06-30.cluedata', true],
    ['Thumbs.db', false],
    ['notes.txt', false],
    ['photo.png', false],
    ['README', false],
    ['csv', false],
  ])('%s → %s', (name, expected) => {
    expect(isLogFileName(name)).toBe(expected);
  });
});

describe('comparePaths', () => {
  it.each([
    ['a/b.csv', 'a-c/d.csv', -1],
    ['a/z.csv', 'a.csv', -1],
    ['B.csv', 'a.csv', -1],
    ['p2.csv', 'p10.csv', 1],
    ['same.csv', 'same.csv', 0],
    ['é.csv', 'z.csv', 1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(Math.sign(comparePaths(a, b))).toBe(expected);
    expect(Math.sign(comparePaths(b, a))).toBe(-expected || 0);
  });
});

import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCommonFolder, getDocumentPath } from '../../src/batch/document-paths.ts';

describe('getCommonFolder', () => {
  it.each([
    [['cohort/a/p1.csv', 'cohort/a/p2.csv'], 'cohort/a'],
    [['cohort/a/p1.csv', 'cohort/b/x/p2.csv'], 'cohort'],
    [['cohort/a/p1.csv'], 'cohort/a'],
    [['cohort-a/p1.csv', 'cohort-b/p2.csv'], '.'],
  ])('%j → %s', (paths, expected) => {
    expect(getCommonFolder(paths)).toBe(resolve(expected));
  });
});

describe('getDocumentPath', () => {
  const common = resolve('cohort');
  it.each([
    ['cohort/a/p1.csv', join('docs', 'a', 'p1.csv.html')],
    ['cohort/p1.json', join('docs', 'p1.json.html')],
    ['./cohort/b/../a/p1.csv', join('docs', 'a', 'p1.csv.html')],
  ])('%s → %s', (log, expected) => {
    expect(getDocumentPath('docs', common, log)).toBe(expected);
  });

  it('keeps a document inside the output folder even for a path outside the common folder', () => {
    const path = getDocumentPath('docs', common, '../elsewhere/p.csv');
    expect(path.startsWith('docs')).toBe(true);
    expect(path).not.toContain('..');
  });
});

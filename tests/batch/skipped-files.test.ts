import { describe, expect, it } from 'vitest';
import { SKIPPED_NAMED, selectSkippedNames } from '../../src/batch/skipped-files.ts';

const pictures = Array.from({ length: 8 }, (_, i) => `logs/photo-${i}.png`);

describe('selectSkippedNames', () => {
  it('names the first few and counts the rest', () => {
    const names = selectSkippedNames(pictures, false);
    expect(names.named).toEqual(pictures.slice(0, SKIPPED_NAMED));
    expect(names.more).toBe(pictures.length - SKIPPED_NAMED);
  });

  it('always names a spreadsheet or text file, however late it comes', () => {
    const paths = [...pictures, 'logs/p7.xlsx', 'logs/p8.numbers', 'logs/p9.TXT', 'logs/z.png'];
    const names = selectSkippedNames(paths, false);
    expect(names.named).toEqual([
      ...pictures.slice(0, SKIPPED_NAMED),
      'logs/p7.xlsx',
      'logs/p8.numbers',
      'logs/p9.TXT',
    ]);
    expect(names.more).toBe(4);
  });

  it('names every file with --verbose', () => {
    expect(selectSkippedNames(pictures, true)).toEqual({ named: pictures, more: 0 });
  });
});

import { describe, expect, test } from 'vitest';
import {
  describeImport,
  formatImportReport,
  formatImportSummary,
} from '../../src/importers/format-summary.ts';
import type { ImportResult } from '../../src/log/import-contract.ts';

const result: ImportResult = {
  format: 'drip',
  log: {
    profile: {},
    days: [{ date: '2025-01-01' }, { date: '2025-03-01', bleeding: 'light' }],
  },
  warnings: [
    {
      file: 'drip-data.csv',
      line: 4,
      message: "not used: column 'pain.foo' ×3 (unknown to cyclecheck)",
    },
  ],
  summary: [
    { what: 'bleeding.value', mapped: 42, dropped: 0, note: 'bleeding' },
    { what: 'sex.partner', mapped: 9, dropped: 0, note: 'sex' },
    { what: 'mood', mapped: 0, dropped: 120, note: 'not used by any rule' },
    { what: 'temperature', mapped: 0, dropped: 150, note: 'basal temperature is never fever' },
    { what: 'pain.foo', mapped: 0, dropped: 3, note: 'unknown' },
  ],
  gaps: [{ fact: 'menopause', message: 'pass --menopause pre, peri or post.' }],
};

describe('import summary', () => {
  test('names the format, the days, and what was mapped, dropped and unknown, with counts', () => {
    expect(formatImportSummary(result, 'drip-data.csv')).toBe(
      'drip-data.csv: drip export; 2 days (2025-01-01 to 2025-03-01); mapped bleeding.value 42, sex.partner 9; ' +
        "dropped temperature 150 (basal temperature is never fever), mood 120; unknown: 'pain.foo' ×3",
    );
  });

  test('a canonical log has nothing to translate', () => {
    expect(
      describeImport({ ...result, format: 'csv', summary: [], log: { profile: {}, days: [] } }),
    ).toBe('cyclecheck CSV log; 0 days');
  });

  test('Flo is marked experimental', () => {
    expect(describeImport({ ...result, format: 'flo', summary: [] })).toMatch(
      /^Flo export \(experimental\); 2 days/,
    );
  });

  test('text from the file cannot reach the terminal as escape sequences', () => {
    const hostile: ImportResult = {
      ...result,
      summary: [{ what: '\u001b[31mred\u001b[0m\u202e', mapped: 0, dropped: 1, note: 'unknown' }],
      warnings: [{ file: 'x\u001b]0;title\u0007.csv', message: 'line\nbreak' }],
    };
    const lines = formatImportReport(hostile, 'evil\u001b[2J.csv');
    // eslint-disable-next-line no-control-regex -- the point is that none of these remain
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(lines[0]).toContain("unknown: 'red' ×1");
  });

  test('the report adds each warning and question on its own line', () => {
    expect(formatImportReport(result, 'drip-data.csv').slice(1)).toEqual([
      "warning: drip-data.csv:4: not used: column 'pain.foo' ×3 (unknown to cyclecheck)",
      'drip-data.csv: to add: pass --menopause pre, peri or post.',
    ]);
  });
});

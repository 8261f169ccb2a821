import { describe, expect, it } from 'vitest';
import {
  addToCohort,
  createCohortCounts,
  formatCohortCsv,
  formatCohortJson,
  formatCohortText,
  formatSkipped,
} from '../../src/batch/cohort-summary.ts';
import {
  CSV_COLUMNS,
  formatCsvCell,
  formatCsvHeader,
  formatCsvRow,
} from '../../src/batch/format-csv.ts';
import {
  formatTableHeader,
  formatTableRow,
  formatTableTotals,
  getTableLayout,
} from '../../src/batch/format-table.ts';
import type { AnalyzedRow, FailedRow, LogRow } from '../../src/batch/log-row.ts';
import { createProgressLine, formatDuration, formatProgress } from '../../src/batch/progress.ts';
import { RULE_IDS, type RuleId } from '../../src/core/rules/ids.ts';
import { makeChalk } from '../../src/render/color.ts';

function analyzed(
  file: string,
  flags: Partial<Record<RuleId, number>>,
  tier: AnalyzedRow['highest_tier'],
): AnalyzedRow {
  const ruleCounts = RULE_IDS.map((id) => flags[id] ?? 0);
  return {
    ok: true,
    file,
    format: 'csv',
    first_date: '2025-01-01',
    last_date: '2025-12-31',
    days: 365,
    periods: 13,
    highest_tier: tier,
    flags: ruleCounts.reduce((a, b) => a + b, 0),
    rule_counts: ruleCounts,
    warnings: 0,
  };
}

const failed: FailedRow = {
  ok: false,
  file: 'logs/bad.csv',
  error: {
    code: 65,
    message:
      'logs/bad.csv:4:2: bleeding: "lots" is not one of none, spotting, light, medium, heavy',
  },
};

describe('CSV summary', () => {
  it('has the documented columns: file, format, dates, days, periods, tier, one per rule, error', () => {
    expect(CSV_COLUMNS.slice(0, 7)).toEqual([
      'file',
      'format',
      'first_date',
      'last_date',
      'days',
      'periods',
      'highest_tier',
    ]);
    expect(CSV_COLUMNS.slice(7, 7 + RULE_IDS.length)).toEqual([...RULE_IDS]);
    expect(CSV_COLUMNS.at(-1)).toBe('error');
    expect(formatCsvHeader()).toBe(CSV_COLUMNS.join(',') + '\n');
  });

  it('writes an analyzed log with its counts in catalogue order', () => {
    const row = analyzed('logs/a.csv', { 'postcoital-bleeding': 2, 'heavy-period': 1 }, 'soon');
    const cells = formatCsvRow(row).trimEnd().split(',');
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    expect(cells.slice(0, 7)).toEqual([
      'logs/a.csv',
      'csv',
      '2025-01-01',
      '2025-12-31',
      '365',
      '13',
      'soon',
    ]);
    expect(cells[CSV_COLUMNS.indexOf('postcoital-bleeding')]).toBe('2');
    expect(cells[CSV_COLUMNS.indexOf('heavy-period')]).toBe('1');
    expect(cells[CSV_COLUMNS.indexOf('late-period')]).toBe('0');
    expect(cells[CSV_COLUMNS.indexOf('warnings')]).toBe('0');
    expect(cells.at(-1)).toBe('');
  });

  it('counts the report warnings of a log in the warnings column', () => {
    const row = { ...analyzed('logs/a.csv', {}, 'none'), warnings: 3 };
    const cells = formatCsvRow(row).trimEnd().split(',');
    expect(CSV_COLUMNS.at(-2)).toBe('warnings');
    expect(cells.at(-2)).toBe('3');
  });

  it('writes a failed log with empty counts and its message, quoted', () => {
    const line = formatCsvRow(failed);
    expect(line.startsWith('logs/bad.csv,,,,,,,')).toBe(true);
    expect(
      line
        .trimEnd()
        .endsWith(
          '"logs/bad.csv:4:2: bleeding: ""lots"" is not one of none, spotting, light, medium, heavy"',
        ),
    ).toBe(true);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM', "'@SUM"],
    [12, '12'],
  ] as [string | number, string][])('cell %j → %s', (value, expected) => {
    expect(formatCsvCell(value)).toBe(expected);
  });
});

describe('cohort counts', () => {
  const rows: LogRow[] = [
    analyzed('a.csv', { 'postcoital-bleeding': 2 }, 'soon'),
    analyzed('b.csv', { 'postcoital-bleeding': 1, 'acute-heavy-bleeding': 1 }, 'urgent'),
    analyzed('c.csv', {}, 'none'),
    analyzed('d.csv', { 'ovulation-spotting': 3 }, 'info'),
    failed,
  ];
  const counts = createCohortCounts();
  for (const row of rows) addToCohort(counts, row);

  it('counts logs per highest tier and logs and flags per rule', () => {
    expect(counts).toMatchObject({ logs: 5, analyzed: 4, failed: 1 });
    expect(counts.highestTier).toEqual({ urgent: 1, soon: 1, 'next-visit': 0, info: 1, none: 1 });
    const at = (id: RuleId) => RULE_IDS.indexOf(id);
    expect(counts.ruleLogs[at('postcoital-bleeding')]).toBe(2);
    expect(counts.ruleFlags[at('postcoital-bleeding')]).toBe(3);
    expect(counts.ruleLogs[at('ovulation-spotting')]).toBe(1);
    expect(counts.ruleFlags[at('ovulation-spotting')]).toBe(3);
    expect(counts.ruleLogs[at('heavy-period')]).toBe(0);
  });

  it('as JSON: every tier and every rule in catalogue order, and the skipped files', () => {
    const json = JSON.parse(formatCohortJson(counts, { unsupported: 2, hidden: 1 }));
    expect(json.format).toBe('cyclecheck-batch-summary/1');
    expect(json).toMatchObject({
      logs: 5,
      analyzed: 4,
      failed: 1,
      skipped: { unsupported: 2, hidden: 1 },
    });
    expect(json.highest_tier).toEqual(counts.highestTier);
    expect(json.rules.map((r: { rule: string }) => r.rule)).toEqual([...RULE_IDS]);
    expect(json.rules.find((r: { rule: string }) => r.rule === 'postcoital-bleeding')).toEqual({
      rule: 'postcoital-bleeding',
      logs: 2,
      flags: 3,
    });
  });

  it('as CSV: category, name, logs, flags', () => {
    const lines = formatCohortCsv(counts).trimEnd().split('\n');
    expect(lines[0]).toBe('category,name,logs,flags');
    expect(lines).toContain('total,failed,1,');
    expect(lines).toContain('highest_tier,urgent,1,');
    expect(lines).toContain('highest_tier,none,1,');
    expect(lines).toContain('rule,postcoital-bleeding,2,3');
    expect(lines.filter((l) => l.startsWith('rule,'))).toHaveLength(RULE_IDS.length);
  });

  it('as text: tiers with shares, and only the rules that flagged something', () => {
    const text = formatCohortText(counts, { unsupported: 0, hidden: 0 });
    expect(text).toContain('5 logs: 4 analyzed, 1 failed');
    expect(text).toMatch(/^urgent +1 +25\.0 %$/m);
    expect(text).toMatch(/^postcoital-bleeding +2 +3$/m);
    expect(text).not.toContain('heavy-period');
    expect(text).toContain(`(${RULE_IDS.length - 3} other rules flagged no log.)`);
  });

  it.each([
    [{ unsupported: 0, hidden: 0 }, ''],
    [{ unsupported: 1, hidden: 0 }, 'Skipped 1 unsupported file.'],
    [{ unsupported: 3, hidden: 1 }, 'Skipped 3 unsupported files and 1 hidden file or folder.'],
    [{ unsupported: 0, hidden: 2 }, 'Skipped 2 hidden files or folders.'],
  ])('skipped %j → %j', (skipped, expected) => {
    expect(formatSkipped(skipped)).toBe(expected);
  });
});

describe('summary table', () => {
  const chalk = makeChalk(false);

  it('lines up columns under the header and lists the rules of each log', () => {
    const layout = getTableLayout(['logs/a.csv', 'logs/longer-name.csv'], undefined, chalk);
    const header = formatTableHeader(layout);
    const row = formatTableRow(
      analyzed('logs/a.csv', { 'postcoital-bleeding': 2, 'heavy-period': 1 }, 'soon'),
      layout,
    );
    expect(row.slice(header.indexOf('FORMAT')).startsWith('csv ')).toBe(true);
    expect(row.slice(header.indexOf('HIGHEST')).startsWith('soon ')).toBe(true);
    expect(row.slice(header.indexOf('RULES')).startsWith('postcoital-bleeding')).toBe(true);
    expect(row).toContain('postcoital-bleeding ×2, heavy-period');
    expect(row).toMatch(/ 365 +13 +soon +3 +0 +postcoital/);
    expect(row.slice(header.indexOf('WARN'), header.indexOf('WARN') + 4)).toBe('   0');
  });

  it('shows how many warnings a log has, so a tier of none is never read alone', () => {
    const layout = getTableLayout(['logs/a.csv'], undefined, chalk);
    const row = formatTableRow({ ...analyzed('logs/a.csv', {}, 'none'), warnings: 2 }, layout);
    expect(row).toMatch(/ none +0 +2$/m);
  });

  it('shows a failed log with its message', () => {
    const layout = getTableLayout(['logs/bad.csv'], undefined, chalk);
    expect(formatTableRow(failed, layout)).toBe(`logs/bad.csv  ERROR  ${failed.error.message}\n`);
  });

  it('fits a terminal width, keeping the end of long paths', () => {
    const long = 'cohort/' + 'very-long-folder-name/'.repeat(5) + 'p00001.csv';
    const layout = getTableLayout([long], 80, chalk);
    const row = formatTableRow(
      analyzed(long, { 'postcoital-bleeding': 1, 'intermenstrual-bleeding': 4 }, 'soon'),
      layout,
    );
    for (const line of [formatTableHeader(layout), row])
      expect([...line.trimEnd()].length).toBeLessThanOrEqual(80);
    expect(row.startsWith('…')).toBe(true);
    expect(row).toContain('p00001.csv');
  });

  it('strips terminal escapes from file names and messages', () => {
    const evil = 'logs/\u001b[31mred\u001b[0m.csv';
    const layout = getTableLayout([evil], undefined, chalk);
    const row = formatTableRow(
      { ...failed, file: evil, error: { code: 65, message: `${evil}: bad\u0007` } },
      layout,
    );
    expect(row).not.toContain('\u001b');
    expect(row).not.toContain('\u0007');
  });

  it('ends with the totals', () => {
    const counts = createCohortCounts();
    addToCohort(counts, analyzed('a.csv', {}, 'none'));
    addToCohort(counts, failed);
    const text = formatTableTotals(counts, { unsupported: 1, hidden: 0 });
    expect(text).toContain('2 logs: 1 analyzed, 1 failed.');
    expect(text).toContain('Highest tier: urgent 0, soon 0, next-visit 0, info 0, none 1.');
    expect(text).toContain('Skipped 1 unsupported file.');
  });
});

describe('progress line', () => {
  it.each([
    [0, 100, 0, 'batch: 0/100 logs (0 %)'],
    [50, 100, 0.2, 'batch: 50/100 logs (50 %)'],
    [50, 100, 10, 'batch: 50/100 logs (50 %) · 5.0 logs/s · about 0:10 left'],
    [2500, 10000, 5, 'batch: 2500/10000 logs (25 %) · 500 logs/s · about 0:15 left'],
    [10000, 10000, 20, 'batch: 10000/10000 logs (100 %) · 500 logs/s'],
  ])('%i of %i after %ss', (done, total, seconds, expected) => {
    expect(formatProgress(done, total, seconds)).toBe(expected);
  });

  it.each([
    [0, '0:00'],
    [9.2, '0:10'],
    [75, '1:15'],
    [3600 + 62, '1:01:02'],
  ])('%ss → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe('createProgressLine', () => {
  function fakeStream(isTTY: boolean) {
    const writes: string[] = [];
    return {
      stream: {
        isTTY,
        write: (text: string) => writes.push(text),
      } as unknown as NodeJS.WriteStream,
      writes,
    };
  }

  it('draws nothing when stderr is not a terminal', () => {
    const { stream, writes } = fakeStream(false);
    const progress = createProgressLine(stream, 10);
    for (let i = 1; i <= 10; i++) progress.update(i);
    progress.clear();
    expect(writes).toEqual([]);
  });

  it('redraws one line in place on a terminal, at most every 100 ms, and erases it', () => {
    const { stream, writes } = fakeStream(true);
    let now = 0;
    const progress = createProgressLine(stream, 10, () => now);
    progress.update(1);
    now = 50;
    progress.update(2); // too soon: skipped
    now = 1000;
    progress.update(5);
    now = 1010;
    progress.update(10); // the last one is always drawn
    progress.clear();
    expect(writes).toEqual([
      '\r\u001b[Kbatch: 1/10 logs (10 %)',
      '\r\u001b[Kbatch: 5/10 logs (50 %) · 5.0 logs/s · about 0:01 left',
      '\r\u001b[Kbatch: 10/10 logs (100 %) · 9.9 logs/s',
      '\r\u001b[K',
    ]);
  });
});

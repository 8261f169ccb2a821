/**
 * `batch --to csv`: one row per log, written as each result arrives. A log that could not be
 * read or evaluated (no bleeding column) has its message in `error` and no tier: it is
 * never a row with highest_tier none. `warnings` counts what the report warns about.
 */
import { RULE_IDS } from '../core/rules/ids.ts';
import type { LogRow } from './log-row.ts';

export const CSV_COLUMNS: readonly string[] = [
  'file',
  'format',
  'first_date',
  'last_date',
  'days',
  'periods',
  'highest_tier',
  ...RULE_IDS,
  'warnings',
  'error',
];

export function formatCsvHeader(): string {
  return CSV_COLUMNS.join(',') + '\n';
}

export function formatCsvRow(row: LogRow): string {
  const cells: (string | number | null)[] = row.ok
    ? [
        row.file,
        row.format,
        row.first_date,
        row.last_date,
        row.days,
        row.periods,
        row.highest_tier,
        ...row.rule_counts,
        row.warnings,
        '',
      ]
    : [row.file, '', '', '', '', '', '', ...RULE_IDS.map(() => ''), '', row.error.message];
  return cells.map((cell) => formatCsvCell(cell ?? '')).join(',') + '\n';
}

/**
 * Quotes when needed, and defuses text a spreadsheet would run as a formula (a file named
 * `=HYPERLINK(…).csv`) with a leading apostrophe, as the canonical CSV writer does.
 */
export function formatCsvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

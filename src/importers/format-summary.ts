/**
 * The import summary for stderr: what a file was read as, how many days it gave, and what was
 * mapped, dropped and not understood, with counts. Every name from the file is
 * sanitised, since a crafted export could carry terminal escapes in a category name.
 */
import { sanitizeInline } from '../text/sanitize.ts';
import { UNKNOWN_NOTE } from './common/tally.ts';
import { getFormat } from './registry.ts';
import type { ImportResult, Warning } from '../log/import-contract.ts';

/** Reasons too common to repeat after every dropped item. */
const QUIET_REASONS = new Set(['not used by any rule']);

function describeDays(result: ImportResult): string {
  const days = result.log.days;
  const count = `${days.length} day${days.length === 1 ? '' : 's'}`;
  if (days.length === 0) return count;
  return `${count} (${days[0]!.date} to ${days[days.length - 1]!.date})`;
}

/** The summary without the file name, e.g. "drip export; 182 days (…); mapped …; dropped …". */
export function describeImport(result: ImportResult): string {
  const format = getFormat(result.format);
  const app = result.format !== 'csv' && result.format !== 'json';
  const parts = [
    `${format.label}${app ? ' export' : ''}${format.experimental ? ' (experimental)' : ''}`,
  ];
  parts.push(describeDays(result));
  // Largest counts first: what mattered most in this file leads the line.
  const mapped = result.summary
    .filter((row) => row.mapped > 0)
    .sort((a, b) => b.mapped - a.mapped)
    .map((row) => `${row.what} ${row.mapped}`);
  const dropped = result.summary
    .filter((row) => row.dropped > 0 && row.note !== UNKNOWN_NOTE)
    .sort((a, b) => b.dropped - a.dropped)
    .map((row) =>
      row.note === undefined || QUIET_REASONS.has(row.note)
        ? `${row.what} ${row.dropped}`
        : `${row.what} ${row.dropped} (${row.note})`,
    );
  const unknown = result.summary
    .filter((row) => row.note === UNKNOWN_NOTE)
    .map((row) => `'${row.what}' ×${row.dropped}`);
  if (mapped.length > 0) parts.push(`mapped ${mapped.join(', ')}`);
  if (dropped.length > 0) parts.push(`dropped ${dropped.join(', ')}`);
  if (unknown.length > 0) parts.push(`unknown: ${unknown.join(', ')}`);
  return sanitizeInline(parts.join('; '));
}

/** One line: `FILE: <describeImport>`. */
export function formatImportSummary(result: ImportResult, file: string): string {
  return `${sanitizeInline(file)}: ${describeImport(result)}`;
}

/** `warning: FILE:LINE: message`, as the other commands print warnings. */
export function formatWarning(warning: Warning): string {
  const where = warning.line === undefined ? warning.file : `${warning.file}:${warning.line}`;
  return `warning: ${sanitizeInline(where)}: ${sanitizeInline(warning.message)}`;
}

/** The summary, then each warning, then each question the export leaves open; one per line. */
export function formatImportReport(result: ImportResult, file: string): string[] {
  return [
    formatImportSummary(result, file),
    ...result.warnings.map(formatWarning),
    ...result.gaps.map((gap) => `${sanitizeInline(file)}: to add: ${sanitizeInline(gap.message)}`),
  ];
}

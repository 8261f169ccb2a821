/**
 * The few numbers a batch keeps per log (for the summary table, the CSV summary and the cohort
 * counts), small enough to pass between threads and to aggregate without keeping reports.
 */
import { RULE_IDS } from '../core/rules/ids.ts';
import { tierRank, type Tier } from '../core/tiers.ts';
import type { Report } from '../report/types.ts';
import { formatJson } from '../text/sanitize.ts';

export interface FileError {
  /** The exit status this error has on its own (65 data, 66 unreadable, 70 internal). */
  code: number;
  message: string;
  hint?: string;
}

export interface AnalyzedRow {
  ok: true;
  file: string;
  format: string;
  first_date: string | null;
  last_date: string | null;
  days: number;
  periods: number;
  highest_tier: Tier | 'none';
  flags: number;
  /** Flags per rule, in RULE_IDS order. */
  rule_counts: number[];
  /**
   * The report's warnings: things that changed what was read (ignored columns, synonyms,
   * dates or encodings guessed, no bleeding recorded). Not zero means: read the report first.
   */
  warnings: number;
}

export interface FailedRow {
  ok: false;
  file: string;
  error: FileError;
}

export type LogRow = AnalyzedRow | FailedRow;

const RULE_INDEX = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));

export function summarizeReport(file: string, report: Report): AnalyzedRow {
  const ruleCounts = new Array<number>(RULE_IDS.length).fill(0);
  let highest: Tier | 'none' = 'none';
  for (const flag of report.flags) {
    const i = RULE_INDEX.get(flag.rule);
    if (i !== undefined) ruleCounts[i] = (ruleCounts[i] ?? 0) + 1;
    if (highest === 'none' || tierRank(flag.tier) < tierRank(highest)) highest = flag.tier;
  }
  return {
    ok: true,
    file,
    format: report.input.formats.join('+'),
    first_date: report.input.first_date,
    last_date: report.input.last_date,
    days: report.input.days_logged,
    periods: report.periods.length,
    highest_tier: highest,
    flags: report.flags.length,
    rule_counts: ruleCounts,
    warnings: report.warnings.length,
  };
}

/** The NDJSON line for a file that could not be analyzed (docs/report-format.md, "Batch"). */
export function formatErrorLine(file: string, error: FileError): string {
  return formatJson({ input: { files: [file] }, error });
}

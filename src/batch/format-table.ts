/**
 * The default batch output: one line per log under a header, then the totals. Column widths are
 * fixed before the first result (the file list is known), so rows can be printed as they come.
 */
import type { ChalkInstance } from 'chalk';
import { RULE_IDS } from '../core/rules/ids.ts';
import type { Tier } from '../core/tiers.ts';
import { sanitizeInline } from '../text/sanitize.ts';
import {
  formatLogCount,
  formatSkipped,
  type CohortCounts,
  type SkipCounts,
} from './cohort-summary.ts';
import type { LogRow } from './log-row.ts';

export interface TableLayout {
  fileWidth: number;
  /** Cut lines to this many columns (a terminal), or never when undefined. */
  maxWidth: number | undefined;
  chalk: ChalkInstance;
}

const FORMAT_WIDTH = 12;
const DAYS_WIDTH = 6;
const PERIODS_WIDTH = 7;
const TIER_WIDTH = 10;
const FLAGS_WIDTH = 5;
const WARNINGS_WIDTH = 4;

export function getTableLayout(
  files: readonly string[],
  maxWidth: number | undefined,
  chalk: ChalkInstance,
): TableLayout {
  const longest = files.reduce((n, f) => Math.max(n, [...sanitizeInline(f)].length), 4);
  // Leave the numbers room on a terminal; a long path is shortened from the left.
  const cap = maxWidth === undefined ? Infinity : Math.max(20, maxWidth - 54);
  return { fileWidth: Math.min(longest, cap), maxWidth, chalk };
}

export function formatTableHeader(layout: TableLayout): string {
  const text = [
    'FILE'.padEnd(layout.fileWidth),
    'FORMAT'.padEnd(FORMAT_WIDTH),
    'DAYS'.padStart(DAYS_WIDTH),
    'PERIODS'.padStart(PERIODS_WIDTH),
    'HIGHEST'.padEnd(TIER_WIDTH),
    'FLAGS'.padStart(FLAGS_WIDTH),
    'WARN'.padStart(WARNINGS_WIDTH),
    'RULES',
  ].join('  ');
  return layout.chalk.bold(fit(text.trimEnd(), layout.maxWidth)) + '\n';
}

export function formatTableRow(row: LogRow, layout: TableLayout): string {
  const file = fitPath(sanitizeInline(row.file), layout.fileWidth).padEnd(layout.fileWidth);
  if (!row.ok) {
    const text = fit(`${file}  ERROR  ${sanitizeInline(row.error.message)}`, layout.maxWidth);
    return `${text.slice(0, file.length + 2)}${layout.chalk.red(text.slice(file.length + 2))}\n`;
  }
  const rules = RULE_IDS.flatMap((id, i) => {
    const n = row.rule_counts[i] ?? 0;
    return n === 0 ? [] : [n === 1 ? id : `${id} ×${n}`];
  }).join(', ');
  const head = [
    file,
    row.format.padEnd(FORMAT_WIDTH),
    String(row.days).padStart(DAYS_WIDTH),
    String(row.periods).padStart(PERIODS_WIDTH),
  ].join('  ');
  const tier = row.highest_tier.padEnd(TIER_WIDTH);
  const warnings = String(row.warnings).padStart(WARNINGS_WIDTH);
  const tail = `${String(row.flags).padStart(FLAGS_WIDTH)}  ${warnings}  ${rules}`;
  const plain = fit(`${head}  ${tier}  ${tail}`.trimEnd(), layout.maxWidth);
  // Colour the tier word only; the word itself says the tier without colour.
  const at = head.length + 2;
  return `${plain.slice(0, at)}${paintTier(row.highest_tier, plain.slice(at, at + TIER_WIDTH), layout.chalk)}${plain.slice(at + TIER_WIDTH)}\n`;
}

export function formatTableTotals(counts: CohortCounts, skipped: SkipCounts): string {
  const tiers = (['urgent', 'soon', 'next-visit', 'info', 'none'] as const)
    .map((t) => `${t} ${counts.highestTier[t]}`)
    .join(', ');
  const lines = ['', `${formatLogCount(counts)}.`, `Highest tier: ${tiers}.`];
  const skip = formatSkipped(skipped);
  if (skip !== '') lines.push(skip);
  return lines.join('\n') + '\n';
}

function paintTier(tier: Tier | 'none', text: string, chalk: ChalkInstance): string {
  switch (tier) {
    case 'urgent':
      return chalk.red.bold(text);
    case 'soon':
      return chalk.yellow(text);
    case 'next-visit':
      return chalk.cyan(text);
    default:
      return text;
  }
}

/** Cuts a line to the terminal width, marking the cut. */
function fit(text: string, maxWidth: number | undefined): string {
  if (maxWidth === undefined) return text;
  const chars = [...text];
  return chars.length <= maxWidth ? text : chars.slice(0, maxWidth - 1).join('') + '…';
}

/** Keeps the end of a long path, where the file name is. */
function fitPath(path: string, width: number): string {
  const chars = [...path];
  return chars.length <= width ? path : '…' + chars.slice(chars.length - width + 1).join('');
}

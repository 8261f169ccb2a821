/** `batch --summary-only`: how many logs reach each highest tier, and each rule, in a cohort. */
import { RULE_IDS, type RuleId } from '../core/rules/ids.ts';
import { TIERS, type Tier } from '../core/tiers.ts';
import { formatCsvCell } from './format-csv.ts';
import type { LogRow } from './log-row.ts';
import { formatJson } from '../text/sanitize.ts';

export const SUMMARY_FORMAT = 'cyclecheck-batch-summary/1';

export interface SkipCounts {
  /** Files skipped by extension or because no import format recognised their content. */
  unsupported: number;
  hidden: number;
}

export interface CohortCounts {
  logs: number;
  analyzed: number;
  failed: number;
  highestTier: Record<Tier | 'none', number>;
  /** Per rule, in RULE_IDS order: logs with at least one such flag, and flags in all. */
  ruleLogs: number[];
  ruleFlags: number[];
}

export function createCohortCounts(): CohortCounts {
  return {
    logs: 0,
    analyzed: 0,
    failed: 0,
    highestTier: { urgent: 0, soon: 0, 'next-visit': 0, info: 0, none: 0 },
    ruleLogs: RULE_IDS.map(() => 0),
    ruleFlags: RULE_IDS.map(() => 0),
  };
}

export function addToCohort(counts: CohortCounts, row: LogRow): void {
  counts.logs += 1;
  if (!row.ok) {
    counts.failed += 1;
    return;
  }
  counts.analyzed += 1;
  counts.highestTier[row.highest_tier] += 1;
  row.rule_counts.forEach((n, i) => {
    if (n > 0) {
      counts.ruleLogs[i] = (counts.ruleLogs[i] ?? 0) + 1;
      counts.ruleFlags[i] = (counts.ruleFlags[i] ?? 0) + n;
    }
  });
}

const TIER_KEYS: readonly (Tier | 'none')[] = [...TIERS, 'none'];

interface CohortSummaryJson {
  format: typeof SUMMARY_FORMAT;
  logs: number;
  analyzed: number;
  failed: number;
  skipped: SkipCounts;
  highest_tier: Record<Tier | 'none', number>;
  rules: { rule: RuleId; logs: number; flags: number }[];
}

export function formatCohortJson(counts: CohortCounts, skipped: SkipCounts): string {
  const json: CohortSummaryJson = {
    format: SUMMARY_FORMAT,
    logs: counts.logs,
    analyzed: counts.analyzed,
    failed: counts.failed,
    skipped,
    highest_tier: counts.highestTier,
    rules: RULE_IDS.map((rule, i) => ({
      rule,
      logs: counts.ruleLogs[i] ?? 0,
      flags: counts.ruleFlags[i] ?? 0,
    })),
  };
  return formatJson(json, 2) + '\n';
}

export function formatCohortCsv(counts: CohortCounts): string {
  const lines = ['category,name,logs,flags'];
  lines.push(`total,logs,${counts.logs},`, `total,analyzed,${counts.analyzed},`);
  lines.push(`total,failed,${counts.failed},`);
  for (const tier of TIER_KEYS) lines.push(`highest_tier,${tier},${counts.highestTier[tier]},`);
  RULE_IDS.forEach((rule, i) => {
    lines.push(
      `rule,${formatCsvCell(rule)},${counts.ruleLogs[i] ?? 0},${counts.ruleFlags[i] ?? 0}`,
    );
  });
  return lines.join('\n') + '\n';
}

export function formatCohortText(counts: CohortCounts, skipped: SkipCounts): string {
  const lines = [`Cohort summary, ${formatLogCount(counts)}`, '', 'Highest tier    logs   share'];
  for (const tier of TIER_KEYS) {
    const n = counts.highestTier[tier];
    lines.push(`${tier.padEnd(12)} ${String(n).padStart(7)}  ${formatShare(n, counts.analyzed)}`);
  }
  const flagged = RULE_IDS.map((rule, i) => ({
    rule,
    logs: counts.ruleLogs[i] ?? 0,
    flags: counts.ruleFlags[i] ?? 0,
  })).filter((r) => r.logs > 0);
  lines.push('');
  if (flagged.length === 0) {
    lines.push('No rule flagged any log.');
  } else {
    const width = Math.max(...flagged.map((r) => r.rule.length), 4);
    lines.push(`${'Rule'.padEnd(width)}    logs   flags`);
    for (const r of flagged) {
      lines.push(
        `${r.rule.padEnd(width)} ${String(r.logs).padStart(7)} ${String(r.flags).padStart(7)}`,
      );
    }
    lines.push(`(${RULE_IDS.length - flagged.length} other rules flagged no log.)`);
  }
  const skip = formatSkipped(skipped);
  if (skip !== '') lines.push('', skip);
  return lines.join('\n') + '\n';
}

export function formatLogCount(counts: CohortCounts): string {
  const logs = counts.logs === 1 ? '1 log' : `${counts.logs} logs`;
  return `${logs}: ${counts.analyzed} analyzed, ${counts.failed} failed`;
}

export function formatSkipped(skipped: SkipCounts): string {
  const parts: string[] = [];
  if (skipped.unsupported > 0) parts.push(plural(skipped.unsupported, 'unsupported file'));
  if (skipped.hidden > 0)
    parts.push(plural(skipped.hidden, 'hidden file or folder', 'hidden files or folders'));
  return parts.length === 0 ? '' : `Skipped ${parts.join(' and ')}.`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatShare(n: number, total: number): string {
  if (total === 0) return '';
  return `${((100 * n) / total).toFixed(1).padStart(5)} %`;
}

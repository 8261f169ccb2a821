/**
 * What the analyzer returns: data (rule ids, tiers, dates, coded facts), never prose. The report
 * layer (src/report) turns it into sentences; renderers turn the report into text, JSON,
 * Markdown and HTML.
 */
import type { IsoDate } from './dates.ts';
import type { Profile } from './log.ts';
import type { RuleId } from './rules/ids.ts';
import type { Tier } from './tiers.ts';
import type { ChecklistCode } from './rules/checklist-codes.ts';
import type { Fact } from './facts.ts';

export interface DetectedPeriod {
  /** Cycle day 1: the first flow day (D5). */
  start: IsoDate;
  /** The episode's last bleeding day. */
  end: IsoDate;
  /** Duration from start to end, inclusive (D5). */
  days: number;
  /** Days to the next period start, or null for the last period. */
  cycle_length: number | null;
  /** Spotting days before the start in the same episode (D5). */
  pre_start_spotting: number;
  heavy_days: number;
}

export interface Finding {
  rule: RuleId;
  tier: Tier;
  start: IsoDate;
  end: IsoDate;
  /** Cycle day of `start` (day 1 = the last period start on or before it), or null. */
  cycle_day: number | null;
  /** The facts that triggered the rule, and any escalation or downgrade, as codes. */
  facts: Fact[];
  checklist: ChecklistCode[];
  sources: string[];
  /** The episode reaches the evaluation date and may still change (ambiguity 17). */
  in_progress: boolean;
}

export interface NotFlagged {
  rule: RuleId;
  date: IsoDate;
  reason: Fact;
}

export interface NotEvaluated {
  rule: RuleId;
  reason: Fact;
}

export interface Analysis {
  as_of: IsoDate | null;
  first_date: IsoDate | null;
  last_date: IsoDate | null;
  days_logged: number;
  /** The profile actually used (with derived values such as the age on the evaluation date). */
  profile: Profile;
  age: number | null;
  periods: DetectedPeriod[];
  /** Sorted by tier (urgent first), then start date, then rule id. */
  findings: Finding[];
  not_flagged: NotFlagged[];
  not_evaluated: NotEvaluated[];
}

/** The JSON report contract (docs/report-format.md, schemas/report.schema.json). Stable: fields are only ever added. */
import type { IsoDate } from '../core/dates.ts';
import type { FactCode } from '../core/facts.ts';
import type { Profile } from '../core/log.ts';
import type { RuleId } from '../core/rules/ids.ts';
import type { Tier } from '../core/tiers.ts';
import type { FormatId, ProfileGap, Warning } from '../log/import-contract.ts';

export const REPORT_FORMAT = 'cyclecheck-report/1';

export interface ReportFlag {
  rule: RuleId;
  tier: Tier;
  start: IsoDate;
  end: IsoDate;
  cycle_day: number | null;
  summary: string;
  why: string[];
  checklist: string[];
  sources: string[];
  /** Added: the episode reaches the evaluation date and may still change. */
  in_progress: boolean;
}

export interface ReportPeriod {
  start: IsoDate;
  end: IsoDate;
  days: number;
  cycle_length: number | null;
}

export interface ReportChecklistItem {
  code: string;
  text: string;
  for: RuleId[];
  /** Added: the person's own data for this item (dates, cycle days, amounts). */
  details: string[];
}

export interface Report {
  format: typeof REPORT_FORMAT;
  as_of: IsoDate | null;
  input: {
    files: string[];
    formats: FormatId[];
    first_date: IsoDate | null;
    last_date: IsoDate | null;
    days_logged: number;
  };
  profile: Profile;
  /** Added: age on the evaluation date, when known. */
  age: number | null;
  periods: ReportPeriod[];
  flags: ReportFlag[];
  /** `reason_code` (added) is the reason's fact code, for programs and the visit document. */
  not_flagged: { rule: RuleId; date: IsoDate; reason: string; reason_code: FactCode }[];
  not_evaluated: { rule: RuleId; reason: string }[];
  checklist: ReportChecklistItem[];
  warnings: Warning[];
  /** Added: facts the input could not carry, and the option that supplies each. */
  questions: ProfileGap[];
  /** Added: findings the tracking app itself recorded (e.g. "Apple Health noted …"). */
  app_notes: { date: string; text: string }[];
}

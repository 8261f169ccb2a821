import type { Analysis } from '../core/analysis.ts';
import type { CycleLog } from '../core/log.ts';
import type { FormatId, ProfileGap, Warning } from '../log/import-contract.ts';
import { buildChecklist } from './checklist.ts';
import { formatFact, formatWhy } from './fact-text.ts';
import { RULE_TEXT } from './rule-text.ts';
import { REPORT_FORMAT, type Report } from './types.ts';

export interface ReportInput {
  files: string[];
  formats: FormatId[];
  warnings: Warning[];
  questions?: ProfileGap[];
  appNotes?: { date: string; text: string }[];
  /** The analyzed log, for details the analyzer does not carry (blood colour in the checklist). */
  log?: CycleLog;
}

/** Turns the analyzer's data into the report contract, with sentences. */
export function buildReport(analysis: Analysis, input: ReportInput): Report {
  return {
    format: REPORT_FORMAT,
    as_of: analysis.as_of,
    input: {
      files: input.files,
      formats: input.formats,
      first_date: analysis.first_date,
      last_date: analysis.last_date,
      days_logged: analysis.days_logged,
    },
    profile: analysis.profile,
    age: analysis.age,
    periods: analysis.periods.map((p) => ({
      start: p.start,
      end: p.end,
      days: p.days,
      cycle_length: p.cycle_length,
    })),
    flags: analysis.findings.map((f) => ({
      rule: f.rule,
      tier: f.tier,
      start: f.start,
      end: f.end,
      cycle_day: f.cycle_day,
      summary: RULE_TEXT[f.rule].summary,
      why: formatWhy(f.facts),
      checklist: f.checklist,
      sources: f.sources,
      in_progress: f.in_progress,
    })),
    not_flagged: analysis.not_flagged.map((n) => ({
      rule: n.rule,
      date: n.date,
      reason: formatFact(n.reason),
      reason_code: n.reason.code,
    })),
    not_evaluated: analysis.not_evaluated.map((n) => ({
      rule: n.rule,
      reason: formatFact(n.reason),
    })),
    checklist: buildChecklist(analysis, input.log),
    warnings: input.warnings,
    questions: input.questions ?? [],
    app_notes: input.appNotes ?? [],
  };
}

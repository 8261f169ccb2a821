/**
 * The report becomes the visit document every human format lays out (document.ts): plain words,
 * no rule ids or checklist codes in prose, one finding per kind of event, the summary first and
 * sources named. Pure: no files, no process, no colour.
 */
import type { CycleLog } from '../core/log.ts';
import { TIERS, type Tier } from '../core/tiers.ts';
import { sanitizeInline } from '../text/sanitize.ts';
import {
  getCalendarMonths,
  hasLongFlags,
  LONG_FLAG_DAYS,
  CALENDAR_LEGEND,
} from './calendar-data.ts';
import type {
  DocumentChecklist,
  DocumentExplainItem,
  DocumentFinding,
  DocumentSource,
  DocumentSummary,
  VisitDocument,
} from './document.ts';
import { countNoun, formatDateSpan, joinWithAnd, yearOf } from './date-words.ts';
import {
  describeMedicines,
  getCycleSummary,
  getPersonFacts,
  getReadFacts,
} from './document-facts.ts';
import { groupFindings, type GroupedFinding } from './group-findings.ts';
import { RULE_TEXT } from './rule-text.ts';
import { getSource } from './sources.ts';
import { DISCLAIMER, TIER_LABEL, TIER_SYMBOL, TIER_WORD } from './tier-labels.ts';
import type { Report } from './types.ts';

export const DOCUMENT_TITLE = 'cyclecheck report for a clinician visit';

/** The cycle table shows the most recent periods only (docs/rules.md K11: last 6–12). */
export const CYCLE_TABLE_PERIODS = 12;

export interface BuildDocumentOptions {
  /** Include what was set aside and what could not be evaluated. */
  explain?: boolean;
  /** "cyclecheck 0.1.0". */
  producer?: string;
  /** How many months the calendar holds at most (default 12). */
  calendarMonths?: number;
}

export function buildVisitDocument(
  report: Report,
  log: CycleLog,
  options: BuildDocumentOptions = {},
): VisitDocument {
  const refYear = yearOf(report.as_of);
  const grouped = groupFindings(report.flags, log, refYear);
  const { findings, sources } = numberSources(grouped);
  const shownNotes = new Set(
    findings.flatMap((f) =>
      f.occurrences.flatMap((o) => o.notes.map((n) => `${n.date} ${n.text}`)),
    ),
  );
  return {
    title: DOCUMENT_TITLE,
    evaluatedOn: report.as_of,
    producer: options.producer ?? 'cyclecheck',
    warnings: report.warnings.map((w) =>
      sanitizeInline(`${w.line === undefined ? w.file : `${w.file}:${w.line}`}: ${w.message}`),
    ),
    summary: buildSummary(report, findings),
    findings,
    explain: options.explain === true ? buildExplain(report) : null,
    checklist: buildChecklist(report, log, findings, refYear),
    calendar: {
      months: getCalendarMonths(report, log, { months: options.calendarMonths }),
      legend: CALENDAR_LEGEND,
      note: hasLongFlags(report)
        ? `A finding covering more than ${LONG_FLAG_DAYS} days is marked on its first day only.`
        : null,
    },
    periods: buildPeriodRows(report),
    cycleChart: buildCycleChart(report),
    questions: report.questions.map((q) => sanitizeInline(q.message)),
    notes: buildOtherNotes(report, log, shownNotes),
    sources,
    tiers: Object.fromEntries(
      TIERS.map((t) => [t, { word: TIER_WORD[t], symbol: TIER_SYMBOL[t], label: TIER_LABEL[t] }]),
    ) as VisitDocument['tiers'],
    disclaimer: DISCLAIMER,
  };
}

/** Sources numbered in order of first citation, each finding's list already by authority. */
function numberSources(grouped: readonly GroupedFinding[]): {
  findings: DocumentFinding[];
  sources: DocumentSource[];
} {
  const numbers = new Map<string, number>();
  const sources: DocumentSource[] = [];
  const findings = grouped.map((g): DocumentFinding => {
    const cited = g.sourceTags.map((tag) => {
      const source = getSource(tag);
      let number = numbers.get(source.tag);
      if (number === undefined) {
        number = sources.length + 1;
        numbers.set(source.tag, number);
        sources.push({
          number,
          authority: source.authority,
          short: source.short,
          title: source.title,
          urls: source.urls,
        });
      }
      return number;
    });
    return {
      tier: g.tier,
      title: g.title,
      heading: g.heading,
      occurrences: g.occurrences,
      summary: g.summary,
      why: g.why,
      sources: cited,
      rules: g.rules,
    };
  });
  return { findings, sources };
}

function buildSummary(report: Report, findings: readonly DocumentFinding[]): DocumentSummary {
  const headline = TIERS.map((tier) => ({
    tier,
    count: findings.filter((f) => f.tier === tier).length,
  })).filter((h) => h.count > 0);
  const name = report.profile.name;
  return {
    name:
      name !== undefined && sanitizeInline(name).trim() !== '' ? sanitizeInline(name).trim() : null,
    age: report.age ?? report.profile.age ?? null,
    person: getPersonFacts(report),
    read: getReadFacts(report),
    cycles: getCycleSummary(report),
    headline,
    headlineText: [formatHeadline(findings.length, headline), formatPeriodStarting(report)]
      .filter((t) => t !== null)
      .join(' '),
  };
}

/**
 * A bleed set aside as the period starting (it had not ended on the last day) is said at the top,
 * so that "nothing matched" on day 1 of a period is not read as the last word on that bleed.
 */
function formatPeriodStarting(report: Report): string | null {
  const starting = report.not_flagged.find((n) => n.reason_code === 'period-may-be-starting');
  if (starting === undefined) return null;
  return `The bleeding that began on ${starting.date} may be your period starting: run cyclecheck again in a few days, once it has ended.`;
}

function formatHeadline(total: number, headline: readonly { tier: Tier; count: number }[]): string {
  if (total === 0) {
    return 'Nothing in this log matched a rule. That is not a clean bill of health: if something worries you, tell a clinician.';
  }
  const counts = headline.map((h) => `${h.count} ${TIER_WORD[h.tier].toLowerCase()}`);
  return `${countNoun(total, 'finding')}: ${counts.join(', ')}.`;
}

function titleOf(rule: string): string {
  return (RULE_TEXT as Partial<Record<string, { title: string }>>)[rule]?.title ?? rule;
}

function buildExplain(report: Report): NonNullable<VisitDocument['explain']> {
  const notFlagged: DocumentExplainItem[] = report.not_flagged.map((n) => ({
    rule: n.rule,
    date: n.date,
    text: `${titleOf(n.rule)}: ${sanitizeInline(n.reason)}`,
  }));
  const notEvaluated: DocumentExplainItem[] = report.not_evaluated.map((n) => ({
    rule: n.rule,
    date: null,
    text: `${titleOf(n.rule)}: ${sanitizeInline(n.reason)}`,
  }));
  return { notFlagged, notEvaluated };
}

/** "bleeding after sex (soon) on 14–15 Aug (cycle day 19) and 12 Oct (cycle day 20)". */
function describeFindingForVisit(f: DocumentFinding): string {
  const when = f.occurrences.map(
    (o) => `${o.when}${o.cycleDay !== null ? ` (cycle day ${o.cycleDay})` : ''}`,
  );
  const title = f.title.charAt(0).toLowerCase() + f.title.slice(1);
  return `${title} (${TIER_WORD[f.tier].toLowerCase()}) on ${joinWithAnd(when)}`;
}

/** Checklist codes whose item asks for what a person writes down (colour; medicines). */
const QUOTES_NOTES = new Set(['K1']);
const QUOTES_MEDICINES = new Set(['K10', 'K8']);

function buildChecklist(
  report: Report,
  log: CycleLog,
  findings: readonly DocumentFinding[],
  refYear: number | null,
): DocumentChecklist {
  const age = report.age ?? report.profile.age;
  // docs/rules.md: the checklist starts with the age and every finding with its dates.
  const start = [age === undefined || age === null ? 'age not given' : `age ${age}`];
  start.push(...findings.map(describeFindingForVisit));
  const noteQuotes = findings.flatMap((f) =>
    f.occurrences.flatMap((o) =>
      o.notes.map((n) => `${formatDateSpan(n.date, n.date, refYear)}: “${n.text}”`),
    ),
  );
  const colours = log.days
    .filter((d) => d.blood_color !== undefined && findings.some((f) => inAny(f, d.date)))
    .map(
      (d) =>
        `${formatDateSpan(d.date, d.date, refYear)}: colour “${sanitizeInline(d.blood_color ?? '')}”`,
    );
  const medicines = describeMedicines(report.profile);
  return {
    startWith: findings.length === 0 && report.checklist.length === 0 ? '' : `${start.join('; ')}.`,
    items: report.checklist.map((item) => {
      const quotes: string[] = [];
      if (QUOTES_NOTES.has(item.code)) quotes.push(...colours, ...noteQuotes);
      if (QUOTES_MEDICINES.has(item.code) && medicines !== null) {
        quotes.push(`Medicines you recorded: ${medicines}`);
      }
      return {
        text: sanitizeInline(item.text),
        details: item.details.map((d) => sanitizeInline(d)),
        quotes: [...new Set(quotes)],
      };
    }),
  };
}

function inAny(f: DocumentFinding, date: string): boolean {
  return f.occurrences.some((o) => date >= o.start && date <= o.end);
}

function buildPeriodRows(report: Report): VisitDocument['periods'] {
  const periods = report.periods.slice(-CYCLE_TABLE_PERIODS);
  const omitted = report.periods.length - periods.length;
  return {
    rows: periods.map((p, i) => ({
      number: omitted + i + 1,
      start: p.start,
      end: p.end,
      days: p.days,
      cycleLength: p.cycle_length,
    })),
    omitted,
  };
}

function buildCycleChart(report: Report): VisitDocument['cycleChart'] {
  const cycles = report.periods
    .slice(-CYCLE_TABLE_PERIODS)
    .filter((p) => p.cycle_length !== null)
    .map((p) => ({ start: p.start, length: p.cycle_length as number }));
  // FIGO 2018: a normal cycle is 24–38 days.
  return cycles.length === 0 ? null : { cycles, band: { min: 24, max: 38 } };
}

function buildOtherNotes(
  report: Report,
  log: CycleLog,
  shown: ReadonlySet<string>,
): VisitDocument['notes'] {
  const notes: VisitDocument['notes'] = [];
  for (const d of log.days) {
    const text = d.notes === undefined ? '' : sanitizeInline(d.notes).trim();
    if (text !== '' && !shown.has(`${d.date} ${text}`)) notes.push({ date: d.date, text });
  }
  for (const n of report.app_notes) {
    notes.push({
      date: /^\d{4}-\d{2}-\d{2}$/.test(n.date) ? n.date : null,
      text: sanitizeInline(n.text),
    });
  }
  return notes;
}

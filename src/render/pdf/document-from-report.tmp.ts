/**
 * TEMPORARY (issue 17): a small stand-in for `buildVisitDocument` (src/report/build-document.ts),
 * which another branch implements. It lets the PDF renderer show real content until that lands;
 * at the merge, the one import of this file (src/render/pdf/format-pdf.ts) is pointed at the real
 * builder and this file is deleted. Nothing else may import it.
 */
import { formatIsoDate, toDay, type IsoDate } from '../../core/dates.ts';
import type { CycleLog } from '../../core/log.ts';
import { TIERS, tierRank } from '../../core/tiers.ts';
import type { Report, ReportFlag } from '../../report/types.ts';
import type {
  DocumentFinding,
  DocumentSource,
  DocumentSummary,
  VisitDocument,
} from '../../report/document.ts';
import { CALENDAR_LEGEND, TIER_LEGEND, getCalendarMonths } from '../calendar-data.ts';
import {
  DOCUMENT_TITLE,
  formatDateRange,
  getInputFacts,
  getProfileFacts,
  getRuleTitle,
} from '../markdown.ts';
import { sanitizeInline } from '../sanitize.ts';
import { getSource } from '../sources.ts';
import { DISCLAIMER, TIER_WORD } from '../tier-labels.ts';

export interface BuildDocumentOptions {
  explain?: boolean;
  version?: string;
}

function buildSummary(report: Report): DocumentSummary {
  const lengths = report.periods.map((p) => p.cycle_length).filter((n): n is number => n !== null);
  const counts = TIERS.map((tier) => ({
    tier,
    count: report.flags.filter((f) => f.tier === tier).length,
  })).filter((c) => c.count > 0);
  const n = report.flags.length;
  const headlineText =
    n === 0
      ? 'No episode in this log met a flag rule.'
      : `${n} ${n === 1 ? 'finding' : 'findings'}: ${counts.map((c) => `${c.count} ${TIER_WORD[c.tier].toLowerCase()}`).join(', ')}.`;
  const average = (xs: number[]): number | null =>
    xs.length === 0 ? null : Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  const name = (report.profile as { name?: string }).name;
  return {
    name: name === undefined ? null : sanitizeInline(name),
    age: report.age,
    person: getProfileFacts(report),
    read: getInputFacts(report),
    cycles:
      report.periods.length < 2
        ? null
        : {
            counted: lengths.length,
            averageLength: average(lengths),
            shortest: lengths.length === 0 ? null : Math.min(...lengths),
            longest: lengths.length === 0 ? null : Math.max(...lengths),
            averagePeriodDays: average(report.periods.map((p) => p.days)),
            lastPeriodStart: report.periods.at(-1)?.start ?? null,
          },
    headline: counts,
    headlineText,
  };
}

function buildFindings(
  report: Report,
  log: CycleLog,
  sources: DocumentSource[],
): DocumentFinding[] {
  const byRule = new Map<string, ReportFlag[]>();
  for (const flag of report.flags) byRule.set(flag.rule, [...(byRule.get(flag.rule) ?? []), flag]);
  const notes = new Map(log.days.filter((d) => d.notes).map((d) => [toDay(d.date), d.notes!]));
  const cite = (tag: string): number => {
    const source = getSource(tag);
    let found = sources.find((s) => s.short === source.short);
    if (found === undefined) {
      found = {
        number: sources.length + 1,
        short: source.short,
        title: source.title,
        urls: source.urls,
      };
      sources.push(found);
    }
    return found.number;
  };
  const findings = [...byRule.values()].map((flags): DocumentFinding => {
    const tier = TIERS[Math.min(...flags.map((f) => tierRank(f.tier)))]!;
    const title = getRuleTitle(flags[0]!.rule);
    const occurrences = flags.map((f) => {
      const dayNotes: { date: IsoDate; text: string }[] = [];
      for (let n = toDay(f.start); n <= toDay(f.end); n++) {
        const text = notes.get(n);
        if (text !== undefined)
          dayNotes.push({
            date: formatIsoDate(n),
            text: sanitizeInline(text),
          });
      }
      return {
        start: f.start,
        end: f.end,
        cycleDay: f.cycle_day,
        inProgress: f.in_progress,
        when: formatDateRange(f.start, f.end),
        notes: dayNotes,
      };
    });
    const times = flags.length === 1 ? '' : ` — ${flags.length} times`;
    return {
      tier,
      title,
      heading: `${title}${times}: ${occurrences.map((o) => o.when).join(', ')}`,
      occurrences,
      summary: sanitizeInline(flags[0]!.summary),
      why: [...new Set(flags.flatMap((f) => f.why.map(sanitizeInline)))],
      sources: [...new Set(flags.flatMap((f) => f.sources.map(cite)))],
      rules: [flags[0]!.rule],
    };
  });
  return findings.sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
}

export function buildVisitDocument(
  report: Report,
  log: CycleLog,
  options: BuildDocumentOptions = {},
): VisitDocument {
  const sources: DocumentSource[] = [];
  const findings = buildFindings(report, log, sources);
  const flaggedMonths = new Set(report.flags.map((f) => f.start.slice(0, 7)));
  const months = getCalendarMonths(report, log, { months: 1200 }).filter((m) =>
    flaggedMonths.has(`${m.year}-${String(m.month).padStart(2, '0')}`),
  );
  const cycles = report.periods
    .filter((p) => p.cycle_length !== null)
    .map((p) => ({ start: p.start, length: p.cycle_length! }));
  return {
    title: DOCUMENT_TITLE,
    evaluatedOn: report.as_of,
    producer: `cyclecheck ${options.version ?? '0.1.0'}`,
    warnings: report.warnings.map((w) => sanitizeInline(w.message)),
    summary: buildSummary(report),
    findings,
    explain: options.explain
      ? {
          notFlagged: report.not_flagged.map((x) => ({
            rule: x.rule,
            date: x.date,
            text: `${getRuleTitle(x.rule)}: ${sanitizeInline(x.reason)}`,
          })),
          notEvaluated: report.not_evaluated.map((x) => ({
            rule: x.rule,
            date: null,
            text: `${getRuleTitle(x.rule)}: ${sanitizeInline(x.reason)}`,
          })),
        }
      : null,
    checklist: {
      startWith:
        findings.length === 0
          ? 'Nothing in this log needs a visit by itself.'
          : `Start the visit with: ${findings
              .slice(0, 2)
              .map((f) => f.heading.toLowerCase())
              .join('; ')}.`,
      items: report.checklist.map((c) => ({
        text: sanitizeInline(c.text),
        details: c.details.map(sanitizeInline),
        quotes: [],
      })),
    },
    calendar: { months, legend: [...CALENDAR_LEGEND, ...TIER_LEGEND], note: null },
    cycleChart: cycles.length === 0 ? null : { cycles, band: { min: 24, max: 38 } },
    questions: report.questions.map((q) => sanitizeInline(q.message)),
    notes: report.app_notes.map((n) => ({ date: n.date, text: sanitizeInline(n.text) })),
    sources,
    disclaimer: DISCLAIMER,
  };
}

/**
 * Month grids for the calendars (HTML and terminal): what was logged on each day and which flags
 * cover it. Presentation only: periods and flags come from the report, days from the log.
 */
import {
  civilFromDayNumber,
  dayNumber,
  daysInMonth,
  formatIsoDate,
  toDay,
  weekdayOf,
  type IsoDate,
} from '../core/dates.ts';
import type { Bleeding, CycleLog, Day, Severity } from '../core/log.ts';
import type { RuleId } from '../core/rules/ids.ts';
import { tierRank, type Tier } from '../core/tiers.ts';
import { RULE_TEXT } from './rule-text.ts';
import type { Report } from './types.ts';
import { sanitizeInline } from '../text/sanitize.ts';
import { TIER_SYMBOL, TIER_WORD } from './tier-labels.ts';

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export const DEFAULT_CALENDAR_MONTHS = 12;

/**
 * Flags spanning more days than this (cycle-timing flags cover months) are marked on their first
 * day only; otherwise they would colour most of the calendar.
 */
export const LONG_FLAG_DAYS = 14;

export interface CalendarFlag {
  rule: RuleId;
  tier: Tier;
}

export interface CalendarDay {
  date: IsoDate;
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Between the first logged date and the evaluation date. */
  inRange: boolean;
  hasEntry: boolean;
  /** Blood seen (spotting or more), whatever its source. */
  bleeding: Exclude<Bleeding, 'none'> | null;
  /** The blood seemed to come from urine or the back passage. */
  nonVaginal: boolean;
  sex: boolean;
  /** The worse of cramps and pelvic pain. */
  pain: Exclude<Severity, 'none'> | null;
  notTracked: boolean;
  /** 1-based day within a detected period, or null. */
  periodDay: number | null;
  /** Flags marked on this day, most urgent first. */
  flags: CalendarFlag[];
  tier: Tier | null;
  /** The person's note for the day, sanitized, or null. */
  note: string | null;
}

export interface CalendarMonth {
  year: number;
  /** 1–12. */
  month: number;
  title: string;
  /** Rows Monday–Sunday; null pads the days of neighbouring months. */
  weeks: (CalendarDay | null)[][];
}

export interface DayMarkers {
  /** `H` `M` `L` flow, `s` spotting, `o` blood from elsewhere, `-` not tracked, or ''. */
  flow: string;
  /** `x` or ''. */
  sex: string;
  /** `p`, `P` (severe) or ''. */
  pain: string;
  /** The tier symbol of the most urgent flag, or ''. */
  tier: string;
}

export interface LegendEntry {
  marker: string;
  meaning: string;
}

const FLOW_MARKER: Record<Exclude<Bleeding, 'none'>, string> = {
  heavy: 'H',
  medium: 'M',
  light: 'L',
  spotting: 's',
};

export const CALENDAR_LEGEND: readonly LegendEntry[] = [
  { marker: 'H', meaning: 'heavy flow' },
  { marker: 'M', meaning: 'medium flow' },
  { marker: 'L', meaning: 'light flow' },
  { marker: 's', meaning: 'spotting' },
  { marker: 'o', meaning: 'blood from urine or back passage' },
  { marker: 'x', meaning: 'sex' },
  { marker: 'p', meaning: 'cramps or pelvic pain' },
  { marker: 'P', meaning: 'severe pain' },
  { marker: '-', meaning: 'not tracked' },
];

export const TIER_LEGEND: readonly LegendEntry[] = (
  ['urgent', 'soon', 'next-visit', 'info'] as const
).map((tier) => ({ marker: TIER_SYMBOL[tier], meaning: TIER_WORD[tier].toLowerCase() }));

const SEVERITY_RANK: Record<Severity, number> = { none: 0, mild: 1, moderate: 2, severe: 3 };

/** Whether some flag is marked on its first day only (see LONG_FLAG_DAYS). */
export function hasLongFlags(report: Report): boolean {
  return report.flags.some((f) => toDay(f.end) - toDay(f.start) + 1 > LONG_FLAG_DAYS);
}

export function getDayMarkers(day: CalendarDay): DayMarkers {
  let flow = '';
  if (day.bleeding) flow = day.nonVaginal ? 'o' : FLOW_MARKER[day.bleeding];
  else if (day.notTracked) flow = '-';
  return {
    flow,
    sex: day.sex ? 'x' : '',
    pain: day.pain === null ? '' : day.pain === 'severe' ? 'P' : 'p',
    tier: day.tier === null ? '' : TIER_SYMBOL[day.tier],
  };
}

/** One sentence per day for screen readers and tooltips, e.g. "12 March 2025: heavy flow, sex". */
export function describeDay(day: CalendarDay, month: CalendarMonth): string {
  const parts: string[] = [];
  if (day.periodDay !== null) parts.push(`period day ${day.periodDay}`);
  if (day.bleeding) {
    const amount = day.bleeding === 'spotting' ? 'spotting' : `${day.bleeding} flow`;
    parts.push(day.nonVaginal ? `${amount} from urine or back passage` : amount);
  }
  if (day.sex) parts.push('sex');
  if (day.pain) parts.push(`${day.pain} pain`);
  if (day.notTracked) parts.push('not tracked');
  for (const flag of day.flags) {
    const title = (RULE_TEXT as Partial<Record<string, { title: string }>>)[flag.rule]?.title;
    parts.push(`flagged ${TIER_WORD[flag.tier].toLowerCase()}: ${title ?? flag.rule}`);
  }
  if (day.note !== null) parts.push(`note: “${day.note}”`);
  if (parts.length === 0) parts.push(day.hasEntry ? 'nothing noted' : 'no entry');
  return `${day.day} ${month.title}: ${parts.join(', ')}`;
}

function worseSeverity(a: Severity | undefined, b: Severity | undefined): Severity {
  const x = a ?? 'none';
  const y = b ?? 'none';
  return SEVERITY_RANK[x] >= SEVERITY_RANK[y] ? x : y;
}

/** Code-point order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isInRanges(n: number, ranges: readonly { from: number; to: number }[]): boolean {
  return ranges.some((r) => n >= r.from && n <= r.to);
}

function getCalendarSpan(report: Report): { first: number; last: number } | null {
  const { first_date, last_date } = report.input;
  if (first_date === null || last_date === null) return null;
  const first = toDay(first_date);
  let last = toDay(last_date);
  if (report.as_of !== null) last = Math.max(last, toDay(report.as_of));
  return { first, last };
}

/** The flags marked on each day (a long flag on its first day only). */
function getFlagsByDay(report: Report): Map<number, CalendarFlag[]> {
  const flagsByDay = new Map<number, CalendarFlag[]>();
  for (const f of report.flags) {
    const start = toDay(f.start);
    const end = Math.max(start, toDay(f.end));
    const last = end - start + 1 > LONG_FLAG_DAYS ? start : end;
    for (let n = start; n <= last; n++) {
      const list = flagsByDay.get(n) ?? [];
      if (!list.some((x) => x.rule === f.rule && x.tier === f.tier))
        list.push({ rule: f.rule, tier: f.tier });
      flagsByDay.set(n, list);
    }
  }
  return flagsByDay;
}

/**
 * The months from the first logged date to the evaluation date, at most `months` (default 12),
 * the most recent ones kept.
 */
export function getCalendarMonths(
  report: Report,
  log: CycleLog,
  options: { months?: number } = {},
): CalendarMonth[] {
  const span = getCalendarSpan(report);
  if (span === null) return [];
  const maxMonths = Math.max(1, Math.floor(options.months ?? DEFAULT_CALENDAR_MONTHS));

  const firstCivil = civilFromDayNumber(span.first);
  const lastCivil = civilFromDayNumber(span.last);
  const lastIndex = lastCivil.year * 12 + lastCivil.month - 1;
  const firstIndex = Math.max(
    firstCivil.year * 12 + firstCivil.month - 1,
    lastIndex - maxMonths + 1,
  );

  const byDate = new Map<number, Day>(log.days.map((d) => [toDay(d.date), d]));
  const notTracked = (report.profile.not_tracked ?? log.profile.not_tracked ?? []).map((r) => ({
    from: toDay(r.from),
    to: toDay(r.to),
  }));
  const periodDay = new Map<number, number>();
  for (const p of report.periods) {
    const start = toDay(p.start);
    for (let n = start; n <= toDay(p.end); n++) periodDay.set(n, n - start + 1);
  }
  const flagsByDay = getFlagsByDay(report);

  const months: CalendarMonth[] = [];
  for (let index = firstIndex; index <= lastIndex; index++) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const first = dayNumber(year, month, 1);
    const weeks: (CalendarDay | null)[][] = [];
    let week: (CalendarDay | null)[] = Array.from({ length: weekdayOf(first) }, () => null);
    for (let d = 1; d <= daysInMonth(year, month); d++) {
      const n = first + d - 1;
      const entry = byDate.get(n);
      const bleeding = entry?.bleeding && entry.bleeding !== 'none' ? entry.bleeding : null;
      const pain = worseSeverity(entry?.cramps, entry?.pelvic_pain);
      const flags = [...(flagsByDay.get(n) ?? [])].sort(
        (a, b) => tierRank(a.tier) - tierRank(b.tier) || compareText(a.rule, b.rule),
      );
      week.push({
        date: formatIsoDate(n),
        day: d,
        weekday: weekdayOf(n),
        inRange: n >= span.first && n <= span.last,
        hasEntry: entry !== undefined,
        bleeding,
        nonVaginal: entry?.bleeding_source === 'urinary' || entry?.bleeding_source === 'rectal',
        sex: entry?.sex === true || entry?.first_sex === true || entry?.pain_during_sex === true,
        pain: pain === 'none' ? null : pain,
        notTracked: isInRanges(n, notTracked),
        periodDay: periodDay.get(n) ?? null,
        flags,
        tier: flags[0]?.tier ?? null,
        note: entry?.notes ? sanitizeInline(entry.notes).trim() || null : null,
      });
      if (week.length === 7) {
        weeks.push(week);
        week = [];
      }
    }
    if (week.length > 0) {
      while (week.length < 7) week.push(null);
      weeks.push(week);
    }
    months.push({ year, month, title: `${MONTH_NAMES[month - 1]} ${year}`, weeks });
  }
  return months;
}

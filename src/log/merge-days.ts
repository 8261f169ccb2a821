/**
 * One day per date (docs/log-format.md, "Day fields"): rows for the same date are merged so that nothing a
 * person logged is lost and every doubt leans toward telling a clinician.
 */
import type { IsoDate } from '../core/dates.ts';
import {
  BLEEDING_LEVELS,
  DISCHARGES,
  SEVERITIES,
  type BleedingSource,
  type Day,
} from '../core/log.ts';
import { orderDayKeys } from './day-values.ts';

function higher<T extends string>(
  order: readonly T[],
  a: T | undefined,
  b: T | undefined,
): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}

/** Logical OR where unset stays unset and an explicit `false` survives only against unset. */
function either(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a || b;
}

/**
 * A specific source beats `unsure`. `vaginal` beats the others, because genital bleeding is what
 * most rules look for; `urinary` against `rectal` is genuinely unclear, so it becomes `unsure`
 * (which the rules treat as vaginal).
 */
function mergeSource(
  a: BleedingSource | undefined,
  b: BleedingSource | undefined,
): BleedingSource | undefined {
  if (a === undefined || a === 'unsure') return b ?? a;
  if (b === undefined || b === 'unsure' || a === b) return a;
  if (a === 'vaginal' || b === 'vaginal') return 'vaginal';
  return 'unsure';
}

/** Texts joined with "; ", each part once. */
function joinText(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const parts = a.split('; ');
  if (a === b || parts.includes(b)) return a;
  return `${a}; ${b}`;
}

function maxNumber(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

/** Two entries for the same date as one (highest amount, worst severity, yes wins). */
export function mergeTwoDays(a: Day, b: Day): Day {
  const day: Day = {
    date: a.date,
    bleeding: higher(BLEEDING_LEVELS, a.bleeding, b.bleeding),
    period: either(a.period, b.period),
    bleeding_source: mergeSource(a.bleeding_source, b.bleeding_source),
    blood_color: joinText(a.blood_color, b.blood_color),
    sex: either(a.sex, b.sex),
    first_sex: either(a.first_sex, b.first_sex),
    pain_during_sex: either(a.pain_during_sex, b.pain_during_sex),
    cramps: higher(SEVERITIES, a.cramps, b.cramps),
    pelvic_pain: higher(SEVERITIES, a.pelvic_pain, b.pelvic_pain),
    discharge: higher(DISCHARGES, a.discharge, b.discharge),
    odor: either(a.odor, b.odor),
    painful_urination: either(a.painful_urination, b.painful_urination),
    fever: either(a.fever, b.fever),
    temperature: maxNumber(a.temperature, b.temperature),
    soaking: either(a.soaking, b.soaking),
    dizzy: either(a.dizzy, b.dizzy),
    notes: joinText(a.notes, b.notes),
  };
  return orderDayKeys(day);
}

/** Dates that occur more than once, sorted. */
export function findDuplicateDates(days: readonly Day[]): IsoDate[] {
  if (isStrictlyAscending(days)) return [];
  const seen = new Set<IsoDate>();
  const repeated = new Set<IsoDate>();
  for (const day of days) {
    if (seen.has(day.date)) repeated.add(day.date);
    seen.add(day.date);
  }
  return [...repeated].sort();
}

/** Days sorted by date with one entry per date; rows of one date merge in input order. */
export function mergeDays(days: readonly Day[]): Day[] {
  // Most logs are already one row per date in order: skip the map and the sort.
  if (isStrictlyAscending(days)) return days.map(orderDayKeys);
  const byDate = new Map<IsoDate, Day>();
  for (const day of days) {
    const existing = byDate.get(day.date);
    byDate.set(day.date, existing === undefined ? orderDayKeys(day) : mergeTwoDays(existing, day));
  }
  return [...byDate.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

function isStrictlyAscending(days: readonly Day[]): boolean {
  for (let i = 1; i < days.length; i++) if (!(days[i - 1]!.date < days[i]!.date)) return false;
  return true;
}

/** The warning text for merged duplicates, or undefined when there were none. */
export function describeMergedDates(dates: readonly IsoDate[]): string | undefined {
  if (dates.length === 0) return undefined;
  const shown = dates.slice(0, 3).join(', ') + (dates.length > 3 ? ', …' : '');
  return dates.length === 1
    ? `date ${shown} appears on more than one row; the rows were merged (highest amount, worst severity, yes wins)`
    : `${dates.length} dates appear on more than one row (${shown}); their rows were merged (highest amount, worst severity, yes wins)`;
}

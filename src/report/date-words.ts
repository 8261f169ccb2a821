/**
 * Dates as a person writes them ("8 Nov", "8–10 Nov 2026"): the documents print these in prose;
 * ISO dates stay in the JSON report and in tables a clinician may copy from.
 */
import type { IsoDate } from '../core/dates.ts';
import { MONTH_NAMES } from './calendar-data.ts';

function parts(iso: IsoDate): { year: number; month: number; day: number } {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y ?? 0, month: m ?? 1, day: d ?? 1 };
}

function monthShort(month: number): string {
  return MONTH_NAMES[month - 1]?.slice(0, 3) ?? '';
}

/** "8 Nov", or "8 Nov 2025" when the year is not `refYear` (the evaluation year). */
export function formatShortDate(iso: IsoDate, refYear: number | null): string {
  const { year, month, day } = parts(iso);
  const base = `${day} ${monthShort(month)}`;
  return refYear === year ? base : `${base} ${year}`;
}

/** "8 Nov", "8–10 Nov", "30 Nov – 2 Dec", with the year only when it is not `refYear`. */
export function formatDateSpan(start: IsoDate, end: IsoDate, refYear: number | null): string {
  if (start === end) return formatShortDate(start, refYear);
  const a = parts(start);
  const b = parts(end);
  const yearTail = refYear === b.year && a.year === b.year ? '' : ` ${b.year}`;
  if (a.year === b.year && a.month === b.month) {
    return `${a.day}–${b.day} ${monthShort(b.month)}${yearTail}`;
  }
  const left = a.year === b.year ? `${a.day} ${monthShort(a.month)}` : formatShortDate(start, null);
  return `${left} – ${b.day} ${monthShort(b.month)}${yearTail}`;
}

/** The year of an ISO date, or null. */
export function yearOf(iso: IsoDate | null): number | null {
  return iso === null ? null : parts(iso).year;
}

/** "a", "a and b", "a, b and c". */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 time", "2 times"; "1 day", "3 days". */
export function countNoun(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

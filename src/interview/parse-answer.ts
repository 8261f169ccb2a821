/** Typed answers → values. Each failure carries the reason shown before the question is asked again. */
import {
  dayNumber,
  daysInMonth,
  formatIsoDate,
  parseIsoDate,
  type IsoDate,
} from '../core/dates.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const DATE_HELP =
  "a date like 2025-03-12, or 'today', 'yesterday', '3 days ago', '2 weeks ago'";
/** The short form shown in questions; a refused answer gets DATE_HELP. */
export const DATE_HINT = "a date, or e.g. '3 days ago'";

const RELATIVE = /^(\d{1,4})\s*(days?|d|weeks?|w)\s+ago$/;
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** A calendar date typed as `YYYY-MM-DD` or relative to `today`; not checked against today. */
export function parseDateAnswer(text: string, today: IsoDate): Parsed<IsoDate> {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const todayN = parseIsoDate(today);
  if (todayN === undefined) throw new RangeError(`today is not a date: ${today}`);
  if (t === 'today') return { ok: true, value: today };
  if (t === 'yesterday') return { ok: true, value: formatIsoDate(todayN - 1) };
  const rel = RELATIVE.exec(t);
  if (rel) {
    const n = Number(rel[1]) * (rel[2]!.startsWith('w') ? 7 : 1);
    return { ok: true, value: formatIsoDate(todayN - n) };
  }
  const ymd = YMD.exec(t);
  if (ymd) {
    const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    if (m < 1 || m > 12) return { ok: false, reason: `There is no month ${m}. Type ${DATE_HELP}.` };
    if (d < 1 || d > daysInMonth(y, m)) {
      return { ok: false, reason: `${formatYm(y, m)} has no day ${d}. Type ${DATE_HELP}.` };
    }
    return { ok: true, value: formatIsoDate(dayNumber(y, m, d)) };
  }
  return { ok: false, reason: `Type ${DATE_HELP}.` };
}

function formatYm(y: number, m: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** A whole number within [min, max]; `unit` names it in the reason ("days", "weeks", "years"). */
export function parseWholeNumber(
  text: string,
  min: number,
  max: number,
  unit: string,
): Parsed<number> {
  const t = text.trim();
  if (!/^\d{1,4}$/.test(t)) {
    return { ok: false, reason: `Type a whole number of ${unit} from ${min} to ${max}.` };
  }
  const n = Number(t);
  if (n < min || n > max) {
    return { ok: false, reason: `Type a number of ${unit} from ${min} to ${max}.` };
  }
  return { ok: true, value: n };
}

/** Several dates separated by commas, semicolons or spaces between ISO dates. */
export function parseDateList(text: string, today: IsoDate): Parsed<IsoDate[]> {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const dates: IsoDate[] = [];
  for (const part of parts) {
    const parsed = parseDateAnswer(part, today);
    if (!parsed.ok) return { ok: false, reason: `"${part}": ${parsed.reason}` };
    dates.push(parsed.value);
  }
  return { ok: true, value: dates };
}

/** "today", "yesterday", "N days ago" (for echoes). */
export function describeDaysAgo(date: IsoDate, today: IsoDate): string {
  const diff = (parseIsoDate(today) ?? 0) - (parseIsoDate(date) ?? 0);
  if (diff === 0) return 'today';
  if (diff === 1) return 'yesterday';
  if (diff > 1) return `${diff} days ago`;
  if (diff === -1) return 'tomorrow';
  return `in ${-diff} days`;
}

/**
 * App exports write calendar dates in several shapes. Each is read as the local calendar date the
 * app showed, by slicing the text, never through `Date` (which would re-bucket through UTC).
 */
import { formatIsoDate, parseIsoDate, type IsoDate } from '../../core/dates.ts';
import { getDateProblem } from '../../log/day-values.ts';

/**
 * `YYYY-MM-DD`, optionally followed by a time (`2024-03-05 00:00:00.0`, `2024-03-05T10:00`), in
 * the years a canonical log accepts, so that every imported log can be saved and read back.
 */
export function parseLocalDate(text: unknown): IsoDate | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  const head = trimmed.slice(0, 10);
  const rest = trimmed.slice(10);
  if (rest !== '' && !/^[T ]/.test(rest)) return undefined;
  return getDateProblem(head) === undefined ? head : undefined;
}

/** Periodical's `yyyyMMdd`. */
export function parseCompactDate(text: unknown): IsoDate | undefined {
  const value = typeof text === 'number' ? String(text) : text;
  if (typeof value !== 'string' || !/^\d{8}$/.test(value.trim())) return undefined;
  const t = value.trim();
  return parseLocalDate(`${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const n = parseIsoDate(date);
  if (n === undefined) throw new RangeError(`not a calendar date: ${date}`);
  return formatIsoDate(n + days);
}

/**
 * App exports write calendar dates in several shapes. Each is read as the local calendar date the
 * app showed, by slicing the text, never through `Date` (which would re-bucket through UTC).
 */
import { parseIsoDate, type IsoDate } from '../../core/dates.ts';
import { getDateProblem, MAX_YEAR, MIN_YEAR } from '../../log/day-values.ts';
import { shortName } from './tally.ts';

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

export { addDays } from '../../core/dates.ts';

/**
 * Why a date from an export was refused, for the error message: missing, not in the app's
 * `form`, not a real calendar date, or outside the years a canonical log accepts.
 */
export function describeBadDate(raw: string | undefined, form = 'YYYY-MM-DD'): string {
  if (raw === undefined || raw.trim() === '') return `date missing; expected ${form}`;
  const shown = `'${shortName(raw)}'`;
  const text = raw.trim();
  let iso: string | undefined;
  if (form === 'yyyyMMdd') {
    if (/^\d{8}$/.test(text)) iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  } else if (text.length === 10 || /^[T ]/.test(text.slice(10))) {
    iso = text.slice(0, 10);
  }
  const m = iso === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m !== null) {
    const year = Number(m[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return `date ${shown} is outside the years ${MIN_YEAR}–${MAX_YEAR}`;
    }
    if (parseIsoDate(iso!) === undefined) return `date ${shown} is not a real calendar date`;
  }
  return `date ${shown} is not ${form}`;
}

/**
 * Calendar dates as integer day numbers (days since 1970-01-01), computed with pure arithmetic
 * so that no time zone, DST rule or locale can shift a date. Algorithm: H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms" (days_from_civil / civil_from_days).
 */

export type IsoDate = string;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The day number of a valid `YYYY-MM-DD`, or `undefined` when it is not a real calendar date. */
export function parseIsoDate(text: string): number | undefined {
  // Read by hand, not with a regular expression: this runs for every date of every log, and the
  // match array a regex allocates was most of its cost (batch profiles).
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) {
    return undefined;
  }
  const y = readDigits(text, 0, 4);
  const mo = readDigits(text, 5, 7);
  const d = readDigits(text, 8, 10);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayNumber(y, mo, d);
}

const DASH = 0x2d;

/** The number that ASCII digits text[from..to) spell, or -1 when one is not a digit. */
function readDigits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDayNumber(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function formatIsoDate(n: number): IsoDate {
  const { year, month, day } = civilFromDayNumber(n);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day number of a date already known to be valid (canonical logs are validated on import). */
export function toDay(date: IsoDate): number {
  const n = parseIsoDate(date);
  if (n === undefined) throw new RangeError(`not a calendar date: ${date}`);
  return n;
}

/** The date `days` days after `date` (negative = before); the one date-shift helper. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(toDay(date) + days);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

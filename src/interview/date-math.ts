import { formatIsoDate, toDay, type IsoDate } from '../core/dates.ts';

/** Calendar days from `earlier` to `later` (negative when `later` is earlier). */
export function dayDiff(later: IsoDate, earlier: IsoDate): number {
  return toDay(later) - toDay(earlier);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(toDay(date) + days);
}

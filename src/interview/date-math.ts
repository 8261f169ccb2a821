import { toDay, type IsoDate } from '../core/dates.ts';

/** Calendar days from `earlier` to `later` (negative when `later` is earlier). */
export function dayDiff(later: IsoDate, earlier: IsoDate): number {
  return toDay(later) - toDay(earlier);
}

export { addDays } from '../core/dates.ts';

/**
 * A log's own `as_of` line freezes its evaluation date: rows added after it are silently left
 * out. `analyze` says so (an explicit --as-of is the person's choice and is not warned about).
 */
import type { CycleLog } from '../core/log.ts';

export function formatHiddenDaysWarning(
  log: CycleLog,
  asOfOption: string | undefined,
): string | null {
  const asOf = log.profile.as_of;
  if (asOfOption !== undefined || asOf === undefined) return null;
  const later = log.days.filter((d) => d.date > asOf).length;
  if (later === 0) return null;
  return `${later} logged day${later === 1 ? '' : 's'} after the evaluation date ${asOf} ${later === 1 ? 'is' : 'are'} ignored; remove the as_of line or pass --as-of`;
}

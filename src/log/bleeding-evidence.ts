/**
 * Whether a log says anything about bleeding. A log from which no bleeding
 * information was read cannot be analyzed: every bleeding rule would pass by default, and the
 * report would be a false all-clear. The readers refuse such a log with these messages.
 */
import type { Day } from '../core/log.ts';
import { quoteInput } from './day-values.ts';

const MAX_NAMED = 6;

/**
 * `no column about bleeding was recognised; ignored columns: Flow, Intercourse — rename them
 * or map them with --column Flow=bleeding`. `likely` is the ignored name that is a near miss of
 * a bleeding name ("bleding"): it gets "did you mean bleeding?" and is the example mapping.
 */
export function describeMissingBleeding(
  what: 'column' | 'field',
  ignored: readonly string[],
  likely: string | undefined,
  known: readonly string[],
): string {
  const start = `no ${what} about bleeding was recognised`;
  if (ignored.length === 0) {
    const has =
      known.length === 0 ? '' : ` (the ${what}s are ${known.map(sanitizeName).join(', ')})`;
    return `${start}${has}: add a bleeding ${what} (none, spotting, light, medium, heavy), even if it is mostly blank`;
  }
  const shown = ignored
    .slice(0, MAX_NAMED)
    .map((name) =>
      name === likely ? `${sanitizeName(name)} (did you mean bleeding?)` : sanitizeName(name),
    );
  const more = ignored.length > MAX_NAMED ? ` and ${ignored.length - MAX_NAMED} more` : '';
  const example = sanitizeName(likely ?? ignored[0]!);
  const mapping = /[\s"',;=]/.test(example) ? `"${example}=bleeding"` : `${example}=bleeding`;
  return `${start}; ignored ${what}s: ${shown.join(', ')}${more} — rename them or map them with --column ${mapping}`;
}

/** A name from the file as a message shows it: one line, short, no escapes. */
function sanitizeName(name: string): string {
  return JSON.parse(quoteInput(name.trim())) as string;
}

/** Whether any day records bleeding (a level other than none). */
export function hasAnyBleeding(days: readonly Day[]): boolean {
  return days.some((day) => day.bleeding !== undefined && day.bleeding !== 'none');
}

/** Days labelled as period with no bleeding recorded on them. */
export function countPeriodWithoutBleeding(days: readonly Day[]): number {
  let n = 0;
  for (const day of days) {
    if (day.period === true && (day.bleeding === undefined || day.bleeding === 'none')) n++;
  }
  return n;
}

/** `period` says yes, but no bleeding was read anywhere: the bleeding is somewhere unread. */
export function describePeriodWithoutBleeding(what: 'column' | 'field', days: number): string {
  return `the period ${what} says yes on ${days} day${days === 1 ? '' : 's'}, but no bleeding was read on any day: fill in bleeding (spotting, light, medium, heavy), or map the ${what} that holds it with --column NAME=bleeding`;
}

/** Some days are labelled period without bleeding; they count as no bleeding. Said once. */
export function describeUnbledPeriodDays(days: number): string {
  return `period says yes on ${days} day${days === 1 ? '' : 's'} without any bleeding recorded; those days count as no bleeding`;
}

/**
 * The warning for a log that was read but records no bleeding on any day: the report cannot
 * say anything about bleeding, and must say so rather than look like an all-clear. An app
 * export gets the likely reason (periods logged in the app are missing from the export).
 */
export function describeNoBleedingRecorded(appExport: boolean): string {
  return appExport
    ? 'no bleeding was found in this export; if you logged periods or spotting in the app, the export may be incomplete and they were not checked: export again, or keep a cyclecheck CSV log'
    : 'no day in this log records any bleeding (each is "none" or blank): if there was any bleeding in this time, it is missing from the log and was not checked';
}

/**
 * What every profile parser shares: a ValueError turned into an error at its site, and the
 * checks for dates and date order.
 */
import { type IsoDate } from '../core/dates.ts';
import { parseDateText, ValueError } from './day-values.ts';
import { failAt, type SourceSite } from './source-site.ts';

export function check<T>(site: SourceSite | undefined, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // A JSON path already names the field; elsewhere the reason must.
    if (error instanceof ValueError) failAt(site, site?.path ? error.problem : error.message);
    throw error;
  }
}

/** A required profile date: the same reading as a log's `date` column. */
export const date = parseDateText;

export function assertOrder(
  field: string,
  from: IsoDate | undefined,
  to: IsoDate | undefined,
): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw new ValueError(field, `the end ${to} is before the start ${from}`);
  }
}

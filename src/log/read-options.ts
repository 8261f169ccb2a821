/**
 * How the person asked a canonical log to be read (`--column`, `--date-format`), passed from the
 * command line to the CSV and JSON readers. Plain data: batch sends it to worker threads.
 */
import type { ColumnMapping } from './column-names.ts';

export const DATE_ORDERS = ['ymd', 'dmy', 'mdy'] as const;
/** The order of day, month and year in dates that are not written `YYYY-MM-DD`. */
export type DateOrder = (typeof DATE_ORDERS)[number];

export interface ReadOptions {
  /** `--column SOURCE=FIELD`, in the order given; these win over a `# columns:` line. */
  columns?: ColumnMapping[];
  dateFormat?: DateOrder;
}

export function isDateOrder(text: string): text is DateOrder {
  return (DATE_ORDERS as readonly string[]).includes(text);
}

export function describeDateOrder(order: DateOrder): string {
  switch (order) {
    case 'ymd':
      return 'year/month/day';
    case 'dmy':
      return 'day/month/year';
    case 'mdy':
      return 'month/day/year';
  }
}

import { parseIsoDate } from '../../core/dates.ts';

/** An Apple Health timestamp reduced to what the log needs: its local calendar date. */
export interface AppleDate {
  /** Day number of the date as written (the local date in the record's own offset). */
  day: number;
  /** Whether the time is exactly 00:00:00 (an end at midnight does not touch that date). */
  midnight: boolean;
}

const APPLE_DATE = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * Parses `2024-10-03 12:00:00 +0200`. The date part is taken as written and never converted
 * through UTC: the offset only says where the person was, not which day they meant.
 */
export function parseAppleDate(text: string): AppleDate | undefined {
  const m = APPLE_DATE.exec(text.trim());
  if (!m?.[1]) return undefined;
  const day = parseIsoDate(m[1]);
  if (day === undefined) return undefined;
  const midnight = m[2] === '00' && m[3] === '00' && (m[4] === undefined || m[4] === '00');
  return { day, midnight };
}

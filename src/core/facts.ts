/**
 * Coded facts: why a rule fired, was escalated or downgraded, was not flagged, or could not be
 * evaluated. The report layer owns the sentences (src/report/fact-text.ts).
 */
import type { IsoDate } from './dates.ts';

export interface Fact {
  code: string;
  date?: IsoDate;
  dates?: IsoDate[];
  value?: string | number;
  /** A second value where a fact compares two (e.g. a start and the predicted start). */
  other?: string | number;
}

/** Facts without exact repeats, in first-seen order. */
export function uniqueFacts(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = JSON.stringify(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

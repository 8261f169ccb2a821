/**
 * Coded facts: why a rule fired, was escalated or downgraded, was not flagged, or could not be
 * evaluated. The report layer owns the sentences (src/report/fact-text.ts).
 */
import type { IsoDate } from './dates.ts';

/**
 * Every fact code the analyzer can emit. `FactCode` is this union, so a code without a sentence
 * in src/report/fact-text.ts, or a misspelt code, is a type error.
 */
export const FACT_CODES = [
  'absorbed-copper-window',
  'absorbed-hormonal-window',
  'age-50-concern',
  'age-55-fast-track',
  'age-outside-18-45',
  'age-under-18',
  'age-unknown-adult-limits',
  'apple-few-periods',
  'apple-spread',
  'ask-about-referral',
  'bleeding-began-before-sex',
  'bleeding-day',
  'blood-source',
  'copper-recurrent-spotting',
  'cramps-outside-period',
  'cycle',
  'dizzy-while-bleeding',
  'downgraded-hormonal-single-day',
  'escalated-after-year-without-bleeding',
  'escalated-age-45',
  'escalated-bleeding-after-sex',
  'escalated-heavy-and-long',
  'escalated-heavy-day',
  'escalated-heavy-repeated',
  'escalated-infection-sign',
  'escalated-medium-or-heavy',
  'escalated-non-cyclic-pain',
  'escalated-two-10-day-periods',
  'escalated-urinary-fever',
  'escalated-week-12',
  'escalated-with-heavy-period',
  'escalated-with-painful-sex',
  'fever',
  'figo-long-cycles',
  'figo-spread',
  'first-sex',
  'first-sex-bleeding-continues',
  'first-sex-fever',
  'first-sex-heavy',
  'first-sex-not-first',
  'first-sex-severe-pain',
  'has-red-flags',
  'heavy-period',
  'hormonal-iud-settling-single-day',
  'hormonal-method-since-last-period',
  'iud-in-place',
  'iud-in-place-painful-sex',
  'iud-inserted-recently',
  'iud-type-unknown',
  'labelled-period-no-prediction',
  'last-period-start',
  'long-period',
  'menopause-inferred',
  'menopause-not-inferred-no-age',
  'method-since',
  'no-days-logged',
  'no-period-logged',
  'no-period-since-log-start',
  'no-prediction',
  'no-prediction-unlabelled',
  'non-period-bleeding',
  'npe',
  'odor',
  'ovulation-window',
  'pain-after-sex',
  'pain-days-in-30',
  'pain-during-sex',
  'pain-level',
  'painful-urination',
  'part-of-recurrence',
  'pcb-event',
  'pelvic-pain',
  'pid-signs-without-fever',
  'perimenopause-lowered',
  'period',
  'period-may-be-starting',
  'period-on-time',
  'period-too-early',
  'postmenopausal',
  'postmenopausal-handled-by-pmb',
  'predicted-start',
  'pregnancy-since-last-period',
  'pregnancy-week',
  'pregnancy-week-unknown',
  'pregnant-bleeding-amount',
  'pregnant-from',
  'pregnant-handled-by-pregnancy-rules',
  'premenstrual-spotting-days',
  'red-flag',
  'reported-as-heavy-and-long',
  'red-flag-bleeding-after-sex',
  'red-flag-repeated',
  'red-flag-severe',
  'red-flag-three-days',
  'severe-cramps-in-period',
  'sex',
  'sex-linked',
  'short-cycles',
  'single-painful-sex-day',
  'single-spotting-day-is-onset',
  'soaking',
  'stopped-next-day',
  'too-early-to-tell',
  'too-few-usable-cycles',
  'tracking-gap-since-last-period',
  'unusual-discharge',
] as const;
export type FactCode = (typeof FACT_CODES)[number];

export interface Fact {
  code: FactCode;
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

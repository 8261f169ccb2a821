/**
 * Mutation tests for src/core/rules/independent.ts (analyzeMissedPeriodWithPain): rule 22
 * missed-period-bleeding-with-pain. Pins the facts of the flag — the predicted start and how
 * many days ago it was, the bleeding day that met the rule and its amount, and the pain level
 * of each day of d−1..d+1 with moderate or worse pain (mild pain and d+2 are not named) — and
 * that a postmenopausal person gets the postmenopausal rule instead.
 */
import { describe, expect, it } from 'vitest';
import { addDays, analyze, findingsOf, regularCycles } from './log-builder.ts';

/** Starts Jan 1, Jan 29, Feb 26, logged through Mar 25; the next period was due P = Mar 26. */
const base = () => regularCycles({ from: '2025-01-01', count: 3 });
const P = '2025-03-26';

describe('rule 22 missed-period-bleeding-with-pain: the facts', () => {
  it('names the predicted start (10 days before E), the bleeding day and each painful day', () => {
    const d = addDays(P, 4); // Mar 30: spotting, the period was missed
    const r = analyze(
      base()
        .on(addDays(d, -1), { pelvic_pain: 'moderate' }) // d−1: named
        .on(d, { bleeding: 'spotting', cramps: 'mild' }) // d: mild, not named
        .on(addDays(d, 1), { cramps: 'severe', pelvic_pain: 'moderate' }) // d+1: named
        .on(addDays(d, 2), { cramps: 'moderate' }) // d+2: outside d−1..d+1
        .fillTo(addDays(P, 10)),
    );
    const found = findingsOf(r, 'missed-period-bleeding-with-pain');
    expect(found.map((f) => [f.tier, f.start, f.end])).toEqual([['urgent', d, d]]);
    expect(found[0]!.facts).toStrictEqual([
      { code: 'predicted-start', date: P, value: 10 },
      { code: 'bleeding-day', date: d, value: 'spotting' },
      { code: 'pain-level', date: addDays(d, -1), value: 'pelvic pain moderate' },
      { code: 'pain-level', date: addDays(d, 1), value: 'cramps severe, pelvic pain moderate' },
    ]);
  });

  it('names the amount of the bleeding day and the pain on it (moderate cramps on d)', () => {
    const d = addDays(P, 2);
    const r = analyze(
      base()
        .on(d, { bleeding: 'light', cramps: 'moderate' })
        .on(addDays(d, 1), { bleeding: 'spotting' })
        .fillTo(addDays(P, 7)),
    );
    const found = findingsOf(r, 'missed-period-bleeding-with-pain');
    expect(found.map((f) => [f.start, f.end])).toEqual([[d, addDays(d, 1)]]);
    expect(found[0]!.facts).toStrictEqual([
      { code: 'predicted-start', date: P, value: 7 },
      { code: 'bleeding-day', date: d, value: 'light' },
      { code: 'pain-level', date: d, value: 'cramps moderate' },
    ]);
  });

  it('after menopause the same late, painful spotting is postmenopausal bleeding instead', () => {
    const r = analyze(
      base()
        .profile({ age: 58, menopause: 'post' })
        .on(addDays(P, 4), { bleeding: 'spotting', cramps: 'moderate' })
        .fillTo(addDays(P, 7)),
    );
    expect(findingsOf(r, 'missed-period-bleeding-with-pain')).toEqual([]);
    expect(r.tiers.get('postmenopausal-bleeding')).toBeDefined();
  });

  it('menopause inferred from the log (age 52, 12 months without bleeding): same, no rule 22', () => {
    // Periods until Feb 26, 2024, then none logged for over a year: postmenopausal from
    // Mar 2, 2025. The period "due" in March 2024 was missed long ago, but bleeding with pain
    // now is postmenopausal bleeding, not a missed period.
    const r = analyze(
      regularCycles({ from: '2024-01-01', count: 3 })
        .age(52)
        .profile({ menopause: undefined })
        .fillTo('2025-03-31')
        .on('2025-04-01', { bleeding: 'spotting', cramps: 'moderate' })
        .fillTo('2025-04-10'),
    );
    expect(findingsOf(r, 'missed-period-bleeding-with-pain')).toEqual([]);
    expect(r.tiers.get('postmenopausal-bleeding')).toBeDefined();
  });
});

/**
 * Rules 27–31 (cycle timing): the facts each finding carries and the reasons each rule gives when
 * it cannot be evaluated, pinned exactly, plus both sides of the windows that choose the cycles
 * (the last 365 days for FIGO, the last 182 days for Apple) and of the age bands.
 *
 * The facts are what the report turns into sentences ("cycles of 28, 28 and 36 days: a spread of
 * 8 days, more than 7 at your age"), so a fact that goes missing or carries the wrong number is a
 * wrong explanation handed to a doctor.
 */
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/facts.ts';
import {
  addDays,
  analyze,
  cycles,
  cycleStarts,
  describeFindings,
  fired,
  log,
  type LogBuilder,
  notEvaluatedOf,
  onlyFindingView,
  regularCycles,
} from './log-builder.ts';

const FROM = '2025-01-01';

/** Cycles of the given lengths from FROM at `age` (null: no age in the profile). */
function withCycles(lengths: number[], age: number | null = 30): LogBuilder {
  return cycles({ from: FROM, lengths }).profile({ age: age ?? undefined });
}

/** One `cycle` fact per completed cycle: its start and its length. */
function cycleFacts(from: string, lengths: number[]): Fact[] {
  const starts = cycleStarts(from, lengths);
  return lengths.map((value, i) => ({ code: 'cycle', date: starts[i]!, value }));
}

const AGE_UNKNOWN: Fact = { code: 'age-unknown-adult-limits' };
const PERI: Fact = { code: 'perimenopause-lowered' };

describe('after menopause no cycle-timing rule is evaluated, each says why', () => {
  it.each([
    'irregular-cycles',
    'infrequent-periods',
    'frequent-periods',
    'absent-periods',
    'late-period',
  ] as const)('%s: not evaluated, "postmenopausal"', (rule) => {
    const r = analyze(withCycles([23, 23, 39]).profile({ menopause: 'post', age: 56 }));
    expect(fired(r, rule)).toBe(false);
    expect(notEvaluatedOf(r, rule)).toEqual([{ code: 'postmenopausal' }]);
  });
});

describe('rule 27 irregular-cycles: facts', () => {
  const starts = cycleStarts(FROM, [28, 28, 36]);

  it('FIGO at 30: the spread against the 26–41 limit of 7, then every cycle; no age fact', () => {
    expect(onlyFindingView(analyze(withCycles([28, 28, 36])), 'irregular-cycles')).toEqual({
      tier: 'next-visit',
      start: FROM,
      end: starts[3],
      facts: [{ code: 'figo-spread', value: 8, other: 7 }, ...cycleFacts(FROM, [28, 28, 36])],
    });
  });

  it('FIGO without an age: the strictest limit (7) applies and the finding says the age is unknown', () => {
    expect(onlyFindingView(analyze(withCycles([28, 28, 36], null)), 'irregular-cycles')).toEqual({
      tier: 'next-visit',
      start: FROM,
      end: starts[3],
      facts: [
        { code: 'figo-spread', value: 8, other: 7 },
        ...cycleFacts(FROM, [28, 28, 36]),
        AGE_UNKNOWN,
      ],
    });
  });

  it('FIGO at 22: the 18–25 limit of 9 is the one reported', () => {
    const r = analyze(withCycles([28, 28, 38], 22));
    expect(onlyFindingView(r, 'irregular-cycles').facts[0]).toEqual({
      code: 'figo-spread',
      value: 10,
      other: 9,
    });
  });

  it('Apple: the spread of the last 182 days, then those cycles', () => {
    expect(onlyFindingView(analyze(withCycles([24, 41])), 'irregular-cycles')).toEqual({
      tier: 'soon',
      start: FROM,
      end: cycleStarts(FROM, [24, 41])[2],
      facts: [{ code: 'apple-spread', value: 17 }, ...cycleFacts(FROM, [24, 41])],
    });
  });

  it('Apple in perimenopause: info, and the finding says the tier was lowered', () => {
    const r = analyze(withCycles([24, 41]).profile({ menopause: 'peri' }));
    expect(onlyFindingView(r, 'irregular-cycles')).toMatchObject({
      tier: 'info',
      facts: [{ code: 'apple-spread', value: 17 }, ...cycleFacts(FROM, [24, 41]), PERI],
    });
  });

  it('fewer than 3 usable cycles in the year and fewer than 2 in the half-year: not evaluated', () => {
    const r = analyze(withCycles([28]));
    expect(fired(r, 'irregular-cycles')).toBe(false);
    expect(notEvaluatedOf(r, 'irregular-cycles')).toEqual([
      { code: 'too-few-usable-cycles', value: 1, other: 3 },
    ]);
  });

  it('3 even cycles in the year but only 1 in the half-year: evaluated (regular), not "too few"', () => {
    // Starts E−234, E−206, E−178 and a last period at E−150 (absent-periods fires, not this rule).
    const lastStart = cycleStarts(FROM, [28, 28, 28])[3]!;
    const r = analyze(withCycles([28, 28, 28]).fillTo(addDays(lastStart, 150)));
    expect(fired(r, 'irregular-cycles')).toBe(false);
    expect(notEvaluatedOf(r, 'irregular-cycles')).toEqual([]);
  });
});

describe('rule 27: the windows that choose the cycles', () => {
  /** Cycles of `lengths` whose first starts `daysBefore` days before E; logged through E. */
  const endingAt = (lengths: number[], daysBefore: number) => {
    const E = '2025-12-31';
    const from = addDays(E, -daysBefore);
    return cycles({ from, lengths }).fillTo(E);
  };

  it('Apple: cycles 24 and 41 whose first starts on E−181 (day 1 of the 182) → soon', () => {
    const r = analyze(endingAt([24, 41], 181));
    expect(onlyFindingView(r, 'irregular-cycles')).toMatchObject({
      tier: 'soon',
      facts: [{ code: 'apple-spread', value: 17 }, ...cycleFacts('2025-07-03', [24, 41])],
    });
  });

  it('Apple: the same cycles from E−182 (outside the 182 days) → only 1 cycle counts, nothing', () => {
    const r = analyze(endingAt([24, 41], 182));
    expect(fired(r, 'irregular-cycles')).toBe(false);
    expect(notEvaluatedOf(r, 'irregular-cycles')).toEqual([
      { code: 'too-few-usable-cycles', value: 2, other: 3 },
    ]);
  });

  it('frequent-periods: cycles 23, 23 from E−364 (inside the 365 days) → next-visit', () => {
    const r = analyze(endingAt([23, 23], 364));
    expect(onlyFindingView(r, 'frequent-periods')).toMatchObject({
      tier: 'next-visit',
      start: addDays('2025-12-31', -364),
    });
  });

  it('frequent-periods: cycles 23, 23 from E−365 (outside) → only 1 short cycle, nothing', () => {
    const r = analyze(endingAt([23, 23], 365));
    expect(fired(r, 'frequent-periods')).toBe(false);
  });
});

describe('rules 27–29 age bands: 18 and 45 are inside, 46 is outside, no age uses adult limits', () => {
  it.each([18, 45])('age %i: irregular (Apple) → soon, infrequent (FIGO) → next-visit', (age) => {
    const irregular = analyze(withCycles([24, 41], age));
    expect(onlyFindingView(irregular, 'irregular-cycles').tier).toBe('soon');
    const infrequent = analyze(withCycles([39, 39], age));
    expect(onlyFindingView(infrequent, 'infrequent-periods').tier).toBe('next-visit');
  });

  it('age 46: rules 27 and 28 not evaluated, the reason carries the age', () => {
    const r = analyze(withCycles([24, 41], 46));
    for (const rule of ['irregular-cycles', 'infrequent-periods'] as const) {
      expect(fired(r, rule), describeFindings(r)).toBe(false);
      expect(notEvaluatedOf(r, rule)).toEqual([{ code: 'age-outside-18-45', value: 46 }]);
    }
  });

  it('age 17: rule 29 not evaluated with the age; rules 30 and 31 say "under 18" with the age', () => {
    const r = analyze(withCycles([21, 22, 21], 17).fillTo('2025-06-30'));
    expect(notEvaluatedOf(r, 'frequent-periods')).toEqual([
      { code: 'age-outside-18-45', value: 17 },
    ]);
    expect(notEvaluatedOf(r, 'absent-periods')).toEqual([{ code: 'age-under-18', value: 17 }]);
    expect(notEvaluatedOf(r, 'late-period')).toEqual([{ code: 'age-under-18', value: 17 }]);
    for (const rule of ['frequent-periods', 'absent-periods', 'late-period'] as const) {
      expect(fired(r, rule)).toBe(false);
    }
  });
});

describe('rule 28 infrequent-periods: facts and windows', () => {
  it('FIGO: how many of the last 3 cycles were long, then those cycles', () => {
    expect(onlyFindingView(analyze(withCycles([39, 30, 39])), 'infrequent-periods')).toEqual({
      tier: 'next-visit',
      start: FROM,
      end: cycleStarts(FROM, [39, 30, 39])[3],
      facts: [{ code: 'figo-long-cycles', value: 2 }, ...cycleFacts(FROM, [39, 30, 39])],
    });
  });

  it('FIGO without an age, in perimenopause: info, with both facts', () => {
    const r = analyze(withCycles([39, 39], null).profile({ menopause: 'peri' }));
    expect(onlyFindingView(r, 'infrequent-periods')).toMatchObject({
      tier: 'info',
      facts: [
        { code: 'figo-long-cycles', value: 2 },
        ...cycleFacts(FROM, [39, 39]),
        AGE_UNKNOWN,
        PERI,
      ],
    });
  });

  it('only the last 3 cycles count: 39, 39, 28, 28, 28 → nothing', () => {
    const r = analyze(withCycles([39, 39, 28, 28, 28]));
    expect(fired(r, 'infrequent-periods'), describeFindings(r)).toBe(false);
  });

  it('1 usable cycle and a log shorter than 182 days: not evaluated, "too few usable cycles"', () => {
    const r = analyze(withCycles([28]));
    expect(notEvaluatedOf(r, 'infrequent-periods')).toEqual([
      { code: 'too-few-usable-cycles', value: 1, other: 2 },
    ]);
  });

  describe('Apple: 1–2 starts in [E−181, E] over a fully logged half-year', () => {
    const E = '2025-07-01';
    const from = addDays(E, -181); // 2025-01-01
    const apple = (value: number, cycleList: Fact[]) => ({
      tier: 'soon',
      start: from,
      end: E,
      facts: [{ code: 'apple-few-periods', value }, ...cycleList],
    });

    it('a start before the window does not count: 2 starts inside → soon, not FIGO', () => {
      const b = log()
        .none('2024-11-01', E)
        .period('2024-11-01')
        .period('2025-02-01')
        .period('2025-04-15');
      expect(onlyFindingView(analyze(b), 'infrequent-periods')).toEqual(
        apple(2, [
          { code: 'cycle', date: '2024-11-01', value: 92 },
          { code: 'cycle', date: '2025-02-01', value: 73 },
        ]),
      );
    });

    it('a start on E−181 counts: 2 starts', () => {
      const b = log().none(from, E).period(from).period('2025-04-15');
      expect(onlyFindingView(analyze(b), 'infrequent-periods')).toEqual(
        apple(2, [{ code: 'cycle', date: from, value: 104 }]),
      );
    });

    it('a start on E counts: 2 starts', () => {
      // One flow day labelled as a period is a period (D4); it starts on E.
      const b = log()
        .none(from, E)
        .period('2025-03-01')
        .on(E, { bleeding: 'medium', period: true });
      expect(onlyFindingView(analyze(b), 'infrequent-periods')).toEqual(
        apple(2, [{ code: 'cycle', date: '2025-03-01', value: 122 }]),
      );
    });

    it('no start in a fully logged half-year: rule 28 was evaluated (Apple needs 1–2 starts), not "too few cycles"', () => {
      // "Too few usable cycles" means the log is too short for Apple's half-year count; this
      // log is long enough.
      const r = analyze(log().none(from, E));
      expect(fired(r, 'infrequent-periods')).toBe(false);
      expect(notEvaluatedOf(r, 'infrequent-periods')).toEqual([]);
    });
  });
});

describe('rule 29 frequent-periods: facts', () => {
  it('how many of the last 3 cycles were short, then those cycles', () => {
    expect(onlyFindingView(analyze(withCycles([28, 23, 23])), 'frequent-periods')).toEqual({
      tier: 'next-visit',
      start: FROM,
      end: cycleStarts(FROM, [28, 23, 23])[3],
      facts: [{ code: 'short-cycles', value: 2 }, ...cycleFacts(FROM, [28, 23, 23])],
    });
  });

  it('without an age, in perimenopause: info, with both facts', () => {
    const r = analyze(withCycles([23, 23], null).profile({ menopause: 'peri' }));
    expect(onlyFindingView(r, 'frequent-periods')).toMatchObject({
      tier: 'info',
      facts: [{ code: 'short-cycles', value: 2 }, ...cycleFacts(FROM, [23, 23]), AGE_UNKNOWN, PERI],
    });
  });

  it('1 usable cycle: not evaluated, with the count', () => {
    expect(notEvaluatedOf(analyze(withCycles([23])), 'frequent-periods')).toEqual([
      { code: 'too-few-usable-cycles', value: 1, other: 2 },
    ]);
  });
});

describe('rule 30 absent-periods: facts', () => {
  const since = (days: number) => log().period(FROM).fillTo(addDays(FROM, days));

  it('the last start and the days since it', () => {
    expect(onlyFindingView(analyze(since(95)), 'absent-periods')).toEqual({
      tier: 'soon',
      start: FROM,
      end: addDays(FROM, 95),
      facts: [{ code: 'last-period-start', date: FROM, value: 95 }],
    });
  });

  it('without an age the rule still runs (adult limits), and says the age is unknown', () => {
    expect(
      onlyFindingView(analyze(since(95).profile({ age: undefined })), 'absent-periods'),
    ).toEqual({
      tier: 'soon',
      start: FROM,
      end: addDays(FROM, 95),
      facts: [{ code: 'last-period-start', date: FROM, value: 95 }, AGE_UNKNOWN],
    });
  });

  it('perimenopause: next-visit, and says the tier was lowered', () => {
    expect(
      onlyFindingView(analyze(since(95).profile({ menopause: 'peri' })), 'absent-periods'),
    ).toEqual({
      tier: 'next-visit',
      start: FROM,
      end: addDays(FROM, 95),
      facts: [{ code: 'last-period-start', date: FROM, value: 95 }, PERI],
    });
  });
});

describe('rule 31 late-period: facts and reasons', () => {
  /** Starts Jan 1, Jan 29, Feb 26; predicted start P = Mar 26. */
  const base = () => regularCycles({ from: FROM, count: 3 });
  const LAST = '2025-02-26';
  const P = '2025-03-26';

  it('the predicted start with the days late, then the last start with the days since', () => {
    expect(onlyFindingView(analyze(base().fillTo(addDays(P, 9))), 'late-period')).toEqual({
      tier: 'info',
      start: P,
      end: addDays(P, 9),
      facts: [
        { code: 'predicted-start', date: P, value: 9 },
        { code: 'last-period-start', date: LAST, value: 37 },
      ],
    });
  });

  it('a period that starts on E, 10 days after P, is not late: the prediction counts it', () => {
    const r = analyze(base().fillTo(addDays(P, 9)).period(addDays(P, 10), ['medium', 'medium']));
    expect(r.analysis.as_of).toBe(addDays(P, 11));
    expect(fired(r, 'late-period'), describeFindings(r)).toBe(false);
    expect(notEvaluatedOf(r, 'late-period')).toEqual([]);
  });

  it('a tracking pause since the last start: not evaluated, "tracking gap"', () => {
    const r = analyze(base().fillTo(addDays(P, 9)).notTracked('2025-03-10', '2025-03-12'));
    expect(fired(r, 'late-period')).toBe(false);
    expect(notEvaluatedOf(r, 'late-period')).toEqual([{ code: 'tracking-gap-since-last-period' }]);
  });

  it('a pregnancy since the last start: not evaluated, "pregnancy"', () => {
    const r = analyze(
      base()
        .fillTo(addDays(P, 9))
        .pregnancy({ start: LAST, week: 4, week_on: addDays(LAST, 28) }),
    );
    expect(fired(r, 'late-period')).toBe(false);
    expect(notEvaluatedOf(r, 'late-period')).toEqual([{ code: 'pregnancy-since-last-period' }]);
  });

  it('one period only: no prediction, not evaluated', () => {
    const r = analyze(log().period(FROM).fillTo(addDays(FROM, 40)));
    expect(notEvaluatedOf(r, 'late-period')).toEqual([{ code: 'no-prediction' }]);
  });

  it('no period logged: both rules 30 and 31 say so', () => {
    const r = analyze(log().none(FROM, addDays(FROM, 40)));
    expect(notEvaluatedOf(r, 'absent-periods')).toEqual([{ code: 'no-period-logged' }]);
    expect(notEvaluatedOf(r, 'late-period')).toEqual([{ code: 'no-period-logged' }]);
  });
});

/**
 * Rules 14 b, 15, 20, 23, 24 and 26 (periods.ts): the facts each finding carries, the
 * not_flagged notes that say why a period was absorbed or reported once, and both sides of the
 * windows (the last 182 days, the last 3 periods, the days around a period that count for
 * cramps, the last 30 days for non-cyclic pain).
 */
import { describe, expect, it } from 'vitest';
import type { Bleeding } from '../../src/core/log.ts';
import type { Fact } from '../../src/core/facts.ts';
import type { RuleId } from '../../src/core/rules/ids.ts';
import {
  addDays,
  analyze,
  daysBetween,
  describeFindings,
  findingsOf,
  fired,
  log,
  type LogBuilder,
  onlyFindingView,
  regularCycles,
  type Result,
} from './log-builder.ts';

/** Starts Jan 1, Jan 29, Feb 26 (5-day periods), logged through Mar 25 (E). */
const base = () => regularCycles({ from: '2025-01-01', count: 3 });
/** 5 days, 3 of them heavy. */
const HEAVY3: Bleeding[] = ['heavy', 'heavy', 'heavy', 'medium', 'light'];
/** 9 days, 3 of them heavy: heavy and prolonged. */
const HEAVY_LONG: Bleeding[] = [
  'heavy',
  'heavy',
  'heavy',
  'medium',
  'medium',
  'light',
  'light',
  'light',
  'spotting',
];

/** The `period` fact: start, duration, heavy days. */
const period = (date: string, days: number, heavy: number): Fact => ({
  code: 'period',
  date,
  value: days,
  other: heavy,
});

/** not_flagged notes of `rule`, as [date, reason code]. */
function notes(result: Result, rule: RuleId): [string, string][] {
  return result.analysis.not_flagged
    .filter((n) => n.rule === rule)
    .map((n) => [n.date, n.reason.code]);
}

describe('rule 23 prolonged-period: facts', () => {
  it('a 9-day period without heavy days: next-visit, the period fact only, no note', () => {
    const r = analyze(base().period('2025-02-26', 9));
    expect(onlyFindingView(r, 'prolonged-period')).toEqual({
      tier: 'next-visit',
      start: '2025-02-26',
      end: '2025-03-06',
      facts: [period('2025-02-26', 9, 0)],
    });
    expect(notes(r, 'prolonged-period')).toEqual([]);
  });

  it('two periods of 10 days: each soon, with how many 10-day periods there were', () => {
    const r = analyze(base().period('2025-01-29', 10).period('2025-02-26', 10));
    expect(findingsOf(r, 'prolonged-period').map((f) => [f.tier, f.facts])).toEqual([
      ['soon', [period('2025-01-29', 10, 0), { code: 'escalated-two-10-day-periods', value: 2 }]],
      ['soon', [period('2025-02-26', 10, 0), { code: 'escalated-two-10-day-periods', value: 2 }]],
    ]);
  });

  it('a heavy and long period is reported once, as heavy-period raised to soon, with a note', () => {
    const r = analyze(base().period('2025-02-26', HEAVY_LONG));
    expect(fired(r, 'prolonged-period')).toBe(false);
    expect(notes(r, 'prolonged-period')).toEqual([['2025-02-26', 'reported-as-heavy-and-long']]);
    expect(onlyFindingView(r, 'heavy-period')).toEqual({
      tier: 'soon',
      start: '2025-02-26',
      end: '2025-03-06',
      facts: [period('2025-02-26', 9, 3), { code: 'escalated-heavy-and-long', value: 9 }],
    });
  });
});

describe('rule 24 heavy-period: facts', () => {
  it('a heavy 5-day period: next-visit, the period fact only, and no prolonged-period note', () => {
    const r = analyze(base().period('2025-02-26', HEAVY3));
    expect(onlyFindingView(r, 'heavy-period')).toEqual({
      tier: 'next-visit',
      start: '2025-02-26',
      end: '2025-03-02',
      facts: [period('2025-02-26', 5, 3)],
    });
    expect(notes(r, 'prolonged-period')).toEqual([]);
  });

  it('heavy in 2 of the last 3 periods: each soon, with the count', () => {
    const r = analyze(base().period('2025-01-29', HEAVY3).period('2025-02-26', HEAVY3));
    expect(findingsOf(r, 'heavy-period').map((f) => [f.tier, f.facts])).toEqual([
      ['soon', [period('2025-01-29', 5, 3), { code: 'escalated-heavy-repeated', value: 2 }]],
      ['soon', [period('2025-02-26', 5, 3), { code: 'escalated-heavy-repeated', value: 2 }]],
    ]);
  });
});

describe('copper IUD and hormonal methods: the method and why the period was absorbed', () => {
  it('a heavy period in the copper IUD settling window: info, a heavy-period note only', () => {
    const r = analyze(
      base().contraception('copper-iud', '2025-02-01').period('2025-02-26', HEAVY3),
    );
    expect(onlyFindingView(r, 'copper-iud-bleeding-changes')).toEqual({
      tier: 'info',
      start: '2025-02-26',
      end: '2025-03-02',
      facts: [
        period('2025-02-26', 5, 3),
        { code: 'method-since', date: '2025-02-01', value: 'copper-iud', other: 25 },
        { code: 'heavy-period' },
      ],
    });
    expect(notes(r, 'heavy-period')).toEqual([['2025-02-26', 'absorbed-copper-window']]);
    expect(notes(r, 'prolonged-period')).toEqual([]);
    expect(fired(r, 'heavy-period')).toBe(false);
  });

  it('a long period in the copper IUD settling window: info, a prolonged-period note only', () => {
    const r = analyze(base().contraception('copper-iud', '2025-02-01').period('2025-02-26', 9));
    expect(onlyFindingView(r, 'copper-iud-bleeding-changes')).toMatchObject({
      tier: 'info',
      facts: [
        period('2025-02-26', 9, 0),
        { code: 'method-since', date: '2025-02-01', value: 'copper-iud', other: 25 },
        { code: 'long-period' },
      ],
    });
    expect(notes(r, 'prolonged-period')).toEqual([['2025-02-26', 'absorbed-copper-window']]);
    expect(notes(r, 'heavy-period')).toEqual([]);
    expect(fired(r, 'prolonged-period')).toBe(false);
  });

  it.each([
    ['heavy', HEAVY3, 5, 3, 'heavy-period'],
    ['long', 9, 9, 0, 'long-period'],
  ] as const)(
    'a %s period after the copper IUD settling window: soon, with the method and its age',
    (_name, pattern, days, heavy, code) => {
      const r = analyze(
        base().contraception('copper-iud', '2024-06-01').period('2025-02-26', pattern),
      );
      expect(onlyFindingView(r, 'copper-iud-bleeding-changes')).toMatchObject({
        tier: 'soon',
        facts: [
          period('2025-02-26', days, heavy),
          {
            code: 'method-since',
            date: '2024-06-01',
            value: 'copper-iud',
            other: daysBetween('2024-06-01', '2025-02-26'),
          },
          { code },
        ],
      });
    },
  );

  it('a long period while a pill settles in: breakthrough bleeding with the method and its age', () => {
    const r = analyze(base().contraception('combined-pill', '2025-02-01').period('2025-02-26', 9));
    expect(onlyFindingView(r, 'hormonal-breakthrough-bleeding')).toMatchObject({
      start: '2025-02-26',
      facts: [
        period('2025-02-26', 9, 0),
        { code: 'method-since', date: '2025-02-01', value: 'combined-pill', other: 25 },
        { code: 'long-period' },
      ],
    });
    expect(notes(r, 'prolonged-period')).toEqual([['2025-02-26', 'absorbed-hormonal-window']]);
  });
});

describe('rule 20 premenstrual-spotting', () => {
  /** Spotting on the `days` days before each start. */
  const spottingBefore = (b: LogBuilder, days: number, ...starts: string[]) => {
    for (const s of starts)
      for (let i = 1; i <= days; i++) b.on(addDays(s, -i), { bleeding: 'spotting' });
    return b;
  };

  it('2 days of spotting before 2 periods: from the first spotting day to the day before the last start', () => {
    const r = analyze(spottingBefore(base(), 2, '2025-01-29', '2025-02-26'));
    expect(onlyFindingView(r, 'premenstrual-spotting')).toEqual({
      tier: 'next-visit',
      start: '2025-01-27',
      end: '2025-02-25',
      facts: [
        { code: 'premenstrual-spotting-days', date: '2025-01-29', value: 2 },
        { code: 'premenstrual-spotting-days', date: '2025-02-26', value: 2 },
      ],
    });
  });

  it('a single spotting day before a period is its onset: a note, no flag', () => {
    const r = analyze(spottingBefore(base(), 1, '2025-01-29', '2025-02-26'));
    expect(fired(r, 'premenstrual-spotting')).toBe(false);
    expect(notes(r, 'premenstrual-spotting')).toEqual([
      ['2025-01-28', 'single-spotting-day-is-onset'],
      ['2025-02-25', 'single-spotting-day-is-onset'],
    ]);
  });

  it('only the last 3 periods count: spotting before the 1st and 2nd of 4 → nothing', () => {
    const b = regularCycles({ from: '2025-01-01', count: 4 });
    const r = analyze(spottingBefore(b, 2, '2025-01-01', '2025-01-29'));
    expect(fired(r, 'premenstrual-spotting'), describeFindings(r)).toBe(false);
  });

  describe('the 182-day window: a start on E−181 counts, one on E−182 does not', () => {
    const E = '2025-12-31';
    const twoPeriods = (firstStart: string) =>
      spottingBefore(
        log().period(firstStart).period(addDays(E, -120)).fillTo(E),
        2,
        firstStart,
        addDays(E, -120),
      );
    it('first start on E−181 → flagged', () => {
      const r = analyze(twoPeriods(addDays(E, -181)));
      expect(onlyFindingView(r, 'premenstrual-spotting').facts).toHaveLength(2);
    });
    it('first start on E−182 → only one period counts, nothing', () => {
      const r = analyze(twoPeriods(addDays(E, -182)));
      expect(fired(r, 'premenstrual-spotting'), describeFindings(r)).toBe(false);
    });
  });
});

describe('rule 26 painful-periods-red-flags', () => {
  const severeOn = (b: LogBuilder, ...dates: string[]) => {
    for (const d of dates) b.on(d, { cramps: 'severe' });
    return b;
  };

  it('the first severe day of each painful period, with the period start', () => {
    const r = analyze(severeOn(base(), '2025-01-29', '2025-02-27', '2025-02-28'));
    expect(onlyFindingView(r, 'painful-periods-red-flags')).toEqual({
      tier: 'next-visit',
      start: '2025-01-29',
      end: '2025-03-02',
      facts: [
        { code: 'severe-cramps-in-period', date: '2025-01-29', other: '2025-01-29' },
        { code: 'severe-cramps-in-period', date: '2025-02-27', other: '2025-02-26' },
      ],
    });
  });

  it('severe cramps 2 days before each start count (pre-period pain)', () => {
    const r = analyze(severeOn(base(), '2025-01-27', '2025-02-24'));
    expect(onlyFindingView(r, 'painful-periods-red-flags').facts).toEqual([
      { code: 'severe-cramps-in-period', date: '2025-01-27', other: '2025-01-29' },
      { code: 'severe-cramps-in-period', date: '2025-02-24', other: '2025-02-26' },
    ]);
  });

  it('severe cramps 3 days before each start do not', () => {
    const r = analyze(severeOn(base(), '2025-01-26', '2025-02-23'));
    expect(fired(r, 'painful-periods-red-flags'), describeFindings(r)).toBe(false);
  });

  it('severe cramps on the last day of each period count', () => {
    const r = analyze(severeOn(base(), '2025-02-02', '2025-03-02'));
    expect(onlyFindingView(r, 'painful-periods-red-flags').facts).toEqual([
      { code: 'severe-cramps-in-period', date: '2025-02-02', other: '2025-01-29' },
      { code: 'severe-cramps-in-period', date: '2025-03-02', other: '2025-02-26' },
    ]);
  });

  it('only the last 3 periods count: severe cramps in the 1st and 2nd of 4 → nothing', () => {
    const r = analyze(
      severeOn(regularCycles({ from: '2025-01-01', count: 4 }), '2025-01-01', '2025-01-29'),
    );
    expect(fired(r, 'painful-periods-red-flags'), describeFindings(r)).toBe(false);
  });

  describe('the 182-day window: a start on E−181 counts, one on E−182 does not', () => {
    const E = '2025-12-31';
    const twoPeriods = (firstStart: string) =>
      severeOn(
        log().period(firstStart).period(addDays(E, -120)).fillTo(E),
        firstStart,
        addDays(E, -120),
      );
    it('first start on E−181 → flagged', () => {
      expect(
        onlyFindingView(analyze(twoPeriods(addDays(E, -181))), 'painful-periods-red-flags').start,
      ).toBe(addDays(E, -181));
    });
    it('first start on E−182 → nothing', () => {
      const r = analyze(twoPeriods(addDays(E, -182)));
      expect(fired(r, 'painful-periods-red-flags'), describeFindings(r)).toBe(false);
    });
  });

  describe('escalations to soon, each named', () => {
    const painful = () => severeOn(base(), '2025-01-29', '2025-02-27');
    it('heavy-period fired too', () => {
      const r = analyze(painful().period('2025-02-26', HEAVY3));
      expect(onlyFindingView(r, 'painful-periods-red-flags')).toMatchObject({
        tier: 'soon',
        facts: [{}, {}, { code: 'escalated-with-heavy-period' }],
      });
    });
    it('painful-sex-recurrent fired too', () => {
      const r = analyze(
        painful()
          .on('2025-03-10', { pain_during_sex: true })
          .on('2025-03-17', { pain_during_sex: true }),
      );
      expect(onlyFindingView(r, 'painful-periods-red-flags')).toMatchObject({
        tier: 'soon',
        facts: [{}, {}, { code: 'escalated-with-painful-sex' }],
      });
    });
    it('pelvic pain on 3 non-period days up to and including E, with the count', () => {
      const r = analyze(painful().each('2025-03-23', '2025-03-25', { pelvic_pain: 'mild' }));
      expect(onlyFindingView(r, 'painful-periods-red-flags')).toMatchObject({
        tier: 'soon',
        facts: [{}, {}, { code: 'escalated-non-cyclic-pain', value: 3 }],
      });
    });
    it('pelvic pain recorded as "none" on 3 days is no pain: next-visit', () => {
      const r = analyze(painful().each('2025-03-23', '2025-03-25', { pelvic_pain: 'none' }));
      expect(onlyFindingView(r, 'painful-periods-red-flags')).toMatchObject({
        tier: 'next-visit',
        facts: [{}, {}],
      });
    });
    it('a day without an entry in the last 30 days is skipped, not an error', () => {
      const r = analyze(
        painful().noEntry('2025-03-20').each('2025-03-22', '2025-03-24', { pelvic_pain: 'mild' }),
      );
      expect(onlyFindingView(r, 'painful-periods-red-flags').tier).toBe('soon');
    });
  });
});

/**
 * Precedence step 4 of analyzeBleedingEpisodes (src/core/rules/bleeding-episodes.ts): episodes
 * that start on the day of sex or the next (D8). Rule 10 (a period after sex), then
 * classifyPcbEvent: copper IUD, first sex, hormonal IUD settling, plain postcoital bleeding with
 * its hormonal downgrade; each event's rule is what recurrent-postcoital-bleeding lists.
 * Each case pins the facts and not_flagged reasons. Written against the mutants StrykerJS found
 * surviving.
 */
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/facts.ts';
import {
  analyze,
  describeFindings,
  factsOf,
  findingsOf,
  type LogBuilder,
  quietLog,
  regularCycles,
  type Result,
  skipsOf,
} from './log-builder.ts';

const sexDay = (date: string) => ({ code: 'sex', date });
const bled = (date: string, value: string) => ({ code: 'bleeding-day', date, value });

/** Periods on Jan 1, Jan 29 and Feb 26 (28-day cycles), so the next is predicted on Mar 26. */
const predicted = () => regularCycles({ from: '2025-01-01', count: 3 });

/** The bleeding-day facts of a default 5-day period from `start` in March 2025. */
const periodFrom = (start: string) => {
  const d = Number(start.slice(8));
  const date = (k: number) => `2025-03-${String(d + k).padStart(2, '0')}`;
  return [
    bled(date(0), 'medium'),
    bled(date(1), 'medium'),
    bled(date(2), 'light'),
    bled(date(3), 'light'),
    bled(date(4), 'spotting'),
  ];
};

describe('rule 10: a period that starts the day of sex or the next', () => {
  it('3 days before the prediction: too early, so it is bleeding after sex', () => {
    const result = analyze(
      predicted().on('2025-03-22', { sex: true }).period('2025-03-23', 5).fillTo('2025-04-10'),
    );
    expect(skipsOf(result, 'period-onset-after-sex')).toEqual([
      { date: '2025-03-22', reason: { code: 'period-too-early', date: '2025-03-26', value: 3 } },
    ]);
    expect(factsOf(result, 'postcoital-bleeding'), describeFindings(result)).toEqual([
      [sexDay('2025-03-22'), ...periodFrom('2025-03-23')],
    ]);
  });

  it('2 days before the prediction: on time, an explanation and not a flag', () => {
    const result = analyze(
      predicted().on('2025-03-23', { sex: true }).period('2025-03-24', 5).fillTo('2025-04-10'),
    );
    expect(skipsOf(result, 'period-onset-after-sex')).toEqual([]);
    expect(skipsOf(result, 'postcoital-bleeding')).toEqual([
      { date: '2025-03-23', reason: { code: 'period-on-time', date: '2025-03-26', value: 2 } },
    ]);
    expect(result.tiers.has('postcoital-bleeding')).toBe(false);
  });

  it('no prediction and not labelled a period: bleeding after sex', () => {
    const result = analyze(
      quietLog('2025-03-01', '2025-03-31').on('2025-03-20', { sex: true }).period('2025-03-21', 5),
    );
    expect(skipsOf(result, 'period-onset-after-sex')).toEqual([
      { date: '2025-03-20', reason: { code: 'no-prediction-unlabelled' } },
    ]);
    expect(factsOf(result, 'postcoital-bleeding')).toEqual([
      [sexDay('2025-03-20'), ...periodFrom('2025-03-21')],
    ]);
  });

  it('no prediction but labelled a period: the label explains it', () => {
    const result = analyze(
      quietLog('2025-03-01', '2025-03-31')
        .on('2025-03-20', { sex: true })
        .period('2025-03-21', 5, { period: true }),
    );
    expect(skipsOf(result, 'period-onset-after-sex')).toEqual([]);
    expect(skipsOf(result, 'postcoital-bleeding')).toEqual([
      { date: '2025-03-20', reason: { code: 'labelled-period-no-prediction' } },
    ]);
    expect(result.tiers.has('postcoital-bleeding')).toBe(false);
  });
});

/** March–April 2025, dense, age 30. */
const spring = () => quietLog('2025-03-01', '2025-04-30');

/** Sex on each date and one spotting day the next day (stopped: "none" after it). */
function spottingAfterSex(builder: LogBuilder, ...sexDates: string[]): LogBuilder {
  for (const date of sexDates) {
    const next = `${date.slice(0, 8)}${String(Number(date.slice(8)) + 1).padStart(2, '0')}`;
    builder.on(date, { sex: true }).on(next, { bleeding: 'spotting' });
  }
  return builder;
}

/** The rule recorded for each PCB event, as recurrent-postcoital-bleeding lists them. */
function recurrentEvents(result: Result): Fact[][] {
  return factsOf(result, 'recurrent-postcoital-bleeding');
}

describe('copper IUD: copper-iud-postcoital-bleeding with the IUD facts', () => {
  it('a copper IUD inserted on a known date: its type and date; both events recur', () => {
    const result = analyze(
      spottingAfterSex(
        spring().contraception('copper-iud', '2024-06-01'),
        '2025-03-09',
        '2025-04-09',
      ),
    );
    const iud = { code: 'iud-in-place', value: 'copper-iud', date: '2024-06-01' };
    expect(factsOf(result, 'copper-iud-postcoital-bleeding'), describeFindings(result)).toEqual([
      [sexDay('2025-03-09'), bled('2025-03-10', 'spotting'), iud],
      [sexDay('2025-04-09'), bled('2025-04-10', 'spotting'), iud],
    ]);
    expect(result.tiers.has('postcoital-bleeding')).toBe(false);
    expect(recurrentEvents(result)).toEqual([
      [
        { code: 'pcb-event', date: '2025-03-09', value: 'copper-iud-postcoital-bleeding' },
        { code: 'pcb-event', date: '2025-04-09', value: 'copper-iud-postcoital-bleeding' },
      ],
    ]);
  });

  it('an IUD of unknown type and start: treated as copper, no date, the type asked for', () => {
    const result = analyze(spottingAfterSex(spring().contraception('iud'), '2025-03-09'));
    expect(factsOf(result, 'copper-iud-postcoital-bleeding')).toEqual([
      [
        sexDay('2025-03-09'),
        bled('2025-03-10', 'spotting'),
        { code: 'iud-in-place', value: 'iud' },
        { code: 'iud-type-unknown' },
      ],
    ]);
  });
});

describe('first sex: the exemption and its failure', () => {
  it('spotting after the very first sex: first-sex-bleeding, not postcoital bleeding', () => {
    const result = analyze(
      spring().on('2025-03-09', { sex: true, first_sex: true }).on('2025-03-10', {
        bleeding: 'spotting',
      }),
    );
    expect(factsOf(result, 'first-sex-bleeding')).toEqual([
      [sexDay('2025-03-09'), bled('2025-03-10', 'spotting'), { code: 'first-sex' }],
    ]);
    expect(skipsOf(result, 'postcoital-bleeding')).toEqual([
      { date: '2025-03-09', reason: { code: 'first-sex' } },
    ]);
    expect(result.tiers.has('postcoital-bleeding')).toBe(false);
  });

  it('"first sex" after an earlier sex day: postcoital bleeding that says why, and it recurs', () => {
    const builder = spottingAfterSex(spring(), '2025-03-02').on('2025-03-09', {
      sex: true,
      first_sex: true,
    });
    const result = analyze(builder.on('2025-03-10', { bleeding: 'spotting' }));
    const notFirst = { code: 'first-sex-not-first', date: '2025-03-02' };
    expect(skipsOf(result, 'first-sex-bleeding')).toEqual([
      { date: '2025-03-09', reason: notFirst },
    ]);
    expect(factsOf(result, 'postcoital-bleeding'), describeFindings(result)).toEqual([
      [sexDay('2025-03-02'), bled('2025-03-03', 'spotting')],
      [sexDay('2025-03-09'), bled('2025-03-10', 'spotting'), notFirst],
    ]);
    expect(findingsOf(result, 'postcoital-bleeding').map((f) => f.tier)).toEqual(['soon', 'soon']);
    expect(recurrentEvents(result)).toEqual([
      [
        { code: 'pcb-event', date: '2025-03-02', value: 'postcoital-bleeding' },
        { code: 'pcb-event', date: '2025-03-09', value: 'postcoital-bleeding' },
      ],
    ]);
  });
});

describe('hormonal methods: settling hormonal IUD and the single-day downgrade', () => {
  it('one spotting day in a hormonal IUD settling window: breakthrough bleeding, recurring', () => {
    const result = analyze(
      spottingAfterSex(
        spring().contraception('hormonal-iud', '2025-02-01'),
        '2025-03-09',
        '2025-03-20',
      ),
    );
    // 2025-03-10 is 37 days after the insertion on 2025-02-01; 2025-03-21 is 48.
    const since = (other: number) => ({
      code: 'method-since',
      date: '2025-02-01',
      value: 'hormonal-iud',
      other,
    });
    expect(factsOf(result, 'hormonal-breakthrough-bleeding'), describeFindings(result)).toEqual([
      [
        sexDay('2025-03-09'),
        bled('2025-03-10', 'spotting'),
        since(37),
        { code: 'stopped-next-day' },
      ],
      [
        sexDay('2025-03-20'),
        bled('2025-03-21', 'spotting'),
        since(48),
        { code: 'stopped-next-day' },
      ],
    ]);
    expect(skipsOf(result, 'postcoital-bleeding')).toEqual([
      { date: '2025-03-09', reason: { code: 'hormonal-iud-settling-single-day' } },
      { date: '2025-03-20', reason: { code: 'hormonal-iud-settling-single-day' } },
    ]);
    expect(recurrentEvents(result)).toEqual([
      [
        { code: 'pcb-event', date: '2025-03-09', value: 'hormonal-breakthrough-bleeding' },
        { code: 'pcb-event', date: '2025-03-20', value: 'hormonal-breakthrough-bleeding' },
      ],
    ]);
  });

  it('on the pill, one spotting day that stopped: next-visit, the downgrade says which method', () => {
    const result = analyze(spottingAfterSex(spring().contraception('combined-pill'), '2025-03-09'));
    const finding = findingsOf(result, 'postcoital-bleeding');
    expect(finding.map((f) => [f.tier, f.facts])).toEqual([
      [
        'next-visit',
        [
          sexDay('2025-03-09'),
          bled('2025-03-10', 'spotting'),
          { code: 'downgraded-hormonal-single-day', value: 'combined-pill' },
        ],
      ],
    ]);
  });

  it('on the pill, two spotting days: not downgraded (soon), no downgrade fact', () => {
    const result = analyze(
      spring()
        .contraception('combined-pill')
        .on('2025-03-09', { sex: true })
        .period('2025-03-10', ['spotting', 'spotting']),
    );
    expect(findingsOf(result, 'postcoital-bleeding').map((f) => [f.tier, f.facts])).toEqual([
      [
        'soon',
        [sexDay('2025-03-09'), bled('2025-03-10', 'spotting'), bled('2025-03-11', 'spotting')],
      ],
    ]);
  });
});

/**
 * Rules 23–26 (docs/rules.md): period duration, volume and pain, plus D4/D5 (what a
 * period is, where it starts, how long it lasts).
 */
import { describe, expect, it } from 'vitest';
import type { Bleeding } from '../../src/core/log.ts';
import {
  addDays,
  analyze,
  expectFlags,
  factCodes,
  findingsOf,
  onlyFinding,
  quietLog,
  regularCycles,
  ruleCases,
} from './log-builder.ts';

/** Starts Jan 1, Jan 29, Feb 26 (5-day periods), logged through Mar 25. */
const base = () => regularCycles({ from: '2025-01-01', count: 3 });
const HEAVY3: Bleeding[] = ['heavy', 'heavy', 'heavy', 'medium', 'light'];
const HEAVY2: Bleeding[] = ['heavy', 'heavy', 'medium', 'medium', 'light'];

describe('D4/D5 periods, starts and durations', () => {
  it('2 flow days make a period; its start is the first flow day; spotting before it is pre-start', () => {
    const r = analyze(
      quietLog('2025-01-01', '2025-01-31').period('2025-01-10', [
        'spotting',
        'spotting',
        'light',
        'light',
        'spotting',
      ]),
    );
    expect(r.analysis.periods).toEqual([
      {
        start: '2025-01-12',
        end: '2025-01-14',
        days: 3,
        cycle_length: null,
        pre_start_spotting: 2,
        heavy_days: 0,
      },
    ]);
  });

  it.each([
    ['one flow day without a label is not a period', [{ bleeding: 'light' }], 0],
    ['one flow day with a period label is a period', [{ bleeding: 'light', period: true }], 1],
    [
      'spotting only, even labelled, is not a period',
      [{ bleeding: 'spotting', period: true }, { bleeding: 'spotting' }],
      0,
    ],
  ] as const)('%s', (_name, days, count) => {
    const b = quietLog('2025-01-01', '2025-01-31');
    days.forEach((d, i) => b.on(addDays('2025-01-10', i), d));
    expect(analyze(b).analysis.periods).toHaveLength(count);
  });

  it.each([
    ['2 days apart (one day without bleeding) → one episode, one period', '2025-01-12', 1],
    ['2 days apart with no entry in between → one period', '2025-01-12', 1],
    ['3 days apart → two episodes, each a lone flow day → no period', '2025-01-13', 0],
  ] as const)('D3: medium on Jan 10 and %s', (name, second, periods) => {
    const b = quietLog('2025-01-01', '2025-01-31')
      .on('2025-01-10', { bleeding: 'medium' })
      .on(second, { bleeding: 'medium' });
    if (name.includes('no entry')) b.noEntry('2025-01-11');
    expect(analyze(b).analysis.periods).toHaveLength(periods);
  });
});

describe('rule 23 prolonged-period (8 vs 9 days; ≥ 10 days twice)', () => {
  ruleCases([
    {
      name: 'an 8-day period → nothing',
      log: base().period('2025-02-26', 8),
      not: ['prolonged-period'],
    },
    {
      name: 'a 9-day period → next-visit',
      log: base().period('2025-02-26', 9),
      must: { 'prolonged-period': 'next-visit' },
      check: (r) => {
        const f = onlyFinding(r, 'prolonged-period');
        expect({ start: f.start, end: f.end, cycle_day: f.cycle_day }).toEqual({
          start: '2025-02-26',
          end: '2025-03-06',
          cycle_day: 1,
        });
      },
    },
    {
      name: 'duration runs from the first flow day: 2 spotting days + 8 more days → nothing',
      log: base().period('2025-02-24', [
        'spotting',
        'spotting',
        'medium',
        'medium',
        'light',
        'light',
        'light',
        'light',
        'light',
        'spotting',
      ]),
      not: ['prolonged-period'],
    },
    {
      name: 'a one-day gap inside a 9-day span still counts as one 9-day period',
      log: base().period('2025-02-26', 9).noEntry('2025-03-02'),
      must: { 'prolonged-period': 'next-visit' },
    },
    {
      name: '↑ two periods of ≥ 10 days → soon',
      log: base().period('2025-01-29', 10).period('2025-02-26', 10),
      must: { 'prolonged-period': 'soon' },
    },
    {
      name: 'one 10-day and one 9-day period → next-visit',
      log: base().period('2025-01-29', 10).period('2025-02-26', 9),
      must: { 'prolonged-period': 'next-visit' },
    },
    {
      name: 'one 10-day period → next-visit',
      log: base().period('2025-02-26', 10),
      must: { 'prolonged-period': 'next-visit' },
    },
  ]);

  it.each([
    [181, 1],
    [182, 0],
  ])('a 9-day period starting E − %i → %i flag (last 182 days)', (back, count) => {
    const start = '2025-01-01';
    const r = analyze(quietLog(start, addDays(start, back)).period(start, 9));
    expect(findingsOf(r, 'prolonged-period')).toHaveLength(count);
  });
});

describe('rule 24 heavy-period (2 vs 3 heavy days) and its escalations', () => {
  ruleCases([
    {
      name: '2 heavy days → nothing',
      log: base().period('2025-02-26', HEAVY2),
      not: ['heavy-period'],
    },
    {
      name: '3 heavy days → next-visit (S40)',
      log: base().period('2025-02-26', HEAVY3),
      must: { 'heavy-period': 'next-visit' },
    },
    {
      name: '3 heavy days, not consecutive → next-visit',
      log: base().period('2025-02-26', ['heavy', 'medium', 'heavy', 'light', 'heavy']),
      must: { 'heavy-period': 'next-visit' },
    },
    {
      name: '↑ 2 of the last 3 periods qualify → soon',
      log: base().period('2025-01-29', HEAVY3).period('2025-02-26', HEAVY3),
      must: { 'heavy-period': 'soon' },
    },
    {
      name: '↑ a qualifying period also lasts more than 8 days → soon',
      log: base().period('2025-02-26', [
        'heavy',
        'heavy',
        'heavy',
        'medium',
        'light',
        'light',
        'light',
        'light',
        'spotting',
      ]),
      // Changed by issue 16 item 3 (one bleed, one finding): the long heavy period is reported
      // once, as heavy-period raised to soon; prolonged-period is a not_flagged entry.
      must: { 'heavy-period': 'soon' },
      not: ['prolonged-period'],
      check: (r) => expect(factCodes(r, 'heavy-period')).toContain('escalated-heavy-and-long'),
    },
    {
      name: 'a qualifying 8-day period stays next-visit',
      log: base().period('2025-02-26', [
        'heavy',
        'heavy',
        'heavy',
        'medium',
        'light',
        'light',
        'light',
        'spotting',
      ]),
      must: { 'heavy-period': 'next-visit' },
      not: ['prolonged-period'],
    },
    {
      name: '1 qualifying period of the last 3, an older one outside the last 3 → next-visit',
      log: regularCycles({ from: '2025-01-01', count: 5 })
        .period('2025-01-01', HEAVY3)
        .period('2025-04-23', HEAVY3),
      must: { 'heavy-period': 'next-visit' },
    },
    {
      name: 'not absorbed by a hormonal settling window',
      log: base().contraception('combined-pill', '2025-02-01').period('2025-02-26', HEAVY3),
      must: { 'heavy-period': 'next-visit' },
      not: ['hormonal-breakthrough-bleeding'],
    },
  ]);
});

describe('rule 24 window: periods starting in the last 182 days', () => {
  it.each([
    [181, 1],
    [182, 0],
  ])('a period with 3 heavy days starting E − %i → %i flag', (back, count) => {
    const start = '2025-01-01';
    const r = analyze(quietLog(start, addDays(start, back)).period(start, HEAVY3));
    expect(findingsOf(r, 'heavy-period')).toHaveLength(count);
  });
});

describe('rule 25 acute-heavy-bleeding (optional fields)', () => {
  ruleCases([
    {
      name: 'soaking on a period day → urgent',
      log: base().on('2025-02-27', { soaking: true }),
      must: { 'acute-heavy-bleeding': 'urgent' },
    },
    {
      name: 'dizzy on a bleeding day → urgent',
      log: base().on('2025-02-27', { dizzy: true }),
      must: { 'acute-heavy-bleeding': 'urgent' },
    },
    {
      name: 'dizzy on a day without bleeding → nothing',
      log: base().on('2025-02-15', { dizzy: true }),
      not: ['acute-heavy-bleeding'],
    },
    {
      name: 'applies in pregnancy',
      log: quietLog('2025-03-01', '2025-04-10')
        .pregnancy({ start: '2025-02-01', week: 8, week_on: '2025-03-29' })
        .on('2025-04-01', { bleeding: 'heavy', soaking: true }),
      must: { 'acute-heavy-bleeding': 'urgent', 'pregnancy-bleeding-heavy': 'urgent' },
    },
    {
      name: 'applies with any contraception',
      log: base().contraception('hormonal-iud', '2025-02-01').on('2025-02-27', { soaking: true }),
      must: { 'acute-heavy-bleeding': 'urgent' },
    },
    {
      // D1 and precedence step 1: rectal blood is not a bleeding day and goes to rule 37 only.
      name: 'dizzy with rectal blood only → non-vaginal source, not acute-heavy-bleeding',
      log: base().on('2025-02-15', { bleeding: 'light', bleeding_source: 'rectal', dizzy: true }),
      must: { 'non-vaginal-bleeding-source': 'soon' },
      not: ['acute-heavy-bleeding'],
    },
  ]);
});

describe('rule 26 painful-periods-red-flags', () => {
  const severeIn = (...starts: string[]) => {
    const b = base();
    for (const s of starts) b.on(s, { cramps: 'severe' });
    return b;
  };
  ruleCases([
    {
      name: 'severe cramps in 2 of the last 3 periods → next-visit; not severe-pelvic-pain',
      log: severeIn('2025-01-29', '2025-02-27'),
      must: { 'painful-periods-red-flags': 'next-visit' },
      not: ['severe-pelvic-pain'],
    },
    {
      name: 'severe cramps in 1 period → nothing',
      log: severeIn('2025-02-27'),
      not: ['painful-periods-red-flags', 'severe-pelvic-pain'],
    },
    {
      name: 'moderate cramps in every period → nothing',
      log: base()
        .on('2025-01-01', { cramps: 'moderate' })
        .on('2025-01-29', { cramps: 'moderate' })
        .on('2025-02-26', { cramps: 'moderate' }),
      not: ['painful-periods-red-flags'],
    },
    {
      name: '↑ heavy-period also fires → soon',
      log: severeIn('2025-01-29', '2025-02-27').period('2025-02-26', HEAVY3),
      must: { 'painful-periods-red-flags': 'soon', 'heavy-period': 'next-visit' },
    },
    {
      name: '↑ painful-sex-recurrent also fires → soon',
      log: severeIn('2025-01-29', '2025-02-27')
        .on('2025-03-10', { pain_during_sex: true })
        .on('2025-03-17', { pain_during_sex: true }),
      must: { 'painful-periods-red-flags': 'soon', 'painful-sex-recurrent': 'next-visit' },
    },
    {
      name: '↑ pelvic pain on 3 non-period days in the last 30 days → soon',
      log: severeIn('2025-01-29', '2025-02-27').each('2025-03-10', '2025-03-12', {
        pelvic_pain: 'mild',
      }),
      must: { 'painful-periods-red-flags': 'soon' },
    },
    {
      name: 'pelvic pain on 2 non-period days → next-visit',
      log: severeIn('2025-01-29', '2025-02-27').each('2025-03-10', '2025-03-11', {
        pelvic_pain: 'mild',
      }),
      must: { 'painful-periods-red-flags': 'next-visit' },
    },
    {
      name: 'pelvic pain on 3 days inside a period does not count → next-visit',
      log: severeIn('2025-01-29', '2025-02-27').each('2025-02-26', '2025-02-28', {
        pelvic_pain: 'mild',
      }),
      must: { 'painful-periods-red-flags': 'next-visit' },
    },
  ]);

  it('reports from the first painful period start', () => {
    const r = expectFlags(severeIn('2025-01-29', '2025-02-27'), {
      'painful-periods-red-flags': 'next-visit',
    });
    expect(onlyFinding(r, 'painful-periods-red-flags').start).toBe('2025-01-29');
  });
});

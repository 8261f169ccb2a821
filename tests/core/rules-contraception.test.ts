/**
 * Rules 13–15 (docs/rules.md): copper IUD after sex, hormonal breakthrough bleeding and
 * copper IUD bleeding changes, with the D12 settling windows (start day = day 0).
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  analyze,
  expectOnTimePeriodAfterSex,
  findingsOf,
  quietLog,
  regularCycles,
  ruleCases,
} from './log-builder.ts';

const base = () => regularCycles({ from: '2025-01-01', count: 3 });
const P = '2025-03-26';

/** A log with no periods from the insertion date to 200 days later. */
const T0 = '2025-01-01';
const fromInsertion = () => quietLog(T0, addDays(T0, 200));

/** Two spotting days starting `day` days after the method started (day 0 = start). */
const spottingOnDay = (day: number) =>
  fromInsertion().period(addDays(T0, day), ['spotting', 'spotting']);

describe('rule 13 copper-iud-postcoital-bleeding', () => {
  const copper = () => base().contraception('copper-iud', '2024-06-01');
  ruleCases([
    {
      name: 'spotting after sex with a copper IUD → urgent (S09)',
      log: copper().on('2025-02-10', { bleeding: 'spotting', sex: true }),
      must: { 'copper-iud-postcoital-bleeding': 'urgent' },
      not: ['postcoital-bleeding', 'ovulation-spotting', 'copper-iud-bleeding-changes'],
    },
    {
      name: 'no D10 downgrade: a single stopped spotting day is still urgent',
      log: copper().on('2025-02-10', { sex: true }).on('2025-02-11', { bleeding: 'spotting' }),
      must: { 'copper-iud-postcoital-bleeding': 'urgent' },
      not: ['postcoital-bleeding'],
    },
    {
      name: 'inside the copper settling window (9 days after insertion) still urgent (ambiguity 6)',
      log: base()
        .contraception('copper-iud', '2025-02-01')
        .on('2025-02-10', { bleeding: 'spotting', sex: true }),
      must: { 'copper-iud-postcoital-bleeding': 'urgent' },
      not: ['copper-iud-bleeding-changes', 'postcoital-bleeding'],
    },
    {
      name: '⊘ by period-onset-after-sex: on-time period (P − 1) after sex → info only',
      log: copper().period(addDays(P, -1)).on(addDays(P, -1), { sex: true }),
      // Changed by issue 16 item 3: the explanation moved from the flags to not_flagged.
      check: expectOnTimePeriodAfterSex,
      not: ['copper-iud-postcoital-bleeding', 'postcoital-bleeding'],
    },
    {
      name: 'a period at P − 3 after sex is a PCB event → urgent',
      log: copper().period(addDays(P, -3)).on(addDays(P, -3), { sex: true }),
      must: { 'copper-iud-postcoital-bleeding': 'urgent' },
      not: ['period-onset-after-sex', 'postcoital-bleeding'],
    },
    {
      name: 'IUD removed before S → ordinary postcoital-bleeding (soon)',
      log: base()
        .contraception('copper-iud', '2024-06-01', '2025-02-01')
        .on('2025-02-10', { bleeding: 'spotting', sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['copper-iud-postcoital-bleeding'],
    },
    {
      name: 'IUD inserted after S → ordinary postcoital-bleeding (soon)',
      log: base()
        .contraception('copper-iud', '2025-02-20')
        .on('2025-02-10', { bleeding: 'spotting', sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['copper-iud-postcoital-bleeding'],
    },
    {
      name: 'after menopause → postmenopausal-bleeding, not the copper rule',
      log: copper()
        .profile({ age: 58, menopause: 'post' })
        .on('2025-03-10', { bleeding: 'spotting', sex: true }),
      must: { 'postmenopausal-bleeding': 'soon' },
      not: ['copper-iud-postcoital-bleeding', 'postcoital-bleeding'],
    },
    {
      name: 'an IUD of unknown type is treated as copper (the cautious reading) → urgent',
      log: base()
        .contraception('iud', '2024-06-01')
        .on('2025-02-10', { bleeding: 'spotting', sex: true }),
      must: { 'copper-iud-postcoital-bleeding': 'urgent' },
      not: ['postcoital-bleeding'],
    },
  ]);
});

describe('rule 14 hormonal-breakthrough-bleeding', () => {
  describe('(a) non-sex-linked spotting/light NPE inside the settling window', () => {
    ruleCases([
      {
        name: 'hormonal IUD, day 182 → info',
        log: spottingOnDay(182).contraception('hormonal-iud', T0),
        must: { 'hormonal-breakthrough-bleeding': 'info' },
        not: ['intermenstrual-bleeding', 'isolated-spotting', 'recurrent-intermenstrual-spotting'],
      },
      {
        name: 'hormonal IUD, day 183 → general rules (intermenstrual, next-visit)',
        log: spottingOnDay(183).contraception('hormonal-iud', T0),
        must: { 'intermenstrual-bleeding': 'next-visit' },
        not: ['hormonal-breakthrough-bleeding'],
      },
      {
        name: 'combined pill, day 91 → info',
        log: spottingOnDay(91).contraception('combined-pill', T0),
        must: { 'hormonal-breakthrough-bleeding': 'info' },
        not: ['intermenstrual-bleeding'],
      },
      {
        name: 'combined pill, day 92 → intermenstrual (next-visit)',
        log: spottingOnDay(92).contraception('combined-pill', T0),
        must: { 'intermenstrual-bleeding': 'next-visit' },
        not: ['hormonal-breakthrough-bleeding'],
      },
      {
        name: 'implant, day 91 → info',
        log: spottingOnDay(91).contraception('implant', T0),
        must: { 'hormonal-breakthrough-bleeding': 'info' },
      },
      {
        name: 'injection, day 92 → intermenstrual (next-visit)',
        log: spottingOnDay(92).contraception('injection', T0),
        must: { 'intermenstrual-bleeding': 'next-visit' },
        not: ['hormonal-breakthrough-bleeding'],
      },
      {
        name: 'day 0 (the start day) is inside the window → info',
        log: spottingOnDay(0).contraception('ring', T0),
        must: { 'hormonal-breakthrough-bleeding': 'info' },
      },
      {
        name: 'light days are covered → info',
        log: fromInsertion()
          .contraception('patch', T0)
          .period(addDays(T0, 30), ['light', 'spotting', 'spotting']),
        must: { 'hormonal-breakthrough-bleeding': 'info' },
        not: ['intermenstrual-bleeding'],
      },
      {
        name: 'not covered: an NPE with a medium day → intermenstrual (soon)',
        log: fromInsertion()
          .contraception('implant', T0)
          .on(addDays(T0, 30), { bleeding: 'medium' }),
        must: { 'intermenstrual-bleeding': 'soon' },
        not: ['hormonal-breakthrough-bleeding'],
      },
      {
        name: 'not covered: spotting before the method started → general rules',
        log: fromInsertion()
          .contraception('implant', addDays(T0, 40))
          .period(addDays(T0, 30), ['spotting', 'spotting']),
        must: { 'intermenstrual-bleeding': 'next-visit' },
        not: ['hormonal-breakthrough-bleeding'],
      },
      {
        name: 'two NPEs absorbed by the window do not make a recurrence',
        log: fromInsertion()
          .contraception('implant', T0)
          .on(addDays(T0, 20), { bleeding: 'spotting' })
          .on(addDays(T0, 60), { bleeding: 'spotting' }),
        must: { 'hormonal-breakthrough-bleeding': 'info' },
        not: ['recurrent-intermenstrual-spotting', 'isolated-spotting'],
      },
    ]);
  });

  describe('(b) a period longer than 8 days inside the window', () => {
    const withPeriod = (day: number, days: number) =>
      fromInsertion().contraception('progestogen-pill', T0).period(addDays(T0, day), days);
    ruleCases([
      {
        name: '9-day period on day 30 → info, no prolonged-period',
        log: withPeriod(30, 9),
        must: { 'hormonal-breakthrough-bleeding': 'info' },
        not: ['prolonged-period'],
        check: (r) =>
          expect(r.analysis.not_flagged).toContainEqual({
            rule: 'prolonged-period',
            date: addDays(T0, 30),
            reason: expect.objectContaining({ code: 'absorbed-hormonal-window' }),
          }),
      },
      {
        name: '8-day period on day 30 → neither',
        log: withPeriod(30, 8),
        not: ['hormonal-breakthrough-bleeding', 'prolonged-period'],
      },
      {
        name: '9-day period on day 100 (after the window) → prolonged-period (next-visit)',
        log: withPeriod(100, 9),
        must: { 'prolonged-period': 'next-visit' },
        not: ['hormonal-breakthrough-bleeding'],
      },
      {
        name: 'heavy periods are never absorbed: 3 heavy days on day 30 → heavy-period',
        log: fromInsertion()
          .contraception('progestogen-pill', T0)
          .period(addDays(T0, 30), ['heavy', 'heavy', 'heavy', 'medium', 'light']),
        must: { 'heavy-period': 'next-visit' },
        not: ['hormonal-breakthrough-bleeding'],
      },
    ]);
  });

  describe('(c) hormonal IUD only: a sex-linked episode that meets D10', () => {
    const hiud = (start: string) =>
      quietLog('2025-01-01', '2025-03-31').contraception('hormonal-iud', start);
    ruleCases([
      {
        name: 'one spotting day after sex, none the next day, IUD day 40 → info (S11)',
        log: hiud('2025-01-01').on('2025-02-10', { bleeding: 'spotting', sex: true }),
        must: { 'hormonal-breakthrough-bleeding': 'info' },
        not: ['postcoital-bleeding', 'copper-iud-postcoital-bleeding'],
      },
      {
        name: 'two spotting days → postcoital-bleeding (soon, S12)',
        log: hiud('2025-01-01')
          .period('2025-02-10', ['spotting', 'spotting'])
          .on('2025-02-10', { sex: true }),
        must: { 'postcoital-bleeding': 'soon' },
        not: ['hormonal-breakthrough-bleeding'],
      },
      {
        name: 'no entry the next day → postcoital-bleeding (soon, S15)',
        log: hiud('2025-01-01')
          .on('2025-02-10', { bleeding: 'spotting', sex: true })
          .noEntry('2025-02-11'),
        must: { 'postcoital-bleeding': 'soon' },
        not: ['hormonal-breakthrough-bleeding'],
      },
      {
        name: 'rectal blood the next day is not "stopped" (D10) → postcoital-bleeding (soon)',
        log: hiud('2025-01-01')
          .on('2025-02-10', { bleeding: 'spotting', sex: true })
          .on('2025-02-11', { bleeding: 'spotting', bleeding_source: 'rectal' }),
        must: { 'postcoital-bleeding': 'soon' },
        not: ['hormonal-breakthrough-bleeding'],
      },
      {
        name: 'a red flag (moderate cramps on the day) → postcoital-bleeding (soon)',
        log: hiud('2025-01-01').on('2025-02-10', {
          bleeding: 'spotting',
          sex: true,
          cramps: 'moderate',
        }),
        must: { 'postcoital-bleeding': 'soon' },
        not: ['hormonal-breakthrough-bleeding'],
      },
      {
        name: 'implant in its window: (c) is hormonal-IUD only → postcoital ↓ next-visit',
        log: quietLog('2025-01-01', '2025-03-31')
          .contraception('implant', '2025-01-01')
          .on('2025-02-10', { bleeding: 'spotting', sex: true }),
        must: { 'postcoital-bleeding': 'next-visit' },
        not: ['hormonal-breakthrough-bleeding'],
      },
      {
        name: 'hormonal IUD after its window (day 405) → postcoital ↓ next-visit',
        log: hiud('2024-01-01').on('2025-02-10', { bleeding: 'spotting', sex: true }),
        must: { 'postcoital-bleeding': 'next-visit' },
        not: ['hormonal-breakthrough-bleeding'],
      },
    ]);
  });
});

describe('rule 15 copper-iud-bleeding-changes', () => {
  describe('up to 91 days after insertion → info; general rules not reported', () => {
    ruleCases([
      {
        name: 'one mid-cycle spotting day, IUD day 21 → info, no ovulation/isolated spotting',
        log: base()
          .contraception('copper-iud', '2025-01-20')
          .on('2025-02-10', { bleeding: 'spotting' }),
        must: { 'copper-iud-bleeding-changes': 'info' },
        not: [
          'ovulation-spotting',
          'isolated-spotting',
          'intermenstrual-bleeding',
          'recurrent-intermenstrual-spotting',
        ],
      },
      {
        name: 'spotting on day 91 → info',
        log: spottingOnDay(91).contraception('copper-iud', T0),
        must: { 'copper-iud-bleeding-changes': 'info' },
        not: ['intermenstrual-bleeding'],
      },
      {
        name: 'spotting on day 92 → general rules; a single NPE is no copper flag',
        log: spottingOnDay(92).contraception('copper-iud', T0),
        must: { 'intermenstrual-bleeding': 'next-visit' },
        not: ['copper-iud-bleeding-changes'],
      },
      {
        name: 'a medium NPE in the window is not absorbed → intermenstrual (soon)',
        log: fromInsertion()
          .contraception('copper-iud', T0)
          .on(addDays(T0, 30), { bleeding: 'medium' }),
        must: { 'intermenstrual-bleeding': 'soon' },
        not: ['copper-iud-bleeding-changes'],
      },
      {
        name: 'a 9-day period in the window → info, no prolonged-period',
        log: base().contraception('copper-iud', '2025-02-01').period('2025-02-26', 9),
        must: { 'copper-iud-bleeding-changes': 'info' },
        not: ['prolonged-period'],
      },
      {
        name: 'a period with 3 heavy days in the window → info, no heavy-period',
        log: base()
          .contraception('copper-iud', '2025-02-01')
          .period('2025-02-26', ['heavy', 'heavy', 'heavy', 'light', 'light']),
        must: { 'copper-iud-bleeding-changes': 'info' },
        not: ['heavy-period'],
      },
      {
        name: 'look-alike: a normal period in the window → nothing',
        log: base().contraception('copper-iud', '2025-02-01'),
        not: ['copper-iud-bleeding-changes'],
      },
    ]);
  });

  describe('after 91 days → soon, alongside the general rules', () => {
    const copper = () => base().contraception('copper-iud', '2024-06-01');
    ruleCases([
      {
        name: '(a) NPEs in two cycles (D16) → soon, with recurrent-intermenstrual-spotting',
        log: copper()
          .on('2025-01-18', { bleeding: 'spotting' })
          .on('2025-02-17', { bleeding: 'spotting' }),
        must: {
          'copper-iud-bleeding-changes': 'soon',
          'recurrent-intermenstrual-spotting': 'soon',
        },
      },
      {
        name: '(a) one NPE → no copper flag, general rule only',
        log: copper().on('2025-02-17', { bleeding: 'spotting' }),
        must: { 'isolated-spotting': 'info' },
        not: ['copper-iud-bleeding-changes'],
      },
      {
        name: '(b) a 9-day period → soon, with prolonged-period (next-visit)',
        log: copper().period('2025-02-26', 9),
        must: { 'copper-iud-bleeding-changes': 'soon', 'prolonged-period': 'next-visit' },
      },
      {
        name: '(b) an 8-day period → no copper flag',
        log: copper().period('2025-02-26', 8),
        not: ['copper-iud-bleeding-changes', 'prolonged-period'],
      },
      {
        name: '(c) 3 heavy days → soon, with heavy-period (next-visit)',
        log: copper().period('2025-02-26', ['heavy', 'heavy', 'heavy', 'light', 'light']),
        must: { 'copper-iud-bleeding-changes': 'soon', 'heavy-period': 'next-visit' },
      },
      {
        name: '(c) 2 heavy days → no copper flag',
        log: copper().period('2025-02-26', ['heavy', 'heavy', 'medium', 'light', 'light']),
        not: ['copper-iud-bleeding-changes', 'heavy-period'],
      },
    ]);

    it('(b) only periods starting within the last 182 days count', () => {
      const start = '2024-09-01';
      const build = (end: string) =>
        quietLog(start, end).contraception('copper-iud', '2024-01-01').period(start, 9);
      const inside = analyze(build(addDays(start, 181)));
      const outside = analyze(build(addDays(start, 182)));
      expect(findingsOf(inside, 'copper-iud-bleeding-changes').map((f) => f.tier)).toEqual([
        'soon',
      ]);
      expect(findingsOf(outside, 'copper-iud-bleeding-changes')).toEqual([]);
    });
  });
});

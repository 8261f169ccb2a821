/**
 * Rules 16–22 (docs/rules.md): bleeding between periods, with D13 (ovulation window),
 * D16 (recurrence) and the order of precedence step 5.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  analyze,
  expectFlags,
  onlyFinding,
  quietLog,
  regularCycles,
  ruleCases,
} from './log-builder.ts';

/**
 * Starts Jan 1, Jan 29, Feb 26, logged through Mar 25; P = Mar 26. The ovulation window of an NPE
 * in the cycle Jan 29 → Feb 26 is Feb 8 (P−18 of that next start) .. Feb 14 (P−12).
 */
const base = () => regularCycles({ from: '2025-01-01', count: 3 });
const P = '2025-03-26';
const spot = { bleeding: 'spotting' } as const;

const BETWEEN = [
  'ovulation-spotting',
  'isolated-spotting',
  'intermenstrual-bleeding',
  'recurrent-intermenstrual-spotting',
  'possible-implantation-bleeding',
] as const;
const others = (...keep: (typeof BETWEEN)[number][]) => BETWEEN.filter((r) => !keep.includes(r));

describe('rule 16 ovulation-spotting and the D13 window edges', () => {
  ruleCases([
    {
      name: 'spotting at next start − 18 (Feb 8) → info',
      log: base().on('2025-02-08', spot),
      must: { 'ovulation-spotting': 'info' },
      not: others('ovulation-spotting'),
      check: (r) => {
        const f = onlyFinding(r, 'ovulation-spotting');
        expect({ start: f.start, end: f.end, cycle_day: f.cycle_day }).toEqual({
          start: '2025-02-08',
          end: '2025-02-08',
          cycle_day: 11,
        });
      },
    },
    {
      name: 'spotting at next start − 19 (Feb 7) → isolated-spotting',
      log: base().on('2025-02-07', spot),
      must: { 'isolated-spotting': 'info' },
      not: others('isolated-spotting'),
    },
    {
      name: 'spotting at next start − 12 (Feb 14) → info',
      log: base().on('2025-02-14', spot),
      must: { 'ovulation-spotting': 'info' },
      not: others('ovulation-spotting'),
    },
    {
      name: 'spotting at next start − 11 (Feb 15) → isolated-spotting',
      log: base().on('2025-02-15', spot),
      must: { 'isolated-spotting': 'info' },
      not: others('isolated-spotting'),
    },
    {
      name: 'one light day inside the window → info',
      log: base().on('2025-02-10', { bleeding: 'light' }),
      must: { 'ovulation-spotting': 'info' },
      not: others('ovulation-spotting'),
    },
    {
      name: 'two spotting days inside → info',
      log: base().period('2025-02-10', ['spotting', 'spotting']),
      must: { 'ovulation-spotting': 'info' },
      not: others('ovulation-spotting'),
    },
    {
      name: 'three spotting days inside → intermenstrual (next-visit)',
      log: base().period('2025-02-10', ['spotting', 'spotting', 'spotting']),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      not: others('intermenstrual-bleeding'),
    },
    {
      name: 'two days not wholly inside (Feb 14–15) → intermenstrual (next-visit)',
      log: base().period('2025-02-14', ['spotting', 'spotting']),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      not: others('intermenstrual-bleeding'),
    },
    {
      name: 'a red flag the day after (moderate cramps) → intermenstrual (next-visit)',
      log: base().on('2025-02-10', spot).on('2025-02-11', { cramps: 'moderate' }),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      not: others('intermenstrual-bleeding'),
    },
    {
      name: 'a red flag two days after does not count → info',
      log: base().on('2025-02-10', spot).on('2025-02-12', { cramps: 'moderate' }),
      must: { 'ovulation-spotting': 'info' },
      not: others('ovulation-spotting'),
    },
    {
      name: 'a medium day inside the window → intermenstrual (soon)',
      log: base().on('2025-02-10', { bleeding: 'medium' }),
      must: { 'intermenstrual-bleeding': 'soon' },
      not: others('intermenstrual-bleeding'),
    },
    {
      name: 'not applied on hormonal methods → isolated-spotting',
      log: base().contraception('combined-pill', '2023-01-01').on('2025-02-10', spot),
      must: { 'isolated-spotting': 'info' },
      not: others('isolated-spotting'),
    },
  ]);

  describe('no next start yet: 18..12 days before P(first day) = Mar 8..Mar 14', () => {
    ruleCases([
      {
        name: 'Mar 8 (P−18) → info',
        log: base().on('2025-03-08', spot),
        must: { 'ovulation-spotting': 'info' },
      },
      {
        name: 'Mar 7 (P−19) → isolated',
        log: base().on('2025-03-07', spot),
        must: { 'isolated-spotting': 'info' },
        not: ['ovulation-spotting'],
      },
      {
        name: 'Mar 14 (P−12) → info',
        log: base().on('2025-03-14', spot),
        must: { 'ovulation-spotting': 'info' },
      },
      {
        name: 'Mar 15 (P−11) → isolated',
        log: base().on('2025-03-15', spot),
        must: { 'isolated-spotting': 'info' },
        not: ['ovulation-spotting'],
      },
    ]);
  });

  describe('no prediction either: cycle days 10–16 of the current cycle', () => {
    const one = () => regularCycles({ from: '2025-01-01', count: 1 });
    ruleCases([
      {
        name: 'cycle day 9 → isolated',
        log: one().on('2025-01-09', spot),
        must: { 'isolated-spotting': 'info' },
        not: ['ovulation-spotting'],
      },
      {
        name: 'cycle day 10 → info',
        log: one().on('2025-01-10', spot),
        must: { 'ovulation-spotting': 'info' },
      },
      {
        name: 'cycle day 16 → info',
        log: one().on('2025-01-16', spot),
        must: { 'ovulation-spotting': 'info' },
      },
      {
        name: 'cycle day 17 → isolated',
        log: one().on('2025-01-17', spot),
        must: { 'isolated-spotting': 'info' },
        not: ['ovulation-spotting'],
      },
    ]);
  });
});

describe('rule 17 isolated-spotting', () => {
  ruleCases([
    {
      name: 'one spotting day outside the window → info',
      log: base().on('2025-02-18', spot),
      must: { 'isolated-spotting': 'info' },
      not: others('isolated-spotting'),
    },
    {
      name: 'one light day outside the window → intermenstrual (next-visit)',
      log: base().on('2025-02-18', { bleeding: 'light' }),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      not: others('intermenstrual-bleeding'),
    },
    {
      name: 'fever the day before (red flag) → intermenstrual (next-visit)',
      log: base().on('2025-02-17', { fever: true }).on('2025-02-18', spot),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      not: others('intermenstrual-bleeding'),
    },
    {
      name: 'no periods logged at all (no window) → info',
      log: quietLog('2025-01-01', '2025-03-31').on('2025-02-18', spot),
      must: { 'isolated-spotting': 'info' },
      not: others('isolated-spotting'),
    },
  ]);
});

describe('rule 18 intermenstrual-bleeding', () => {
  ruleCases([
    {
      name: 'two spotting days outside the window → next-visit',
      log: base().period('2025-02-17', ['spotting', 'spotting']),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      not: others('intermenstrual-bleeding'),
      check: (r) => {
        const f = onlyFinding(r, 'intermenstrual-bleeding');
        expect({ start: f.start, end: f.end, cycle_day: f.cycle_day }).toEqual({
          start: '2025-02-17',
          end: '2025-02-18',
          cycle_day: 20,
        });
      },
    },
    {
      name: '↑ a medium day → soon',
      log: base().on('2025-02-17', { bleeding: 'medium' }),
      must: { 'intermenstrual-bleeding': 'soon' },
    },
    {
      name: '↑ a heavy day → soon',
      log: base().on('2025-02-17', { bleeding: 'heavy' }),
      must: { 'intermenstrual-bleeding': 'soon' },
    },
    {
      name: 'a one-day gap does not split the episode (D3): spotting, none, spotting → one NPE',
      log: base().on('2025-02-17', spot).on('2025-02-19', spot),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      not: others('intermenstrual-bleeding'),
      check: (r) =>
        expect(r.findings.filter((f) => f.rule === 'intermenstrual-bleeding')).toHaveLength(1),
    },
  ]);

  it.each([
    ['1980-02-18', 44, 'next-visit'],
    ['1980-02-17', 45, 'soon'],
  ] as const)('born %s: age %i on the first bleeding day → %s', (birth, _age, tier) => {
    expectFlags(
      base()
        .profile({ age: undefined, birth_date: birth })
        .period('2025-02-17', ['spotting', 'spotting']),
      { 'intermenstrual-bleeding': tier },
    );
  });
});

describe('rule 19 recurrent-intermenstrual-spotting and D16', () => {
  const noPeriods = () => quietLog('2025-01-01', '2025-08-31');
  const E = '2025-08-31';
  ruleCases([
    {
      name: 'NPEs in two different cycles → soon, superseding rules 16–18',
      log: base().period('2025-02-17', ['spotting', 'spotting']).on('2025-03-15', spot),
      must: { 'recurrent-intermenstrual-spotting': 'soon' },
      not: ['intermenstrual-bleeding', 'isolated-spotting', 'ovulation-spotting'],
      check: (r) => {
        const f = onlyFinding(r, 'recurrent-intermenstrual-spotting');
        expect([f.start, f.end]).toEqual(['2025-02-17', '2025-03-15']);
      },
    },
    {
      name: 'ovulation spotting in two cycles → recurrent (soon), not ovulation-spotting (S29)',
      log: base().on('2025-01-13', spot).on('2025-02-10', spot),
      must: { 'recurrent-intermenstrual-spotting': 'soon' },
      not: ['ovulation-spotting'],
    },
    {
      name: 'different cycles only 11 days apart → soon',
      log: base().on('2025-02-22', spot).on('2025-03-05', spot),
      must: { 'recurrent-intermenstrual-spotting': 'soon' },
      not: ['isolated-spotting'],
    },
    {
      name: 'no periods: first days 21 days apart → soon',
      log: noPeriods().on('2025-04-01', spot).on('2025-04-22', spot),
      must: { 'recurrent-intermenstrual-spotting': 'soon' },
      not: ['isolated-spotting'],
    },
    {
      name: 'no periods: 20 days apart, same cycle index → neither clause → two isolated days',
      log: noPeriods().on('2025-04-01', spot).on('2025-04-21', spot),
      must: { 'isolated-spotting': 'info' },
      not: ['recurrent-intermenstrual-spotting'],
      check: (r) =>
        expect(r.findings.filter((f) => f.rule === 'isolated-spotting')).toHaveLength(2),
    },
    {
      name: 'the earlier NPE at E−181 is inside the last 182 days → soon',
      log: noPeriods().on(addDays(E, -181), spot).on(addDays(E, -150), spot),
      must: { 'recurrent-intermenstrual-spotting': 'soon' },
    },
    {
      name: 'the earlier NPE at E−182 is outside → no recurrence',
      log: noPeriods().on(addDays(E, -182), spot).on(addDays(E, -150), spot),
      not: ['recurrent-intermenstrual-spotting'],
    },
    {
      name: 'excluded: NPEs absorbed by the copper settling window',
      log: base()
        .contraception('copper-iud', '2025-01-10')
        .on('2025-01-20', spot)
        .on('2025-02-17', spot),
      must: { 'copper-iud-bleeding-changes': 'info' },
      not: ['recurrent-intermenstrual-spotting', 'isolated-spotting'],
    },
    {
      name: 'excluded: an NPE absorbed by possible-implantation-bleeding',
      log: base().on('2025-02-17', spot).on(addDays(P, -5), spot).fillTo(addDays(P, 7)),
      must: { 'possible-implantation-bleeding': 'info', 'isolated-spotting': 'info' },
      not: ['recurrent-intermenstrual-spotting'],
    },
    {
      name: 'excluded: NPEs after menopause (postmenopausal-bleeding instead)',
      log: noPeriods()
        .profile({ age: 58, menopause: 'post' })
        .on('2025-04-01', spot)
        .on('2025-05-01', spot),
      must: { 'postmenopausal-bleeding': 'soon' },
      not: ['recurrent-intermenstrual-spotting', 'isolated-spotting'],
    },
    {
      name: 'excluded: NPEs in pregnancy (pregnancy rules instead)',
      log: noPeriods()
        .pregnancy({ start: '2025-03-01', week: 4, week_on: '2025-03-29' })
        .on('2025-04-01', spot)
        .on('2025-05-01', spot),
      must: { 'pregnancy-bleeding-early-light': 'soon' },
      not: ['recurrent-intermenstrual-spotting', 'isolated-spotting'],
    },
    {
      name: 'sex-linked bleeds are not counted (they are PCB events)',
      log: base()
        .on('2025-02-17', { ...spot, sex: true })
        .on('2025-03-15', spot),
      must: { 'postcoital-bleeding': 'soon', 'isolated-spotting': 'info' },
      not: ['recurrent-intermenstrual-spotting'],
    },
  ]);
});

describe('rule 20 premenstrual-spotting', () => {
  ruleCases([
    {
      name: '2 spotting days before every period → next-visit',
      log: regularCycles({
        from: '2025-01-01',
        count: 3,
        pattern: ['spotting', 'spotting', 'medium', 'medium', 'light', 'light'],
      }),
      must: { 'premenstrual-spotting': 'next-visit' },
      not: ['isolated-spotting', 'intermenstrual-bleeding', 'recurrent-intermenstrual-spotting'],
    },
    {
      name: '2 of the last 3 periods with 2 spotting days → next-visit',
      log: base().each('2025-01-27', '2025-01-28', spot).each('2025-02-24', '2025-02-25', spot),
      must: { 'premenstrual-spotting': 'next-visit' },
    },
    {
      name: 'only 1 of the last 3 with 2 spotting days → nothing',
      log: base().each('2025-01-27', '2025-01-28', spot).on('2025-02-25', spot),
      not: ['premenstrual-spotting'],
    },
    {
      name: 'one spotting day before each period is a normal onset → nothing (S34)',
      log: regularCycles({
        from: '2025-01-01',
        count: 3,
        pattern: ['spotting', 'medium', 'medium', 'light', 'light'],
      }),
      not: ['premenstrual-spotting', 'isolated-spotting', 'intermenstrual-bleeding'],
    },
    {
      name: 'a period starting on a hormonal method is not counted',
      log: base()
        .contraception('progestogen-pill', '2025-02-20')
        .each('2025-01-27', '2025-01-28', spot)
        .each('2025-02-24', '2025-02-25', spot),
      not: ['premenstrual-spotting'],
    },
  ]);
});

describe('rule 21 possible-implantation-bleeding (P − 8 .. P − 2, E ≥ P + 7)', () => {
  const at = (offset: number, pattern: ('spotting' | 'light' | 'medium')[] = ['spotting']) =>
    base().period(addDays(P, offset), pattern).fillTo(addDays(P, 7));
  ruleCases([
    {
      name: 'spotting at P − 8, E = P + 7 → info',
      log: at(-8),
      must: { 'possible-implantation-bleeding': 'info' },
      not: others('possible-implantation-bleeding'),
    },
    {
      name: 'spotting at P − 2 → info',
      log: at(-2),
      must: { 'possible-implantation-bleeding': 'info' },
      not: others('possible-implantation-bleeding'),
    },
    {
      name: 'spotting at P − 9 → not implantation (isolated spotting)',
      log: at(-9),
      must: { 'isolated-spotting': 'info' },
      not: ['possible-implantation-bleeding'],
    },
    {
      name: 'spotting at P − 1 → not implantation',
      log: at(-1),
      not: ['possible-implantation-bleeding'],
    },
    {
      name: 'E = P + 6 → too early to tell',
      log: base().on(addDays(P, -5), spot).fillTo(addDays(P, 6)),
      not: ['possible-implantation-bleeding'],
      check: (r) =>
        expect(r.analysis.not_flagged.map((n) => n.rule)).toContain(
          'possible-implantation-bleeding',
        ),
    },
    {
      name: '3 days of spotting/light → info',
      log: at(-6, ['spotting', 'light', 'spotting']),
      must: { 'possible-implantation-bleeding': 'info' },
    },
    {
      name: '4 days → not implantation',
      log: at(-6, ['spotting', 'light', 'spotting', 'spotting']),
      not: ['possible-implantation-bleeding'],
    },
    {
      name: 'a medium day → not implantation',
      log: at(-5, ['medium']),
      not: ['possible-implantation-bleeding'],
    },
    {
      name: 'a period started after it, before E → not implantation',
      log: base().on(addDays(P, -6), spot).period(addDays(P, 1)).fillTo(addDays(P, 7)),
      not: ['possible-implantation-bleeding'],
    },
    {
      name: 'moderate pain the day after → missed-period-bleeding-with-pain (urgent) instead',
      log: at(-5).on(addDays(P, -4), { cramps: 'moderate' }),
      must: { 'missed-period-bleeding-with-pain': 'urgent' },
      not: ['possible-implantation-bleeding'],
    },
    {
      name: 'mild pain does not prevent it → info',
      log: at(-5).on(addDays(P, -5), { cramps: 'mild' }),
      must: { 'possible-implantation-bleeding': 'info' },
      not: ['missed-period-bleeding-with-pain'],
    },
    {
      name: 'a hormonal method → not implantation',
      log: at(-5).contraception('progestogen-pill', '2025-03-10'),
      not: ['possible-implantation-bleeding'],
    },
    {
      name: 'sex-linked → postcoital-bleeding, not implantation',
      log: at(-5).on(addDays(P, -5), { sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['possible-implantation-bleeding'],
    },
    {
      name: 'no prediction (only one completed cycle) → not implantation',
      log: regularCycles({ from: '2025-01-01', count: 2 })
        .on('2025-02-20', spot)
        .fillTo('2025-03-10'),
      not: ['possible-implantation-bleeding'],
    },
  ]);
});

describe('rule 22 missed-period-bleeding-with-pain', () => {
  const late = (
    day: number,
    pain: { cramps?: 'mild' | 'moderate' | 'severe'; pelvic_pain?: 'moderate' },
    painDay = day,
  ) => base().on(addDays(P, day), spot).on(addDays(P, painDay), pain).fillTo(addDays(P, 7));
  ruleCases([
    {
      name: 'spotting at P + 4 with moderate cramps, E = P + 7 → urgent',
      log: late(4, { cramps: 'moderate' }),
      must: { 'missed-period-bleeding-with-pain': 'urgent' },
      check: (r) =>
        expect(onlyFinding(r, 'missed-period-bleeding-with-pain').start).toBe('2025-03-30'),
    },
    {
      name: 'E = P + 6 → not yet',
      log: base()
        .on(addDays(P, 4), { ...spot, cramps: 'moderate' })
        .fillTo(addDays(P, 6)),
      not: ['missed-period-bleeding-with-pain'],
    },
    {
      name: 'bleeding day at P − 8 with moderate pelvic pain → urgent',
      log: late(-8, { pelvic_pain: 'moderate' }),
      must: { 'missed-period-bleeding-with-pain': 'urgent' },
    },
    {
      name: 'bleeding day at P − 9 → not this rule (intermenstrual with a red flag)',
      log: late(-9, { pelvic_pain: 'moderate' }),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      not: ['missed-period-bleeding-with-pain'],
    },
    {
      name: 'moderate cramps on d+1 → urgent',
      log: late(4, { cramps: 'moderate' }, 5),
      must: { 'missed-period-bleeding-with-pain': 'urgent' },
    },
    {
      name: 'moderate cramps on d+2 → not this rule',
      log: late(3, { cramps: 'moderate' }, 5),
      not: ['missed-period-bleeding-with-pain'],
    },
    {
      name: 'mild cramps → not this rule',
      log: late(4, { cramps: 'mild' }),
      not: ['missed-period-bleeding-with-pain'],
    },
    {
      name: 'the period came after the painful spotting (start at P + 2, E = P + 9) → not missed',
      log: base()
        .on(addDays(P, -5), { ...spot, cramps: 'moderate' })
        .period(addDays(P, 2))
        .fillTo(addDays(P, 9)),
      not: ['missed-period-bleeding-with-pain'],
    },
    {
      name: 'on a hormonal method → not this rule',
      log: late(4, { cramps: 'moderate' }).contraception('progestogen-pill', '2025-03-05'),
      not: ['missed-period-bleeding-with-pain'],
    },
    {
      name: 'recorded pregnant → pregnancy-bleeding-with-pain instead',
      log: late(4, { cramps: 'moderate' }).pregnancy({
        start: '2025-03-03',
        week: 4,
        week_on: '2025-03-31',
      }),
      must: { 'pregnancy-bleeding-with-pain': 'urgent' },
      not: ['missed-period-bleeding-with-pain'],
    },
  ]);

  it('ambiguity 17: day 1 of a late, painful bleed (in progress at E) → urgent, in progress', () => {
    const r = expectFlags(
      base().fillTo(addDays(P, 7)).on(addDays(P, 8), { bleeding: 'medium', cramps: 'moderate' }),
      { 'missed-period-bleeding-with-pain': 'urgent' },
    );
    expect(onlyFinding(r, 'missed-period-bleeding-with-pain').in_progress).toBe(true);
  });

  describe('still in progress (D3: one day without bleeding does not end an episode)', () => {
    const bleed = addDays(P, 8);
    const bledOn = () =>
      base().fillTo(addDays(P, 7)).on(bleed, { bleeding: 'medium', cramps: 'moderate' });
    it.each([
      ['bled on E − 1, E logged none', () => bledOn().fillTo(addDays(bleed, 1)), true],
      [
        'bled on E − 1, no entry on E',
        () => bledOn().noEntry(addDays(bleed, 1)).asOf(addDays(bleed, 1)),
        true,
      ],
      ['bled on E − 2, E − 1 and E logged none', () => bledOn().fillTo(addDays(bleed, 2)), false],
    ] as const)('%s', (_what, make, expected) => {
      const r = analyze(make());
      expect(onlyFinding(r, 'missed-period-bleeding-with-pain').in_progress).toBe(expected);
    });
  });

  it('runs in every state, e.g. beside a copper IUD (no hormonal method)', () => {
    const r = analyze(late(4, { cramps: 'moderate' }).contraception('copper-iud', '2024-01-01'));
    expect(r.tiers.get('missed-period-bleeding-with-pain')).toBe('urgent');
  });
});

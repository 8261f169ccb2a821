/**
 * Rules 7–12 (docs/rules.md): bleeding and pain after sex, with D8 (sex link), D9 (PCB
 * event), D10 (single-day qualifier) and the precedence of step 4.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  analyze,
  cycles,
  expectFlags,
  factCodes,
  onlyFinding,
  quietLog,
  regularCycles,
  ruleCases,
  expectOnTimePeriodAfterSex,
} from './log-builder.ts';

/**
 * Three 28-day cycles from 2025-01-01 (starts Jan 1, Jan 29, Feb 26), logged through Mar 25:
 * P = 2025-03-26. The cycle Jan 29 → Feb 26 has its ovulation window on Feb 8..Feb 14.
 */
const base = () => regularCycles({ from: '2025-01-01', count: 3 });
const P = '2025-03-26';

/** A long-term combined pill (no settling window), no periods logged. */
const onPill = () =>
  quietLog('2025-01-01', '2025-03-31').contraception('combined-pill', '2023-01-01');

const NPE_RULES = [
  'ovulation-spotting',
  'isolated-spotting',
  'intermenstrual-bleeding',
  'recurrent-intermenstrual-spotting',
] as const;

describe('rule 7 postcoital-bleeding and D8 (sex link)', () => {
  ruleCases([
    {
      name: 'spotting on the sex day mid-cycle → soon, never ovulation spotting (S01)',
      log: base().on('2025-02-10', { bleeding: 'spotting', sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      not: [
        ...NPE_RULES,
        'period-onset-after-sex',
        'first-sex-bleeding',
        'recurrent-postcoital-bleeding',
      ],
    },
    {
      name: 'D8: bleeding starting on S+1 is sex-linked → soon',
      log: base().on('2025-02-10', { sex: true }).on('2025-02-11', { bleeding: 'spotting' }),
      must: { 'postcoital-bleeding': 'soon' },
      not: [...NPE_RULES],
    },
    {
      name: 'D8: bleeding starting on S+2 is not sex-linked → between-period rules',
      log: base().on('2025-02-10', { sex: true }).on('2025-02-12', { bleeding: 'spotting' }),
      must: { 'ovulation-spotting': 'info' },
      not: ['postcoital-bleeding', 'isolated-spotting', 'intermenstrual-bleeding'],
    },
    {
      name: '⊘ sex during a period (bleeding began before S) → nothing (S05)',
      log: base().on('2025-01-30', { sex: true }).on('2025-01-31', { sex: true }),
      not: ['postcoital-bleeding', 'recurrent-postcoital-bleeding', 'period-onset-after-sex'],
      check: (r) =>
        expect(r.analysis.not_flagged).toContainEqual({
          rule: 'postcoital-bleeding',
          date: '2025-01-30',
          reason: expect.objectContaining({ code: 'bleeding-began-before-sex' }),
        }),
    },
    {
      name: '⊘ sex on day 2 of an ongoing spotting episode → no postcoital flag',
      log: base()
        .on('2025-02-16', { bleeding: 'spotting' })
        .on('2025-02-17', { bleeding: 'spotting', sex: true }),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      not: ['postcoital-bleeding'],
    },
    {
      name: 'ambiguity 2: spotting on a sex day one dry day after the period ends merges into it',
      log: base().on('2025-02-04', { bleeding: 'spotting', sex: true }),
      not: ['postcoital-bleeding', 'isolated-spotting', 'intermenstrual-bleeding'],
      check: (r) =>
        expect(r.analysis.periods[1]).toMatchObject({ start: '2025-01-29', end: '2025-02-04' }),
    },
    {
      name: 'look-alike: sex with no bleeding → nothing',
      log: base().on('2025-02-10', { sex: true }),
      not: ['postcoital-bleeding', 'postcoital-cramping', 'postcoital-cramping-red-flags'],
    },
    {
      name: 'pain_during_sex implies sex that day → bleeding is sex-linked',
      log: base().on('2025-02-10', { pain_during_sex: true, bleeding: 'spotting' }),
      must: { 'postcoital-bleeding': 'soon' },
      not: [...NPE_RULES],
    },
  ]);

  it('D8: with sex on S and S+1, the episode links to the latest sex day', () => {
    const r = analyze(
      base().on('2025-02-10', { sex: true }).on('2025-02-11', { sex: true, bleeding: 'spotting' }),
    );
    const f = onlyFinding(r, 'postcoital-bleeding');
    expect({ start: f.start, cycle_day: f.cycle_day }).toEqual({
      start: '2025-02-11',
      cycle_day: 14,
    });
  });

  it('reports the sex day as the start and the episode end, with its cycle day', () => {
    const r = analyze(
      base().on('2025-02-10', { sex: true }).period('2025-02-11', ['spotting', 'light']),
    );
    const f = onlyFinding(r, 'postcoital-bleeding');
    expect({ start: f.start, end: f.end, cycle_day: f.cycle_day, tier: f.tier }).toEqual({
      start: '2025-02-10',
      end: '2025-02-12',
      cycle_day: 13,
      tier: 'soon',
    });
  });
});

describe('rule 7 ↓ next-visit: hormonal method on S and D10 holds', () => {
  ruleCases([
    {
      name: 'pill, one light day, explicit none the next day → next-visit (S13)',
      log: onPill().on('2025-02-10', { bleeding: 'light', sex: true }),
      must: { 'postcoital-bleeding': 'next-visit' },
      not: ['hormonal-breakthrough-bleeding'],
    },
    {
      name: 'pill, one spotting day the day after sex → next-visit',
      log: onPill().on('2025-02-10', { sex: true }).on('2025-02-11', { bleeding: 'spotting' }),
      must: { 'postcoital-bleeding': 'next-visit' },
    },
    {
      name: 'D10 fails: no entry the next day (sparse logger, S15) → soon',
      log: onPill().on('2025-02-10', { bleeding: 'light', sex: true }).noEntry('2025-02-11'),
      must: { 'postcoital-bleeding': 'soon' },
    },
    {
      name: 'D10 fails: urinary blood the next day is not `bleeding = none` → soon',
      log: onPill()
        .on('2025-02-10', { bleeding: 'light', sex: true })
        .on('2025-02-11', { bleeding: 'light', bleeding_source: 'urinary' }),
      must: { 'postcoital-bleeding': 'soon', 'non-vaginal-bleeding-source': 'soon' },
    },
    {
      name: 'D10 fails: two bleeding days → soon',
      log: onPill().period('2025-02-10', ['spotting', 'spotting']).on('2025-02-10', { sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
    },
    {
      name: 'D10 fails: one medium day → soon',
      log: onPill().on('2025-02-10', { bleeding: 'medium', sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
    },
    {
      name: 'D10 fails: moderate cramps the day before (red flag) → soon',
      log: onPill()
        .on('2025-02-09', { cramps: 'moderate' })
        .on('2025-02-10', { bleeding: 'spotting', sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
    },
    {
      name: 'D10 fails: unusual discharge the day after (red flag) → soon',
      log: onPill()
        .on('2025-02-10', { bleeding: 'spotting', sex: true })
        .on('2025-02-11', { discharge: 'unusual' }),
      must: { 'postcoital-bleeding': 'soon' },
    },
    {
      name: 'normal discharge is not a red flag → still next-visit',
      log: onPill()
        .on('2025-02-10', { bleeding: 'spotting', sex: true })
        .on('2025-02-11', { discharge: 'normal' }),
      must: { 'postcoital-bleeding': 'next-visit' },
    },
    {
      name: 'no hormonal method: a single stopped spotting day stays soon',
      log: base().on('2025-02-10', { bleeding: 'spotting', sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
    },
    {
      name: 'condom is not hormonal → soon',
      log: onPill()
        .profile({ contraception: [{ method: 'condom', start: '2024-01-01' }] })
        .on('2025-02-10', { bleeding: 'spotting', sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
    },
    {
      name: 'pill stopped before S → soon',
      log: quietLog('2025-01-01', '2025-03-31')
        .contraception('combined-pill', '2023-01-01', '2025-02-01')
        .on('2025-02-10', { bleeding: 'spotting', sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
    },
  ]);
});

describe('rule 8 recurrent-postcoital-bleeding', () => {
  const long = () => quietLog('2025-01-01', '2025-07-31');
  const E = '2025-07-31';
  ruleCases([
    {
      name: 'two PCB events in different episodes → soon',
      log: base()
        .on('2025-02-10', { bleeding: 'spotting', sex: true })
        .on('2025-03-10', { bleeding: 'spotting', sex: true }),
      must: { 'recurrent-postcoital-bleeding': 'soon', 'postcoital-bleeding': 'soon' },
    },
    {
      name: 'one PCB event → no',
      log: base().on('2025-02-10', { bleeding: 'spotting', sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['recurrent-postcoital-bleeding'],
    },
    {
      name: 'counts downgraded events too (any tier)',
      log: onPill()
        .on('2025-02-10', { bleeding: 'spotting', sex: true })
        .on('2025-03-10', { bleeding: 'spotting', sex: true }),
      must: { 'recurrent-postcoital-bleeding': 'soon', 'postcoital-bleeding': 'next-visit' },
    },
    {
      name: 'first sex day at E−181 is inside the last 182 days → soon',
      log: long()
        .on(addDays(E, -181), { bleeding: 'spotting', sex: true })
        .on('2025-06-01', { bleeding: 'spotting', sex: true }),
      must: { 'recurrent-postcoital-bleeding': 'soon' },
    },
    {
      name: 'first sex day at E−182 is outside → no',
      log: long()
        .on(addDays(E, -182), { bleeding: 'spotting', sex: true })
        .on('2025-06-01', { bleeding: 'spotting', sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['recurrent-postcoital-bleeding'],
    },
    {
      name: 'an event excused as first-ever sex is not counted',
      log: base()
        .age(19)
        .on('2025-02-10', { bleeding: 'spotting', sex: true, first_sex: true })
        .on('2025-03-10', { bleeding: 'spotting', sex: true }),
      must: { 'first-sex-bleeding': 'info', 'postcoital-bleeding': 'soon' },
      not: ['recurrent-postcoital-bleeding'],
    },
    {
      name: 'an accepted period onset after sex is not counted',
      log: base()
        .on('2025-02-10', { bleeding: 'spotting', sex: true })
        .period('2025-03-25')
        .on('2025-03-25', { sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      // Changed by issue 16 item 3: the on-time period is a not_flagged entry, not a flag.
      check: expectOnTimePeriodAfterSex,
      not: ['recurrent-postcoital-bleeding'],
    },
    {
      name: 'counts copper-IUD events (copper inserted between the two events)',
      log: base()
        .contraception('copper-iud', '2025-03-01')
        .on('2025-02-10', { bleeding: 'spotting', sex: true })
        .on('2025-03-10', { bleeding: 'spotting', sex: true }),
      must: {
        'recurrent-postcoital-bleeding': 'soon',
        'postcoital-bleeding': 'soon',
        'copper-iud-postcoital-bleeding': 'urgent',
      },
    },
    {
      name: 'counts hormonal-IUD breakthrough events (c)',
      log: quietLog('2025-01-01', '2025-03-31')
        .contraception('hormonal-iud', '2025-01-15')
        .on('2025-02-10', { bleeding: 'spotting', sex: true })
        .on('2025-03-10', { bleeding: 'spotting', sex: true }),
      must: { 'recurrent-postcoital-bleeding': 'soon', 'hormonal-breakthrough-bleeding': 'info' },
      not: ['postcoital-bleeding'],
    },
    {
      name: 'an event in pregnancy is not counted',
      log: quietLog('2025-01-01', '2025-04-10')
        .pregnancy({ start: '2025-02-20', week: 4, week_on: '2025-03-20' })
        .on('2025-02-10', { bleeding: 'spotting', sex: true })
        .on('2025-03-25', { bleeding: 'spotting', sex: true }),
      must: { 'postcoital-bleeding': 'soon', 'pregnancy-bleeding-early-light': 'soon' },
      not: ['recurrent-postcoital-bleeding'],
    },
  ]);

  it('starts at the first event', () => {
    const r = analyze(
      base()
        .on('2025-02-10', { bleeding: 'spotting', sex: true })
        .on('2025-03-10', { bleeding: 'spotting', sex: true }),
    );
    expect(onlyFinding(r, 'recurrent-postcoital-bleeding').start).toBe('2025-02-10');
  });

  it.each([
    [34, '2025-03-10', false],
    [35, '2025-03-10', true],
    [35, '2025-03-09', false],
  ] as const)(
    'age %i, events 2025-02-10 and %s → referral note %s (age ≥ 35 and span ≥ 28 days)',
    (age, second, noted) => {
      const r = expectFlags(
        base()
          .age(age)
          .on('2025-02-10', { bleeding: 'spotting', sex: true })
          .on(second, { bleeding: 'spotting', sex: true }),
        { 'recurrent-postcoital-bleeding': 'soon' },
      );
      expect(factCodes(r, 'recurrent-postcoital-bleeding').includes('ask-about-referral')).toBe(
        noted,
      );
    },
  );
});

describe('rule 9 first-sex-bleeding', () => {
  const S = '2025-02-10';
  const first = () => base().age(19).on(S, { sex: true, first_sex: true });
  ruleCases([
    {
      name: 'spotting on S..S+2, none on S+3 → info (S06)',
      log: first().period(S, ['spotting', 'light', 'spotting']),
      must: { 'first-sex-bleeding': 'info' },
      not: ['postcoital-bleeding', 'recurrent-postcoital-bleeding', ...NPE_RULES],
    },
    {
      name: 'bleeding still there on S+3 → postcoital-bleeding (soon)',
      log: first().period(S, ['spotting', 'light', 'spotting', 'spotting']),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['first-sex-bleeding'],
    },
    {
      name: 'a medium day → still info',
      log: first().period(S, ['spotting', 'medium']),
      must: { 'first-sex-bleeding': 'info' },
      not: ['postcoital-bleeding'],
    },
    {
      name: 'a heavy day → postcoital-bleeding (soon)',
      log: first().period(S, ['spotting', 'heavy']),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['first-sex-bleeding'],
    },
    {
      name: 'moderate cramps on S+2 do not fail it',
      log: first().period(S, ['spotting']).on(addDays(S, 2), { cramps: 'moderate' }),
      must: { 'first-sex-bleeding': 'info' },
      not: ['postcoital-bleeding'],
    },
    {
      name: 'severe cramps on S+2 → postcoital-bleeding (soon)',
      log: first().period(S, ['spotting']).on(addDays(S, 2), { cramps: 'severe' }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['first-sex-bleeding'],
    },
    {
      name: 'severe pelvic pain on S+1 → postcoital-bleeding (soon)',
      log: first().period(S, ['spotting']).on(addDays(S, 1), { pelvic_pain: 'severe' }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['first-sex-bleeding'],
    },
    {
      name: 'fever on S+2 → postcoital-bleeding (soon)',
      log: first().period(S, ['spotting']).on(addDays(S, 2), { fever: true }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['first-sex-bleeding'],
    },
    {
      name: 'fever on S+3 is outside S..S+2 → info',
      log: first().period(S, ['spotting']).on(addDays(S, 3), { fever: true }),
      must: { 'first-sex-bleeding': 'info' },
      not: ['postcoital-bleeding'],
    },
    {
      name: 'with a copper IUD the copper rule takes it (S81)',
      log: first().contraception('copper-iud', '2024-06-01').period(S, ['spotting']),
      must: { 'copper-iud-postcoital-bleeding': 'urgent' },
      not: ['first-sex-bleeding', 'postcoital-bleeding'],
    },
    {
      name: 'only the very first time: bleeding after the next sex → postcoital (soon)',
      log: first().period(S, ['spotting']).on('2025-03-10', { sex: true, bleeding: 'spotting' }),
      must: { 'first-sex-bleeding': 'info', 'postcoital-bleeding': 'soon' },
      not: ['recurrent-postcoital-bleeding'],
    },
    {
      // Rule 9 asks for "at least one bleeding day in S..S+2" and ambiguity 3 gives the first-sex
      // rule the window S..S+3, so bleeding first seen on S+2 after first-ever sex is covered.
      name: 'bleeding first seen on S+2 (none on S+3) → first-sex-bleeding (info)',
      log: first().on(addDays(S, 2), { bleeding: 'spotting' }),
      must: { 'first-sex-bleeding': 'info' },
      not: ['postcoital-bleeding'],
    },
    {
      name: 'bleeding first seen on S+3 → not first-sex bleeding; between-period rules',
      log: first().on(addDays(S, 3), { bleeding: 'spotting' }),
      must: { 'ovulation-spotting': 'info' },
      not: ['first-sex-bleeding', 'postcoital-bleeding'],
    },
  ]);
});

describe('rule 10 period-onset-after-sex (P − 2 vs P − 3)', () => {
  ruleCases([
    {
      name: 'period starting on the sex day at P − 2 → info, no postcoital flag (S02)',
      log: base().period(addDays(P, -2)).on(addDays(P, -2), { sex: true }),
      // Changed by issue 16 item 3: the explanation moved from the flags to not_flagged.
      not: ['postcoital-bleeding', 'recurrent-postcoital-bleeding'],
      check: (r) => {
        expectOnTimePeriodAfterSex(r);
        expect(r.analysis.not_flagged).toContainEqual({
          rule: 'postcoital-bleeding',
          date: '2025-03-24',
          reason: { code: 'period-on-time', date: P, value: 2 },
        });
      },
    },
    {
      name: 'period starting on the sex day at P − 3 → postcoital-bleeding (soon)',
      log: base().period(addDays(P, -3)).on(addDays(P, -3), { sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['period-onset-after-sex'],
    },
    {
      name: 'starting on S+1 at P − 2 → info',
      log: base().on(addDays(P, -3), { sex: true }).period(addDays(P, -2)),
      // Changed by issue 16 item 3: the explanation moved from the flags to not_flagged.
      check: expectOnTimePeriodAfterSex,
      not: ['postcoital-bleeding'],
    },
    {
      name: 'starting on S+1 at P − 3 → soon',
      log: base().on(addDays(P, -4), { sex: true }).period(addDays(P, -3)),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['period-onset-after-sex'],
    },
    {
      name: 'first bleeding day is S but the start (first flow day) is P − 2 → info',
      log: base()
        .on(addDays(P, -4), { sex: true })
        .period(addDays(P, -4), ['spotting', 'spotting', 'medium', 'medium', 'light']),
      // Changed by issue 16 item 3: the explanation moved from the flags to not_flagged.
      check: expectOnTimePeriodAfterSex,
      not: ['postcoital-bleeding', 'premenstrual-spotting'],
    },
    {
      name: 'a late period after sex (P + 3) → info',
      log: base().period(addDays(P, 3)).on(addDays(P, 3), { sex: true }),
      // Changed by issue 16 item 3: the explanation moved from the flags to not_flagged.
      check: expectOnTimePeriodAfterSex,
      not: ['postcoital-bleeding'],
    },
    {
      name: 'no prediction and no label → postcoital-bleeding (soon, S71)',
      log: regularCycles({ from: '2025-01-01', count: 1 })
        .period('2025-01-27')
        .on('2025-01-27', { sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['period-onset-after-sex'],
    },
    {
      name: 'no prediction, labelled as a period → info (S72)',
      log: regularCycles({ from: '2025-01-01', count: 1 })
        .period('2025-01-27', 5, { period: true })
        .on('2025-01-27', { sex: true }),
      // Changed by issue 16 item 3: the explanation moved from the flags to not_flagged.
      check: expectOnTimePeriodAfterSex,
      not: ['postcoital-bleeding'],
    },
    {
      name: 'no prediction, label on a later day of the episode → info',
      log: regularCycles({ from: '2025-01-01', count: 1 })
        .period('2025-01-27')
        .on('2025-01-29', { period: true })
        .on('2025-01-27', { sex: true }),
      // Changed by issue 16 item 3: the explanation moved from the flags to not_flagged.
      check: expectOnTimePeriodAfterSex,
      not: ['postcoital-bleeding'],
    },
    {
      name: 'a prediction exists: a label does not excuse a start at P − 3',
      log: base().period(addDays(P, -3), 5, { period: true }).on(addDays(P, -3), { sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['period-onset-after-sex'],
    },
    {
      name: 'on a hormonal method there is no prediction: labelled → info (S54)',
      log: onPill().period('2025-02-10', 4, { period: true }).on('2025-02-09', { sex: true }),
      // Changed by issue 16 item 3: the explanation moved from the flags to not_flagged.
      check: expectOnTimePeriodAfterSex,
      not: ['postcoital-bleeding'],
    },
    {
      name: 'on a hormonal method, unlabelled withdrawal-like bleed after sex → soon',
      log: onPill().period('2025-02-10', 4).on('2025-02-09', { sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['period-onset-after-sex'],
    },
  ]);

  describe('D7 predicted start', () => {
    ruleCases([
      {
        // Cycles 28 and 29: the median 28.5 rounds half up to 29, so P = Feb 27 + 29 = Mar 28.
        name: 'median rounds half up: a start at Mar 26 (P − 2) is accepted',
        log: cycles({ from: '2025-01-01', lengths: [28, 29] })
          .period('2025-03-26')
          .on('2025-03-26', { sex: true }),
        // Changed by issue 16 item 3: the explanation moved from the flags to not_flagged.
        check: expectOnTimePeriodAfterSex,
        not: ['postcoital-bleeding'],
      },
      {
        name: 'median rounds half up: a start at Mar 25 (P − 3) is not',
        log: cycles({ from: '2025-01-01', lengths: [28, 29] })
          .period('2025-03-25')
          .on('2025-03-25', { sex: true }),
        must: { 'postcoital-bleeding': 'soon' },
        not: ['period-onset-after-sex'],
      },
      {
        // 7 cycles of 20 then 6 of 30: only the 6 most recent (all 30) count, so P = last + 30.
        name: 'only the 6 most recent cycles count: a start at last + 27 (P − 3) is not accepted',
        log: (() => {
          const lengths = [20, 20, 20, 20, 20, 20, 20, 30, 30, 30, 30, 30, 30];
          const last = addDays(
            '2024-01-01',
            lengths.reduce((a, b) => a + b, 0),
          );
          return cycles({ from: '2024-01-01', lengths, days: 4 })
            .period(addDays(last, 27))
            .on(addDays(last, 27), { sex: true });
        })(),
        must: { 'postcoital-bleeding': 'soon' },
        not: ['period-onset-after-sex'],
      },
      {
        name: 'a not-tracked day leaves 1 usable cycle → no prediction → unlabelled start → soon',
        log: base()
          .notTracked('2025-02-10', '2025-02-12')
          .period(addDays(P, -1))
          .on(addDays(P, -1), { sex: true }),
        must: { 'postcoital-bleeding': 'soon' },
        not: ['period-onset-after-sex'],
      },
    ]);
  });
});

describe('rules 11 postcoital-cramping and 12 postcoital-cramping-red-flags', () => {
  const S = '2025-02-10';
  const sex = () => base().on(S, { sex: true });
  ruleCases([
    {
      name: 'mild cramps on S → info (S55)',
      log: sex().on(S, { cramps: 'mild' }),
      must: { 'postcoital-cramping': 'info' },
      not: ['postcoital-cramping-red-flags'],
    },
    {
      name: 'moderate pelvic pain on S+1 → info',
      log: sex().on(addDays(S, 1), { pelvic_pain: 'moderate' }),
      must: { 'postcoital-cramping': 'info' },
      not: ['postcoital-cramping-red-flags'],
    },
    {
      name: 'cramps only on S+2 are not postcoital pain',
      log: sex().on(addDays(S, 2), { cramps: 'mild' }),
      not: ['postcoital-cramping', 'postcoital-cramping-red-flags'],
    },
    {
      // Changed by correction 4 (severe pain is severe pain): severe-pelvic-pain is urgent too.
      name: '(a) severe cramps on S → soon here, and severe-pelvic-pain urgent (correction 4)',
      log: sex().on(S, { cramps: 'severe' }),
      must: { 'postcoital-cramping-red-flags': 'soon', 'severe-pelvic-pain': 'urgent' },
      not: ['postcoital-cramping'],
    },
    {
      // Changed by correction 4 (severe pain is severe pain): severe-pelvic-pain is urgent too.
      name: '(a) severe cramps on S+1 → soon here, and severe-pelvic-pain urgent (correction 4)',
      log: sex().on(addDays(S, 1), { cramps: 'severe' }),
      must: { 'postcoital-cramping-red-flags': 'soon', 'severe-pelvic-pain': 'urgent' },
      not: ['postcoital-cramping'],
    },
    {
      name: '(b) pain on 3 consecutive days from S → soon',
      log: sex().each(S, addDays(S, 2), { cramps: 'mild' }),
      must: { 'postcoital-cramping-red-flags': 'soon' },
      not: ['postcoital-cramping'],
    },
    {
      name: '(b) pain on 2 consecutive days → info',
      log: sex().each(S, addDays(S, 1), { cramps: 'mild' }),
      must: { 'postcoital-cramping': 'info' },
      not: ['postcoital-cramping-red-flags'],
    },
    {
      name: '(b) pain on S+1..S+3 (3 days from the first pain day) → soon',
      log: sex().each(addDays(S, 1), addDays(S, 3), { pelvic_pain: 'mild' }),
      must: { 'postcoital-cramping-red-flags': 'soon' },
    },
    {
      name: '(d) fever on S+2 → soon',
      log: sex().on(S, { cramps: 'mild' }).on(addDays(S, 2), { fever: true }),
      must: { 'postcoital-cramping-red-flags': 'soon' },
      not: ['postcoital-cramping'],
    },
    {
      name: '(d) fever on S+3 is outside S..S+2 → info',
      log: sex().on(S, { cramps: 'mild' }).on(addDays(S, 3), { fever: true }),
      must: { 'postcoital-cramping': 'info' },
      not: ['postcoital-cramping-red-flags'],
    },
    {
      name: '(d) unusual discharge on S+2 → soon',
      log: sex().on(S, { cramps: 'mild' }).on(addDays(S, 2), { discharge: 'unusual' }),
      must: { 'postcoital-cramping-red-flags': 'soon' },
    },
    {
      name: '(d) odour on S → soon',
      log: sex().on(S, { cramps: 'mild', odor: true }),
      must: { 'postcoital-cramping-red-flags': 'soon' },
    },
    {
      name: '(d) painful urination on S+1 → soon',
      log: sex().on(addDays(S, 1), { cramps: 'mild', painful_urination: true }),
      must: { 'postcoital-cramping-red-flags': 'soon' },
    },
    {
      name: '(d) a sex-linked bleeding episode → soon',
      log: sex().on(S, { cramps: 'mild', bleeding: 'spotting' }),
      must: { 'postcoital-cramping-red-flags': 'soon', 'postcoital-bleeding': 'soon' },
      not: ['postcoital-cramping'],
    },
    {
      name: '(d) first-sex bleeding is still bleeding after sex (D9) → soon',
      log: sex().on(S, { first_sex: true, cramps: 'mild', bleeding: 'spotting' }),
      must: { 'postcoital-cramping-red-flags': 'soon', 'first-sex-bleeding': 'info' },
      not: ['postcoital-cramping', 'postcoital-bleeding'],
    },
    {
      name: '(d) bleeding after sex in pregnancy → soon, beside the pregnancy rule',
      log: quietLog('2025-01-01', '2025-02-20')
        .period('2025-01-01')
        .pregnancy({ start: '2025-01-01', week: 6, week_on: '2025-02-12' })
        .on(S, { sex: true, cramps: 'mild' })
        .on(addDays(S, 1), { bleeding: 'spotting' }),
      must: {
        'postcoital-cramping-red-flags': 'soon',
        'pregnancy-bleeding-early-light': 'soon',
      },
      not: ['postcoital-cramping', 'postcoital-bleeding'],
    },
    {
      name: '(d) bleeding after sex after menopause → soon, beside postmenopausal-bleeding',
      log: sex().profile({ menopause: 'post' }).on(S, { cramps: 'mild', bleeding: 'spotting' }),
      must: { 'postcoital-cramping-red-flags': 'soon', 'postmenopausal-bleeding': 'soon' },
      not: ['postcoital-cramping', 'postcoital-bleeding'],
    },
    {
      // Changed by correction 6 (period cramps are not pain after sex): no cramping flag at all.
      name: '(d) cramps on day 1 of a period accepted by rule 10 → no cramping flag (correction 6)',
      log: base().period(addDays(P, -1)).on(addDays(P, -1), { sex: true, cramps: 'mild' }),
      // Changed by issue 16 item 3: the explanation moved from the flags to not_flagged.
      check: expectOnTimePeriodAfterSex,
      not: ['postcoital-cramping-red-flags', 'postcoital-cramping'],
    },
    {
      name: 'fever also fires pelvic-infection-red-flags: moderate cramps on S, fever on S+1',
      log: sex().on(S, { cramps: 'moderate' }).on(addDays(S, 1), { fever: true }),
      must: { 'postcoital-cramping-red-flags': 'soon', 'pelvic-infection-red-flags': 'urgent' },
    },
  ]);

  describe('(c) pain after ≥ 3 of the last 4 sex days within 90 days', () => {
    const quiet = () => quietLog('2025-01-01', '2025-05-31');
    const painSex = { sex: true, cramps: 'mild' } as const;
    ruleCases([
      {
        name: 'three pain events, the first 89 days before the third → soon',
        log: quiet()
          .on('2025-01-10', painSex)
          .on('2025-02-20', painSex)
          .on(addDays('2025-01-10', 89), painSex),
        must: { 'postcoital-cramping-red-flags': 'soon' },
      },
      {
        name: 'three pain events, the first 90 days before the third → info only',
        log: quiet()
          .on('2025-01-10', painSex)
          .on('2025-02-20', painSex)
          .on(addDays('2025-01-10', 90), painSex),
        must: { 'postcoital-cramping': 'info' },
        not: ['postcoital-cramping-red-flags'],
      },
      {
        name: 'pain, no pain, pain, pain (3 of 4) → soon',
        log: quiet()
          .on('2025-01-10', painSex)
          .on('2025-01-20', { sex: true })
          .on('2025-01-30', painSex)
          .on('2025-02-09', painSex),
        must: { 'postcoital-cramping-red-flags': 'soon' },
      },
      {
        name: 'pain, no pain, no pain, pain, pain (never 3 of the last 4) → info only',
        log: quiet()
          .on('2025-01-10', painSex)
          .on('2025-01-20', { sex: true })
          .on('2025-01-30', { sex: true })
          .on('2025-02-09', painSex)
          .on('2025-02-19', painSex),
        must: { 'postcoital-cramping': 'info' },
        not: ['postcoital-cramping-red-flags'],
      },
    ]);
  });
});

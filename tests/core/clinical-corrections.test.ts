/**
 * The seven clinical corrections of issue 15 (README "Clinical decisions"), each as a class:
 * table-driven, both sides of every new threshold, and the look-alikes that must stay quiet.
 */
import { describe, expect, it } from 'vitest';
import type { CycleLog } from '../../src/core/log.ts';
import { reportLog } from '../../src/pipeline/analyze-import.ts';
import { buildChecklist } from '../../src/report/checklist.ts';
import {
  addDays,
  analyze,
  cycles,
  expectOnTimePeriodAfterSex,
  factCodes,
  type LogBuilder,
  onlyFinding,
  quietLog,
  regularCycles,
  ruleCases,
} from './log-builder.ts';

// --- 1. Bleeding in pregnancy from 12 weeks is urgent ------------------------------------

/** Week 11+0 on 2025-03-19: 11+6 is 2025-03-25, 12+0 is 2025-03-26, 19+6 is 2025-05-20. */
const PREGNANCY = { start: '2025-01-01', week: 11, week_on: '2025-03-19' };
const W11_6 = '2025-03-25';
const W12_0 = '2025-03-26';
const pregnant = () => quietLog('2025-03-01', '2025-05-31').pregnancy(PREGNANCY);

describe('correction 1: bleeding in pregnancy from week 12+0 is urgent', () => {
  ruleCases([
    {
      name: 'spotting at 11+6 → soon',
      log: pregnant().on(W11_6, { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-early-light': 'soon' },
    },
    {
      name: 'spotting at 12+0 → urgent',
      log: pregnant().on(W12_0, { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-early-light': 'urgent' },
      check: (r) =>
        expect(factCodes(r, 'pregnancy-bleeding-early-light')).toContain('escalated-week-12'),
    },
    {
      name: 'light bleeding from 11+6 into 12+0 → urgent (a day from week 12)',
      log: pregnant().period(W11_6, ['light', 'light']),
      must: { 'pregnancy-bleeding-early-light': 'urgent' },
    },
    {
      name: 'light bleeding at 19+6 → urgent, still before the second-half rule',
      log: pregnant().on('2025-05-20', { bleeding: 'light' }),
      must: { 'pregnancy-bleeding-early-light': 'urgent' },
      not: ['pregnancy-bleeding-second-half'],
    },
    {
      name: 'bleeding after sex at 11+6 → soon, by the pregnancy rules',
      log: pregnant().on(W11_6, { sex: true, bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-early-light': 'soon' },
      not: ['postcoital-bleeding'],
    },
    {
      name: 'bleeding after sex at 12+0 → urgent, by the pregnancy rules',
      log: pregnant().on(W11_6, { sex: true }).on(W12_0, { bleeding: 'spotting' }),
      must: { 'pregnancy-bleeding-early-light': 'urgent' },
      not: ['postcoital-bleeding'],
    },
  ]);
});

// --- 2. Menopause read from the log -------------------------------------------------------

/** Last bleeding 2024-01-14: no bleeding from 2024-01-15; 12 months end 2025-01-13. */
const LAST_PERIOD = '2024-01-10';
const MENOPAUSE_FROM = '2025-01-14';
/** Born so that the age on MENOPAUSE_FROM is `age`. */
const bornFor = (age: number, shift = 0) => addDays(`${2025 - age}-01-14`, shift);

function afterYear(birth_date: string | undefined, days = 'none' as 'none' | 'spot'): LogBuilder {
  const b = quietLog('2023-11-01', '2025-06-30')
    .profile({ age: undefined, menopause: undefined, birth_date })
    .period('2023-12-12', 5)
    .period(LAST_PERIOD, 5);
  if (days === 'spot') b.on('2025-03-01', { bleeding: 'spotting' });
  return b;
}

describe('correction 2: menopause inferred after 12 months without bleeding at 45+', () => {
  ruleCases([
    {
      name: 'one spot 12 months after the last bleeding, age 52 → postmenopausal-bleeding (soon)',
      log: afterYear(bornFor(52), 'spot'),
      must: { 'postmenopausal-bleeding': 'soon' },
      not: ['isolated-spotting', 'intermenstrual-bleeding'],
      check: (r) => {
        const f = onlyFinding(r, 'postmenopausal-bleeding');
        expect(f.cycle_day).toBeNull();
        expect(f.facts[0]).toEqual({
          code: 'menopause-inferred',
          date: MENOPAUSE_FROM,
          value: '2024-01-15',
          other: '2025-01-13',
        });
      },
    },
    {
      name: 'bleeding on the first day after the 12 months → postmenopausal-bleeding',
      log: afterYear(bornFor(52)).on(MENOPAUSE_FROM, { bleeding: 'spotting' }),
      must: { 'postmenopausal-bleeding': 'soon' },
    },
    {
      name: 'bleeding on the last day of the 12 months → not after menopause (soon as IMB at 52)',
      log: afterYear(bornFor(52)).on(addDays(MENOPAUSE_FROM, -1), { bleeding: 'spotting' }),
      not: ['postmenopausal-bleeding', 'isolated-spotting'],
      must: { 'intermenstrual-bleeding': 'soon' },
    },
    {
      name: '11 months without bleeding, then a spot → not inferred',
      log: afterYear(bornFor(52)).on('2024-12-15', { bleeding: 'spotting' }),
      not: ['postmenopausal-bleeding'],
    },
    {
      name: 'a heavy day after the inferred menopause → urgent',
      log: afterYear(bornFor(52)).period('2025-03-01', ['heavy', 'medium']),
      must: { 'postmenopausal-bleeding': 'urgent' },
      not: ['heavy-period', 'prolonged-period'],
    },
    {
      name: 'age 45 on the day the 12 months end → inferred',
      log: afterYear(bornFor(45), 'spot'),
      must: { 'postmenopausal-bleeding': 'soon' },
    },
    {
      name: 'age 44 on that day (45 the day after) → not inferred',
      log: afterYear(bornFor(45, 1), 'spot'),
      not: ['postmenopausal-bleeding'],
    },
    {
      name: 'recorded --menopause pre overrides the inference',
      log: afterYear(bornFor(52), 'spot').profile({ menopause: 'pre' }),
      not: ['postmenopausal-bleeding'],
    },
    {
      name: 'a hormonal IUD during the 12 months explains absent bleeding → not inferred',
      log: afterYear(bornFor(52), 'spot').contraception('hormonal-iud', '2024-03-01'),
      not: ['postmenopausal-bleeding'],
    },
    {
      name: 'an untracked month inside the 12 months → not inferred',
      log: afterYear(bornFor(52), 'spot').notTracked('2024-06-01', '2024-06-30'),
      not: ['postmenopausal-bleeding'],
    },
    {
      name: 'a pregnancy during the 12 months → not inferred',
      log: afterYear(bornFor(45), 'spot').pregnancy({
        start: '2024-01-15',
        end: '2024-04-01',
      }),
      not: ['postmenopausal-bleeding'],
    },
    {
      name: 'at 55 or over the flag carries the fast-track note',
      log: afterYear(bornFor(56), 'spot'),
      must: { 'postmenopausal-bleeding': 'soon' },
      check: (r) => expect(factCodes(r, 'postmenopausal-bleeding')).toContain('age-55-fast-track'),
    },
    {
      name: 'after the inferred menopause cycle timing is not judged, with the dates',
      log: afterYear(bornFor(52)),
      not: ['absent-periods', 'postmenopausal-bleeding'],
      check: (r) =>
        expect(r.analysis.not_evaluated).toContainEqual({
          rule: 'absent-periods',
          reason: expect.objectContaining({ code: 'menopause-inferred', date: MENOPAUSE_FROM }),
        }),
    },
    {
      name: 'a single spot at 47 with periods → bleeding between periods (soon), never isolated',
      log: regularCycles({ from: '2025-01-01', count: 4 })
        .age(47)
        .on('2025-02-05', { bleeding: 'spotting' }),
      must: { 'intermenstrual-bleeding': 'soon' },
      not: ['isolated-spotting', 'ovulation-spotting'],
    },
  ]);

  it('without an age nothing is inferred, and the report asks for age and menopause', () => {
    const built: CycleLog = afterYear(undefined, 'spot').build();
    const r = analyze(built);
    expect(r.tiers.has('postmenopausal-bleeding')).toBe(false);
    // The spot after the year is not waved through as "usually not a concern": soon.
    expect(r.tiers.get('intermenstrual-bleeding')).toBe('soon');
    expect(r.tiers.has('isolated-spotting')).toBe(false);
    expect(r.analysis.not_evaluated).toContainEqual({
      rule: 'postmenopausal-bleeding',
      reason: {
        code: 'menopause-not-inferred-no-age',
        date: MENOPAUSE_FROM,
        value: '2024-01-15',
        other: '2025-01-13',
      },
    });
    const report = reportLog(built, {
      files: ['log.csv'],
      formats: ['csv'],
      warnings: [],
      gaps: [],
    });
    expect(report.questions.map((q) => q.fact).sort()).toEqual(['age', 'menopause']);
  });

  it('the checklist says menopause was inferred, from which dates, and the 55+ fast track', () => {
    const built = afterYear(bornFor(56), 'spot').build();
    const checklist = buildChecklist(analyze(built).analysis, built);
    expect(checklist.find((item) => item.code === 'K8')?.details).toEqual([
      `Menopause inferred from the log: no bleeding from 2024-01-15 to 2025-01-13; counted as postmenopausal from ${MENOPAUSE_FROM} (override with --menopause pre or peri).`,
      expect.stringMatching(/^Age 56: .*55 or over .*urgent \(2-week\)/),
    ]);
  });

  it('with an age under 45 no question about menopause is added', () => {
    const built = afterYear(bornFor(40), 'spot').build();
    const report = reportLog(built, {
      files: ['log.csv'],
      formats: ['csv'],
      warnings: [],
      gaps: [],
    });
    expect(report.questions).toEqual([]);
  });
});

// --- 3. Signs of pelvic infection are urgent without a fever ------------------------------

/** Starts Jan 1, Jan 29, Feb 26, Mar 26; logged through Apr 22. Feb 10 is mid-cycle. */
const fourCycles = () => regularCycles({ from: '2025-01-01', count: 4 });
const MID = '2025-02-10';

describe('correction 3: pelvic pain with unusual discharge or odour is urgent without fever', () => {
  ruleCases([
    {
      name: 'moderate pelvic pain and unusual discharge the same day → urgent',
      log: fourCycles().on(MID, { pelvic_pain: 'moderate', discharge: 'unusual' }),
      must: { 'pelvic-infection-red-flags': 'urgent' },
      check: (r) =>
        expect(factCodes(r, 'pelvic-infection-red-flags')).toContain('pid-signs-without-fever'),
    },
    {
      name: 'mild pelvic pain and unusual discharge → not this rule (infection signs, soon)',
      log: fourCycles().on(MID, { pelvic_pain: 'mild', discharge: 'unusual' }),
      must: { 'infection-symptoms': 'soon' },
      not: ['pelvic-infection-red-flags'],
    },
    {
      name: 'moderate cramps outside a period, odour 3 days later → urgent',
      log: fourCycles().on(MID, { cramps: 'moderate' }).on(addDays(MID, 3), { odor: true }),
      must: { 'pelvic-infection-red-flags': 'urgent' },
    },
    {
      name: 'moderate cramps outside a period, odour 4 days later → not this rule',
      log: fourCycles().on(MID, { cramps: 'moderate' }).on(addDays(MID, 4), { odor: true }),
      not: ['pelvic-infection-red-flags'],
    },
    {
      name: 'pain during sex and unusual discharge the next day → urgent',
      log: fourCycles()
        .on(MID, { pain_during_sex: true })
        .on(addDays(MID, 1), { discharge: 'unusual' }),
      must: { 'pelvic-infection-red-flags': 'urgent' },
    },
    {
      name: 'severe period cramps with unusual discharge on a period day → not this rule',
      log: fourCycles().on('2025-01-30', { cramps: 'severe', discharge: 'unusual' }),
      not: ['pelvic-infection-red-flags'],
    },
    {
      name: 'unusual discharge alone → not this rule',
      log: fourCycles().on(MID, { discharge: 'unusual' }),
      not: ['pelvic-infection-red-flags'],
    },
  ]);
});

// --- 4. Severe pain is severe pain --------------------------------------------------------

describe('correction 4: a sex day does not lower severe cramps', () => {
  ruleCases([
    {
      name: 'severe cramps the day after sex → severe-pelvic-pain (urgent)',
      log: fourCycles().on(MID, { sex: true }).on(addDays(MID, 1), { cramps: 'severe' }),
      must: { 'severe-pelvic-pain': 'urgent', 'postcoital-cramping-red-flags': 'soon' },
    },
    {
      name: 'severe cramps on the sex day → urgent',
      log: fourCycles().on(MID, { sex: true, cramps: 'severe' }),
      must: { 'severe-pelvic-pain': 'urgent' },
    },
    {
      name: 'moderate cramps the day after sex → not severe-pelvic-pain (cramps after sex, info)',
      log: fourCycles().on(MID, { sex: true }).on(addDays(MID, 1), { cramps: 'moderate' }),
      must: { 'postcoital-cramping': 'info' },
      not: ['severe-pelvic-pain', 'postcoital-cramping-red-flags'],
    },
    {
      name: 'severe cramps on a period day with sex → period pain, not severe-pelvic-pain',
      log: fourCycles().on('2025-01-30', { sex: true, cramps: 'severe' }),
      not: ['severe-pelvic-pain', 'postcoital-cramping-red-flags', 'postcoital-cramping'],
    },
  ]);
});

// --- 5. Bleeding between periods is not a short cycle -------------------------------------

/** Starts Jan 1, Jan 29, Feb 26 and (by default) Mar 26: predicted from Feb 26 is Mar 26. */
const withNext = (next = 28) =>
  cycles({ from: '2025-01-01', lengths: [28, 28, next] }).fillTo('2025-04-30');
const threeDays = ['light', 'light', 'spotting'] as const;
const starts = (r: ReturnType<typeof analyze>) => r.analysis.periods.map((p) => p.start);

describe('correction 5: a mid-cycle bleed with two flow days is bleeding between periods', () => {
  ruleCases([
    {
      name: 'unlabelled, cycle day 8, next period on schedule → intermenstrual (next-visit) at 30',
      log: withNext().period('2025-03-05', [...threeDays]),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      not: ['frequent-periods'],
      check: (r) => expect(starts(r)).not.toContain('2025-03-05'),
    },
    {
      name: 'the same at 47 → soon',
      log: withNext()
        .age(47)
        .period('2025-03-05', [...threeDays]),
      must: { 'intermenstrual-bleeding': 'soon' },
    },
    {
      name: 'starting 7 days before the predicted period → between periods',
      log: withNext().period('2025-03-19', [...threeDays]),
      must: { 'intermenstrual-bleeding': 'next-visit' },
      check: (r) => expect(starts(r)).not.toContain('2025-03-19'),
    },
    {
      name: 'starting 6 days before the predicted period → still a period',
      log: withNext().period('2025-03-20', [...threeDays]),
      not: ['intermenstrual-bleeding'],
      check: (r) => expect(starts(r)).toContain('2025-03-20'),
    },
    {
      name: 'next period 3 days after the prediction → between periods',
      log: withNext(31).period('2025-03-05', [...threeDays]),
      must: { 'intermenstrual-bleeding': 'next-visit' },
    },
    {
      name: 'next period 4 days after the prediction → a (short) cycle, not IMB',
      log: withNext(32).period('2025-03-05', [...threeDays]),
      not: ['intermenstrual-bleeding'],
      check: (r) => expect(starts(r)).toContain('2025-03-05'),
    },
    {
      name: 'labelled period = yes → a period whatever the pattern',
      log: withNext().period('2025-03-05', [...threeDays], { period: true }),
      not: ['intermenstrual-bleeding'],
      check: (r) => expect(starts(r)).toContain('2025-03-05'),
    },
    {
      name: 'labelled period = no → never a period (medium days → soon)',
      log: quietLog('2025-01-01', '2025-02-28').period(
        '2025-02-01',
        ['medium', 'medium', 'light'],
        {
          period: false,
        },
      ),
      must: { 'intermenstrual-bleeding': 'soon' },
      check: (r) => expect(starts(r)).toEqual([]),
    },
    {
      name: 'quiet at 30: two light days in the ovulation window → ovulation spotting (info)',
      log: withNext().period('2025-03-12', ['light', 'light']),
      must: { 'ovulation-spotting': 'info' },
      not: ['intermenstrual-bleeding'],
    },
    {
      name: 'quiet at 30: one random spot → isolated spotting (info)',
      log: withNext().on('2025-03-05', { bleeding: 'spotting' }),
      must: { 'isolated-spotting': 'info' },
      not: ['intermenstrual-bleeding'],
    },
    {
      name: 'over 45 frequent periods are still judged (next-visit)',
      log: cycles({ from: '2025-01-01', lengths: [21, 22, 21] }).age(47),
      must: { 'frequent-periods': 'next-visit' },
    },
  ]);

  it('over 45, irregular and infrequent cycles are not judged, and the analysis says so', () => {
    const r = analyze(cycles({ from: '2025-01-01', lengths: [24, 41] }).age(47));
    expect(r.analysis.not_evaluated.map((n) => n.rule)).toEqual(
      expect.arrayContaining(['irregular-cycles', 'infrequent-periods']),
    );
  });
});

// --- 6. Period cramps are not pain after sex ----------------------------------------------

/** Three 28-day cycles from Jan 1; the period of Feb 26 runs to Mar 2; P = Mar 26. */
const threeCycles = () => regularCycles({ from: '2025-01-01', count: 3 });
const P = '2025-03-26';

describe('correction 6: cramps on period days do not count as pain after sex', () => {
  ruleCases([
    {
      name: 'sex on day 1 of an on-time period with ordinary cramps → no flag at all',
      log: threeCycles().period(P).on(P, { sex: true, cramps: 'moderate' }).fillTo('2025-04-05'),
      not: ['postcoital-cramping', 'postcoital-cramping-red-flags', 'postcoital-bleeding'],
      check: (r) => {
        expect(r.findings).toEqual([]);
        expectOnTimePeriodAfterSex(r);
      },
    },
    {
      name: 'cramps on the day before the period starts → period pain, no cramping flag',
      log: threeCycles().on(addDays(P, -1), { sex: true, cramps: 'mild' }).period(P),
      not: ['postcoital-cramping', 'postcoital-cramping-red-flags'],
    },
    {
      name: 'period day: sex on the last day, cramps on it and 2 days after → not three days',
      log: threeCycles()
        .on('2025-03-02', { sex: true, cramps: 'mild' })
        .on('2025-03-03', { cramps: 'mild' }),
      must: { 'postcoital-cramping': 'info' },
      not: ['postcoital-cramping-red-flags'],
    },
    {
      name: 'day after the period: sex and cramps for 3 days → red flags (soon)',
      log: threeCycles()
        .each('2025-03-03', '2025-03-05', { cramps: 'mild' })
        .on('2025-03-03', { sex: true }),
      must: { 'postcoital-cramping-red-flags': 'soon' },
    },
    {
      name: 'a bleed that is bleeding after sex keeps its pain as pain after sex',
      log: quietLog('2025-01-01', '2025-03-31')
        .contraception('combined-pill', '2023-01-01')
        .on('2025-02-10', { sex: true, cramps: 'moderate' })
        .period('2025-02-11', ['light', 'light']),
      must: { 'postcoital-bleeding': 'soon', 'postcoital-cramping-red-flags': 'soon' },
    },
  ]);
});

// --- 7. The checklist carries the person's own dates ---------------------------------------

function k1(built: CycleLog): string[] {
  const analysis = analyze(built).analysis;
  return buildChecklist(analysis, built).find((item) => item.code === 'K1')?.details ?? [];
}

describe('correction 7: the checklist lists every flagged episode with dates and cycle day', () => {
  it('two bleeds after sex: each from its sex day and cycle day, spotting included', () => {
    const built = threeCycles()
      .on('2025-02-10', { sex: true, bleeding: 'spotting' })
      .on('2025-03-10', { sex: true })
      .on('2025-03-11', { bleeding: 'light' })
      .build();
    const details = k1(built);
    expect(details).toEqual(
      expect.arrayContaining([
        '2025-02-10, cycle day 13: 2025-02-10 spotting',
        '2025-03-10, cycle day 13: 2025-03-11 light',
      ]),
    );
  });

  it('recurring spotting between periods: each episode, not only the item text', () => {
    const built = regularCycles({ from: '2025-01-01', count: 4 })
      .on('2025-01-20', { bleeding: 'spotting' })
      .on('2025-02-17', { bleeding: 'spotting' })
      .build();
    const details = k1(built);
    expect(details).toEqual(
      expect.arrayContaining([
        '2025-01-20, cycle day 20: 2025-01-20 spotting',
        '2025-02-17, cycle day 20: 2025-02-17 spotting',
      ]),
    );
  });

  it('bleeding with pain in pregnancy: the bleeding days are listed', () => {
    const built = pregnant().on(W11_6, { bleeding: 'spotting', cramps: 'moderate' }).build();
    expect(k1(built)).toEqual([`${W11_6}: ${W11_6} spotting`]);
  });
});

// --- Issue 16 item 3: one bleed, one tier, and explanations are not flags -------------------

describe('one bleed is not flagged at two tiers at once', () => {
  it('a heavy long period on a new combined pill is heavy-period only, not also settling-in', () => {
    const r = analyze(
      quietLog('2025-01-01', '2025-03-31')
        .contraception('combined-pill', '2025-01-20')
        .period('2025-02-10', [
          'heavy',
          'heavy',
          'heavy',
          'medium',
          'light',
          'light',
          'light',
          'light',
          'light',
          'spotting',
        ]),
    );
    expect(r.findings.map((f) => [f.rule, f.tier])).toEqual([['heavy-period', 'soon']]);
  });

  it('a long light period on a new combined pill stays settling-in bleeding (info)', () => {
    const r = analyze(
      quietLog('2025-01-01', '2025-03-31')
        .contraception('combined-pill', '2025-01-20')
        .period('2025-02-10', 10),
    );
    expect(r.findings.map((f) => [f.rule, f.tier])).toEqual([
      ['hormonal-breakthrough-bleeding', 'info'],
    ]);
  });
});

describe('the exceptions stay quiet', () => {
  ruleCases([
    {
      name: 'first-ever sex with light bleeding → info only',
      log: threeCycles().on('2025-02-10', { first_sex: true, bleeding: 'light' }),
      must: { 'first-sex-bleeding': 'info' },
      not: ['postcoital-bleeding'],
    },
    {
      name: 'an on-time period after sex → not flagged',
      log: threeCycles().on(addDays(P, -1), { sex: true }).period(P),
      not: ['postcoital-bleeding', 'period-onset-after-sex'],
      check: expectOnTimePeriodAfterSex,
    },
    {
      name: 'spotting in the first 6 months of a hormonal IUD → settling-in (info)',
      log: threeCycles()
        .contraception('hormonal-iud', '2025-02-01')
        .on('2025-02-20', { bleeding: 'spotting' }),
      must: { 'hormonal-breakthrough-bleeding': 'info' },
      not: ['intermenstrual-bleeding', 'isolated-spotting'],
    },
  ]);
});

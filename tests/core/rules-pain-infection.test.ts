/**
 * Rules 32–36 (docs/rules.md): painful sex, pelvic infection red flags, infection
 * symptoms, severe and persistent pelvic pain. They run in every state (precedence step 8).
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  analyze,
  onlyFinding,
  quietLog,
  regularCycles,
  ruleCases,
} from './log-builder.ts';

/** No periods: Jan 1 .. Mar 31, E = Mar 31. */
const quiet = () => quietLog('2025-01-01', '2025-03-31');
const E = '2025-03-31';
/** Starts Jan 1, Jan 29 (period Jan 29..Feb 2), Feb 26; logged through Mar 25. */
const cyclesLog = () => regularCycles({ from: '2025-01-01', count: 3 });

describe('rule 32 painful-sex-recurrent', () => {
  const painful = { pain_during_sex: true } as const;
  ruleCases([
    {
      name: 'one day without an IUD → not flagged (S62)',
      log: quiet().on('2025-03-01', painful),
      not: ['painful-sex-recurrent'],
      check: (r) =>
        expect(r.analysis.not_flagged.map((n) => n.rule)).toContain('painful-sex-recurrent'),
    },
    {
      name: 'two days in the last 90 → next-visit',
      log: quiet().on('2025-03-01', painful).on('2025-03-20', painful),
      must: { 'painful-sex-recurrent': 'next-visit' },
    },
    {
      name: 'days at E−89 and E → next-visit',
      log: quiet().on(addDays(E, -89), painful).on(E, painful),
      must: { 'painful-sex-recurrent': 'next-visit' },
    },
    {
      name: 'days at E−90 and E → nothing (only one in the last 90 days)',
      log: quiet().on(addDays(E, -90), painful).on(E, painful),
      not: ['painful-sex-recurrent'],
    },
    {
      name: 'one day with a copper IUD in place → soon',
      log: quiet().contraception('copper-iud', '2024-01-01').on('2025-03-01', painful),
      must: { 'painful-sex-recurrent': 'soon' },
    },
    {
      name: 'one day with a hormonal IUD in place → soon',
      log: quiet().contraception('hormonal-iud', '2024-01-01').on('2025-03-01', painful),
      must: { 'painful-sex-recurrent': 'soon' },
    },
    {
      name: 'one day with an implant (not an IUD) → nothing',
      log: quiet().contraception('implant', '2024-01-01').on('2025-03-01', painful),
      not: ['painful-sex-recurrent'],
    },
    {
      name: '↑ one of the days has a PCB event → soon',
      log: quiet()
        .on('2025-03-01', { ...painful, bleeding: 'spotting' })
        .on('2025-03-20', painful),
      must: { 'painful-sex-recurrent': 'soon', 'postcoital-bleeding': 'soon' },
    },
    {
      name: '↑ first-sex bleeding is a PCB event (D9) too → soon',
      log: quiet()
        .on('2025-03-01', { ...painful, sex: true, first_sex: true, bleeding: 'spotting' })
        .on('2025-03-20', painful),
      must: { 'painful-sex-recurrent': 'soon', 'first-sex-bleeding': 'info' },
    },
    {
      name: '↑ bleeding after painful sex after menopause is a PCB event → soon',
      log: quiet()
        .profile({ menopause: 'post' })
        .age(60)
        .on('2025-03-01', painful)
        .on('2025-03-02', { bleeding: 'spotting' })
        .on('2025-03-20', painful),
      must: { 'painful-sex-recurrent': 'soon', 'postmenopausal-bleeding': 'soon' },
    },
    {
      name: 'bleeding that began before the painful-sex day is no PCB event → next-visit',
      log: quiet()
        .on('2025-02-28', { bleeding: 'spotting' })
        .on('2025-03-01', { ...painful, bleeding: 'spotting' })
        .on('2025-03-20', painful),
      must: { 'painful-sex-recurrent': 'next-visit' },
    },
    {
      name: '↑ unusual discharge 2 days after one of them → soon',
      log: quiet()
        .on('2025-03-01', painful)
        .on('2025-03-20', painful)
        .on('2025-03-22', { discharge: 'unusual' }),
      must: { 'painful-sex-recurrent': 'soon' },
    },
    {
      name: 'unusual discharge 3 days after → stays next-visit',
      log: quiet()
        .on('2025-03-01', painful)
        .on('2025-03-20', painful)
        .on('2025-03-23', { discharge: 'unusual' }),
      must: { 'painful-sex-recurrent': 'next-visit' },
    },
    {
      name: '↑ odour 2 days before one of them → soon',
      log: quiet()
        .on('2025-03-01', painful)
        .on('2025-03-20', painful)
        .on('2025-03-18', { odor: true }),
      must: { 'painful-sex-recurrent': 'soon' },
    },
  ]);
});

describe('rule 33 pelvic-infection-red-flags', () => {
  ruleCases([
    {
      name: '(a) fever with moderate pelvic pain the next day → urgent (S59)',
      log: quiet().on('2025-03-10', { fever: true }).on('2025-03-11', { pelvic_pain: 'moderate' }),
      must: { 'pelvic-infection-red-flags': 'urgent' },
      check: (r) => expect(onlyFinding(r, 'pelvic-infection-red-flags').start).toBe('2025-03-10'),
    },
    {
      name: '(a) fever with mild pelvic pain → nothing',
      log: quiet().on('2025-03-10', { fever: true, pelvic_pain: 'mild' }),
      not: ['pelvic-infection-red-flags'],
    },
    {
      name: '(a) fever alone → nothing',
      log: quiet().on('2025-03-10', { fever: true }),
      not: ['pelvic-infection-red-flags'],
    },
    {
      name: '(a) moderate pelvic pain 2 days after the fever → nothing',
      log: quiet().on('2025-03-10', { fever: true }).on('2025-03-12', { pelvic_pain: 'moderate' }),
      not: ['pelvic-infection-red-flags'],
    },
    {
      name: 'measured 38.0 °C counts as fever → urgent',
      log: quiet().on('2025-03-10', { temperature: 38.0, pelvic_pain: 'moderate' }),
      must: { 'pelvic-infection-red-flags': 'urgent' },
    },
    {
      name: 'measured 37.9 °C is not fever → nothing',
      log: quiet().on('2025-03-10', { temperature: 37.9, pelvic_pain: 'moderate' }),
      not: ['pelvic-infection-red-flags'],
    },
    {
      name: 'a basal temperature of 36.5 °C is not fever',
      log: quiet().on('2025-03-10', { temperature: 36.5, discharge: 'unusual' }),
      not: ['pelvic-infection-red-flags'],
    },
    {
      name: '(a) fever with moderate cramps outside a period → urgent',
      log: cyclesLog().on('2025-02-15', { fever: true, cramps: 'moderate' }),
      must: { 'pelvic-infection-red-flags': 'urgent' },
    },
    {
      name: '(a) fever with moderate cramps inside a period → nothing',
      log: cyclesLog().on('2025-01-30', { fever: true, cramps: 'moderate' }),
      not: ['pelvic-infection-red-flags'],
    },
    {
      name: '(a) fever with a non-period bleeding day the day before → urgent',
      log: cyclesLog().on('2025-02-15', { bleeding: 'spotting' }).on('2025-02-16', { fever: true }),
      must: { 'pelvic-infection-red-flags': 'urgent' },
    },
    {
      name: '(a) fever during a period (period bleeding only) → nothing',
      log: cyclesLog().on('2025-01-30', { fever: true }),
      not: ['pelvic-infection-red-flags'],
    },
    {
      name: '(a) fever with unusual discharge → urgent',
      log: quiet().on('2025-03-10', { fever: true, discharge: 'unusual' }),
      must: { 'pelvic-infection-red-flags': 'urgent' },
    },
    {
      name: '(a) fever with normal discharge → nothing',
      log: quiet().on('2025-03-10', { fever: true, discharge: 'normal' }),
      not: ['pelvic-infection-red-flags'],
    },
    {
      name: '(a) fever with odour the day before → urgent',
      log: quiet().on('2025-03-09', { odor: true }).on('2025-03-10', { fever: true }),
      must: { 'pelvic-infection-red-flags': 'urgent' },
    },
    {
      name: '(a) fever with pain during sex → urgent',
      log: quiet().on('2025-03-10', { fever: true }).on('2025-03-11', { pain_during_sex: true }),
      must: { 'pelvic-infection-red-flags': 'urgent' },
    },
    {
      name: '(a) fever with painful urination → urgent',
      log: quiet().on('2025-03-10', { fever: true, painful_urination: true }),
      must: { 'pelvic-infection-red-flags': 'urgent' },
    },
    {
      name: 'runs in pregnancy too',
      log: quiet()
        .pregnancy({ start: '2025-01-15', week: 6, week_on: '2025-02-26' })
        .on('2025-03-10', { fever: true, discharge: 'unusual' }),
      must: { 'pelvic-infection-red-flags': 'urgent' },
    },
  ]);

  describe('(b) IUD inserted 0–21 days before d, with fever or severe pelvic pain on d', () => {
    const inserted = '2025-03-01';
    ruleCases([
      {
        name: 'fever alone 21 days after insertion → urgent',
        log: quiet()
          .contraception('copper-iud', inserted)
          .on(addDays(inserted, 21), { fever: true }),
        must: { 'pelvic-infection-red-flags': 'urgent' },
      },
      {
        name: 'fever alone 22 days after insertion → nothing',
        log: quiet()
          .contraception('copper-iud', inserted)
          .on(addDays(inserted, 22), { fever: true }),
        not: ['pelvic-infection-red-flags'],
      },
      {
        name: 'fever on the insertion day (day 0) → urgent',
        log: quiet().contraception('hormonal-iud', inserted).on(inserted, { fever: true }),
        must: { 'pelvic-infection-red-flags': 'urgent' },
      },
      {
        name: 'severe pelvic pain 10 days after a hormonal IUD → urgent (and severe-pelvic-pain)',
        log: quiet()
          .contraception('hormonal-iud', inserted)
          .on(addDays(inserted, 10), { pelvic_pain: 'severe' }),
        must: { 'pelvic-infection-red-flags': 'urgent', 'severe-pelvic-pain': 'urgent' },
      },
      {
        name: 'moderate pelvic pain alone 10 days after → nothing',
        log: quiet()
          .contraception('copper-iud', inserted)
          .on(addDays(inserted, 10), { pelvic_pain: 'moderate' }),
        not: ['pelvic-infection-red-flags'],
      },
      {
        name: 'fever alone 10 days after starting an implant (not an IUD) → nothing',
        log: quiet().contraception('implant', inserted).on(addDays(inserted, 10), { fever: true }),
        not: ['pelvic-infection-red-flags'],
      },
    ]);
  });
});

describe('rule 34 infection-symptoms', () => {
  const discharge = { discharge: 'unusual' } as const;
  ruleCases([
    {
      name: 'unusual discharge on 2 days 6 apart (within 7 days) → soon',
      log: quiet().on('2025-03-01', discharge).on('2025-03-07', discharge),
      must: { 'infection-symptoms': 'soon' },
      check: (r) => {
        const f = onlyFinding(r, 'infection-symptoms');
        expect([f.start, f.end]).toEqual(['2025-03-01', '2025-03-07']);
      },
    },
    {
      name: '2 days 7 apart → nothing',
      log: quiet().on('2025-03-01', discharge).on('2025-03-08', discharge),
      not: ['infection-symptoms'],
    },
    {
      name: 'odour and painful urination on one day only → nothing (needs 2 days)',
      log: quiet().on('2025-03-01', { odor: true, painful_urination: true }),
      not: ['infection-symptoms'],
    },
    {
      name: 'odour one day, painful urination another → soon',
      log: quiet().on('2025-03-01', { odor: true }).on('2025-03-03', { painful_urination: true }),
      must: { 'infection-symptoms': 'soon' },
    },
    {
      name: 'normal discharge (mucus) on 2 days → nothing',
      log: quiet()
        .on('2025-03-01', { discharge: 'normal' })
        .on('2025-03-02', { discharge: 'normal' }),
      not: ['infection-symptoms'],
    },
    {
      name: 'one symptom day + a non-period bleeding day 2 days later → soon',
      log: quiet().on('2025-03-10', discharge).on('2025-03-12', { bleeding: 'spotting' }),
      must: { 'infection-symptoms': 'soon' },
    },
    {
      name: 'one symptom day + a non-period bleeding day 3 days later → nothing',
      log: quiet().on('2025-03-10', discharge).on('2025-03-13', { bleeding: 'spotting' }),
      not: ['infection-symptoms'],
    },
    {
      name: 'one symptom day + mild pelvic pain 2 days before → soon',
      log: quiet().on('2025-03-10', discharge).on('2025-03-08', { pelvic_pain: 'mild' }),
      must: { 'infection-symptoms': 'soon' },
    },
    {
      name: 'one symptom day + mild pelvic pain 3 days before → nothing',
      log: quiet().on('2025-03-10', discharge).on('2025-03-07', { pelvic_pain: 'mild' }),
      not: ['infection-symptoms'],
    },
    {
      name: 'one symptom day on a period day → nothing (period bleeding does not count)',
      log: cyclesLog().on('2025-01-30', discharge),
      not: ['infection-symptoms'],
    },
    {
      name: 'with fever, pelvic-infection-red-flags also fires',
      log: quiet()
        .on('2025-03-01', discharge)
        .on('2025-03-03', { ...discharge, fever: true }),
      must: { 'infection-symptoms': 'soon', 'pelvic-infection-red-flags': 'urgent' },
    },
  ]);
});

describe('rule 35 severe-pelvic-pain', () => {
  ruleCases([
    {
      name: 'severe pelvic pain on a non-period day → urgent',
      log: cyclesLog().on('2025-02-15', { pelvic_pain: 'severe' }),
      must: { 'severe-pelvic-pain': 'urgent' },
      check: (r) => {
        const f = onlyFinding(r, 'severe-pelvic-pain');
        expect([f.start, f.cycle_day]).toEqual(['2025-02-15', 18]);
      },
    },
    {
      name: 'severe cramps on a non-period, non-sex day → urgent',
      log: cyclesLog().on('2025-02-15', { cramps: 'severe' }),
      must: { 'severe-pelvic-pain': 'urgent' },
    },
    {
      name: 'moderate pelvic pain → nothing',
      log: cyclesLog().on('2025-02-15', { pelvic_pain: 'moderate' }),
      not: ['severe-pelvic-pain'],
    },
    {
      name: 'severe cramps during a period → nothing (rule 26 territory)',
      log: cyclesLog().on('2025-01-30', { cramps: 'severe' }),
      not: ['severe-pelvic-pain'],
    },
    {
      name: 'severe pelvic pain during a period → nothing (period-related day)',
      log: cyclesLog().on('2025-01-30', { pelvic_pain: 'severe' }),
      not: ['severe-pelvic-pain'],
    },
    {
      name: 'D14: severe cramps on start − 2 (Jan 27) are period-related → nothing',
      log: cyclesLog().on('2025-01-27', { cramps: 'severe' }),
      not: ['severe-pelvic-pain'],
    },
    {
      name: 'D14: severe cramps on start − 3 (Jan 26) → urgent',
      log: cyclesLog().on('2025-01-26', { cramps: 'severe' }),
      must: { 'severe-pelvic-pain': 'urgent' },
    },
    {
      // Changed by correction 4: a sex day no longer lowers severe cramps to rule 12's soon.
      name: 'severe cramps on the day after sex → urgent here too (correction 4)',
      log: cyclesLog().on('2025-02-14', { sex: true }).on('2025-02-15', { cramps: 'severe' }),
      must: { 'postcoital-cramping-red-flags': 'soon', 'severe-pelvic-pain': 'urgent' },
    },
    {
      name: 'severe cramps two days after sex → this rule (urgent)',
      log: cyclesLog().on('2025-02-13', { sex: true }).on('2025-02-15', { cramps: 'severe' }),
      must: { 'severe-pelvic-pain': 'urgent' },
      not: ['postcoital-cramping-red-flags'],
    },
    {
      name: 'severe pelvic pain on a sex day → urgent here and rule 12 soon',
      log: cyclesLog().on('2025-02-15', { sex: true, pelvic_pain: 'severe' }),
      must: { 'severe-pelvic-pain': 'urgent', 'postcoital-cramping-red-flags': 'soon' },
    },
  ]);
});

describe('rule 36 persistent-pelvic-pain (12 vs 13 days in 30)', () => {
  const painDays = (dates: string[]) => {
    const b = quiet();
    for (const d of dates) b.on(d, { pelvic_pain: 'mild' });
    return b;
  };
  const everyOther = (from: string, count: number) =>
    Array.from({ length: count }, (_, i) => addDays(from, 2 * i));
  ruleCases([
    {
      name: '13 days within 30 → soon',
      log: painDays(everyOther('2025-03-01', 13)),
      must: { 'persistent-pelvic-pain': 'soon' },
      check: (r) => {
        const f = onlyFinding(r, 'persistent-pelvic-pain');
        expect([f.start, f.end]).toEqual(['2025-03-01', '2025-03-25']);
      },
    },
    {
      name: '12 days within 30 → nothing',
      log: painDays(everyOther('2025-03-01', 12)),
      not: ['persistent-pelvic-pain'],
    },
    {
      name: '13 days spread over 31 days (no 30-day span holds 13) → nothing',
      log: painDays(['2025-03-01', ...everyOther('2025-03-03', 11), '2025-03-31']),
      not: ['persistent-pelvic-pain'],
    },
    {
      name: '13 days in 30, any severity (moderate) → soon',
      log: (() => {
        const b = quiet();
        for (const d of everyOther('2025-02-01', 13)) b.on(d, { pelvic_pain: 'moderate' });
        return b;
      })(),
      must: { 'persistent-pelvic-pain': 'soon' },
    },
    {
      name: 'cramps do not count as pelvic pain → nothing',
      log: (() => {
        const b = quiet();
        for (const d of everyOther('2025-03-01', 13)) b.on(d, { cramps: 'mild' });
        return b;
      })(),
      not: ['persistent-pelvic-pain'],
    },
  ]);

  it.each([
    [181, true],
    [182, false],
  ])('a 30-day span starting E − %i (last 182 days) → %s', (back, fires) => {
    const end = '2025-09-30';
    const start = addDays(end, -back);
    const b = quietLog('2025-01-01', end);
    for (let i = 0; i < 13; i++) b.on(addDays(start, i), { pelvic_pain: 'mild' });
    expect(analyze(b).tiers.get('persistent-pelvic-pain')).toBe(fires ? 'soon' : undefined);
  });
});

describe('rule 12 note: fever with pain after sex also fires pelvic-infection-red-flags', () => {
  it('mild cramps on the sex day and fever the next day → both rules, urgent and soon', () => {
    const result = analyze(
      regularCycles({ from: '2025-01-01', count: 3 })
        .on('2025-03-10', { sex: true, cramps: 'mild' })
        .on('2025-03-11', { fever: true })
        .fillTo('2025-03-20'),
    );
    expect(result.tiers.get('pelvic-infection-red-flags')).toBe('urgent');
    expect(result.tiers.get('postcoital-cramping-red-flags')).toBe('soon');
  });

  it('fever three days after sex with mild cramps is outside S..S+2 → no pelvic-infection flag', () => {
    const result = analyze(
      regularCycles({ from: '2025-01-01', count: 3 })
        .on('2025-03-10', { sex: true, cramps: 'mild' })
        .on('2025-03-13', { fever: true })
        .fillTo('2025-03-20'),
    );
    expect(result.tiers.has('pelvic-infection-red-flags')).toBe(false);
  });
});

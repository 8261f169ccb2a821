/**
 * What analyzeLog returns around the findings: the evaluation window, the profile and age used,
 * the detected periods, the order of findings and non-findings, and the empty analysis. The rule
 * tests check which rules fire; these pin the rest of the Analysis, which the report and every
 * format render. Written against the mutants StrykerJS found surviving (README "Mutation testing").
 */
import { describe, expect, it } from 'vitest';
import { analyzeLog } from '../../src/core/analyze.ts';
import type { CycleLog } from '../../src/core/log.ts';
import { ruleMeta } from '../../src/core/rules/catalogue.ts';
import { log, regularCycles } from './log-builder.ts';

describe('an empty log', () => {
  it('without an evaluation date: no dates, and the one rule that needs days is not evaluated', () => {
    const empty: CycleLog = { profile: { age: 30 }, days: [] };
    expect(analyzeLog(empty)).toEqual({
      as_of: null,
      first_date: null,
      last_date: null,
      days_logged: 0,
      profile: { age: 30 },
      age: null,
      periods: [],
      findings: [],
      not_flagged: [],
      not_evaluated: [{ rule: 'irregular-cycles', reason: { code: 'no-days-logged' } }],
    });
  });

  it('with an evaluation date: the date is kept, in the profile too', () => {
    const empty: CycleLog = { profile: { age: 30 }, days: [] };
    const analysis = analyzeLog(empty, { asOf: '2025-03-01' });
    expect(analysis.as_of).toBe('2025-03-01');
    expect(analysis.profile).toEqual({ age: 30, as_of: '2025-03-01' });
    expect(analysis.days_logged).toBe(0);
    expect(analysis.findings).toEqual([]);
  });
});

describe('the evaluation window', () => {
  const twoDays: CycleLog = {
    profile: { age: 30 },
    days: [
      { date: '2025-01-10', bleeding: 'none' },
      { date: '2025-01-11', bleeding: 'none' },
    ],
  };

  it('by default ends on the last logged date', () => {
    const analysis = analyzeLog(twoDays);
    expect(analysis).toMatchObject({
      as_of: '2025-01-11',
      first_date: '2025-01-10',
      last_date: '2025-01-11',
      days_logged: 2,
    });
  });

  it('ends on an evaluation date equal to the first logged day: one day counts', () => {
    const analysis = analyzeLog(twoDays, { asOf: '2025-01-10' });
    expect(analysis).toMatchObject({
      as_of: '2025-01-10',
      first_date: '2025-01-10',
      last_date: '2025-01-10',
      days_logged: 1,
    });
  });

  it('before the first logged day: no day counts and there is no last date', () => {
    const analysis = analyzeLog(twoDays, { asOf: '2025-01-09' });
    expect(analysis).toMatchObject({
      as_of: '2025-01-09',
      first_date: '2025-01-10',
      last_date: null,
      days_logged: 0,
      findings: [],
    });
  });

  it("takes the profile's as_of when no option is given, and records it in the profile", () => {
    const withAsOf: CycleLog = { ...twoDays, profile: { age: 30, as_of: '2025-01-10' } };
    expect(analyzeLog(withAsOf)).toMatchObject({
      as_of: '2025-01-10',
      days_logged: 1,
      profile: { age: 30, as_of: '2025-01-10' },
    });
  });
});

describe('the profile and age used', () => {
  it('is the log profile with the evaluation date', () => {
    const built = regularCycles({ from: '2025-01-06', count: 2 }).contraception('condom').build();
    const analysis = analyzeLog(built);
    expect(analysis.profile).toEqual({
      age: 30,
      menopause: 'pre',
      contraception: [{ method: 'condom' }],
      as_of: '2025-03-02',
    });
    expect(analysis.age).toBe(30);
  });

  it('has no age when the profile gives none', () => {
    const built = regularCycles({ from: '2025-01-06', count: 2 }).build();
    delete built.profile.age;
    expect(analyzeLog(built).age).toBeNull();
  });
});

describe('detected periods', () => {
  it('each with its dates, length, cycle length (none for the last), spotting and heavy days', () => {
    const built = log()
      .period('2025-01-06', ['spotting', 'medium', 'heavy', 'light'])
      .period('2025-02-05', 5)
      .period('2025-03-03', ['medium', 'heavy', 'heavy', 'light'])
      .fillTo('2025-03-20')
      .build();
    expect(analyzeLog(built).periods).toEqual([
      {
        start: '2025-01-07',
        end: '2025-01-09',
        days: 3,
        cycle_length: 29,
        pre_start_spotting: 1,
        heavy_days: 1,
      },
      {
        start: '2025-02-05',
        end: '2025-02-09',
        days: 5,
        cycle_length: 26,
        pre_start_spotting: 0,
        heavy_days: 0,
      },
      {
        start: '2025-03-03',
        end: '2025-03-06',
        days: 4,
        cycle_length: null,
        pre_start_spotting: 0,
        heavy_days: 2,
      },
    ]);
  });
});

describe('an IUD of unknown type', () => {
  it('leaves the breakthrough-bleeding rule not evaluated', () => {
    const built = regularCycles({ from: '2025-01-06', count: 3 })
      .contraception('iud', '2024-01-01')
      .build();
    expect(analyzeLog(built).not_evaluated).toEqual([
      { rule: 'hormonal-breakthrough-bleeding', reason: { code: 'iud-type-unknown' } },
    ]);
  });

  it('a copper IUD does not', () => {
    const built = regularCycles({ from: '2025-01-06', count: 3 })
      .contraception('copper-iud', '2024-01-01')
      .build();
    expect(analyzeLog(built).not_evaluated).toEqual([]);
  });
});

describe('a quiet log', () => {
  it('has no findings, non-findings or unevaluated rules at all', () => {
    const analysis = analyzeLog(regularCycles({ from: '2025-01-06', count: 3 }).build());
    expect(analysis.findings).toEqual([]);
    expect(analysis.not_flagged).toEqual([]);
    expect(analysis.not_evaluated).toEqual([]);
  });
});

/**
 * Findings and non-findings from several rule modules, generated in an order that is not the
 * documented one: findings by tier, then start, then catalogue number, then end; non-findings by
 * date, then rule id.
 */
describe('the order of findings and non-findings', () => {
  // Built inside each test: StrykerJS counts code run while tests are collected as "static",
  // and tests every mutant of it against the whole suite.
  const analyzeBusyLog = () =>
    analyzeLog(
      regularCycles({ from: '2025-01-06', count: 3 })
        .contraception('copper-iud', '2024-12-20')
        .period('2025-02-03', ['medium', 'heavy', 'heavy', 'heavy', 'medium'])
        .on('2025-02-08', { bleeding: 'light' })
        .on('2025-02-09', { bleeding: 'light' })
        .on('2025-02-10', { bleeding: 'light' })
        .on('2025-02-11', { bleeding: 'light' })
        .on('2025-02-12', { bleeding: 'spotting' })
        .on('2025-01-20', { sex: true, pelvic_pain: 'severe', fever: true })
        .on('2025-03-15', { bleeding: 'spotting' })
        .on('2025-03-16', { bleeding: 'spotting', sex: true })
        .build(),
    );

  it('findings: tier, then start, then catalogue number', () => {
    const analysis = analyzeBusyLog();
    expect(analysis.findings.map((f) => [f.tier, f.start, f.end, f.rule])).toEqual([
      ['urgent', '2025-01-20', '2025-01-20', 'pelvic-infection-red-flags'],
      ['urgent', '2025-01-20', '2025-01-20', 'severe-pelvic-pain'],
      ['soon', '2025-01-20', '2025-01-20', 'postcoital-cramping-red-flags'],
      ['info', '2025-02-03', '2025-02-12', 'copper-iud-bleeding-changes'],
      ['info', '2025-03-15', '2025-03-16', 'copper-iud-bleeding-changes'],
    ]);
  });

  it('findings: an urgent one last in time still comes first; same tier and start by number', () => {
    // infection-symptoms (34) is found before copper-iud-bleeding-changes (15): the independent
    // rules run before the period rules. Ends run the other way from tiers.
    const analysis = analyzeLog(
      regularCycles({ from: '2025-01-06', count: 3 })
        .contraception('copper-iud', '2024-01-01')
        .on('2025-01-20', { bleeding: 'spotting' })
        .period('2025-02-03', ['heavy', 'heavy', 'heavy', 'medium', 'light'])
        .on('2025-02-03', { discharge: 'unusual', odor: true })
        .on('2025-02-04', { discharge: 'unusual', odor: true })
        .on('2025-03-20', { pelvic_pain: 'severe' })
        .build(),
    );
    expect(analysis.findings.map((f) => [f.tier, f.start, f.end, f.rule])).toEqual([
      ['urgent', '2025-03-20', '2025-03-20', 'severe-pelvic-pain'],
      ['soon', '2025-02-03', '2025-02-07', 'copper-iud-bleeding-changes'],
      ['soon', '2025-02-03', '2025-02-04', 'infection-symptoms'],
      ['next-visit', '2025-02-03', '2025-02-07', 'heavy-period'],
      ['info', '2025-01-20', '2025-01-20', 'ovulation-spotting'],
    ]);
  });

  it('non-findings: date, then rule id', () => {
    const analysis = analyzeBusyLog();
    expect(analysis.not_flagged).toEqual([
      { rule: 'postcoital-cramping', date: '2025-01-20', reason: { code: 'has-red-flags' } },
      { rule: 'heavy-period', date: '2025-02-03', reason: { code: 'absorbed-copper-window' } },
      { rule: 'prolonged-period', date: '2025-02-03', reason: { code: 'absorbed-copper-window' } },
      {
        rule: 'postcoital-bleeding',
        date: '2025-03-16',
        reason: { code: 'bleeding-began-before-sex', date: '2025-03-15' },
      },
    ]);
  });

  it("each finding carries its rule's checklist and sources, and whether it is in progress", () => {
    const analysis = analyzeBusyLog();
    for (const finding of analysis.findings) {
      expect(finding.checklist, finding.rule).toEqual(ruleMeta(finding.rule).checklist);
      expect(finding.sources, finding.rule).toEqual(ruleMeta(finding.rule).sources);
      expect(finding.in_progress, finding.rule).toBe(false);
    }
    expect(analysis.findings[0]!.checklist.length).toBeGreaterThan(0);
    expect(analysis.findings[0]!.sources.length).toBeGreaterThan(0);
  });
});

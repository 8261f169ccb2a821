/**
 * Precedence steps 2 and 3 of analyzeBleedingEpisodes (src/core/rules/bleeding-episodes.ts):
 * bleeding in pregnancy (rules 1–4) and after menopause (rule 5). Each case pins the full list
 * of facts a finding gives, and the not_flagged entry that says why bleeding after sex was not
 * treated as postcoital bleeding. Written against the mutants StrykerJS found surviving.
 */
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/facts.ts';
import type { RuleId } from '../../src/core/rules/ids.ts';
import {
  analyze,
  describeFindings,
  factsOf,
  findingsOf,
  type LogBuilder,
  quietLog,
  skipsOf,
} from './log-builder.ts';

/** Week 8+0 on 2025-03-29, so 11+6 is 2025-04-25 and 12+0 is 2025-04-26. */
const EARLY = { start: '2025-02-01', week: 8, week_on: '2025-03-29' };
const early = () => quietLog('2025-03-01', '2025-05-10').pregnancy(EARLY);

/** Week 19+0 on 2025-05-01: 19+6 is 2025-05-07 and 20+0 is 2025-05-08. */
const MID = { start: '2024-12-19', week: 19, week_on: '2025-05-01' };
const mid = () => quietLog('2025-04-01', '2025-05-20').pregnancy(MID);

/** A pregnancy with a start date but no week or due date: the week cannot be known. */
const unknownWeek = () => quietLog('2025-03-01', '2025-04-20').pregnancy({ start: '2025-02-01' });

interface FactCase {
  name: string;
  log: LogBuilder;
  rule: RuleId;
  /** The facts of the single finding of `rule`. */
  facts: Fact[];
  /** Rules that must not fire (a finding already covers the episode). */
  not?: RuleId[];
  tier?: string;
}

function factCases(cases: FactCase[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = analyze(c.log);
    expect(factsOf(result, c.rule), describeFindings(result)).toEqual([c.facts]);
    if (c.tier !== undefined) expect(findingsOf(result, c.rule)[0]!.tier).toBe(c.tier);
    for (const rule of c.not ?? []) expect(result.tiers.has(rule), rule).toBe(false);
  });
}

describe('rule 1 pregnancy-bleeding-heavy: one amount fact per medium/heavy day', () => {
  factCases([
    {
      name: 'medium the day after sex: the amount with its week, then the sex day',
      log: early()
        .on('2025-03-31', { sex: true })
        .period('2025-04-01', ['medium', 'light', 'heavy']),
      rule: 'pregnancy-bleeding-heavy',
      facts: [
        { code: 'pregnant-bleeding-amount', date: '2025-04-01', value: 'medium', other: '8' },
        { code: 'pregnant-bleeding-amount', date: '2025-04-03', value: 'heavy', other: '8' },
        { code: 'sex-linked', date: '2025-03-31' },
      ],
      not: ['pregnancy-bleeding-early-light', 'postcoital-bleeding'],
    },
    {
      name: 'no sex around it: no sex-linked fact',
      log: early().period('2025-04-01', ['medium']),
      rule: 'pregnancy-bleeding-heavy',
      facts: [
        { code: 'pregnant-bleeding-amount', date: '2025-04-01', value: 'medium', other: '8' },
      ],
    },
    {
      name: 'week unknown: the amount says "unknown" for the week',
      log: unknownWeek().period('2025-04-01', ['heavy']),
      rule: 'pregnancy-bleeding-heavy',
      facts: [
        { code: 'pregnant-bleeding-amount', date: '2025-04-01', value: 'heavy', other: 'unknown' },
      ],
    },
  ]);
});

describe('rule 3 pregnancy-bleeding-second-half: the week of the first day from 20+0', () => {
  factCases([
    {
      name: 'spotting 19+6 and 20+0: week 20 on the second day, every bleeding day listed',
      log: mid().period('2025-05-07', ['spotting', 'spotting']),
      rule: 'pregnancy-bleeding-second-half',
      facts: [
        { code: 'pregnancy-week', date: '2025-05-08', value: 20 },
        { code: 'bleeding-day', date: '2025-05-07', value: 'spotting' },
        { code: 'bleeding-day', date: '2025-05-08', value: 'spotting' },
      ],
      not: ['pregnancy-bleeding-early-light'],
    },
    {
      name: 'week unknown: counted as the second half, the week said to be unknown',
      log: unknownWeek().on('2025-03-31', { sex: true }).period('2025-04-01', ['spotting']),
      rule: 'pregnancy-bleeding-second-half',
      facts: [
        { code: 'pregnancy-week-unknown' },
        { code: 'bleeding-day', date: '2025-04-01', value: 'spotting' },
        { code: 'sex-linked', date: '2025-03-31' },
      ],
    },
  ]);
});

describe('rule 4 pregnancy-bleeding-early-light: the week shown and the week-12 escalation', () => {
  factCases([
    {
      name: 'spotting in week 8 the day after sex: soon, week 8, the sex day, no escalation',
      log: early().on('2025-03-31', { sex: true }).period('2025-04-01', ['spotting', 'light']),
      rule: 'pregnancy-bleeding-early-light',
      tier: 'soon',
      facts: [
        { code: 'pregnancy-week', date: '2025-04-01', value: 8 },
        { code: 'bleeding-day', date: '2025-04-01', value: 'spotting' },
        { code: 'bleeding-day', date: '2025-04-02', value: 'light' },
        { code: 'sex-linked', date: '2025-03-31' },
      ],
    },
    {
      name: 'spotting 11+6 and 12+0: urgent, the week shown is 12 on the first day from 12+0',
      log: early().period('2025-04-25', ['spotting', 'spotting']),
      rule: 'pregnancy-bleeding-early-light',
      tier: 'urgent',
      facts: [
        { code: 'pregnancy-week', date: '2025-04-26', value: 12 },
        { code: 'bleeding-day', date: '2025-04-25', value: 'spotting' },
        { code: 'bleeding-day', date: '2025-04-26', value: 'spotting' },
        { code: 'escalated-week-12' },
      ],
    },
    {
      // Only days up to the pregnancy's end are bleeding in pregnancy: 12+0 is after it here.
      name: 'pregnancy ended 11+6: a light day on 12+0 after the end does not escalate',
      log: early()
        .pregnancy({ ...EARLY, end: '2025-04-25' })
        .period('2025-04-25', ['light', 'light']),
      rule: 'pregnancy-bleeding-early-light',
      tier: 'soon',
      facts: [
        { code: 'pregnancy-week', date: '2025-04-25', value: 11 },
        { code: 'bleeding-day', date: '2025-04-25', value: 'light' },
        { code: 'bleeding-day', date: '2025-04-26', value: 'light' },
      ],
    },
  ]);
});

describe('rule 2 pregnancy-bleeding-with-pain: pain and fever facts from the day before to the day after', () => {
  factCases([
    {
      // Moderate is the lowest pain that counts (rank 2); mild does not; two days away is outside.
      name: 'pain on each side of a spotting day: moderate and severe listed, mild and far days not',
      log: early()
        .on('2025-04-03', { cramps: 'severe' })
        .on('2025-04-04', { cramps: 'moderate' })
        .on('2025-04-05', { bleeding: 'spotting', cramps: 'mild', sex: true })
        .on('2025-04-06', { pelvic_pain: 'severe' })
        .on('2025-04-07', { cramps: 'severe' }),
      rule: 'pregnancy-bleeding-with-pain',
      facts: [
        { code: 'pain-level', date: '2025-04-04', value: 'cramps moderate' },
        { code: 'pain-level', date: '2025-04-06', value: 'pelvic pain severe' },
        { code: 'sex-linked', date: '2025-04-05' },
      ],
      not: ['pregnancy-bleeding-early-light'],
    },
    {
      name: 'pain only on the bleeding day itself',
      log: early().on('2025-04-05', { bleeding: 'spotting', pelvic_pain: 'moderate' }),
      rule: 'pregnancy-bleeding-with-pain',
      facts: [{ code: 'pain-level', date: '2025-04-05', value: 'pelvic pain moderate' }],
    },
    {
      name: 'fever the day before and the day after: both listed, not the dry middle or 2 days on',
      log: early()
        .on('2025-04-04', { fever: true })
        .on('2025-04-05', { bleeding: 'light' })
        .on('2025-04-06', { temperature: 38.2 })
        .on('2025-04-07', { fever: true }),
      rule: 'pregnancy-bleeding-with-pain',
      facts: [
        { code: 'fever', date: '2025-04-04' },
        { code: 'fever', date: '2025-04-06' },
      ],
    },
    {
      name: 'two bleeding days share a painful day: it is listed once',
      log: early().period('2025-04-05', ['spotting', 'spotting']).on('2025-04-06', {
        cramps: 'moderate',
      }),
      rule: 'pregnancy-bleeding-with-pain',
      facts: [{ code: 'pain-level', date: '2025-04-06', value: 'cramps moderate' }],
    },
  ]);
});

describe('bleeding after sex in pregnancy is left to the pregnancy rules', () => {
  it('not_flagged says so for the sex day', () => {
    const result = analyze(early().on('2025-03-31', { sex: true }).period('2025-04-01', ['light']));
    expect(skipsOf(result, 'postcoital-bleeding')).toEqual([
      { date: '2025-03-31', reason: { code: 'pregnant-handled-by-pregnancy-rules' } },
    ]);
  });

  it('without sex there is nothing to say about postcoital bleeding', () => {
    const result = analyze(early().period('2025-04-01', ['light']));
    expect(skipsOf(result, 'postcoital-bleeding')).toEqual([]);
  });
});

/** Recorded postmenopausal; the log covers 2025. */
const post = (age: number) =>
  quietLog('2025-01-01', '2025-04-30').profile({ menopause: 'post', age });

describe('rule 5 postmenopausal-bleeding: facts, heavy escalation and age 55', () => {
  factCases([
    {
      name: 'spotting the day after sex at 56: soon, the sex day and the age-55 fast track',
      log: post(56).on('2025-03-09', { sex: true }).period('2025-03-10', ['spotting']),
      rule: 'postmenopausal-bleeding',
      tier: 'soon',
      facts: [
        { code: 'postmenopausal' },
        { code: 'bleeding-day', date: '2025-03-10', value: 'spotting' },
        { code: 'sex-linked', date: '2025-03-09' },
        { code: 'age-55-fast-track', value: 56 },
      ],
      not: ['postcoital-bleeding'],
    },
    {
      name: 'a heavy day at 50 without sex: urgent, escalated, no age fact',
      log: post(50).period('2025-03-10', ['medium', 'heavy']),
      rule: 'postmenopausal-bleeding',
      tier: 'urgent',
      facts: [
        { code: 'postmenopausal' },
        { code: 'bleeding-day', date: '2025-03-10', value: 'medium' },
        { code: 'bleeding-day', date: '2025-03-11', value: 'heavy' },
        { code: 'escalated-heavy-day' },
      ],
    },
  ]);

  it('bleeding after sex: not_flagged says rule 5 handles it', () => {
    const result = analyze(
      post(56).on('2025-03-09', { sex: true }).period('2025-03-10', ['light']),
    );
    expect(skipsOf(result, 'postcoital-bleeding')).toEqual([
      { date: '2025-03-09', reason: { code: 'postmenopausal-handled-by-pmb' } },
    ]);
  });

  it('without sex there is nothing to say about postcoital bleeding', () => {
    const result = analyze(post(56).period('2025-03-10', ['light']));
    expect(skipsOf(result, 'postcoital-bleeding')).toEqual([]);
  });
});

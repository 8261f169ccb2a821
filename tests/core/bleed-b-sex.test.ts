/**
 * Mutation tests for the sex-linked half of src/core/rules/bleeding-episodes.ts (lines 343+):
 * rule 9's late first-sex bleeding (S+2), each of rule 9's failing conditions with its dated fact,
 * D10's single-day qualifier on a two-day episode, sex during bleeding, and the facts of rule 8
 * (recurrent-postcoital-bleeding).
 */
import { describe, expect } from 'vitest';
import {
  onlyFinding,
  quietLog,
  regularCycles,
  ruleCases,
  skipsOn,
  type Result,
} from './log-builder.ts';

/**
 * Three 28-day cycles from 2025-01-01 (starts Jan 1, Jan 29, Feb 26), logged through Mar 25.
 * The cycle Jan 29 → Feb 26 has its ovulation window on Feb 8..Feb 14.
 */
const base = () => regularCycles({ from: '2025-01-01', count: 3 });
/** First-ever sex (no sex logged before it). */
const S = '2025-02-08';

describe('rule 9: bleeding first seen two days after first-ever sex (S+2)', () => {
  ruleCases([
    {
      name: 'spotting on S+2 only, nothing else → first-sex-bleeding from S, with its facts, not ovulation spotting',
      log: base().on(S, { sex: true, first_sex: true }).on('2025-02-10', { bleeding: 'spotting' }),
      must: { 'first-sex-bleeding': 'info' },
      not: ['ovulation-spotting', 'isolated-spotting', 'intermenstrual-bleeding'],
      check: (r) => {
        const f = onlyFinding(r, 'first-sex-bleeding');
        expect(f.start).toBe(S);
        expect(f.end).toBe('2025-02-10');
        expect(f.facts).toEqual([
          { code: 'sex', date: S },
          { code: 'bleeding-day', date: '2025-02-10', value: 'spotting' },
          { code: 'first-sex' },
        ]);
      },
    },
    {
      name: 'with a copper IUD in place the S+2 spot is not the first-sex exemption → ovulation spotting',
      log: base()
        .contraception('copper-iud', '2024-01-01')
        .on(S, { sex: true, first_sex: true })
        .on('2025-02-10', { bleeding: 'spotting' }),
      must: { 'ovulation-spotting': 'info' },
      not: ['first-sex-bleeding'],
    },
    {
      name: 'a heavy S+2 day fails rule 9 → judged as bleeding between periods (soon)',
      log: base().on(S, { sex: true, first_sex: true }).on('2025-02-10', { bleeding: 'heavy' }),
      must: { 'intermenstrual-bleeding': 'soon' },
      not: ['first-sex-bleeding'],
    },
  ]);
});

describe("rule 9's failing conditions: postcoital-bleeding (soon) with the dated failure", () => {
  /** First sex on S with bleeding from S, the given days in order. */
  const firstSex = (days: Record<string, object>) => {
    const b = base().on(S, { sex: true, first_sex: true });
    for (const [date, fields] of Object.entries(days)) b.on(date, fields);
    return b;
  };
  const failure = (code: string, date: string) => (r: Result) => {
    const f = onlyFinding(r, 'postcoital-bleeding');
    expect(f.facts).toContainEqual({ code, date });
    expect(skipsOn(r, 'first-sex-bleeding', S).map((n) => n.reason)).toEqual([{ code, date }]);
  };
  ruleCases([
    {
      name: 'spotting S..S+3 (still bleeding on S+3) → first-sex-bleeding-continues on S+3',
      log: firstSex({
        '2025-02-08': { bleeding: 'spotting' },
        '2025-02-09': { bleeding: 'spotting' },
        '2025-02-10': { bleeding: 'spotting' },
        '2025-02-11': { bleeding: 'spotting' },
      }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['first-sex-bleeding'],
      check: failure('first-sex-bleeding-continues', '2025-02-11'),
    },
    {
      name: 'a heavy day on S+3 (the last day looked at) → first-sex-heavy on S+3, not "continues"',
      log: firstSex({
        '2025-02-08': { bleeding: 'spotting' },
        '2025-02-09': { bleeding: 'spotting' },
        '2025-02-10': { bleeding: 'spotting' },
        '2025-02-11': { bleeding: 'heavy' },
      }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['first-sex-bleeding'],
      check: failure('first-sex-heavy', '2025-02-11'),
    },
    {
      name: 'a heavy first day → first-sex-heavy on S',
      log: firstSex({ '2025-02-08': { bleeding: 'heavy' } }),
      must: { 'postcoital-bleeding': 'soon' },
      check: failure('first-sex-heavy', S),
    },
    {
      name: 'severe cramps on S+2 → first-sex-severe-pain on S+2',
      log: firstSex({
        '2025-02-08': { bleeding: 'spotting' },
        '2025-02-10': { cramps: 'severe' },
      }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['first-sex-bleeding'],
      check: failure('first-sex-severe-pain', '2025-02-10'),
    },
    {
      name: 'fever on S+1 → first-sex-fever on S+1',
      log: firstSex({
        '2025-02-08': { bleeding: 'spotting' },
        '2025-02-09': { fever: true },
      }),
      must: { 'postcoital-bleeding': 'soon' },
      not: ['first-sex-bleeding'],
      check: failure('first-sex-fever', '2025-02-09'),
    },
  ]);
});

describe('D10: only a single day of bleeding is downgraded on a hormonal method', () => {
  /** A long-term combined pill (no settling window), no periods logged. */
  const onPill = () =>
    quietLog('2025-01-01', '2025-03-31').contraception('combined-pill', '2023-01-01');
  ruleCases([
    {
      name: 'one spotting day after sex, none the next day → downgraded to next-visit',
      log: onPill().on('2025-02-10', { sex: true, bleeding: 'spotting' }),
      must: { 'postcoital-bleeding': 'next-visit' },
    },
    {
      name: 'two spotting days after sex, then none → not a single day: soon, no downgrade fact',
      log: onPill()
        .on('2025-02-10', { sex: true, bleeding: 'spotting' })
        .on('2025-02-11', { bleeding: 'spotting' }),
      must: { 'postcoital-bleeding': 'soon' },
      check: (r) =>
        expect(onlyFinding(r, 'postcoital-bleeding').facts.map((f) => f.code)).not.toContain(
          'downgraded-hormonal-single-day',
        ),
    },
    {
      // D3 joins bleeding days up to 2 apart: the episode has two days although the day after
      // the first says "none" — not a single day, so no downgrade.
      name: 'spotting after sex, none the next day, spotting again the day after → one two-day episode: soon',
      log: onPill()
        .on('2025-02-10', { sex: true, bleeding: 'spotting' })
        .on('2025-02-12', { bleeding: 'spotting' }),
      must: { 'postcoital-bleeding': 'soon' },
      check: (r) => {
        const f = onlyFinding(r, 'postcoital-bleeding');
        expect(f.end).toBe('2025-02-12');
        expect(f.facts.map((x) => x.code)).not.toContain('downgraded-hormonal-single-day');
      },
    },
    {
      // D0: an entry's unset fields mean none, so a row without a bleeding field says it stopped.
      name: 'the next day is an entry without a bleeding field → it stopped: downgraded to next-visit',
      log: onPill()
        .on('2025-02-10', { sex: true, bleeding: 'spotting' })
        .noEntry('2025-02-11')
        .on('2025-02-11', { cramps: 'none' }),
      must: { 'postcoital-bleeding': 'next-visit' },
      check: (r) =>
        expect(onlyFinding(r, 'postcoital-bleeding').facts).toContainEqual({
          code: 'downgraded-hormonal-single-day',
          value: 'combined-pill',
        }),
    },
  ]);
});

describe('sex during bleeding vs sex the day before it', () => {
  ruleCases([
    {
      name: 'sex the day before the bleeding is sex-linked, never "bleeding began before sex"',
      log: base()
        .on('2025-02-09', { sex: true })
        .on('2025-02-10', { bleeding: 'spotting' })
        .on('2025-02-11', { bleeding: 'spotting', sex: true }),
      must: { 'postcoital-bleeding': 'soon' },
      check: (r) => {
        expect(skipsOn(r, 'postcoital-bleeding', '2025-02-09')).toEqual([]);
        expect(skipsOn(r, 'postcoital-bleeding', '2025-02-11')).toEqual([
          {
            rule: 'postcoital-bleeding',
            date: '2025-02-11',
            reason: { code: 'bleeding-began-before-sex', date: '2025-02-10' },
          },
        ]);
      },
    },
  ]);
});

describe('rule 8 recurrent-postcoital-bleeding: its facts', () => {
  const twoEvents = (age: number, second: string) =>
    base()
      .age(age)
      .on('2025-02-10', { sex: true, bleeding: 'spotting' })
      .on(second, { sex: true, bleeding: 'spotting' });
  ruleCases([
    {
      name: 'two events 30 days apart at 36 → each event with its rule, and ask about referral (36, 30 days)',
      log: twoEvents(36, '2025-03-12'),
      must: { 'recurrent-postcoital-bleeding': 'soon' },
      check: (r) =>
        expect(onlyFinding(r, 'recurrent-postcoital-bleeding').facts).toEqual([
          { code: 'pcb-event', date: '2025-02-10', value: 'postcoital-bleeding' },
          { code: 'pcb-event', date: '2025-03-12', value: 'postcoital-bleeding' },
          { code: 'ask-about-referral', value: 36, other: 30 },
        ]),
    },
    {
      name: 'the same at 34 → no referral question',
      log: twoEvents(34, '2025-03-12'),
      must: { 'recurrent-postcoital-bleeding': 'soon' },
      check: (r) =>
        expect(
          onlyFinding(r, 'recurrent-postcoital-bleeding').facts.map((f) => f.code),
        ).not.toContain('ask-about-referral'),
    },
  ]);
});

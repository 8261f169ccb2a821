/**
 * The small pieces of src/core every rule leans on: tier order, unique facts, the canonical day
 * fields, and the per-day marks the pain and infection rules read. Written against the mutants
 * StrykerJS found surviving (README "Mutation testing"): each assertion here fails on one.
 */
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/core/dates.ts';
import { findEpisodes } from '../../src/core/episodes.ts';
import { uniqueFacts, type Fact } from '../../src/core/facts.ts';
import { DAY_FIELDS, type CycleLog } from '../../src/core/log.ts';
import { DayMarks } from '../../src/core/marks.ts';
import { States } from '../../src/core/states.ts';
import { higherTier, isAtOrAbove, tierRank, TIERS } from '../../src/core/tiers.ts';
import { Timeline } from '../../src/core/timeline.ts';
import { log } from './log-builder.ts';

describe('tiers', () => {
  it('rank urgent first (docs/rules.md)', () => {
    expect(TIERS).toEqual(['urgent', 'soon', 'next-visit', 'info']);
    expect(TIERS.map(tierRank)).toEqual([0, 1, 2, 3]);
  });

  it.each([
    ['urgent', 'soon', 'urgent'],
    ['soon', 'urgent', 'urgent'],
    ['next-visit', 'info', 'next-visit'],
    ['info', 'next-visit', 'next-visit'],
    ['soon', 'soon', 'soon'],
    ['info', 'info', 'info'],
  ] as const)('higherTier(%s, %s) = %s', (a, b, expected) => {
    expect(higherTier(a, b)).toBe(expected);
  });

  /** tier → threshold → at or above; rows and columns in TIERS order. */
  const AT_OR_ABOVE = {
    urgent: [true, true, true, true],
    soon: [false, true, true, true],
    'next-visit': [false, false, true, true],
    info: [false, false, false, true],
  } as const;
  it.each(Object.entries(AT_OR_ABOVE))('isAtOrAbove(%s, each threshold) = %j', (tier, row) => {
    const t = tier as (typeof TIERS)[number];
    expect(TIERS.map((threshold) => isAtOrAbove(t, threshold))).toEqual(row);
  });
});

describe('uniqueFacts', () => {
  it('drops exact repeats and keeps the first-seen order', () => {
    const a: Fact = { code: 'sex', date: '2025-01-01' };
    const b: Fact = { code: 'fever' };
    const c: Fact = { code: 'odor' };
    expect(uniqueFacts([a, b, { ...a }, b, c])).toEqual([a, b, c]);
  });

  it('keeps facts that differ in any field', () => {
    const facts: Fact[] = [{ code: 'sex' }, { code: 'sex', value: 1 }, { code: 'sex', value: 2 }];
    expect(uniqueFacts(facts)).toEqual(facts);
  });

  it('of nothing is nothing', () => {
    expect(uniqueFacts([])).toEqual([]);
  });
});

describe('the canonical day fields', () => {
  it('are the CSV header after `date`, in the order of docs/log-format.md', () => {
    expect(['date', ...DAY_FIELDS].join(',')).toBe(
      'date,bleeding,period,bleeding_source,blood_color,sex,first_sex,pain_during_sex,cramps,' +
        'pelvic_pain,discharge,odor,painful_urination,fever,temperature,soaking,dizzy,notes',
    );
  });
});

describe('DayMarks', () => {
  /**
   * Logged Jan 10–Feb 10: a period Jan 10–14 (from the first logged day) with spotting Jan 9
   * unlogged, spotting on Jan 20 (a non-period episode), and a period from Feb 7 that is still
   * going on the evaluation date, Feb 10.
   */
  // Built inside each test: StrykerJS counts code run while tests are collected as "static".
  const on = (date: string) => {
    const built: CycleLog = log()
      .period('2025-01-10', 5)
      .on('2025-01-20', { bleeding: 'spotting' })
      .period('2025-02-07', ['medium', 'medium', 'light', 'light'])
      .build();
    const first = toDay('2025-01-10');
    const end = toDay('2025-02-10');
    const tl = new Timeline(built, first, end);
    const marks = new DayMarks(tl, findEpisodes(tl, new States(built.profile, end)));
    return {
      related: marks.isPeriodRelated(toDay(date)),
      inPeriod: marks.isInPeriodEpisode(toDay(date)),
      nonPeriod: marks.isNonPeriodBleeding(toDay(date)),
    };
  };
  const none = { related: false, inPeriod: false, nonPeriod: false };
  const period = { related: true, inPeriod: true, nonPeriod: false };

  it.each([
    ['2025-01-09', none, 'before the first logged day'],
    ['2025-01-10', period, 'the first logged day, a period day'],
    ['2025-01-14', period, "the first period's last day"],
    ['2025-01-15', none, 'the day after it'],
    ['2025-01-20', { related: false, inPeriod: false, nonPeriod: true }, 'spotting alone'],
    ['2025-02-04', none, 'three days before a period start'],
    ['2025-02-05', { related: true, inPeriod: false, nonPeriod: false }, 'start − 2'],
    ['2025-02-06', { related: true, inPeriod: false, nonPeriod: false }, 'start − 1'],
    ['2025-02-10', period, 'the evaluation date, in a period'],
    ['2025-02-11', none, 'after the evaluation date'],
    ['2025-03-15', none, 'long after the evaluation date'],
  ])('%s: %j (%s)', (date, expected) => {
    expect(on(date)).toEqual(expected);
  });
});

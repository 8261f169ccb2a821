/**
 * A bleed that has just begun when the next period is due is the period starting, not bleeding
 * between periods (bleeding-episodes.ts, isPeriodStarting): one flow day is not yet a period
 * (D4), so before this every log that ended on day 1 of an on-time period flagged that day as
 * intermenstrual bleeding, "soon". Both sides of each condition: within 6 days of the predicted
 * start, 1–2 days long, not ended on the evaluation date, no fever, infection sign or severe pain
 * from the day before, no "not a period" label.
 */
import { describe, expect, it } from 'vitest';
import type { Bleeding } from '../../src/core/log.ts';
import {
  addDays,
  analyze,
  describeFindings,
  regularCycles,
  type DayFields,
} from './log-builder.ts';

/** Periods on 2025-01-01, 01-29 and 02-26, logged "none" through 03-25: predicted start 03-26. */
const PREDICTED = '2025-03-26';
const LAST_NONE = '2025-03-25';
const cycles = () => regularCycles({ from: '2025-01-01', length: 28, count: 3 });

function analyzeBleedFrom(
  offset: number,
  bleeding: Bleeding[] = ['medium'],
  fields: DayFields = {},
  asOf?: string,
) {
  const first = addDays(PREDICTED, offset);
  const last = addDays(first, bleeding.length - 1);
  const log = cycles();
  // The log ends with the bleed: later days logged "none" would say it had stopped.
  if (offset > 0) log.none(PREDICTED, addDays(first, -1));
  else if (last < LAST_NONE) log.noEntry(addDays(last, 1), LAST_NONE);
  bleeding.forEach((b, i) => log.on(addDays(first, i), { bleeding: b, ...fields }));
  return analyze(log, asOf ? { asOf } : {});
}

const flagged = (r: ReturnType<typeof analyze>) =>
  r.findings.some((f) =>
    ['intermenstrual-bleeding', 'isolated-spotting', 'ovulation-spotting'].includes(f.rule),
  );
const startingReasons = (r: ReturnType<typeof analyze>) =>
  r.analysis.not_flagged.filter((n) => n.reason.code === 'period-may-be-starting');

describe('an unfinished bleed of 1–2 days within 6 days of the predicted start', () => {
  it.each([
    ['on the predicted day, one medium day', 0, ['medium'], false],
    ['on the predicted day, heavy', 0, ['heavy'], false],
    ['6 days early', -6, ['medium'], false],
    ['7 days early: between periods (correction 5)', -7, ['medium'], true],
    ['6 days late', 6, ['medium'], false],
    ['7 days late: judged (the late-period rule speaks)', 7, ['medium'], true],
    ['a spotting day on the predicted day', 0, ['spotting'], false],
    ['two spotting days from the predicted day', 0, ['spotting', 'spotting'], false],
    ['three spotting days and still going: judged', 0, ['spotting', 'spotting', 'spotting'], true],
    ['six spotting days and still going: judged', 0, Array(6).fill('spotting'), true],
  ] as const)('%s → flagged: %s', (_name, offset, bleeding, expected) => {
    const r = analyzeBleedFrom(offset, [...bleeding]);
    expect(flagged(r), describeFindings(r)).toBe(expected);
    expect(startingReasons(r).length).toBe(expected ? 0 : 1);
  });

  it('says why, with the predicted date, under not_flagged', () => {
    const r = analyzeBleedFrom(-1);
    expect(r.findings, describeFindings(r)).toEqual([]);
    expect(startingReasons(r)).toEqual([
      {
        rule: 'intermenstrual-bleeding',
        date: addDays(PREDICTED, -1),
        reason: { code: 'period-may-be-starting', date: PREDICTED },
      },
    ]);
  });
});

describe('only while it has not ended', () => {
  it('the bleed on the day before E, E not logged (--as-of a day later) → not flagged', () => {
    const r = analyzeBleedFrom(0, ['medium'], {}, addDays(PREDICTED, 1));
    expect(flagged(r), describeFindings(r)).toBe(false);
  });

  it('the bleed on the day before E, E logged without bleeding (it stopped) → flagged', () => {
    const first = addDays(PREDICTED, -1);
    const r = analyze(
      cycles().on(first, { bleeding: 'medium' }).on(PREDICTED, { bleeding: 'none' }),
    );
    expect(flagged(r), describeFindings(r)).toBe(true);
    expect(startingReasons(r)).toEqual([]);
  });

  it('two days before E, E not logged → flagged (no longer in progress)', () => {
    const r = analyzeBleedFrom(0, ['medium'], {}, addDays(PREDICTED, 2));
    expect(flagged(r), describeFindings(r)).toBe(true);
  });
});

describe('what keeps it a finding', () => {
  it('labelled "not a period" → flagged', () => {
    const r = analyzeBleedFrom(0, ['medium'], { period: false });
    expect(flagged(r), describeFindings(r)).toBe(true);
  });

  it('one of its two days labelled "not a period" → flagged', () => {
    const log = cycles()
      .on(PREDICTED, { bleeding: 'spotting', period: false })
      .on(addDays(PREDICTED, 1), { bleeding: 'spotting' });
    const r = analyze(log);
    expect(flagged(r), describeFindings(r)).toBe(true);
  });

  it('fever on the second (last) day of an unfinished two-day bleed → flagged', () => {
    const log = cycles()
      .on(PREDICTED, { bleeding: 'spotting' })
      .on(addDays(PREDICTED, 1), { bleeding: 'spotting', fever: true });
    const r = analyze(log);
    expect(flagged(r), describeFindings(r)).toBe(true);
    expect(startingReasons(r)).toEqual([]);
  });

  it('the same two days without the fever → not flagged (the period may be starting)', () => {
    const log = cycles()
      .on(PREDICTED, { bleeding: 'spotting' })
      .on(addDays(PREDICTED, 1), { bleeding: 'spotting' });
    const r = analyze(log);
    expect(flagged(r), describeFindings(r)).toBe(false);
  });

  it.each([
    ['fever on the day', 0, true],
    ['fever the day before', -1, true],
    ['fever two days before', -2, false],
  ] as const)('%s → flagged: %s', (_name, offset, expected) => {
    const first = addDays(PREDICTED, -1);
    const log = cycles()
      .on(addDays(first, offset), { fever: true })
      .on(first, { bleeding: 'medium', ...(offset === 0 ? { fever: true } : {}) });
    const r = analyze(log);
    expect(flagged(r), describeFindings(r)).toBe(expected);
  });
});

it.each([
  ['moderate cramps (ordinary on day 1)', { cramps: 'moderate' }, false],
  ['moderate pelvic pain', { pelvic_pain: 'moderate' }, false],
  ['severe cramps', { cramps: 'severe' }, true],
  ['unusual discharge', { discharge: 'unusual' }, true],
  ['odour', { odor: true }, true],
  ['painful urination', { painful_urination: true }, true],
] as const)('on the predicted day with %s → flagged: %s', (_name, fields, expected) => {
  const r = analyzeBleedFrom(0, ['medium'], fields);
  expect(flagged(r), describeFindings(r)).toBe(expected);
});

it('with no prediction (a single period logged) the bleed is judged as before', () => {
  const r = analyze(
    regularCycles({ from: '2025-01-01', length: 28, count: 1 }).on('2025-01-29', {
      bleeding: 'medium',
    }),
  );
  expect(flagged(r), describeFindings(r)).toBe(true);
});

it('a mid-cycle spot and the period starting are not a recurrence of bleeding between periods', () => {
  const r = analyze(
    cycles().on('2025-03-10', { bleeding: 'spotting' }).on(PREDICTED, { bleeding: 'medium' }),
  );
  expect(r.tiers.has('recurrent-intermenstrual-spotting'), describeFindings(r)).toBe(false);
  expect(startingReasons(r).length).toBe(1);
});

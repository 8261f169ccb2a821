/**
 * The day-level readings every rule makes through the Timeline (D0, D1, D11): what counts as a
 * bleeding day, a sex day, fever, a red flag, an infection symptom, and which days are not
 * tracked. Both sides of each edge. Written against the mutants StrykerJS found surviving
 * (README "Mutation testing").
 */
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/core/dates.ts';
import type { CycleLog, Day } from '../../src/core/log.ts';
import {
  isFever,
  isGenitalBleeding,
  isSex,
  severityRank,
  Timeline,
} from '../../src/core/timeline.ts';

const d = (fields: Partial<Day>): Day => ({ date: '2025-01-01', ...fields });

describe('isGenitalBleeding (D1)', () => {
  it.each([
    [{}, false],
    [{ bleeding: 'none' }, false],
    [{ bleeding: 'spotting' }, true],
    [{ bleeding: 'heavy', bleeding_source: 'vaginal' }, true],
    [{ bleeding: 'light', bleeding_source: 'unsure' }, true],
    [{ bleeding: 'light', bleeding_source: 'urinary' }, false],
    [{ bleeding: 'light', bleeding_source: 'rectal' }, false],
  ] as [Partial<Day>, boolean][])('%j → %s', (fields, expected) => {
    expect(isGenitalBleeding(d(fields))).toBe(expected);
  });
});

describe('isSex', () => {
  it.each([
    [{}, false],
    [{ sex: false }, false],
    [{ sex: true }, true],
    [{ first_sex: true }, true],
    [{ pain_during_sex: true }, true],
  ] as [Partial<Day>, boolean][])('%j → %s', (fields, expected) => {
    expect(isSex(d(fields))).toBe(expected);
  });
});

describe('isFever: ticked, or 38.0 °C or more', () => {
  it.each([
    [{}, false],
    [{ fever: true }, true],
    [{ fever: false, temperature: 37.9 }, false],
    [{ temperature: 38 }, true],
    [{ temperature: 36.5 }, false],
  ] as [Partial<Day>, boolean][])('%j → %s', (fields, expected) => {
    expect(isFever(d(fields))).toBe(expected);
  });
});

describe('severityRank', () => {
  it('no entry is none; none < mild < moderate < severe', () => {
    expect(severityRank(undefined)).toBe(0);
    expect((['none', 'mild', 'moderate', 'severe'] as const).map(severityRank)).toEqual([
      0, 1, 2, 3,
    ]);
  });
});

describe('Timeline', () => {
  /** Jan 1–10 logged except Jan 4; Jan 6–7 declared not tracked; evaluated on Jan 9. */
  const built: CycleLog = {
    profile: { not_tracked: [{ from: '2025-01-06', to: '2025-01-07' }] },
    days: [
      { date: '2025-01-01', bleeding: 'medium' },
      { date: '2025-01-02', cramps: 'moderate' },
      { date: '2025-01-03', pelvic_pain: 'mild', cramps: 'severe' },
      { date: '2025-01-05', sex: true, discharge: 'unusual' },
      { date: '2025-01-08', odor: true },
      { date: '2025-01-09', painful_urination: true, bleeding: 'spotting' },
      { date: '2025-01-10', bleeding: 'heavy', fever: true },
    ],
  };
  // Made inside each test: StrykerJS counts code run while tests are collected as "static".
  const timeline = () => new Timeline(built, toDay('2025-01-01'), toDay('2025-01-09'));
  const n = (date: string) => toDay(date);

  it('reads entries from the first logged day to the evaluation date only', () => {
    const tl = timeline();
    expect(tl.at(n('2024-12-31'))).toBeUndefined();
    expect(tl.at(n('2025-01-01'))?.bleeding).toBe('medium');
    expect(tl.at(n('2025-01-04'))).toBeUndefined();
    expect(tl.at(n('2025-01-09'))?.bleeding).toBe('spotting');
    expect(tl.at(n('2025-01-10'))).toBeUndefined();
    expect(tl.isBleedingDay(n('2025-01-10'))).toBe(false);
  });

  it('lists the logged days in order', () => {
    const tl = timeline();
    expect([...tl.loggedDays()]).toEqual(
      ['01', '02', '03', '05', '08', '09'].map((day) => n(`2025-01-${day}`)),
    );
  });

  it('bleeding, sex and fever days', () => {
    const tl = timeline();
    expect(tl.isBleedingDay(n('2025-01-01'))).toBe(true);
    expect(tl.isBleedingDay(n('2025-01-02'))).toBe(false);
    expect(tl.isBleedingDay(n('2025-01-04'))).toBe(false);
    expect(tl.isSexDay(n('2025-01-05'))).toBe(true);
    expect(tl.isSexDay(n('2025-01-04'))).toBe(false);
    expect(tl.isSexDay(n('2025-01-01'))).toBe(false);
    expect(tl.hasFever(n('2025-01-09'))).toBe(false);
    expect(tl.hasFever(n('2025-01-04'))).toBe(false);
  });

  it('painRank: the worse of cramps and pelvic pain, 0 without an entry', () => {
    const tl = timeline();
    expect(tl.painRank(n('2025-01-01'))).toBe(0);
    expect(tl.painRank(n('2025-01-02'))).toBe(2);
    expect(tl.painRank(n('2025-01-03'))).toBe(3);
    expect(tl.painRank(n('2025-01-04'))).toBe(0);
  });

  it.each([
    ['2025-01-01', false, false, 'bleeding alone'],
    ['2025-01-02', true, false, 'moderate cramps'],
    ['2025-01-03', true, false, 'severe cramps'],
    ['2025-01-04', false, false, 'no entry'],
    ['2025-01-05', true, true, 'unusual discharge'],
    ['2025-01-08', true, true, 'odour'],
    ['2025-01-09', true, true, 'painful urination'],
  ])('%s: red flag %s, infection symptom %s (%s)', (date, red, infection) => {
    const tl = timeline();
    expect(tl.hasRedFlag(n(date))).toBe(red);
    expect(tl.hasInfectionSymptom(n(date))).toBe(infection);
  });

  it('a red flag from mild pain is none; from fever it is', () => {
    const mild: CycleLog = {
      profile: {},
      days: [
        { date: '2025-01-01', cramps: 'mild', pelvic_pain: 'mild' },
        { date: '2025-01-02', fever: true },
        { date: '2025-01-03', discharge: 'normal' },
      ],
    };
    const t = new Timeline(mild, n('2025-01-01'), n('2025-01-03'));
    expect(t.hasRedFlag(n('2025-01-01'))).toBe(false);
    expect(t.hasRedFlag(n('2025-01-02'))).toBe(true);
    expect(t.hasFever(n('2025-01-02'))).toBe(true);
    expect(t.hasRedFlag(n('2025-01-03'))).toBe(false);
    expect(t.hasInfectionSymptom(n('2025-01-03'))).toBe(false);
  });

  it.each([
    ['2025-01-05', '2025-01-05', false, 'a logged day'],
    ['2025-01-04', '2025-01-05', false, 'a hole is not a declared pause'],
    ['2025-01-05', '2025-01-06', true, 'reaching the first paused day'],
    ['2025-01-07', '2025-01-08', true, 'starting on the last paused day'],
    ['2025-01-08', '2025-01-09', false, 'after the pause'],
    ['2024-12-31', '2025-01-01', true, 'before the first logged day'],
    ['2025-01-01', '2025-01-01', false, 'the first logged day'],
    ['2025-01-08', '2025-01-20', false, 'past the evaluation date'],
    ['2025-01-10', '2025-01-20', false, 'wholly after the evaluation date'],
    ['2025-01-09', '2025-01-08', false, 'an empty range'],
    ['2024-12-31', '2024-12-30', false, 'an empty range before the log'],
    ['2025-01-06', '2025-01-06', true, 'one paused day'],
  ])('hasNotTracked(%s, %s) = %s (%s)', (from, to, expected) => {
    const tl = timeline();
    expect(tl.hasNotTracked(n(from), n(to))).toBe(expected);
  });

  it('a pause reaching past the evaluation date, or before the log, is cut to the log', () => {
    const wide: CycleLog = {
      profile: { not_tracked: [{ from: '2024-12-01', to: '2025-01-02' }] },
      days: [{ date: '2025-01-01' }, { date: '2025-01-05' }],
    };
    const t = new Timeline(wide, n('2025-01-01'), n('2025-01-05'));
    expect(t.hasNotTracked(n('2025-01-02'), n('2025-01-02'))).toBe(true);
    expect(t.hasNotTracked(n('2025-01-03'), n('2025-01-05'))).toBe(false);
    const late: CycleLog = {
      profile: { not_tracked: [{ from: '2025-01-04', to: '2025-02-01' }] },
      days: [{ date: '2025-01-01' }, { date: '2025-01-05' }],
    };
    const t2 = new Timeline(late, n('2025-01-01'), n('2025-01-05'));
    expect(t2.hasNotTracked(n('2025-01-05'), n('2025-01-05'))).toBe(true);
    expect(t2.hasNotTracked(n('2025-01-02'), n('2025-01-03'))).toBe(false);
  });
});

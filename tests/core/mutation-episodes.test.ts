/**
 * The cycle model under the rules (D3–D7, D15): period starts, cycle days, usable cycles and the
 * predicted start, read directly rather than through a rule. Written against the mutants
 * StrykerJS found surviving (README "Mutation testing").
 */
import { describe, expect, it } from 'vitest';
import { formatIsoDate, toDay } from '../../src/core/dates.ts';
import { bleedingRank, CycleModel, findEpisodes, median } from '../../src/core/episodes.ts';
import type { CycleLog } from '../../src/core/log.ts';
import { States } from '../../src/core/states.ts';
import { Timeline } from '../../src/core/timeline.ts';
import { addDays, log, type LogBuilder } from './log-builder.ts';

function modelOf(built: CycleLog): CycleModel {
  const first = toDay(built.days[0]!.date);
  const end = toDay(built.days[built.days.length - 1]!.date);
  const tl = new Timeline(built, first, end);
  const states = new States(built.profile, end);
  return new CycleModel(findEpisodes(tl, states), tl, states);
}

/** Periods (5 days each) starting on `from` and then after each of `lengths` days. */
function periods(from: string, lengths: number[]): LogBuilder {
  const builder = log().period(from, 5);
  let start = from;
  for (const length of lengths) {
    start = addDays(start, length);
    builder.period(start, 5);
  }
  return builder;
}

const day = (date: string) => toDay(date);
const date = (n: number | undefined | null) =>
  n === undefined || n === null ? n : formatIsoDate(n);

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[1, 2], 1.5],
    [[4, 1, 3, 2], 2.5],
    [[30, 20, 40, 10, 50], 30],
  ])('median(%j) = %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('bleedingRank', () => {
  it('ranks no entry as none, and each amount above the last', () => {
    expect(bleedingRank(undefined)).toBe(0);
    expect(
      (['none', 'spotting', 'light', 'medium', 'heavy'] as const).map((b) => bleedingRank(b)),
    ).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('period starts and cycle days', () => {
  // Starts Jan 10 and Feb 9 (30 days apart); logged Jan 10 – Feb 20.
  // Built inside each test: StrykerJS counts code run while tests are collected as "static".
  const startsJan10AndFeb9 = () =>
    modelOf(periods('2025-01-10', [30]).fillTo('2025-02-20').build());

  it('hasStartBetween: a start on either end of the range counts, none inside is false', () => {
    const model = startsJan10AndFeb9();
    expect(model.hasStartBetween(day('2025-01-10'), day('2025-01-10'))).toBe(true);
    expect(model.hasStartBetween(day('2025-02-01'), day('2025-02-09'))).toBe(true);
    expect(model.hasStartBetween(day('2025-01-11'), day('2025-02-08'))).toBe(false);
    expect(model.hasStartBetween(day('2025-02-10'), day('2025-03-30'))).toBe(false);
  });

  it('cycleDay: none before the first start, day 1 on a start', () => {
    const model = startsJan10AndFeb9();
    expect(model.cycleDay(day('2025-01-09'))).toBeNull();
    expect(model.cycleDay(day('2025-01-10'))).toBe(1);
    expect(model.cycleDay(day('2025-02-08'))).toBe(30);
    expect(model.cycleDay(day('2025-02-09'))).toBe(1);
  });
});

describe('usable cycles (D7)', () => {
  it('a pill started on the next period start leaves the cycle before it usable', () => {
    const built = periods('2025-01-10', [30, 30])
      .contraception('combined-pill', '2025-02-09')
      .fillTo('2025-03-20')
      .build();
    expect(modelOf(built).cycles.map((c) => c.usable)).toEqual([true, false]);
  });

  it('a pill started the day before it does not', () => {
    const built = periods('2025-01-10', [30, 30])
      .contraception('combined-pill', '2025-02-08')
      .fillTo('2025-03-20')
      .build();
    expect(modelOf(built).cycles.map((c) => c.usable)).toEqual([false, false]);
  });
});

describe('cycles with a pause (D7)', () => {
  it('a pause that begins the day after the next start leaves the cycle before it usable', () => {
    const built = periods('2025-01-10', [30, 30]).fillTo('2025-03-20').build();
    // Feb 9 medium, Feb 10 not tracked, Feb 11 medium: still one period from Feb 9 (D3).
    built.profile.not_tracked = [{ from: '2025-02-10', to: '2025-02-10' }];
    built.days = built.days.filter((d) => d.date !== '2025-02-10');
    expect(modelOf(built).cycles.map((c) => c.usable)).toEqual([true, false]);
  });

  it('a pause on the day before it does not', () => {
    const built = periods('2025-01-10', [30, 30]).fillTo('2025-03-20').build();
    built.profile.not_tracked = [{ from: '2025-02-08', to: '2025-02-08' }];
    built.days = built.days.filter((d) => d.date !== '2025-02-08');
    expect(modelOf(built).cycles.map((c) => c.usable)).toEqual([false, true]);
  });
});

describe('the predicted start (D7)', () => {
  it('uses the median of the last six completed cycles, not fewer', () => {
    // Cycles 40, then 20, 20, 20, then 30, 30, 30: the last six give 25, the last four 30.
    const built = periods('2025-01-01', [40, 20, 20, 20, 30, 30, 30]).fillTo('2025-08-30').build();
    const model = modelOf(built);
    const last = model.starts[model.starts.length - 1]!;
    expect(date(model.predict(last + 1))).toBe(date(last + 25));
  });

  it('is none once a hormonal method started after the last start', () => {
    const regular = periods('2025-01-01', [28, 28, 28]);
    const x = day('2025-04-10');
    expect(date(modelOf(regular.fillTo('2025-04-10').build()).predict(x))).toBe('2025-04-23');
    const onPill = periods('2025-01-01', [28, 28, 28])
      .contraception('combined-pill', '2025-03-30')
      .fillTo('2025-04-10')
      .build();
    expect(modelOf(onPill).predict(x)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Day } from '../../src/core/log.ts';
import {
  describeMergedDates,
  findDuplicateDates,
  mergeDays,
  mergeTwoDays,
} from '../../src/log/merge-days.ts';

const D = '2025-03-01';

describe('mergeTwoDays', () => {
  it.each<[string, Partial<Day>, Partial<Day>, Partial<Day>]>([
    ['highest bleeding', { bleeding: 'spotting' }, { bleeding: 'medium' }, { bleeding: 'medium' }],
    [
      'highest bleeding, either order',
      { bleeding: 'heavy' },
      { bleeding: 'none' },
      { bleeding: 'heavy' },
    ],
    ['bleeding on one side only', {}, { bleeding: 'light' }, { bleeding: 'light' }],
    ['worst cramps', { cramps: 'severe' }, { cramps: 'mild' }, { cramps: 'severe' }],
    [
      'worst pelvic pain',
      { pelvic_pain: 'none' },
      { pelvic_pain: 'moderate' },
      { pelvic_pain: 'moderate' },
    ],
    ['yes wins', { sex: false }, { sex: true }, { sex: true }],
    ['explicit no kept against unset', { period: false }, {}, { period: false }],
    ['period label OR', { period: true }, { period: false }, { period: true }],
    ['fever OR', { fever: true }, { fever: false }, { fever: true }],
    [
      'unusual > normal',
      { discharge: 'normal' },
      { discharge: 'unusual' },
      { discharge: 'unusual' },
    ],
    ['normal > none', { discharge: 'normal' }, { discharge: 'none' }, { discharge: 'normal' }],
    ['max temperature', { temperature: 38.4 }, { temperature: 36.5 }, { temperature: 38.4 }],
    [
      'specific source beats unsure',
      { bleeding_source: 'unsure' },
      { bleeding_source: 'urinary' },
      { bleeding_source: 'urinary' },
    ],
    [
      'specific source beats unset',
      {},
      { bleeding_source: 'rectal' },
      { bleeding_source: 'rectal' },
    ],
    [
      'vaginal beats urinary',
      { bleeding_source: 'urinary' },
      { bleeding_source: 'vaginal' },
      { bleeding_source: 'vaginal' },
    ],
    [
      'vaginal beats rectal',
      { bleeding_source: 'vaginal' },
      { bleeding_source: 'rectal' },
      { bleeding_source: 'vaginal' },
    ],
    [
      'urinary against rectal is unsure',
      { bleeding_source: 'urinary' },
      { bleeding_source: 'rectal' },
      { bleeding_source: 'unsure' },
    ],
    [
      'same source kept',
      { bleeding_source: 'rectal' },
      { bleeding_source: 'rectal' },
      { bleeding_source: 'rectal' },
    ],
    [
      'notes joined',
      { notes: 'after gym' },
      { notes: 'cramps at night' },
      { notes: 'after gym; cramps at night' },
    ],
    ['notes not repeated', { notes: 'a; b' }, { notes: 'b' }, { notes: 'a; b' }],
    ['identical notes once', { notes: 'same' }, { notes: 'same' }, { notes: 'same' }],
    [
      'colours joined',
      { blood_color: 'brown' },
      { blood_color: 'bright red' },
      { blood_color: 'brown; bright red' },
    ],
  ])('%s', (_name, a, b, expected) => {
    expect(mergeTwoDays({ date: D, ...a }, { date: D, ...b })).toEqual({ date: D, ...expected });
  });

  it('puts keys in canonical order', () => {
    const merged = mergeTwoDays({ date: D, notes: 'x', sex: true }, { date: D, bleeding: 'light' });
    expect(Object.keys(merged)).toEqual(['date', 'bleeding', 'sex', 'notes']);
  });
});

describe('mergeDays', () => {
  it('sorts by date and keeps one entry per date', () => {
    const days: Day[] = [
      { date: '2025-03-03', bleeding: 'light' },
      { date: '2025-03-01' },
      { date: '2025-03-03', bleeding: 'heavy', notes: 'b' },
      { date: '2025-02-28', sex: true },
      { date: '2025-03-03', notes: 'c' },
    ];
    expect(mergeDays(days)).toEqual([
      { date: '2025-02-28', sex: true },
      { date: '2025-03-01' },
      { date: '2025-03-03', bleeding: 'heavy', notes: 'b; c' },
    ]);
    expect(findDuplicateDates(days)).toEqual(['2025-03-03']);
  });

  it('does not change its input', () => {
    const days: Day[] = [
      { date: D, notes: 'a' },
      { date: D, notes: 'b' },
    ];
    mergeDays(days);
    expect(days).toEqual([
      { date: D, notes: 'a' },
      { date: D, notes: 'b' },
    ]);
  });

  it('describes merged dates for the warning', () => {
    expect(describeMergedDates([])).toBeUndefined();
    expect(describeMergedDates(['2025-03-01'])).toMatch(
      /^date 2025-03-01 appears on more than one row/,
    );
    expect(describeMergedDates(['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04'])).toMatch(
      /^4 dates appear on more than one row \(2025-03-01, 2025-03-02, 2025-03-03, …\)/,
    );
  });
});

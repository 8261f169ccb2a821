/**
 * Calendar edges of src/core/dates.ts that the round-trip tests do not reach: century leap
 * years, the 30-day months, separators and non-digits, weekdays either side of 1970, and the
 * error for a date that is not one. Written against the mutants StrykerJS found surviving
 * (README "Mutation testing").
 */
import { describe, expect, it } from 'vitest';
import { daysInMonth, parseIsoDate, toDay, weekdayOf } from '../../src/core/dates.ts';

describe('daysInMonth', () => {
  it.each([
    [2025, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2100, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 6, 30],
    [2025, 9, 30],
    [2025, 11, 30],
    [2025, 1, 31],
    [2025, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2025x01-01', 'the first separator is not a dash'],
    ['2025-01x01', 'the second separator is not a dash'],
    ['2025-1/-01', "a month whose second character is below '0'"],
    ['2025-01-0:', "a day whose second character is above '9'"],
    ['1900-02-29', 'not a leap year'],
    ['2025-04-31', 'April has 30 days'],
  ])('%s is not a date (%s)', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });

  it('reads the days either side of the edges', () => {
    expect(parseIsoDate('2000-02-29')).toBe(parseIsoDate('2000-03-01')! - 1);
    expect(parseIsoDate('2025-04-30')).toBe(parseIsoDate('2025-05-01')! - 1);
  });
});

describe('toDay', () => {
  it('throws a RangeError that names the text', () => {
    expect(() => toDay('2025-02-30')).toThrow(new RangeError('not a calendar date: 2025-02-30'));
    expect(toDay('1970-01-02')).toBe(1);
  });
});

describe('weekdayOf (0 = Monday … 6 = Sunday)', () => {
  it.each([
    ['1970-01-01', 3],
    ['1969-12-31', 2],
    ['1969-12-29', 0],
    ['2025-01-05', 6],
    ['2025-01-06', 0],
    ['2025-01-10', 4],
  ])('%s → %i', (date, weekday) => {
    expect(weekdayOf(toDay(date))).toBe(weekday);
  });
});

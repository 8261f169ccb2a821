import { describe, expect, it } from 'vitest';
import { dayNumber, daysInMonth, weekdayOf } from '../../src/core/dates.ts';
import {
  describeDay,
  getCalendarMonths,
  getDayMarkers,
  type CalendarDay,
  type CalendarMonth,
} from '../../src/report/calendar-data.ts';
import type { Report } from '../../src/report/types.ts';
import { makeReport, makeSixMonthLog } from './report-fixture.ts';

function findDay(
  months: CalendarMonth[],
  date: string,
): { day: CalendarDay; month: CalendarMonth } {
  for (const month of months) {
    for (const week of month.weeks) {
      for (const day of week) if (day?.date === date) return { day, month };
    }
  }
  throw new Error(`no calendar day ${date}`);
}

describe('getCalendarMonths', () => {
  const report = makeReport();
  const log = makeSixMonthLog();
  const months = getCalendarMonths(report, log);

  it('covers the logged months, oldest first', () => {
    expect(months.map((m) => m.title)).toEqual([
      'January 2025',
      'February 2025',
      'March 2025',
      'April 2025',
      'May 2025',
      'June 2025',
    ]);
  });

  it('lays every month out in Monday–Sunday weeks with each date once, on its weekday', () => {
    for (const m of months) {
      const days = m.weeks.flat().filter((d): d is CalendarDay => d !== null);
      expect(days.map((d) => d.day)).toEqual(
        Array.from({ length: daysInMonth(m.year, m.month) }, (_, i) => i + 1),
      );
      for (const week of m.weeks) {
        expect(week).toHaveLength(7);
        week.forEach((d, i) => {
          if (d) expect(d.weekday).toBe(i);
        });
      }
      const first = m.weeks[0]?.findIndex((d) => d !== null);
      expect(first).toBe(weekdayOf(dayNumber(m.year, m.month, 1)));
    }
  });

  it.each([
    // date, flow, sex, pain, tier, rules
    ['2025-03-12', 's', 'x', '', '!!', ['postcoital-bleeding']],
    ['2025-03-13', 'L', '', '', '!!', ['postcoital-bleeding']],
    ['2025-04-27', 'H', '', 'P', '!', ['heavy-period']],
    ['2025-04-28', 'H', '', 'p', '!!!', ['acute-heavy-bleeding', 'heavy-period']],
    ['2025-02-14', 's', '', '', 'i', ['ovulation-spotting']],
    ['2025-06-03', '-', '', '', '', []],
    ['2025-06-12', '', 'x', '', '', []],
    ['2025-06-20', 'o', '', '', '!!', ['non-vaginal-bleeding-source']],
    ['2025-01-20', '', '', '', '', []],
  ])('%s has markers flow=%j sex=%j pain=%j tier=%j', (date, flow, sex, pain, tier, rules) => {
    const { day } = findDay(months, date);
    expect(getDayMarkers(day)).toEqual({ flow, sex, pain, tier });
    expect(day.flags.map((f) => f.rule)).toEqual(rules);
  });

  it('numbers the days of each detected period', () => {
    expect(findDay(months, '2025-01-03').day.periodDay).toBe(1);
    expect(findDay(months, '2025-01-05').day.periodDay).toBe(3);
    expect(findDay(months, '2025-01-08').day.periodDay).toBeNull();
  });

  it('describes a day in words for screen readers', () => {
    const { day, month } = findDay(months, '2025-04-28');
    expect(describeDay(day, month)).toBe(
      '28 April 2025: period day 2, heavy flow, mild pain, flagged urgent: ' +
        `${describeDay(day, month).split('flagged urgent: ')[1]}`,
    );
    expect(describeDay(day, month)).toMatch(/flagged urgent: .+, flagged next visit: .+$/);
    expect(describeDay(findDay(months, '2025-06-03').day, month)).toContain('not tracked');
  });

  it('keeps only the most recent months when asked for fewer', () => {
    expect(getCalendarMonths(report, log, { months: 2 }).map((m) => m.title)).toEqual([
      'May 2025',
      'June 2025',
    ]);
  });

  it('caps the calendar at 12 months by default', () => {
    const long: Report = { ...report, input: { ...report.input, first_date: '2023-03-10' } };
    const titles = getCalendarMonths(long, log).map((m) => m.title);
    expect(titles).toHaveLength(12);
    expect(titles[0]).toBe('July 2024');
  });

  it('extends to an evaluation date after the last logged day', () => {
    const later: Report = { ...report, as_of: '2025-08-02' };
    const titles = getCalendarMonths(later, log).map((m) => m.title);
    expect(titles.at(-1)).toBe('August 2025');
    expect(findDay(getCalendarMonths(later, log), '2025-08-02').day.inRange).toBe(true);
    expect(findDay(getCalendarMonths(later, log), '2025-08-03').day.inRange).toBe(false);
  });

  it('marks a long flag on its first day only', () => {
    const withLong: Report = {
      ...report,
      flags: [
        {
          rule: 'irregular-cycles',
          tier: 'next-visit',
          start: '2025-01-03',
          end: '2025-05-26',
          cycle_day: 1,
          summary: 's',
          why: [],
          checklist: [],
          sources: [],
          in_progress: false,
        },
      ],
    };
    const m = getCalendarMonths(withLong, log);
    expect(findDay(m, '2025-01-03').day.tier).toBe('next-visit');
    expect(findDay(m, '2025-01-04').day.tier).toBeNull();
  });

  it('handles leap years', () => {
    const leap: Report = {
      ...report,
      as_of: '2024-03-01',
      input: { ...report.input, first_date: '2024-02-01', last_date: '2024-03-01' },
      flags: [],
      periods: [],
    };
    const [feb] = getCalendarMonths(leap, { profile: {}, days: [] });
    expect(feb?.weeks.flat().filter((d) => d !== null)).toHaveLength(29);
  });

  it('returns no months for an empty log', () => {
    const empty: Report = {
      ...report,
      as_of: null,
      input: { ...report.input, first_date: null, last_date: null, days_logged: 0 },
    };
    expect(getCalendarMonths(empty, { profile: {}, days: [] })).toEqual([]);
  });
});

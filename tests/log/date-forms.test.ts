import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { planDateReading } from '../../src/log/date-forms.ts';
import { ValueError } from '../../src/log/day-values.ts';
import type { DateOrder } from '../../src/log/read-options.ts';

const cells = (texts: string[]) => texts.map((text, i) => ({ text, line: i + 2 }));

function readAll(texts: string[], order?: DateOrder) {
  const reading = planDateReading(cells(texts), 'log.csv', 1, order);
  return { dates: texts.map((t) => reading.read(t)), notes: reading.notes.map((n) => n.message) };
}

function refusal(texts: string[], order?: DateOrder): string {
  try {
    readAll(texts, order);
  } catch (error) {
    if (error instanceof InputError || error instanceof ValueError) return error.message;
    throw error;
  }
  throw new Error('not refused');
}

describe('planDateReading', () => {
  it.each<[string, string[], string[], string[]]>([
    ['plain ISO', ['2026-11-01', '2026-11-30'], ['2026-11-01', '2026-11-30'], []],
    ['YYYY-M-D', ['2026-11-1', '2026-2-28'], ['2026-11-01', '2026-02-28'], []],
    ['year first with slashes', ['2026/11/01'], ['2026-11-01'], []],
    ['DD.MM.YYYY', ['01.11.2026', '1.2.2026'], ['2026-11-01', '2026-02-01'], []],
    [
      'a day over 12 decides day/month',
      ['01/09/2026', '13/09/2026'],
      ['2026-09-01', '2026-09-13'],
      ['dates read as day/month/year ("13/09/2026" can only be read that way)'],
    ],
    [
      'a day over 12 decides month/day',
      ['03/15/2025', '04/01/2025'],
      ['2025-03-15', '2025-04-01'],
      ['dates read as month/day/year ("03/15/2025" can only be read that way)'],
    ],
    [
      'dashes, year last',
      ['15-03-2025'],
      ['2025-03-15'],
      ['dates read as day/month/year ("15-03-2025" can only be read that way)'],
    ],
  ])('%s', (_name, texts, dates, notes) => {
    expect(readAll(texts)).toEqual({ dates, notes });
  });

  it.each([
    ['2026-11-01 00:00:00'],
    ['2026-11-01T23:59:59Z'],
    ['2026-11-01 08:30'],
    ['2026-11-01T10:00:00+02:00'],
  ])('a date-time %j is read as its date, said once', (text) => {
    const { dates, notes } = readAll([text, '2026-11-02 00:00:00']);
    expect(dates).toEqual(['2026-11-01', '2026-11-02']);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^dates carry a time of day .*: each row is read as its date/);
  });

  it('reads 11/15/2025 3:00 PM, a US Excel date-time', () => {
    expect(readAll(['11/15/2025 3:00 PM']).dates).toEqual(['2025-11-15']);
  });

  it('refuses slash dates nothing decides, once, with a count and the fix', () => {
    expect(refusal(['01/09/2026', '02/09/2026', '', '12/09/2026'])).toBe(
      'log.csv:2:1: 3 dates look like "01/09/2026", which can be day/month or month/day: pass --date-format dmy or mdy',
    );
  });

  it('--date-format always wins', () => {
    expect(readAll(['01/09/2026'], 'dmy')).toEqual({ dates: ['2026-09-01'], notes: [] });
    expect(readAll(['01/09/2026'], 'mdy')).toEqual({ dates: ['2026-01-09'], notes: [] });
    expect(readAll(['02.01.2026'], 'mdy').dates).toEqual(['2026-02-01']);
    expect(refusal(['13/09/2026'], 'mdy')).toBe(
      'date: "13/09/2026" read as month/day/year: "2026-13-09" is not a real calendar date (there is no month 13)',
    );
    expect(refusal(['01/09/2026'], 'ymd')).toBe(
      'date: "01/09/2026" is not written year first, as --date-format ymd says',
    );
    expect(readAll(['2026-09-01'], 'dmy').dates).toEqual(['2026-09-01']);
  });

  it('refuses mixed forms, naming the first row of each', () => {
    expect(refusal(['2026-11-01', '2026-11-02', '03.11.2026', '04/11/2026'])).toBe(
      'log.csv:4:1: dates are written in more than one way: line 2 "2026-11-01" (year first), line 4 "03.11.2026" (day.month.year), line 5 "04/11/2026" (year last); write every date the same way',
    );
  });

  it('refuses a column where one date can only be day-first and another only month-first', () => {
    expect(refusal(['13/01/2026', '01/13/2026'])).toMatch(
      /^log\.csv:3:1: line 2 "13\/01\/2026" can only be day\/month\/year, but line 3 "01\/13\/2026" can only be month\/day\/year/,
    );
  });

  it('refuses what is not a real date after reading it, saying how it was read', () => {
    expect(refusal(['31/02/2026', '13/01/2026'])).toBe(
      'date: "31/02/2026" read as day/month/year: "2026-02-31" is not a real calendar date (no day 31 in that month)',
    );
    expect(refusal(['2026-2-30'])).toMatch(/"2026-2-30" read as year\/month\/day: "2026-02-30"/);
  });

  it('refuses two-digit years and words at their row', () => {
    expect(refusal(['01/09/2026', '01/09/26'], 'dmy')).toBe(
      'date: "01/09/26" has a two-digit year; write the year with four digits, e.g. 2026',
    );
    expect(refusal(['2026-09-01', '1 Sep 2026'])).toBe(
      'date: "1 Sep 2026" is not a date in the form YYYY-MM-DD, e.g. 2025-03-12',
    );
  });
});

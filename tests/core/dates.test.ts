/**
 * Day numbers: parseIsoDate reads `YYYY-MM-DD` by hand (it runs for every date of every log);
 * it must accept and refuse exactly what the plain reading with a regular expression does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, daysInMonth, formatIsoDate, parseIsoDate } from '../../src/core/dates.ts';

/** The straightforward reading, kept here as the reference. */
function parseWithRegex(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayNumber(y, mo, d);
}

describe('parseIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['0000-01-01', false],
    ['0001-01-01', true],
    ['2025-1-01', false],
    [' 2025-01-01', false],
    ['2025-01-01 ', false],
    ['2025/01/01', false],
    ['２０２５-01-01', false],
    ['2025-01-0a', false],
    ['', false],
  ])('%j → %s', (text, valid) => {
    expect(parseIsoDate(text) !== undefined).toBe(valid);
    expect(parseIsoDate(text)).toBe(parseWithRegex(text));
  });

  it('agrees with the regular-expression reading on generated text', () => {
    const char = fc.constantFrom('0', '1', '2', '3', '9', '-', '/', ' ', 'a', '\u0663');
    const digits = (n: number) => fc.array(char, { minLength: n, maxLength: n });
    // Mostly date-shaped (4-2-2 with separators), with the odd extra or missing character.
    const text = fc
      .tuple(digits(4), char, digits(2), char, digits(2), fc.array(char, { maxLength: 1 }))
      .map(([y, s1, m, s2, d, extra]) => [...y, s1, ...m, s2, ...d, ...extra].join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(parseIsoDate(t)).toBe(parseWithRegex(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back every date it writes, 1900 to 2100', () => {
    for (let n = dayNumber(1900, 1, 1); n <= dayNumber(2100, 12, 31); n++) {
      expect(parseIsoDate(formatIsoDate(n))).toBe(n);
    }
  });
});

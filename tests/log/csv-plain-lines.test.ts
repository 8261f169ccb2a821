/**
 * The canonical CSV reader splits plain bodies (no quotes, no `#`) itself and hands everything
 * else to csv-parse. The two must read a plain body alike, records and line numbers, or a log
 * would mean something else depending on whether it happens to contain a quote somewhere.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  CSV_DELIMITERS,
  CSV_OPTIONS,
  splitPlainRecords,
  type CsvDelimiter,
} from '../../src/log/canonical-csv.ts';

/** csv-parse with the reader's options; the line a (one-line) record is on. */
function readWithCsvParse(body: string, delimiter: CsvDelimiter, headerLine: number) {
  const rows = parse(body, { ...CSV_OPTIONS, delimiter, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  return rows.map(({ record, info }) => ({ record, line: headerLine - 1 + info.lines }));
}

// Separators, the whitespace csv-parse trims (ASCII and Unicode), line ends, ordinary text.
const PIECES = [',', ';', '\t', ' ', '\f', '\v', '\u00a0', '\u3000', '\ufeff', '\u2028', '\n'];
const TEXT = ['a', 'light', '2025-01-0', 'é', '1', '-'];
const body = fc
  .array(fc.constantFrom(...PIECES, ...PIECES, ...TEXT), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('plain CSV bodies: our splitter reads what csv-parse reads', () => {
  it.each(CSV_DELIMITERS)('generated bodies, delimiter %j', (delimiter) => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 5 }), (text, headerLine) => {
        expect(splitPlainRecords(text, delimiter, headerLine)).toEqual(
          readWithCsvParse(text, delimiter, headerLine),
        );
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['a line of only spaces is skipped', 'date,bleeding\n   \n2025-01-01,light\n', ','],
    ['a line of only separators is a row of empty fields', 'date\tsex\n\t\n', '\t'],
    ['fields are trimmed of Unicode spaces too', 'date;notes\n 2025-01-01 ;\u00a0x y\u3000\n', ';'],
    ['a last line without a line end is read', 'date,sex\n2025-01-01,yes', ','],
    ['blank lines keep the line numbers right', 'date,sex\n\n\n2025-01-01,yes\n\n', ','],
  ] as const)('%s', (_what, text, delimiter) => {
    const ours = splitPlainRecords(text, delimiter, 3);
    expect(ours).toEqual(readWithCsvParse(text, delimiter, 3));
    expect(ours.length).toBeGreaterThan(0);
  });
});

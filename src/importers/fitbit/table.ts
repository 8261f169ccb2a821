/** A Fitbit CSV read by header name: `null` cells are empty, dates are checked with their line. */
import type { IsoDate } from '../../core/dates.ts';
import { InputError } from '../../errors.ts';
import { readCsvRows } from '../common/csv-rows.ts';
import { describeBadDate, parseLocalDate } from '../common/dates.ts';
import { FITBIT_HINT, type FitbitText } from './read-files.ts';

export interface FitbitTable {
  file: string;
  /** Each row's cells by lower-case header name; `null` and blanks are ''. */
  rows: { line: number; cell: (name: string) => string }[];
}

/** A Fitbit CSV by header name, with the columns it must have. */
export function readFitbitTable(source: FitbitText, required: readonly string[]): FitbitTable {
  const rows = readCsvRows(source.name, source.text, FITBIT_HINT);
  const header = rows.shift();
  if (!header) throw new InputError(source.name, {}, 'the file is empty', FITBIT_HINT);
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  for (const name of required) {
    if (!columns.includes(name)) {
      throw new InputError(
        source.name,
        { line: header.line },
        `no '${name}' column in the header`,
        FITBIT_HINT,
      );
    }
  }
  return {
    file: source.name,
    rows: rows.map(({ fields, line }) => {
      if (fields.length !== columns.length) {
        throw new InputError(
          source.name,
          { line },
          `this row has ${fields.length} values but the header has ${columns.length} columns`,
          FITBIT_HINT,
        );
      }
      return {
        line,
        cell: (name: string) => {
          const value = (fields[columns.indexOf(name)] ?? '').trim();
          return value.toLowerCase() === 'null' ? '' : value;
        },
      };
    }),
  };
}

/** A date cell, or an InputError naming the line and column. */
export function readFitbitDate(
  table: FitbitTable,
  line: number,
  column: string,
  raw: string,
): IsoDate {
  const date = parseLocalDate(raw);
  if (date === undefined) {
    throw new InputError(table.file, { line }, `${column}: ${describeBadDate(raw)}`, FITBIT_HINT);
  }
  return date;
}

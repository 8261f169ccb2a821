/**
 * The rows of an app's CSV export with their 1-based line numbers, so that every message can
 * name the line; a row with more fields than the header (an unclosed quote swallowing the file)
 * is found first and named. Shared by the CSV importers (drip, Fitbit).
 */
import { CsvError, parse } from 'csv-parse/sync';
import { InputError } from '../../errors.ts';
import { describeRaggedRow, findRunawayRow } from '../../log/canonical-csv.ts';

export interface CsvRow {
  fields: string[];
  line: number;
}

export function readCsvRows(file: string, text: string, hint: string): CsvRow[] {
  const runaway = findRunawayRow(text.replace(/\r\n?/g, '\n'), ',', 1);
  if (runaway !== undefined) {
    const { line, fields, headerFields } = runaway;
    const reason = describeRaggedRow(fields, headerFields, ',');
    throw new InputError(file, { line, column: headerFields + 1 }, reason, hint);
  }
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : undefined;
      throw new InputError(file, line === undefined ? {} : { line }, csvReason(error), hint);
    }
    throw error;
  }
  let previousEnd = 0;
  let previousEmpty = 0;
  return records.map(({ record, info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return { fields: record, line };
  });
}

function csvReason(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote in the middle of a value (quote the whole value and double inner quotes)';
    default:
      return `not valid CSV (${error.message})`;
  }
}

/**
 * Splitting a CSV body into records, as csv-parse reads it with CSV_OPTIONS, and what csv-parse
 * does not report well: where an unclosed quote was opened, `#` lines after the header, and a
 * runaway row of separators. Every problem is an InputError at `file:line[:column]`.
 */
// The sync build carries its own CsvError class, so instanceof needs that one.
import { CsvError, parse } from 'csv-parse/sync';
import { InputError } from '../errors.ts';

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const QUOTE_HELP = 'a quote inside a quoted field must be doubled: ""';

export function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The delimiter used most often outside quotes in the header line; `,` on a tie or none. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let inQuote = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

function describeDelimiter(d: CsvDelimiter): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}

export interface CsvStructure {
  /** Full-line `#` comments after the header: line number and text. */
  comments: { line: number; text: string }[];
  /** Where a quoted field was opened and never closed. */
  unclosedQuote?: { line: number; column: number };
  /** The first row with far more fields than the header (a runaway line of separators). */
  runaway?: { line: number; fields: number; headerFields: number };
}

/** Fields beyond the header's count that make a row "runaway": refused before csv-parse would
 * build an array of millions of empty strings for it. */
const RUNAWAY_EXTRA_FIELDS = 10_000;

/** Separators in `text` from `start` to `end`. */
function countChar(text: string, ch: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf(ch, start); i !== -1 && i < end; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * scanCsvStructure's runaway check for a body without quotes, where a line is a row: only lines
 * long enough to hold that many separators are counted, so ordinary logs cost one indexOf a line.
 */
export function findRunawayPlainRow(
  body: string,
  delimiter: string,
  firstLine: number,
): CsvStructure['runaway'] {
  const headerEnd = body.indexOf('\n') === -1 ? body.length : body.indexOf('\n');
  const headerFields = countChar(body, delimiter, 0, headerEnd) + 1;
  let line = firstLine + 1;
  for (let start = headerEnd + 1; start < body.length; line++) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    if (end - start > headerFields + RUNAWAY_EXTRA_FIELDS) {
      const fields = countChar(body, delimiter, start, end) + 1;
      if (fields > headerFields + RUNAWAY_EXTRA_FIELDS) return { line, fields, headerFields };
    }
    start = end + 1;
  }
  return undefined;
}

/**
 * Walks the body the way csv-parse reads it, to find what csv-parse does not report well:
 * where an unclosed quote was opened, and comment lines after the header.
 */
export function scanCsvStructure(body: string, delimiter: string, firstLine: number): CsvStructure {
  const comments: CsvStructure['comments'] = [];
  let line = firstLine;
  let field = 0;
  let inQuote = false;
  let atFieldStart = true;
  let open = { line: 0, column: 0 };
  let headerFields = 0;
  let runaway: CsvStructure['runaway'];
  const endOfRow = (): void => {
    if (line === firstLine) headerFields = field + 1;
    else if (runaway === undefined && field + 1 > headerFields + RUNAWAY_EXTRA_FIELDS) {
      runaway = { line, fields: field + 1, headerFields };
    }
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inQuote) {
      if (ch === '"') {
        if (body[i + 1] === '"') i++;
        else inQuote = false;
      } else if (ch === '\n') line++;
      continue;
    }
    if (ch === '#' && field === 0 && (i === 0 || body[i - 1] === '\n')) {
      const end = body.indexOf('\n', i);
      comments.push({ line, text: body.slice(i, end === -1 ? body.length : end) });
      if (end === -1) break;
      i = end;
      line++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuote = true;
      open = { line, column: field + 1 };
      atFieldStart = false;
    } else if (ch === delimiter) {
      field++;
      atFieldStart = true;
    } else if (ch === '\n') {
      endOfRow();
      line++;
      field = 0;
      atFieldStart = true;
    } else if (ch !== ' ' && ch !== '\t') {
      atFieldStart = false;
    }
  }
  if (!inQuote) endOfRow();
  const found = runaway === undefined ? {} : { runaway };
  return inQuote ? { comments, unclosedQuote: open, ...found } : { comments, ...found };
}

export interface ParsedRecord {
  record: string[];
  /** The line the record starts on. */
  line: number;
}

/** How csv-parse reads a canonical CSV body (the delimiter is detected per file). */
export const CSV_OPTIONS = {
  comment: '#',
  comment_no_infix: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  trim: true,
} as const;

export function describeRaggedRow(
  fields: number,
  headerFields: number,
  delimiter: CsvDelimiter,
): string {
  return `this row has ${fields} field${fields === 1 ? '' : 's'} but the header has ${headerFields} (separated by ${describeDelimiter(delimiter)}); check for a missing or extra separator, or quote text that contains one`;
}

/** Without quotes and `#` every line is one record: splitPlainRecords reads it. */
export function hasPlainLines(body: string): boolean {
  return !body.includes('"') && !body.includes('#');
}

/**
 * The first row of `body` (header first, on line `headerLine`) with over RUNAWAY_EXTRA_FIELDS
 * more fields than the header, for CSV readers other than this one (drip) to refuse before
 * csv-parse builds an array of millions of empty strings for it.
 */
export function findRunawayRow(
  body: string,
  delimiter: CsvDelimiter,
  headerLine: number,
): CsvStructure['runaway'] {
  return hasPlainLines(body)
    ? findRunawayPlainRow(body, delimiter, headerLine)
    : scanCsvStructure(body, delimiter, headerLine).runaway;
}

/**
 * The records of a body without quotes or `#`, read exactly as csv-parse reads them with
 * CSV_OPTIONS (tests/log/csv-plain-lines.test.ts compares the two on generated input): a line is
 * one record, split at the delimiter, each field trimmed of the same whitespace that
 * String.prototype.trim removes; a line of only whitespace without a delimiter is skipped. Most
 * logs are like this, and splitting them here takes a fraction of csv-parse's time, most of all
 * at start-up, where csv-parse's code is still cold.
 */
export function splitPlainRecords(
  body: string,
  delimiter: CsvDelimiter,
  headerLine: number,
): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  let line = headerLine;
  for (let start = 0; start < body.length; line++) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    const text = body.slice(start, end);
    if (text.includes(delimiter) || text.trim() !== '') {
      records.push({ record: text.split(delimiter).map((field) => field.trim()), line });
    }
    start = end + 1;
  }
  return records;
}

export function parseRecords(
  body: string,
  delimiter: CsvDelimiter,
  headerLine: number,
  file: string,
  plain: boolean,
): ParsedRecord[] {
  if (plain) return splitPlainRecords(body, delimiter, headerLine);
  const records = parseRecordsWithInfo(body, delimiter, headerLine, file) as {
    record: string[];
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => {
    const endLine = headerLine - 1 + info.lines;
    return { record, line: endLine - record.reduce((n, value) => n + countNewlines(value), 0) };
  });
}

function parseRecordsWithInfo(
  body: string,
  delimiter: CsvDelimiter,
  headerLine: number,
  file: string,
): unknown[] {
  try {
    return parse(body, { ...CSV_OPTIONS, delimiter, info: true }) as unknown[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      const open = scanCsvStructure(body, delimiter, headerLine).unclosedQuote;
      throw new InputError(
        file,
        open ?? { line: headerLine - 1 + Number(error['lines'] ?? 1) },
        `unclosed quote: this quoted field never ends; ${QUOTE_HELP}`,
      );
    }
    const lines = typeof error['lines'] === 'number' ? error['lines'] : 1;
    const column = typeof error['column'] === 'number' ? error['column'] + 1 : undefined;
    const location = { line: headerLine - 1 + lines, ...(column !== undefined ? { column } : {}) };
    if (
      error.code === 'CSV_INVALID_CLOSING_QUOTE' ||
      error.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE' ||
      error.code === 'INVALID_OPENING_QUOTE'
    ) {
      throw new InputError(file, location, `text continues after a closing quote; ${QUOTE_HELP}`);
    }
    throw new InputError(file, location, `cannot read this CSV: ${error.message}`);
  }
}

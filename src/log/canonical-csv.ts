/**
 * The canonical CSV log (docs/log-format.md): `# key: value` profile lines, a header naming the
 * columns, one row per date. Every problem is reported as `file:line:column`, where column is
 * the 1-based field number, so a person can find the cell in a spreadsheet.
 */
// The sync build carries its own CsvError class, so instanceof needs that one.
import { CsvError, parse } from 'csv-parse/sync';
import type { Day, Profile } from '../core/log.ts';
import { InputError } from '../errors.ts';
import type { Importer, ImportResult, Warning } from '../importers/types.ts';
import { decodeTextFile } from './decode-text.ts';
import {
  applyImpliedFields,
  isTextField,
  normalizeColumnName,
  parseDateText,
  parseDayFieldText,
  quoteInput,
  resolveDayColumn,
  setDayField,
  suggestDayColumn,
  ValueError,
  type DayColumn,
} from './day-values.ts';
import { describeMergedDates, findDuplicateDates, mergeDays } from './merge-days.ts';
import {
  applyProfileText,
  isProfileKey,
  LIST_PROFILE_KEYS,
  orderProfile,
  PROFILE_KEYS,
  type ProfileKey,
} from './profile.ts';

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const HEADER_EXAMPLE = 'date,bleeding,sex,notes';
/** Unknown columns named one by one in warnings; the rest are counted in one more. */
const MAX_NAMED_UNKNOWN_COLUMNS = 20;
const QUOTE_HELP = 'a quote inside a quoted field must be doubled: ""';

/**
 * Spreadsheets run cells that start with these as formulas. The writer puts a `'` in front of
 * such text (and of text that already starts with quotes followed by one), and the reader
 * removes exactly one, so a round trip is exact.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PROTECTED_FORMULA = /^'+[=+\-@\t\r]/;

export function protectFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unprotectFormula(text: string): string {
  return PROTECTED_FORMULA.test(text) ? text.slice(1) : text;
}

function countNewlines(text: string): number {
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

interface CsvStructure {
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
function findRunawayPlainRow(
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
function scanCsvStructure(body: string, delimiter: string, firstLine: number): CsvStructure {
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

type ProfileComment =
  | { kind: 'profile'; key: ProfileKey; value: string }
  | { kind: 'unknown-key'; key: string }
  | { kind: 'comment' };

/** `# key: value` is a profile line when key is a profile key (any case, spaces allowed). */
function readCommentLine(text: string): ProfileComment {
  const m = /^#\s*([^:]*?)\s*:(.*)$/s.exec(text.trim());
  if (!m) return { kind: 'comment' };
  const key = normalizeColumnName(m[1]!);
  if (isProfileKey(key)) return { kind: 'profile', key, value: m[2]!.trim() };
  // Only snake_case words look like an attempted key; "# Note: …" is just a comment.
  return /^[a-z][a-z0-9_]*$/.test(m[1]!)
    ? { kind: 'unknown-key', key: m[1]! }
    : { kind: 'comment' };
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
function hasPlainLines(body: string): boolean {
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

function parseRecords(
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

/** Parses a canonical CSV log. Throws InputError for anything malformed or invalid. */
export function parseCanonicalCsv(text: string, file: string): ImportResult {
  const warnings: Warning[] = [];
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const nul = body.indexOf('\u0000');
  if (nul !== -1) {
    throw new InputError(
      file,
      { line: countNewlines(body.slice(0, nul)) + 1 },
      'this is a binary file (it contains NUL bytes), not a CSV log',
    );
  }
  // csv-parse counts lines reliably only with \n line ends; quoted line breaks become \n too.
  if (body.includes('\r')) body = body.replace(/\r\n?/g, '\n');
  if (body.trim() === '') {
    throw new InputError(
      file,
      { line: 1 },
      `the file is empty; a CSV log starts with a header line such as ${HEADER_EXAMPLE}`,
    );
  }

  // Leading blank and `#` lines: the profile.
  const profile: Profile = {};
  const profileLines = new Map<ProfileKey, number>();
  let offset = 0;
  let line = 1;
  for (;;) {
    if (offset >= body.length) {
      throw new InputError(
        file,
        { line: Math.max(1, line - 1) },
        `no header line: after the # lines there must be a line naming the columns, such as ${HEADER_EXAMPLE}`,
      );
    }
    const newline = body.indexOf('\n', offset);
    const end = newline === -1 ? body.length : newline;
    const content = body.slice(offset, end).trim();
    if (content !== '' && !content.startsWith('#')) break;
    if (content !== '') readProfileLine(content, line, file, profile, profileLines, warnings);
    offset = end + 1;
    line++;
  }
  const headerLine = line;
  body = body.slice(offset);
  const newline = body.indexOf('\n');
  const delimiter = detectDelimiter(newline === -1 ? body : body.slice(0, newline));

  const plain = hasPlainLines(body);
  const structure = plain ? { comments: [] } : scanCsvStructure(body, delimiter, headerLine);
  const runaway = plain ? findRunawayPlainRow(body, delimiter, headerLine) : structure.runaway;
  if (runaway !== undefined) {
    const { line: at, fields, headerFields } = runaway;
    throw new InputError(
      file,
      { line: at, column: headerFields + 1 },
      describeRaggedRow(fields, headerFields, delimiter),
    );
  }
  for (const comment of structure.comments) {
    const parsed = readCommentLine(comment.text);
    if (parsed.kind === 'profile') {
      warnings.push({
        file,
        line: comment.line,
        message: `profile line "# ${parsed.key}: …" after the header is ignored; move it above the header`,
      });
    }
  }

  const records = parseRecords(body, delimiter, headerLine, file, plain);
  const header = records[0]?.record ?? [];
  const columns = readHeader(header, headerLine, file, warnings);

  const days: Day[] = [];
  for (const { record, line: startLine } of records.slice(1)) {
    if (record.every((value) => value.trim() === '')) continue;
    if (record.length !== header.length) {
      throw new InputError(
        file,
        { line: startLine, column: Math.min(record.length, header.length) + 1 },
        describeRaggedRow(record.length, header.length, delimiter),
      );
    }
    days.push(readRow(record, columns, startLine, file));
  }

  if (days.length === 0) {
    warnings.push({
      file,
      line: headerLine,
      message: 'no day rows after the header; the log is empty',
    });
  }
  const merged = describeMergedDates(findDuplicateDates(days));
  if (merged !== undefined) warnings.push({ file, message: merged });

  return {
    log: { profile: orderProfile(profile), days: mergeDays(days) },
    format: 'csv',
    warnings,
    summary: [],
    gaps: [],
  };
}

function readProfileLine(
  content: string,
  line: number,
  file: string,
  profile: Profile,
  seen: Map<ProfileKey, number>,
  warnings: Warning[],
): void {
  const parsed = readCommentLine(content);
  if (parsed.kind === 'unknown-key') {
    warnings.push({
      file,
      line,
      message: `"${parsed.key}" is not a profile key, so this line is read as a comment (profile keys: ${PROFILE_KEYS.join(', ')})`,
    });
    return;
  }
  if (parsed.kind !== 'profile' || parsed.value === '') return;
  const first = seen.get(parsed.key);
  if (first !== undefined && !LIST_PROFILE_KEYS.has(parsed.key)) {
    throw new InputError(file, { line }, `${parsed.key} is given twice (first on line ${first})`);
  }
  if (first === undefined) seen.set(parsed.key, line);
  applyProfileText(profile, parsed.key, parsed.value, { file, line });
}

function readHeader(
  header: string[],
  line: number,
  file: string,
  warnings: Warning[],
): (DayColumn | undefined)[] {
  const columns: (DayColumn | undefined)[] = [];
  const firstAt = new Map<DayColumn, number>();
  let unknown = 0;
  header.forEach((name, index) => {
    const column = resolveDayColumn(name);
    columns.push(column);
    if (column === undefined) {
      // A sheet with thousands of extra columns gets a few named and a count, not a flood.
      if (++unknown > MAX_NAMED_UNKNOWN_COLUMNS) return;
      const suggestion = suggestDayColumn(name);
      warnings.push({
        file,
        line,
        message:
          name.trim() === ''
            ? `column ${index + 1} has no name; its values are ignored`
            : `unknown column ${quoteInput(name.trim())} (column ${index + 1}) is ignored${suggestion ? `; did you mean ${suggestion}?` : ''}`,
      });
      return;
    }
    const previous = firstAt.get(column);
    if (previous !== undefined) {
      throw new InputError(
        file,
        { line, column: index + 1 },
        `column ${quoteInput(name.trim())} repeats column ${previous + 1} (${quoteInput(header[previous]!.trim())}); each column may appear once`,
      );
    }
    firstAt.set(column, index);
  });
  if (unknown > MAX_NAMED_UNKNOWN_COLUMNS) {
    const more = unknown - MAX_NAMED_UNKNOWN_COLUMNS;
    warnings.push({
      file,
      line,
      message: `${more} more unknown column${more === 1 ? '' : 's'} ${more === 1 ? 'is' : 'are'} ignored`,
    });
  }
  if (!firstAt.has('date')) {
    const looksLikeData = /^\d{4}-\d{2}-\d{2}$/.test(header[0]?.trim() ?? '');
    throw new InputError(
      file,
      { line, column: 1 },
      looksLikeData
        ? `the first line is data, not a header; add a header line naming the columns, such as ${HEADER_EXAMPLE}`
        : `the header has no "date" column; name the columns in the first line, such as ${HEADER_EXAMPLE}`,
    );
  }
  return columns;
}

function readRow(
  record: string[],
  columns: (DayColumn | undefined)[],
  startLine: number,
  file: string,
): Day {
  const day = { date: '' } as Day;
  let line = startLine;
  record.forEach((raw, index) => {
    const column = columns[index];
    const site = { line, column: index + 1 };
    line += countNewlines(raw);
    if (column === undefined) return;
    try {
      if (column === 'date') day.date = parseDateText('date', raw);
      else
        setDayField(
          day,
          column,
          parseDayFieldText(column, isTextField(column) ? unprotectFormula(raw.trim()) : raw),
        );
    } catch (error) {
      if (error instanceof ValueError) throw new InputError(file, site, error.message);
      throw error;
    }
  });
  applyImpliedFields(day);
  return day;
}

export const csvImporter: Importer = {
  id: 'csv',
  label: 'cyclecheck CSV log (canonical: # profile lines, a header, one row per date)',
  async read(input) {
    const text = decodeTextFile(await input.readAll(), input.name);
    return parseCanonicalCsv(text, input.name);
  },
};

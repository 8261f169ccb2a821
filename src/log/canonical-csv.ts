/**
 * The canonical CSV log (docs/log-format.md): `# key: value` profile lines, a header naming the
 * columns, one row per date. Every problem is reported as `file:line:column`, where column is
 * the 1-based field number, so a person can find the cell in a spreadsheet. Spreadsheets as
 * people keep them are read too: column synonyms and mappings, dates in other forms, legacy
 * encodings.
 */
import type { Day } from '../core/log.ts';
import { InputError } from '../errors.ts';
import type { Importer, ImportResult, Warning } from './import-contract.ts';
import {
  countPeriodWithoutBleeding,
  describePeriodWithoutBleeding,
  describeUnbledPeriodDays,
  hasAnyBleeding,
} from './bleeding-evidence.ts';
import type { ColumnTarget } from './column-names.ts';
import { HEADER_EXAMPLE, readLeadingLines, warnLateProfileLines } from './csv-profile-lines.ts';
import { readHeader } from './csv-header.ts';
import {
  countNewlines,
  describeRaggedRow,
  detectDelimiter,
  findRunawayPlainRow,
  hasPlainLines,
  parseRecords,
  scanCsvStructure,
  type CsvDelimiter,
  type ParsedRecord,
} from './csv-records.ts';
import { ISO_ONLY, isPlainIso, planDateReading, type DateReading } from './date-forms.ts';
import { decodeLogText } from './decode-text.ts';
import {
  applyImpliedFields,
  isTextField,
  parseDayFieldText,
  parseYesNoText,
  setDayField,
  ValueError,
} from './day-values.ts';
import { describeMergedDates, findDuplicateDates, mergeDays } from './merge-days.ts';
import { orderProfile } from './profile.ts';
import type { ReadOptions } from './read-options.ts';

export {
  CSV_DELIMITERS,
  CSV_OPTIONS,
  describeRaggedRow,
  detectDelimiter,
  findRunawayRow,
  splitPlainRecords,
  type CsvDelimiter,
  type ParsedRecord,
} from './csv-records.ts';

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

/** The text before the header, without a byte order mark or \r; NUL and empty refused. */
function prepareBody(text: string, file: string): string {
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
  return body;
}

/** The records from the header on, after refusing a runaway row; late profile lines warned. */
function readBodyRecords(
  body: string,
  headerLine: number,
  file: string,
  warnings: Warning[],
): { records: ParsedRecord[]; delimiter: CsvDelimiter } {
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
  warnLateProfileLines(structure.comments, file, warnings);
  return { records: parseRecords(body, delimiter, headerLine, file, plain), delimiter };
}

/**
 * Parses a canonical CSV log. Throws InputError for anything malformed or invalid, and for a
 * log with no column about bleeding (it cannot be analyzed).
 */
export function parseCanonicalCsv(
  text: string,
  file: string,
  options: ReadOptions = {},
): ImportResult {
  const warnings: Warning[] = [];
  const body = prepareBody(text, file);
  const leading = readLeadingLines(body, file, warnings);
  const { headerLine } = leading;
  const { records, delimiter } = readBodyRecords(
    body.slice(leading.offset),
    headerLine,
    file,
    warnings,
  );
  const header = records[0]?.record ?? [];
  // The command line's mappings first: they win over the file's own `# columns:` line.
  const mappings = [...(options.columns ?? []), ...leading.reading.columns];
  const columns = readHeader(header, { file, line: headerLine }, mappings, warnings);
  const rows = records.slice(1);
  const dates = planColumnDates(
    rows,
    columns,
    file,
    options.dateFormat ?? leading.reading.dateFormat,
  );
  for (const note of dates.notes) warnings.push({ file, ...note });

  const days: Day[] = [];
  for (const { record, line: startLine } of rows) {
    if (record.every((value) => value.trim() === '')) continue;
    if (record.length !== header.length) {
      throw new InputError(
        file,
        { line: startLine, column: Math.min(record.length, header.length) + 1 },
        describeRaggedRow(record.length, header.length, delimiter),
      );
    }
    days.push(readRow(record, columns, { file, line: startLine }, dates));
  }
  checkBleedingRead(days, columns, { file, line: headerLine }, warnings);
  const merged = describeMergedDates(findDuplicateDates(days));
  if (merged !== undefined) warnings.push({ file, message: merged });

  return {
    log: { profile: orderProfile(leading.profile), days: mergeDays(days) },
    format: 'csv',
    warnings,
    summary: [],
    gaps: [],
  };
}

function planColumnDates(
  rows: readonly ParsedRecord[],
  columns: readonly (ColumnTarget | undefined)[],
  file: string,
  order: ReadOptions['dateFormat'],
): DateReading {
  const index = columns.indexOf('date');
  // The fast path: a column of plain `YYYY-MM-DD` (nearly every log) needs no survey.
  let plain = true;
  for (let i = 0; i < rows.length && plain; i++) plain = isPlainIso(rows[i]!.record[index] ?? '');
  if (plain) return ISO_ONLY;
  function* cells() {
    for (const { record, line } of rows) yield { text: record[index] ?? '', line };
  }
  return planDateReading(cells(), file, index + 1, order);
}

/**
 * After the rows: an empty log is said; a period column saying yes while no bleeding was read
 * anywhere is refused (the bleeding is in a column not read), and period days without bleeding
 * are said once.
 */
function checkBleedingRead(
  days: readonly Day[],
  columns: readonly (ColumnTarget | undefined)[],
  site: { file: string; line: number },
  warnings: Warning[],
): void {
  if (days.length === 0) {
    warnings.push({ ...site, message: 'no day rows after the header; the log is empty' });
    return;
  }
  const unbled = countPeriodWithoutBleeding(days);
  if (unbled === 0) return;
  if (!hasAnyBleeding(days)) {
    throw new InputError(
      site.file,
      { line: site.line, column: columns.indexOf('period') + 1 },
      describePeriodWithoutBleeding('column', unbled),
    );
  }
  warnings.push({ ...site, message: describeUnbledPeriodDays(unbled) });
}

function readRow(
  record: string[],
  columns: (ColumnTarget | undefined)[],
  site: { file: string; line: number },
  dates: DateReading,
): Day {
  const day = { date: '' } as Day;
  let line = site.line;
  let spotting = false;
  record.forEach((raw, index) => {
    const column = columns[index];
    const at = { line, column: index + 1 };
    line += countNewlines(raw);
    if (column === undefined) return;
    try {
      if (column === 'date') day.date = dates.read(raw);
      else if (column === 'spotting') spotting = parseYesNoText('spotting', raw) === true;
      else
        setDayField(
          day,
          column,
          parseDayFieldText(column, isTextField(column) ? unprotectFormula(raw.trim()) : raw),
        );
    } catch (error) {
      if (error instanceof ValueError) throw new InputError(site.file, at, error.message);
      throw error;
    }
  });
  // A spotting tick box says at least spotting; a level from a bleeding column says more.
  if (spotting && (day.bleeding === undefined || day.bleeding === 'none'))
    day.bleeding = 'spotting';
  applyImpliedFields(day);
  return day;
}

export const csvImporter: Importer = {
  id: 'csv',
  label: 'cyclecheck CSV log (canonical: # profile lines, a header, one row per date)',
  async read(input, options) {
    const { text, warnings } = decodeLogText(await input.readAll(), input.name);
    const result = parseCanonicalCsv(text, input.name, options?.reading);
    result.warnings.unshift(...warnings);
    return result;
  },
};

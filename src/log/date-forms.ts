/**
 * Dates as people write them in spreadsheets: `YYYY-MM-DD`, `YYYY-M-D`, a date-time
 * (the date part is read), `DD.MM.YYYY`, and `D/M/YYYY` or `M/D/YYYY`, whose order is decided by
 * the whole column (a day over 12 decides) or by `--date-format`. A column is read one way:
 * mixed forms, and slash dates nothing decides, are refused once with the fix.
 */
import { parseIsoDate, type IsoDate } from '../core/dates.ts';
import { InputError } from '../errors.ts';
import { getDateProblem, parseDateText, quoteInput, ValueError } from './day-values.ts';
import { describeDateOrder, type DateOrder } from './read-options.ts';

/** year first (any separator), `DD.MM.YYYY`, or year last with `/` or `-`. */
type DateForm = 'year-first' | 'dotted' | 'slash';

interface DateShape {
  form: DateForm;
  /** The three numbers in the order written. */
  parts: [number, number, number];
  withTime: boolean;
}

const TIME = String.raw`(?:[ T]|, ?)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:z|utc|[+-]\d{2}:?\d{2}))?`;
const SHAPE = new RegExp(String.raw`^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(${TIME})?$`, 'i');

const TWO_DIGIT_YEAR = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}(?:\s|T|$)/;

/** `YYYY-MM-DD` by shape alone: most logs are only this, and it needs no regex. */
export function isPlainIso(text: string): boolean {
  return text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45;
}

function matchDateShape(text: string): DateShape | undefined {
  const m = SHAPE.exec(text);
  if (!m) return undefined;
  const [first, sep, middle, last] = [m[1]!, m[2]!, m[3]!, m[4]!];
  const parts: [number, number, number] = [Number(first), Number(middle), Number(last)];
  const withTime = m[5] !== undefined;
  if (first.length === 4 && last.length <= 2) return { form: 'year-first', parts, withTime };
  if (last.length === 4 && first.length <= 2) {
    return { form: sep === '.' ? 'dotted' : 'slash', parts, withTime };
  }
  return undefined;
}

function describeForm(form: DateForm): string {
  switch (form) {
    case 'year-first':
      return 'year first';
    case 'dotted':
      return 'day.month.year';
    case 'slash':
      return 'year last';
  }
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** One date cell: its text and where it is. */
export interface DateCell {
  text: string;
  line: number;
}

export interface DateReading {
  /** Reads one date cell as `YYYY-MM-DD`; throws a ValueError for a date that is not one. */
  read(text: string): IsoDate;
  /** What the reader decided, said once (for the report's warnings). */
  notes: { line: number; message: string }[];
}

/** How a column of only `YYYY-MM-DD` dates is read: as always, with nothing to say. */
export const ISO_ONLY: DateReading = { read: (text) => parseDateText('date', text), notes: [] };

interface ColumnSurvey {
  first: Partial<Record<DateForm, DateCell>>;
  /** Dates in a readable form other than `YYYY-MM-DD`. */
  notPlain: number;
  /** Year-last dates: how many, and the first that can only be day-first or month-first. */
  yearLast: number;
  onlyDmy?: DateCell;
  onlyMdy?: DateCell;
  firstTime?: DateCell;
}

function surveyDates(cells: Iterable<DateCell>): ColumnSurvey {
  const survey: ColumnSurvey = { first: {}, notPlain: 0, yearLast: 0 };
  for (const cell of cells) {
    const text = cell.text.trim();
    if (isPlainIso(text)) {
      survey.first['year-first'] ??= cell;
      continue;
    }
    const shape = matchDateShape(text);
    if (shape === undefined) continue; // the row reader refuses it, with its line
    survey.notPlain++;
    survey.first[shape.form] ??= cell;
    if (shape.withTime) survey.firstTime ??= cell;
    if (shape.form === 'year-first') continue;
    survey.yearLast++;
    const [a, b] = shape.parts;
    if (a > 12 && b <= 12) survey.onlyDmy ??= cell;
    if (b > 12 && a <= 12) survey.onlyMdy ??= cell;
  }
  return survey;
}

/**
 * How to read a date column, decided from all its cells before any row is read. Throws an
 * InputError (once, at the first cell concerned) when the column cannot be read one way.
 */
export function planDateReading(
  cells: Iterable<DateCell>,
  file: string,
  column: number,
  option?: DateOrder,
): DateReading {
  const survey = surveyDates(cells);
  const forms = Object.entries(survey.first) as [DateForm, DateCell][];
  // Only `YYYY-MM-DD` (or nothing readable, which the row reader refuses line by line).
  if (survey.notPlain === 0 || forms.length === 0) return ISO_ONLY;
  if (forms.length > 1) {
    const listed = forms
      .sort((x, y) => x[1].line - y[1].line)
      .map(
        ([form, cell]) =>
          `line ${cell.line} ${quoteInput(cell.text.trim())} (${describeForm(form)})`,
      );
    throw new InputError(
      file,
      { line: forms[1]![1].line, column },
      `dates are written in more than one way: ${listed.join(', ')}; write every date the same way`,
    );
  }
  const notes: DateReading['notes'] = [];
  if (survey.firstTime !== undefined) {
    notes.push({
      line: survey.firstTime.line,
      message: `dates carry a time of day (${quoteInput(survey.firstTime.text.trim())}): each row is read as its date, and the time is dropped`,
    });
  }
  const order = option ?? decideOrder(survey, forms[0]![0], file, column, notes);
  return makeReading(order, notes);
}

function decideOrder(
  survey: ColumnSurvey,
  form: DateForm,
  file: string,
  column: number,
  notes: DateReading['notes'],
): DateOrder {
  if (form === 'year-first') return 'ymd';
  const { onlyDmy, onlyMdy } = survey;
  if (onlyDmy !== undefined && onlyMdy !== undefined) {
    throw new InputError(
      file,
      { line: Math.max(onlyDmy.line, onlyMdy.line), column },
      `line ${onlyDmy.line} ${quoteInput(onlyDmy.text.trim())} can only be day/month/year, but line ${onlyMdy.line} ${quoteInput(onlyMdy.text.trim())} can only be month/day/year; correct the dates, or pass --date-format dmy or mdy`,
    );
  }
  // Day.month.year is the only order written with dots: nothing to say unless a date says not.
  if (form === 'dotted' && onlyMdy === undefined) return 'dmy';
  const decider = onlyDmy ?? onlyMdy;
  if (decider !== undefined) {
    const order: DateOrder = decider === onlyDmy ? 'dmy' : 'mdy';
    notes.push({
      line: decider.line,
      message: `dates read as ${describeDateOrder(order)} (${quoteInput(decider.text.trim())} can only be read that way)`,
    });
    return order;
  }
  const example = survey.first.slash!;
  const n = survey.yearLast;
  throw new InputError(
    file,
    { line: example.line, column },
    `${n} date${n === 1 ? '' : 's'} look${n === 1 ? 's' : ''} like ${quoteInput(example.text.trim())}, which can be day/month or month/day: pass --date-format dmy or mdy`,
  );
}

function makeReading(order: DateOrder, notes: DateReading['notes']): DateReading {
  return {
    notes,
    read(text: string): IsoDate {
      const trimmed = text.trim();
      if (isPlainIso(trimmed) || trimmed === '') return parseDateText('date', trimmed);
      const shape = matchDateShape(trimmed);
      if (shape === undefined && TWO_DIGIT_YEAR.test(trimmed)) {
        throw new ValueError(
          'date',
          `${quoteInput(trimmed)} has a two-digit year; write the year with four digits, e.g. 2026`,
        );
      }
      if (shape === undefined) return parseDateText('date', trimmed);
      const [a, b, c] = shape.parts;
      if (shape.form === 'year-first') return checkDate(trimmed, toIso(a, b, c), 'year/month/day');
      if (order === 'ymd') {
        throw new ValueError(
          'date',
          `${quoteInput(trimmed)} is not written year first, as --date-format ymd says`,
        );
      }
      const iso = order === 'dmy' ? toIso(c, b, a) : toIso(c, a, b);
      return checkDate(trimmed, iso, describeDateOrder(order));
    },
  };
}

function checkDate(text: string, iso: string, how: string): IsoDate {
  if (parseIsoDate(iso) !== undefined) {
    const problem = getDateProblem(iso);
    if (problem === undefined) return iso;
  }
  throw new ValueError('date', `${quoteInput(text)} read as ${how}: ${getDateProblem(iso)}`);
}

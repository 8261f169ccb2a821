/**
 * One value of a day (docs/log-format.md, "Day fields"), from a CSV cell (text) or a JSON value. Every invalid
 * value gives a ValueError naming the field and what a valid value looks like.
 */
import { parseIsoDate, type IsoDate } from '../core/dates.ts';
import {
  BLEEDING_LEVELS,
  BLEEDING_SOURCES,
  DAY_FIELDS,
  type Bleeding,
  DISCHARGES,
  SEVERITIES,
  type Day,
  type Severity,
  type DayField,
} from '../core/log.ts';
import { sanitizeInline } from '../text/sanitize.ts';

/** A value that does not fit its field. `problem` reads on its own after a JSON path. */
export class ValueError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'ValueError';
  }
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
export const MIN_TEMPERATURE = 30;
export const MAX_TEMPERATURE = 45;

const YES_WORDS = new Set(['yes', 'y', 'true', '1', 'x']);
const NO_WORDS = new Set(['no', 'n', 'false', '0']);
const YES_NO_HELP = 'use yes/no, y/n, true/false, 1/0, x, or leave it blank';

/** Normal cervical mucus descriptions (never a red flag), and words for atypical discharge. */
export const NORMAL_DISCHARGE_WORDS: readonly string[] = [
  'creamy',
  'sticky',
  'egg-white',
  'egg white',
  'eggwhite',
  'egg_white',
  'watery',
  'dry',
  'wet',
];
export const UNUSUAL_DISCHARGE_WORDS: readonly string[] = ['atypical', 'abnormal'];

export type DayColumn = 'date' | DayField;

/**
 * Words people write for an amount of bleeding, beside the canonical levels.
 * Only words whose level is plain; a bare "yes" is refused, since it does not say how much.
 */
const BLEEDING_WORDS: Readonly<Record<string, Bleeding>> = {
  spot: 'spotting',
  spots: 'spotting',
  spotted: 'spotting',
  'very light': 'light',
  'light flow': 'light',
  moderate: 'medium',
  med: 'medium',
  'medium flow': 'medium',
  'heavy flow': 'heavy',
  'very heavy': 'heavy',
  'super heavy': 'heavy',
  'extra heavy': 'heavy',
};

/**
 * Words for how bad a pain was, beside none/mild/moderate/severe. "Bad" or "strong" are left
 * out on purpose: whether they mean moderate or severe is the person's to say.
 */
const SEVERITY_WORDS: Readonly<Record<string, Severity>> = {
  light: 'mild',
  slight: 'mild',
  medium: 'moderate',
};

/** `Bleeding Source`, `bleeding-source` and ` BLEEDING_SOURCE ` all name `bleeding_source`. */
export function normalizeColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** An input value as it should appear in a message: quoted, one line, short, no escapes. */
export function quoteInput(value: unknown): string {
  if (typeof value === 'string') {
    const short = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return JSON.stringify(sanitizeInline(short));
  }
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Dates

/** The problem with a date text, or undefined when it is a valid `YYYY-MM-DD` in 1900–2100. */
export function getDateProblem(text: string): string | undefined {
  // Nearly every date is fine: answer that without a regex (this runs for every row).
  if (parseIsoDate(text) !== undefined) {
    const year = Number(text.slice(0, 4));
    if (year >= MIN_YEAR && year <= MAX_YEAR) return undefined;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return `${quoteInput(text)} is not a date in the form YYYY-MM-DD, e.g. 2025-03-12`;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return `${quoteInput(text)}: year ${m[1]} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  }
  if (parseIsoDate(text) === undefined) {
    const month = Number(m[2]);
    return month < 1 || month > 12
      ? `${quoteInput(text)} is not a real calendar date (there is no month ${m[2]})`
      : `${quoteInput(text)} is not a real calendar date (no day ${m[3]} in that month)`;
  }
  return undefined;
}

/** A required date (`date`, profile dates). Blank is an error. */
export function parseDateText(field: string, text: string): IsoDate {
  const trimmed = text.trim();
  if (trimmed === '')
    throw new ValueError(field, 'missing; expected a date in the form YYYY-MM-DD');
  const problem = getDateProblem(trimmed);
  if (problem !== undefined) throw new ValueError(field, problem);
  return trimmed;
}

export function parseDateJson(field: string, value: unknown): IsoDate {
  if (typeof value !== 'string') {
    throw new ValueError(
      field,
      `${quoteInput(value)} is not a date; write it as a string "YYYY-MM-DD"`,
    );
  }
  return parseDateText(field, value);
}

// ---------------------------------------------------------------------------------------------
// Field values

type FieldKind =
  'yesno' | 'bleeding' | 'source' | 'severity' | 'discharge' | 'temperature' | 'text';

const FIELD_KINDS: Readonly<Record<DayField, FieldKind>> = {
  bleeding: 'bleeding',
  period: 'yesno',
  bleeding_source: 'source',
  blood_color: 'text',
  sex: 'yesno',
  first_sex: 'yesno',
  pain_during_sex: 'yesno',
  cramps: 'severity',
  pelvic_pain: 'severity',
  discharge: 'discharge',
  odor: 'yesno',
  painful_urination: 'yesno',
  fever: 'yesno',
  temperature: 'temperature',
  soaking: 'yesno',
  dizzy: 'yesno',
  notes: 'text',
};

/** Whether a field holds free text (the only cells that can carry spreadsheet formulas). */
export function isTextField(field: DayField): boolean {
  return FIELD_KINDS[field] === 'text';
}

/**
 * A day field from a CSV cell. Blank means "not given" and returns undefined (for `bleeding`
 * that reads as none, for `bleeding_source` as unsure, for yes/no as no).
 */
export function parseDayFieldText<F extends DayField>(field: F, text: string): Day[F] | undefined {
  const kind = FIELD_KINDS[field];
  if (kind === 'text') return parseFreeText(field, text) as Day[F] | undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return parseWord(field, kind, trimmed) as Day[F];
}

/** A yes/no cell outside the canonical fields (a spotting tick box): blank is undefined. */
export function parseYesNoText(field: string, text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (word === '') return undefined;
  if (YES_WORDS.has(word)) return true;
  if (NO_WORDS.has(word)) return false;
  throw new ValueError(field, describeExpected('yesno', quoteInput(text.trim())));
}

/** A day field from a JSON value: the native type, or the same words as in CSV. */
export function parseDayFieldJson<F extends DayField>(
  field: F,
  value: unknown,
): Day[F] | undefined {
  if (value === null || value === undefined) return undefined;
  const kind = FIELD_KINDS[field];
  if (kind === 'text') {
    if (typeof value !== 'string') {
      throw new ValueError(field, `${quoteInput(value)} is not text; write it as a string`);
    }
    return parseFreeText(field, value) as Day[F] | undefined;
  }
  if (kind === 'yesno' && typeof value === 'boolean') return value as Day[F];
  if (kind === 'temperature' && typeof value === 'number') {
    return checkTemperature(field, value) as Day[F];
  }
  if (typeof value === 'string') return parseDayFieldText(field, value);
  if (kind === 'yesno' && (value === 0 || value === 1)) return (value === 1) as Day[F];
  throw new ValueError(field, describeExpected(kind, quoteInput(value)));
}

function parseWord(field: DayField, kind: FieldKind, text: string): unknown {
  const word = text.toLowerCase();
  switch (kind) {
    case 'yesno':
      if (YES_WORDS.has(word)) return true;
      if (NO_WORDS.has(word)) return false;
      break;
    case 'bleeding': {
      const spaced = word.replace(/\s+/g, ' ');
      if ((BLEEDING_LEVELS as readonly string[]).includes(spaced)) return spaced;
      if (Object.hasOwn(BLEEDING_WORDS, spaced)) return BLEEDING_WORDS[spaced];
      if (NO_WORDS.has(word)) return 'none';
      if (YES_WORDS.has(word)) {
        throw new ValueError(
          field,
          `${quoteInput(text)} says there was bleeding but not how much: write spotting, light, medium or heavy`,
        );
      }
      break;
    }
    case 'source':
      if ((BLEEDING_SOURCES as readonly string[]).includes(word)) return word;
      break;
    case 'severity': {
      const spaced = word.replace(/\s+/g, ' ');
      if ((SEVERITIES as readonly string[]).includes(spaced)) return spaced;
      if (Object.hasOwn(SEVERITY_WORDS, spaced)) return SEVERITY_WORDS[spaced];
      if (NO_WORDS.has(word)) return 'none';
      if (YES_WORDS.has(word)) {
        throw new ValueError(
          field,
          `${quoteInput(text)} does not say how bad: write mild, moderate or severe`,
        );
      }
      break;
    }
    case 'discharge': {
      const spaced = word.replace(/\s+/g, ' ');
      if ((DISCHARGES as readonly string[]).includes(spaced)) return spaced;
      if (NORMAL_DISCHARGE_WORDS.includes(spaced)) return 'normal';
      if (UNUSUAL_DISCHARGE_WORDS.includes(spaced)) return 'unusual';
      break;
    }
    case 'temperature':
      return parseTemperatureText(field, text);
    case 'text':
      return text;
  }
  throw new ValueError(field, describeExpected(kind, quoteInput(text)));
}

function describeExpected(kind: FieldKind, shown: string): string {
  switch (kind) {
    case 'yesno':
      return `${shown} is not yes or no (${YES_NO_HELP})`;
    case 'bleeding':
      return `${shown} is not one of ${BLEEDING_LEVELS.join(', ')}`;
    case 'source':
      return `${shown} is not one of ${BLEEDING_SOURCES.join(', ')} (blank means unsure)`;
    case 'severity':
      return `${shown} is not one of ${SEVERITIES.join(', ')}`;
    case 'discharge':
      return `${shown} is not one of ${DISCHARGES.join(', ')} (mucus words such as creamy, sticky, egg-white, watery or dry count as normal)`;
    case 'temperature':
      return `${shown} is not a temperature in °C, e.g. 36.6`;
    case 'text':
      return `${shown} is not text`;
  }
}

function parseTemperatureText(field: DayField, text: string): number {
  // A decimal comma is common where `;` is the delimiter; a unit suffix is harmless.
  const m = /^(\d{1,3}(?:[.,]\d+)?)\s*(?:\u00b0\s*c|c)?$/i.exec(text);
  if (!m) throw new ValueError(field, describeExpected('temperature', quoteInput(text)));
  return checkTemperature(field, Number(m[1]!.replace(',', '.')));
}

function checkTemperature(field: DayField, value: number): number {
  if (!Number.isFinite(value)) {
    throw new ValueError(field, describeExpected('temperature', quoteInput(value)));
  }
  if (value < MIN_TEMPERATURE || value > MAX_TEMPERATURE) {
    const fahrenheit =
      value >= 86 && value <= 113
        ? `; if that is °F, it is ${(((value - 32) * 5) / 9).toFixed(1)} °C`
        : '';
    throw new ValueError(
      field,
      `${value} is not a plausible body temperature (${MIN_TEMPERATURE}–${MAX_TEMPERATURE} °C)${fahrenheit}`,
    );
  }
  return value;
}

// Lone surrogates cannot be written as UTF-8 and would not survive a save and reload.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Free text (notes, blood colour): trimmed, line breaks stored as `\n`, empty means not given.
 * NUL characters and broken surrogates are refused so that every saved log reads back.
 */
export function parseFreeText(field: string, text: string): string | undefined {
  const value = text.replace(/\r\n?/g, '\n').trim();
  if (value === '') return undefined;
  if (value.includes('\u0000')) {
    throw new ValueError(field, 'contains a NUL character; remove it');
  }
  if (LONE_SURROGATE.test(value)) {
    throw new ValueError(field, 'contains an invalid character (a broken UTF-16 surrogate)');
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Whole days

/** Sets a parsed field on a day, leaving it unset for undefined. */
export function setDayField<F extends DayField>(
  day: Day,
  field: F,
  value: Day[F] | undefined,
): void {
  if (value !== undefined) day[field] = value;
}

/** `first_sex` and `pain_during_sex` say that there was sex that day. */
export function applyImpliedFields(day: Day): void {
  if (day.first_sex === true || day.pain_during_sex === true) day.sex = true;
}

/** A copy of the day with its keys in canonical order (date first, then DAY_FIELDS). */
export function orderDayKeys(day: Day): Day {
  const ordered: Day = { date: day.date };
  for (const field of DAY_FIELDS) setDayField(ordered, field, day[field]);
  return ordered;
}

/**
 * Profile facts (product.md §3.2) from three places that share one syntax: `# key: value` lines
 * in a CSV log, a JSON object, and command-line options. Without a site the functions throw a
 * plain Error (the CLI makes it a usage error); with one, an InputError at that place.
 */
import { parseIsoDate, formatIsoDate, type IsoDate } from '../core/dates.ts';
import {
  MEDICINES,
  MENOPAUSE_STATES,
  METHODS,
  type Medicine,
  type ContraceptionInterval,
  type DateRange,
  type MenopauseState,
  type Method,
  type Pregnancy,
  type Profile,
  type Screening,
} from '../core/log.ts';
import type { Warning } from '../importers/types.ts';
import {
  getDateProblem,
  MAX_YEAR,
  MIN_YEAR,
  parseFreeText,
  quoteInput,
  ValueError,
} from './day-values.ts';
import { FORBIDDEN_KEYS } from './json-text.ts';
import { failAt, type JsonCursor, type SourceSite } from './source-site.ts';

/** Profile keys in canonical order (CSV comment lines, JSON keys). */
export const PROFILE_KEYS = [
  'name',
  'age',
  'birth_date',
  'menopause',
  'contraception',
  'pregnancy',
  'not_tracked',
  'last_screening',
  'medicines',
  'as_of',
] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];

/** Keys that may be given several times (each `# contraception:` line adds an interval). */
export const LIST_PROFILE_KEYS: ReadonlySet<ProfileKey> = new Set(['contraception', 'not_tracked']);

export const MIN_AGE = 8;
export const MAX_AGE = 100;
export const MAX_PREGNANCY_WEEK = 42;

export function isProfileKey(key: string): key is ProfileKey {
  return (PROFILE_KEYS as readonly string[]).includes(key);
}

function check<T>(site: SourceSite | undefined, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // A JSON path already names the field; elsewhere the reason must.
    if (error instanceof ValueError) failAt(site, site?.path ? error.problem : error.message);
    throw error;
  }
}

function date(field: string, text: string): IsoDate {
  const trimmed = text.trim();
  if (trimmed === '')
    throw new ValueError(field, 'missing; expected a date in the form YYYY-MM-DD');
  const problem = getDateProblem(trimmed);
  if (problem !== undefined) throw new ValueError(field, problem);
  return trimmed;
}

function assertOrder(field: string, from: IsoDate | undefined, to: IsoDate | undefined): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw new ValueError(field, `the end ${to} is before the start ${from}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Single values from text

export function parseAgeText(text: string, site?: SourceSite): number {
  return check(site, () => {
    const trimmed = text.trim();
    if (!/^\d{1,3}$/.test(trimmed)) {
      throw new ValueError('age', `${quoteInput(trimmed)} is not a whole number of years, e.g. 32`);
    }
    return checkAge(Number(trimmed));
  });
}

function checkAge(age: number): number {
  if (!Number.isInteger(age) || age < MIN_AGE || age > MAX_AGE) {
    throw new ValueError('age', `${age} is not a whole number from ${MIN_AGE} to ${MAX_AGE}`);
  }
  return age;
}

/** `YYYY-MM-DD`, or `YYYY` when only the year is known. */
export function parseBirthDateText(text: string, site?: SourceSite): string {
  return check(site, () => {
    const trimmed = text.trim();
    if (/^\d{4}$/.test(trimmed)) {
      const year = Number(trimmed);
      if (year < MIN_YEAR || year > MAX_YEAR) {
        throw new ValueError('birth_date', `year ${trimmed} is outside ${MIN_YEAR}–${MAX_YEAR}`);
      }
      return trimmed;
    }
    if (trimmed !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
      throw new ValueError(
        'birth_date',
        `${quoteInput(trimmed)} is not a date; use YYYY-MM-DD, or YYYY when only the year is known`,
      );
    }
    return date('birth_date', trimmed);
  });
}

export function parseMenopauseText(text: string, site?: SourceSite): MenopauseState {
  return check(site, () => {
    const word = text.trim().toLowerCase();
    if ((MENOPAUSE_STATES as readonly string[]).includes(word)) return word as MenopauseState;
    throw new ValueError(
      'menopause',
      `${quoteInput(text.trim())} is not one of ${MENOPAUSE_STATES.join(', ')}`,
    );
  });
}

/** One line of free text: the person's name as they want it printed. */
export function parseNameText(text: string, site?: SourceSite): string | undefined {
  return check(site, () => parseFreeText('name', text)?.replace(/\s+/g, ' '));
}

/** `none`, or a comma-separated list of hrt, tamoxifen, blood-thinner. */
export function parseMedicinesText(text: string, site?: SourceSite): Medicine[] {
  return check(site, () => {
    const words = splitList(text.toLowerCase());
    if (words.length === 1 && words[0] === 'none') return [];
    if (words.length === 0)
      throw new ValueError('medicines', `missing; use none or ${MEDICINES.join(', ')}`);
    return words.map((word) => {
      if ((MEDICINES as readonly string[]).includes(word)) return word as Medicine;
      throw new ValueError(
        'medicines',
        `${quoteInput(word)} is not one of none, ${MEDICINES.join(', ')}`,
      );
    });
  });
}

export function formatMedicinesSpec(medicines: readonly Medicine[]): string {
  return medicines.length === 0 ? 'none' : medicines.join(', ');
}

export function parseAsOfText(text: string, site?: SourceSite): IsoDate {
  return check(site, () => date('as_of', text));
}

// ---------------------------------------------------------------------------------------------
// Structured values from their one-line specs

function parseMethod(text: string): Method {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if ((METHODS as readonly string[]).includes(word)) return word as Method;
  const close = METHODS.filter((m) => word !== '' && m.includes(word));
  const hint = close.length === 1 ? `did you mean ${close[0]}? ` : '';
  throw new ValueError(
    'contraception',
    `${quoteInput(text.trim())} is not a method; ${hint}use one of ${METHODS.join(', ')}`,
  );
}

/** `METHOD`, `METHOD@START`, `METHOD@START..END` or `METHOD@..END`. */
export function parseContraceptionSpec(text: string, site?: SourceSite): ContraceptionInterval {
  return check(site, () => {
    const trimmed = text.trim();
    const at = trimmed.indexOf('@');
    const method = parseMethod(at === -1 ? trimmed : trimmed.slice(0, at));
    const interval: ContraceptionInterval = { method };
    if (at === -1) return interval;
    const dates = trimmed.slice(at + 1).trim();
    const dots = dates.indexOf('..');
    const startText = dots === -1 ? dates : dates.slice(0, dots).trim();
    const endText = dots === -1 ? '' : dates.slice(dots + 2).trim();
    if (startText === '' && endText === '') {
      throw new ValueError(
        'contraception',
        `${quoteInput(trimmed)} has "@" but no date; use METHOD@START[..END], e.g. copper-iud@2024-06-01`,
      );
    }
    if (startText !== '') interval.start = date('contraception start', startText);
    if (endText !== '') interval.end = date('contraception end', endText);
    assertOrder('contraception', interval.start, interval.end);
    return interval;
  });
}

/** `FROM..TO` (inclusive), or one date for a single day. */
export function parseDateRangeSpec(
  text: string,
  site?: SourceSite,
  field = 'not_tracked',
): DateRange {
  return check(site, () => {
    const trimmed = text.trim();
    const dots = trimmed.indexOf('..');
    if (dots === -1) {
      const day = date(field, trimmed);
      return { from: day, to: day };
    }
    const from = date(`${field} start`, trimmed.slice(0, dots));
    const to = date(`${field} end`, trimmed.slice(dots + 2));
    assertOrder(field, from, to);
    return { from, to };
  });
}

/** `19`, or `19+6` (19 weeks and 6 days); returns completed weeks and the extra days. */
function parseWeek(text: string): { week: number; days: number } {
  const m = /^(\d{1,2})(?:\s*\+\s*(\d))?$/.exec(text.trim());
  if (!m) {
    throw new ValueError(
      'pregnancy week',
      `${quoteInput(text.trim())} is not a week; use a whole number from 0 to ${MAX_PREGNANCY_WEEK}, or weeks+days such as 19+6`,
    );
  }
  const days = m[2] === undefined ? 0 : Number(m[2]);
  if (days > 6)
    throw new ValueError(
      'pregnancy week',
      `${quoteInput(text.trim())}: days after "+" must be 0 to 6`,
    );
  return { week: checkWeek(Number(m[1])), days };
}

function checkWeek(week: number): number {
  if (!Number.isInteger(week) || week < 0 || week > MAX_PREGNANCY_WEEK) {
    throw new ValueError(
      'pregnancy week',
      `${week} is not a whole number from 0 to ${MAX_PREGNANCY_WEEK}`,
    );
  }
  return week;
}

/** Week W+D on date r is week W on r − D (the analyzer counts completed weeks from `week_on`). */
function shiftBack(day: IsoDate, days: number): IsoDate {
  return days === 0 ? day : formatIsoDate(parseIsoDate(day)! - days);
}

const PREGNANCY_HELP =
  'use start=DATE, week=W@DATE (e.g. week=6@2025-03-29) or due=DATE, and optionally end=DATE';

/** `start=DATE week=W@DATE`, `due=DATE`, each with an optional `end=DATE`; spaces or commas between. */
export function parsePregnancySpec(text: string, site?: SourceSite): Pregnancy {
  return check(site, () => {
    const pregnancy: Pregnancy = {};
    const seen = new Set<string>();
    const tokens = text
      .trim()
      .split(/[\s,]+/)
      .filter((t) => t !== '');
    if (tokens.length === 0) throw new ValueError('pregnancy', `missing; ${PREGNANCY_HELP}`);
    for (const token of tokens) {
      const eq = token.indexOf('=');
      const key = eq === -1 ? token : token.slice(0, eq).toLowerCase();
      const value = eq === -1 ? '' : token.slice(eq + 1);
      if (!['start', 'week', 'due', 'end'].includes(key) || eq === -1) {
        throw new ValueError(
          'pregnancy',
          `${quoteInput(token)} is not understood; ${PREGNANCY_HELP}`,
        );
      }
      if (seen.has(key)) throw new ValueError('pregnancy', `${key}= is given twice`);
      seen.add(key);
      if (key === 'week') {
        const at = value.indexOf('@');
        if (at === -1) {
          throw new ValueError(
            'pregnancy',
            `week needs the date it applies to, e.g. week=6@2025-03-29`,
          );
        }
        const { week, days } = parseWeek(value.slice(0, at));
        pregnancy.week = week;
        pregnancy.week_on = shiftBack(date('pregnancy week date', value.slice(at + 1)), days);
      } else {
        pregnancy[key as 'start' | 'due' | 'end'] = date(`pregnancy ${key}`, value);
      }
    }
    return checkPregnancy(pregnancy);
  });
}

function checkPregnancy(pregnancy: Pregnancy): Pregnancy {
  if ((pregnancy.week === undefined) !== (pregnancy.week_on === undefined)) {
    throw new ValueError(
      'pregnancy',
      'week and week_on must be given together (week W on date week_on)',
    );
  }
  if (pregnancy.due !== undefined && pregnancy.week !== undefined) {
    throw new ValueError('pregnancy', 'give either a week on a date or a due date, not both');
  }
  if (
    pregnancy.start === undefined &&
    pregnancy.week === undefined &&
    pregnancy.due === undefined
  ) {
    throw new ValueError('pregnancy', `no start, week or due date; ${PREGNANCY_HELP}`);
  }
  assertOrder('pregnancy', pregnancy.start, pregnancy.end);
  return orderPregnancy(pregnancy);
}

function orderPregnancy(p: Pregnancy): Pregnancy {
  const ordered: Pregnancy = {};
  if (p.start !== undefined) ordered.start = p.start;
  if (p.end !== undefined) ordered.end = p.end;
  if (p.week !== undefined) ordered.week = p.week;
  if (p.week_on !== undefined) ordered.week_on = p.week_on;
  if (p.due !== undefined) ordered.due = p.due;
  return ordered;
}

function screeningResult(text: string): string | undefined {
  // One line, so that it fits a `# last_screening:` comment line.
  return parseFreeText('last_screening result', text)?.replace(/\s+/g, ' ');
}

/** `DATE [result words]`, e.g. `2024-05-01 normal, HPV negative`. */
export function parseScreeningSpec(text: string, site?: SourceSite): Screening {
  return check(site, () => {
    const trimmed = text.trim();
    const m = /^(\S+)\s*(.*)$/s.exec(trimmed);
    const screening: Screening = { date: date('last_screening', m?.[1] ?? '') };
    const result = screeningResult(m?.[2] ?? '');
    if (result !== undefined) screening.result = result;
    return screening;
  });
}

// ---------------------------------------------------------------------------------------------
// Formatting back to the one-line specs (the CSV writer, messages)

export function formatContraceptionSpec(c: ContraceptionInterval): string {
  if (c.start === undefined && c.end === undefined) return c.method;
  return `${c.method}@${c.start ?? ''}${c.end !== undefined ? `..${c.end}` : ''}`;
}

export function formatPregnancySpec(p: Pregnancy): string {
  const parts: string[] = [];
  if (p.start !== undefined) parts.push(`start=${p.start}`);
  if (p.week !== undefined && p.week_on !== undefined) parts.push(`week=${p.week}@${p.week_on}`);
  if (p.due !== undefined) parts.push(`due=${p.due}`);
  if (p.end !== undefined) parts.push(`end=${p.end}`);
  return parts.join(' ');
}

export function formatDateRangeSpec(r: DateRange): string {
  return `${r.from}..${r.to}`;
}

export function formatScreeningSpec(s: Screening): string {
  return s.result !== undefined ? `${s.date} ${s.result}` : s.date;
}

// ---------------------------------------------------------------------------------------------
// `# key: value` lines

/**
 * Applies one `# key: value` comment value to `profile`. List keys take comma-separated specs
 * and add to what is there; single keys replace (the caller refuses duplicates).
 */
export function applyProfileText(
  profile: Profile,
  key: ProfileKey,
  value: string,
  site?: SourceSite,
): void {
  switch (key) {
    case 'name': {
      const name = parseNameText(value, site);
      if (name !== undefined) profile.name = name;
      return;
    }
    case 'medicines':
      profile.medicines = parseMedicinesText(value, site);
      return;
    case 'age':
      profile.age = parseAgeText(value, site);
      return;
    case 'birth_date':
      profile.birth_date = parseBirthDateText(value, site);
      return;
    case 'menopause':
      profile.menopause = parseMenopauseText(value, site);
      return;
    case 'contraception':
      profile.contraception = [
        ...(profile.contraception ?? []),
        ...splitList(value).map((spec) => parseContraceptionSpec(spec, site)),
      ];
      return;
    case 'pregnancy':
      profile.pregnancy = parsePregnancySpec(value, site);
      return;
    case 'not_tracked':
      profile.not_tracked = [
        ...(profile.not_tracked ?? []),
        ...splitList(value).map((spec) => parseDateRangeSpec(spec, site)),
      ];
      return;
    case 'last_screening':
      profile.last_screening = parseScreeningSpec(value, site);
      return;
    case 'as_of':
      profile.as_of = parseAsOfText(value, site);
      return;
  }
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// ---------------------------------------------------------------------------------------------
// JSON

/** Own keys of a parsed JSON object, refusing prototype-polluting ones. */
export function getJsonKeys(object: object, cursor: JsonCursor): string[] {
  const keys = Object.keys(object);
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) cursor.at(object, key).fail(`"${key}" is not allowed as a key`);
  }
  return keys;
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A profile from a JSON object. Unknown keys are warnings and are not copied: the result is
 * built from known keys only.
 */
export function parseProfileJson(
  value: unknown,
  cursor: JsonCursor,
): { profile: Profile; warnings: Warning[] } {
  const warnings: Warning[] = [];
  if (!isJsonObject(value)) {
    cursor.fail(
      `expected an object such as {"age": 32, "menopause": "pre"}, found ${quoteInput(value)}`,
    );
  }
  const profile: Profile = {};
  for (const key of getJsonKeys(value, cursor)) {
    const at = cursor.at(value, key);
    const item = value[key];
    if (!isProfileKey(key)) {
      warnings.push(
        at.warning(`unknown profile key ignored (known keys: ${PROFILE_KEYS.join(', ')})`),
      );
      continue;
    }
    if (item === null || item === undefined) continue;
    readProfileJsonKey(profile, key, item, at, warnings);
  }
  return { profile: orderProfile(profile), warnings };
}

function readProfileJsonKey(
  profile: Profile,
  key: ProfileKey,
  value: unknown,
  at: JsonCursor,
  warnings: Warning[],
): void {
  const site = at.site;
  switch (key) {
    case 'name': {
      const name = parseNameText(expectText(value, at, 'text'), site);
      if (name !== undefined) profile.name = name;
      return;
    }
    case 'medicines':
      profile.medicines = parseMedicinesText(
        Array.isArray(value)
          ? value.map((v) => expectText(v, at, 'a medicine name')).join(',') || 'none'
          : expectText(value, at, '"none" or a list such as ["hrt"]'),
        site,
      );
      return;
    case 'age':
      if (typeof value === 'number') profile.age = check(site, () => checkAge(value));
      else profile.age = parseAgeText(expectText(value, at, 'a whole number, e.g. 32'), site);
      return;
    case 'birth_date':
      profile.birth_date = parseBirthDateText(
        typeof value === 'number' ? String(value) : expectText(value, at, '"YYYY-MM-DD" or "YYYY"'),
        site,
      );
      return;
    case 'menopause':
      profile.menopause = parseMenopauseText(
        expectText(value, at, '"pre", "peri" or "post"'),
        site,
      );
      return;
    case 'contraception': {
      // An empty list says the same as no list; dropping it keeps CSV and JSON equivalent.
      const list = asList(value).map((item, i) =>
        readContraceptionJson(item, Array.isArray(value) ? at.at(value, i) : at, warnings),
      );
      if (list.length > 0) profile.contraception = list;
      return;
    }
    case 'pregnancy':
      profile.pregnancy = readPregnancyJson(value, at, warnings);
      return;
    case 'not_tracked': {
      const list = asList(value).map((item, i) =>
        readRangeJson(item, Array.isArray(value) ? at.at(value, i) : at, warnings),
      );
      if (list.length > 0) profile.not_tracked = list;
      return;
    }
    case 'last_screening':
      profile.last_screening = readScreeningJson(value, at, warnings);
      return;
    case 'as_of':
      profile.as_of = parseAsOfText(expectText(value, at, 'a date "YYYY-MM-DD"'), site);
      return;
  }
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function expectText(value: unknown, at: JsonCursor, expected: string): string {
  if (typeof value !== 'string')
    at.fail(`${quoteInput(value)} is not valid here; expected ${expected}`);
  return value;
}

/** Reads the listed keys of an object member by member; other keys are warnings. */
function readFields(
  object: Record<string, unknown>,
  at: JsonCursor,
  known: readonly string[],
  warnings: Warning[],
): Map<string, { value: unknown; at: JsonCursor }> {
  const fields = new Map<string, { value: unknown; at: JsonCursor }>();
  for (const key of getJsonKeys(object, at)) {
    const member = at.at(object, key);
    if (!known.includes(key)) {
      warnings.push(member.warning(`unknown key ignored (known keys: ${known.join(', ')})`));
      continue;
    }
    const value = object[key];
    if (value !== null && value !== undefined) fields.set(key, { value, at: member });
  }
  return fields;
}

function jsonDate(
  field: { value: unknown; at: JsonCursor } | undefined,
  label: string,
): IsoDate | undefined {
  if (field === undefined) return undefined;
  const text = expectText(field.value, field.at, 'a date "YYYY-MM-DD"');
  return check(field.at.site, () => date(label, text));
}

function readContraceptionJson(
  value: unknown,
  at: JsonCursor,
  warnings: Warning[],
): ContraceptionInterval {
  if (typeof value === 'string') return parseContraceptionSpec(value, at.site);
  if (!isJsonObject(value)) {
    at.fail(`expected {"method": "copper-iud", "start": "2024-06-01"}, found ${quoteInput(value)}`);
  }
  const fields = readFields(value, at, ['method', 'start', 'end'], warnings);
  const method = fields.get('method');
  if (method === undefined) at.fail('missing "method", e.g. {"method": "copper-iud"}');
  const interval: ContraceptionInterval = {
    method: check(method.at.site, () =>
      parseMethod(expectText(method.value, method.at, 'a method name')),
    ),
  };
  const start = jsonDate(fields.get('start'), 'contraception start');
  const end = jsonDate(fields.get('end'), 'contraception end');
  if (start !== undefined) interval.start = start;
  if (end !== undefined) interval.end = end;
  check(at.site, () => assertOrder('contraception', start, end));
  return interval;
}

function readRangeJson(value: unknown, at: JsonCursor, warnings: Warning[]): DateRange {
  if (typeof value === 'string') return parseDateRangeSpec(value, at.site);
  if (!isJsonObject(value)) {
    at.fail(`expected {"from": "2025-03-20", "to": "2025-03-31"}, found ${quoteInput(value)}`);
  }
  const fields = readFields(value, at, ['from', 'to'], warnings);
  const from = jsonDate(fields.get('from'), 'not_tracked from');
  const to = jsonDate(fields.get('to'), 'not_tracked to');
  if (from === undefined || to === undefined) at.fail('needs both "from" and "to" dates');
  check(at.site, () => assertOrder('not_tracked', from, to));
  return { from, to };
}

function readScreeningJson(value: unknown, at: JsonCursor, warnings: Warning[]): Screening {
  if (typeof value === 'string') return parseScreeningSpec(value, at.site);
  if (!isJsonObject(value)) {
    at.fail(`expected {"date": "2024-05-01", "result": "normal"}, found ${quoteInput(value)}`);
  }
  const fields = readFields(value, at, ['date', 'result'], warnings);
  const day = jsonDate(fields.get('date'), 'last_screening date');
  if (day === undefined) at.fail('missing "date"');
  const screening: Screening = { date: day };
  const resultField = fields.get('result');
  if (resultField !== undefined) {
    const text = expectText(resultField.value, resultField.at, 'text');
    const result = check(resultField.at.site, () => screeningResult(text));
    if (result !== undefined) screening.result = result;
  }
  return screening;
}

function readPregnancyJson(value: unknown, at: JsonCursor, warnings: Warning[]): Pregnancy {
  if (typeof value === 'string') return parsePregnancySpec(value, at.site);
  if (!isJsonObject(value)) {
    at.fail(
      `expected {"start": "2025-02-15", "week": 6, "week_on": "2025-03-29"} or {"due": "2025-11-01"}, found ${quoteInput(value)}`,
    );
  }
  const fields = readFields(value, at, ['start', 'end', 'week', 'week_on', 'due'], warnings);
  const pregnancy: Pregnancy = {};
  for (const key of ['start', 'end', 'week_on', 'due'] as const) {
    const day = jsonDate(fields.get(key), `pregnancy ${key}`);
    if (day !== undefined) pregnancy[key] = day;
  }
  const week = fields.get('week');
  if (week !== undefined) {
    const parsed = check(week.at.site, () =>
      typeof week.value === 'number'
        ? { week: checkWeek(week.value), days: 0 }
        : parseWeek(expectText(week.value, week.at, 'a week number')),
    );
    pregnancy.week = parsed.week;
    if (pregnancy.week_on !== undefined)
      pregnancy.week_on = shiftBack(pregnancy.week_on, parsed.days);
  }
  return check(at.site, () => checkPregnancy(pregnancy));
}

// ---------------------------------------------------------------------------------------------

/** A copy with keys in canonical order and only known keys. */
export function orderProfile(profile: Profile): Profile {
  const ordered: Profile = {};
  for (const key of PROFILE_KEYS) {
    if (profile[key] !== undefined) (ordered as Record<ProfileKey, unknown>)[key] = profile[key];
  }
  return ordered;
}

/**
 * `override` wins key by key (command-line options over the file's profile). A list given in
 * the override replaces the base's list rather than adding to it.
 */
/** Keys that state one fact: a layer that sets any of them replaces all of them. */
const SAME_FACT: readonly (readonly ProfileKey[])[] = [['age', 'birth_date']];

/**
 * `override` on top of `base`, key by key. `--age 30` over a log with a birth date must mean 30,
 * so age and birth date are replaced together (the analyzer prefers a birth date when both are
 * in one profile).
 */
export function mergeProfiles(base: Profile, override: Profile): Profile {
  const merged: Profile = { ...orderProfile(base) };
  for (const group of SAME_FACT) {
    if (group.some((key) => override[key] !== undefined)) {
      for (const key of group) delete (merged as Record<ProfileKey, unknown>)[key];
    }
  }
  for (const key of PROFILE_KEYS) {
    if (override[key] !== undefined) (merged as Record<ProfileKey, unknown>)[key] = override[key];
  }
  return orderProfile(merged);
}

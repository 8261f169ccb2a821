/**
 * A profile from a JSON object (the canonical JSON log, `--profile FILE`). Unknown keys are
 * warnings and are not copied; keys that could reach a prototype are refused.
 */
import { type IsoDate } from '../core/dates.ts';
import {
  type ContraceptionInterval,
  type DateRange,
  type Pregnancy,
  type Profile,
  type Screening,
} from '../core/log.ts';
import type { Warning } from './import-contract.ts';
import { quoteInput } from './day-values.ts';
import { FORBIDDEN_KEYS } from './json-text.ts';
import { type JsonCursor } from './source-site.ts';
import { assertOrder, check, date } from './profile-checks.ts';
import {
  checkAge,
  parseAgeText,
  parseAsOfText,
  parseBirthDateText,
  parseMenopauseText,
  parseMedicinesText,
  parseNameText,
} from './profile-facts.ts';
import { isProfileKey, orderProfile, PROFILE_KEYS, type ProfileKey } from './profile-keys.ts';
import {
  checkPregnancy,
  checkWeek,
  parseMethod,
  screeningResult,
  parseContraceptionSpec,
  parseDateRangeSpec,
  parsePregnancySpec,
  parseScreeningSpec,
  parseWeek,
  shiftBack,
} from './profile-specs.ts';

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

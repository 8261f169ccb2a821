/**
 * The canonical JSON log (docs/log-format.md, "JSON"): `{format, profile, days}` or a bare array of days.
 * Errors name the JSON path and its line:column; keys that could reach a prototype are refused.
 */
import type { Day, Profile } from '../core/log.ts';
import { InputError } from '../errors.ts';
import type { Importer, ImportResult, Warning } from '../importers/types.ts';
import { decodeTextFile } from './decode-text.ts';
import {
  applyImpliedFields,
  normalizeColumnName,
  parseDateJson,
  parseDayFieldJson,
  quoteInput,
  resolveDayColumn,
  setDayField,
  suggestDayColumn,
  ValueError,
  type DayColumn,
} from './day-values.ts';
import { JsonTextError, parseJsonText } from './json-text.ts';
import { describeMergedDates, findDuplicateDates, mergeDays } from './merge-days.ts';
import { getJsonKeys, isJsonObject, parseProfileJson } from './profile.ts';
import { JsonCursor } from './source-site.ts';

export const CANONICAL_LOG_FORMAT = 'cyclecheck-log/1';

const SHAPE_HELP = `{"format": "${CANONICAL_LOG_FORMAT}", "profile": {…}, "days": [{"date": "2025-03-12", "bleeding": "spotting"}]}`;

/** Parses JSON text into a value and its positions, turning syntax errors into InputErrors. */
export function readJsonDocument(text: string, file: string): { value: unknown; root: JsonCursor } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const nul = body.indexOf('\u0000');
  if (nul !== -1) {
    const line = body.slice(0, nul).split('\n').length;
    throw new InputError(
      file,
      { line },
      'this is a binary file (it contains NUL bytes), not a JSON log',
    );
  }
  if (body.trim() === '') {
    throw new InputError(
      file,
      { line: 1 },
      `the file is empty; a JSON log looks like ${SHAPE_HELP}`,
    );
  }
  try {
    const { value, locations } = parseJsonText(body);
    return { value, root: JsonCursor.root(file, locations, value) };
  } catch (error) {
    if (error instanceof JsonTextError) {
      const reason = error.isSyntaxError ? `invalid JSON: ${error.reason}` : error.reason;
      throw new InputError(file, error.position, reason);
    }
    throw error;
  }
}

export function parseCanonicalJson(text: string, file: string): ImportResult {
  const warnings: Warning[] = [];
  const { value, root } = readJsonDocument(text, file);
  let profile: Profile = {};
  let days: unknown;
  let daysAt: JsonCursor = root;
  if (Array.isArray(value)) {
    days = value;
  } else if (isJsonObject(value)) {
    for (const key of getJsonKeys(value, root)) {
      const at = root.at(value, key);
      if (key === 'format') {
        if (value[key] !== CANONICAL_LOG_FORMAT) {
          at.fail(
            `${quoteInput(value[key])} is not "${CANONICAL_LOG_FORMAT}"; this is not a cyclecheck log, or it comes from a newer version`,
          );
        }
      } else if (key === 'profile') {
        if (value[key] === null) continue;
        const read = parseProfileJson(value[key], at);
        profile = read.profile;
        warnings.push(...read.warnings);
      } else if (key === 'days') {
        days = value[key];
        daysAt = at;
      } else {
        warnings.push(at.warning('unknown top-level key ignored (expected format, profile, days)'));
      }
    }
    if (days === undefined) root.fail(`no "days" list; a JSON log looks like ${SHAPE_HELP}`);
  } else {
    root.fail(
      `expected an object like ${SHAPE_HELP}, or an array of days; found ${quoteInput(value)}`,
    );
  }
  if (!Array.isArray(days)) {
    daysAt.fail(
      `"days" must be a list of days, like [{"date": "2025-03-12", "bleeding": "spotting"}]`,
    );
  }

  const list: unknown[] = days;
  const unknownKeys = new Set<string>();
  const parsed = list.map((item, index) =>
    readDay(item, daysAt.at(list, index), unknownKeys, warnings),
  );

  if (parsed.length === 0) warnings.push(daysAt.warning('no days; the log is empty'));
  const merged = describeMergedDates(findDuplicateDates(parsed));
  if (merged !== undefined) warnings.push({ file, message: merged });
  return {
    log: { profile, days: mergeDays(parsed) },
    format: 'json',
    warnings,
    summary: [],
    gaps: [],
  };
}

function readDay(
  item: unknown,
  at: JsonCursor,
  unknownKeys: Set<string>,
  warnings: Warning[],
): Day {
  if (!isJsonObject(item)) {
    at.fail(
      `expected a day object like {"date": "2025-03-12", "bleeding": "spotting"}, found ${quoteInput(item)}`,
    );
  }
  const day = { date: '' } as Day;
  const seen = new Map<DayColumn, string>();
  for (const key of getJsonKeys(item, at)) {
    const member = at.at(item, key);
    const column = resolveDayColumn(key);
    if (column === undefined) {
      const name = normalizeColumnName(key);
      if (!unknownKeys.has(name)) {
        unknownKeys.add(name);
        const suggestion = suggestDayColumn(key);
        warnings.push(
          member.warning(
            `unknown field ${quoteInput(key)} is ignored in every day${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
          ),
        );
      }
      continue;
    }
    const previous = seen.get(column);
    if (previous !== undefined)
      member.fail(`repeats ${quoteInput(previous)}; each field may appear once`);
    seen.set(column, key);
    try {
      if (column === 'date') day.date = parseDateJson('date', item[key]);
      else setDayField(day, column, parseDayFieldJson(column, item[key]));
    } catch (error) {
      if (error instanceof ValueError) member.fail(error.problem);
      throw error;
    }
  }
  if (!seen.has('date'))
    at.fail('missing "date"; every day needs one, e.g. {"date": "2025-03-12"}');
  applyImpliedFields(day);
  return day;
}

export const jsonImporter: Importer = {
  id: 'json',
  label: 'cyclecheck JSON log (canonical: {"format": "cyclecheck-log/1", "profile", "days"})',
  async read(input) {
    const text = decodeTextFile(await input.readAll(), input.name);
    return parseCanonicalJson(text, input.name);
  },
};

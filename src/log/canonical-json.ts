/**
 * The canonical JSON log (docs/log-format.md, "JSON"): `{format, profile, days}` or a bare array of days.
 * Errors name the JSON path and its line:column; keys that could reach a prototype are refused.
 */
import type { Day, Profile } from '../core/log.ts';
import { InputError } from '../errors.ts';
import type { Importer, ImportResult, Warning } from './import-contract.ts';
import {
  countPeriodWithoutBleeding,
  describeMissingBleeding,
  describePeriodWithoutBleeding,
  describeUnbledPeriodDays,
  hasAnyBleeding,
} from './bleeding-evidence.ts';
import {
  describeSynonym,
  foldColumnName,
  isBasalTemperatureName,
  matchColumnName,
  suggestColumnName,
  type ColumnMapping,
  type ColumnTarget,
} from './column-names.ts';
import { decodeLogText } from './decode-text.ts';
import {
  applyImpliedFields,
  parseDateJson,
  parseDayFieldJson,
  parseYesNoText,
  quoteInput,
  setDayField,
  ValueError,
} from './day-values.ts';
import type { ReadOptions } from './read-options.ts';
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

/** What the days' keys were read as, gathered over all days (each said once). */
interface KeyUse {
  mappings: readonly ColumnMapping[];
  /** Folded keys already warned about. */
  said: Set<string>;
  ignored: string[];
  likelyBleeding?: string;
  known: Set<string>;
  bleedingField: boolean;
}

interface JsonDocument {
  profile: Profile;
  days: unknown[];
  daysAt: JsonCursor;
  /** Whether `"format": "cyclecheck-log/1"` says absent fields mean none (cyclecheck wrote it). */
  marked: boolean;
}

export function parseCanonicalJson(
  text: string,
  file: string,
  options: ReadOptions = {},
): ImportResult {
  const warnings: Warning[] = [];
  const { profile, days: list, daysAt, marked } = readDocumentShape(text, file, warnings);
  const use: KeyUse = {
    mappings: options.columns ?? [],
    said: new Set(),
    ignored: [],
    known: new Set(),
    bleedingField: false,
  };
  const parsed = list.map((item, index) => readDay(item, daysAt.at(list, index), use, warnings));
  checkBleedingRead(parsed, use, { daysAt, marked, warnings });
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

/**
 * Refuses a log from which nothing about bleeding was read: no day has a bleeding
 * field while fields were ignored, or a period field says yes, or the file is not one
 * cyclecheck wrote (where an absent field is a statement: none).
 */
function checkBleedingRead(
  days: readonly Day[],
  use: KeyUse,
  { daysAt, marked, warnings }: { daysAt: JsonCursor; marked: boolean; warnings: Warning[] },
): void {
  if (days.length === 0) {
    warnings.push(daysAt.warning('no days; the log is empty'));
    return;
  }
  const unbled = countPeriodWithoutBleeding(days);
  const bled = hasAnyBleeding(days);
  if (unbled > 0 && !bled && use.ignored.length === 0) {
    daysAt.fail(describePeriodWithoutBleeding('field', unbled));
  }
  if (!use.bleedingField && (use.ignored.length > 0 || unbled > 0 || !marked)) {
    daysAt.fail(describeMissingBleeding('field', use.ignored, use.likelyBleeding, [...use.known]));
  }
  if (unbled > 0) warnings.push(daysAt.warning(describeUnbledPeriodDays(unbled)));
}

function readDocumentShape(text: string, file: string, warnings: Warning[]): JsonDocument {
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
  const marked = isJsonObject(value) && value['format'] === CANONICAL_LOG_FORMAT;
  return { profile, days: days as unknown[], daysAt, marked };
}

/** What a day's key is read as; an ignored key is warned about once, in the first day with it. */
function matchDayKey(key: string, member: JsonCursor, use: KeyUse, warnings: Warning[]) {
  const match = matchColumnName(key, use.mappings);
  const folded = foldColumnName(key);
  if (match !== undefined) {
    if (match.target === 'bleeding' || match.target === 'spotting') use.bleedingField = true;
    use.known.add(key);
    if (match.how === 'synonym' && !use.said.has(folded)) {
      use.said.add(folded);
      warnings.push(member.warning(describeSynonym(key, match.target, 'field')));
    }
    return match.target;
  }
  if (use.said.has(folded)) return undefined;
  use.said.add(folded);
  use.ignored.push(key);
  const suggestion = suggestColumnName(key);
  if (suggestion === 'bleeding' || suggestion === 'spotting') use.likelyBleeding ??= key;
  const message = isBasalTemperatureName(key)
    ? `field ${quoteInput(key)} is basal body temperature, which is ignored in every day: a basal reading is never a fever reading`
    : `unknown field ${quoteInput(key)} is ignored in every day${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
  warnings.push(member.warning(message));
  return undefined;
}

function readSpottingJson(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === 'string') return parseYesNoText('spotting', value) === true;
  throw new ValueError('spotting', `${quoteInput(value)} is not yes or no`);
}

function readDay(item: unknown, at: JsonCursor, use: KeyUse, warnings: Warning[]): Day {
  if (!isJsonObject(item)) {
    at.fail(
      `expected a day object like {"date": "2025-03-12", "bleeding": "spotting"}, found ${quoteInput(item)}`,
    );
  }
  const day = { date: '' } as Day;
  const seen = new Map<ColumnTarget, string>();
  let spotting = false;
  for (const key of getJsonKeys(item, at)) {
    const member = at.at(item, key);
    const column = matchDayKey(key, member, use, warnings);
    if (column === undefined) continue;
    const previous = seen.get(column);
    if (previous !== undefined)
      member.fail(`repeats ${quoteInput(previous)}; each field may appear once`);
    seen.set(column, key);
    try {
      if (column === 'date') day.date = parseDateJson('date', item[key]);
      else if (column === 'spotting') spotting = readSpottingJson(item[key]);
      else setDayField(day, column, parseDayFieldJson(column, item[key]));
    } catch (error) {
      if (error instanceof ValueError) member.fail(error.problem);
      throw error;
    }
  }
  if (!seen.has('date'))
    at.fail('missing "date"; every day needs one, e.g. {"date": "2025-03-12"}');
  if (spotting && (day.bleeding === undefined || day.bleeding === 'none'))
    day.bleeding = 'spotting';
  applyImpliedFields(day);
  return day;
}

export const jsonImporter: Importer = {
  id: 'json',
  label: 'cyclecheck JSON log (canonical: {"format": "cyclecheck-log/1", "profile", "days"})',
  async read(input, options) {
    const { text, warnings } = decodeLogText(await input.readAll(), input.name);
    const result = parseCanonicalJson(text, input.name, options?.reading);
    result.warnings.unshift(...warnings);
    return result;
  },
};

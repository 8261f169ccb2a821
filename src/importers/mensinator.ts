/**
 * Mensinator (Android) — its JSON export is a dump of database tables with every value a
 * string: `periods` (one row per period day), `symptoms` (built-in flows plus the person's own
 * symptoms), `symptom_date` (which symptom on which date), `ovulations`, `app_settings`.
 */
import type { IsoDate } from '../core/dates.ts';
import type { InputFile } from '../io/input-file.ts';
import { describeBadDate, parseLocalDate } from './common/dates.ts';
import { DayBuilder } from './common/day-builder.ts';
import { personGaps } from '../log/profile-gaps.ts';
import { isObject, readJsonDocument, scalarText, type JsonDocument } from './common/json-input.ts';
import { ImportTally, shortName } from './common/tally.ts';
import type { Importer, ImportOptions, ImportResult } from '../log/import-contract.ts';
import { applyDayAction, type DayAction } from './common/day-action.ts';
import { ownValue } from './common/own-value.ts';

const HINT =
  'A Mensinator export (Settings → Export) is a JSON object with "periods", "symptoms" and "symptom_date" tables.';

/**
 * Symptom names people give, normalised (lower case, `_` and `-` as spaces). The built-in flows
 * are `Heavy_Flow`, `Medium_Flow`, `Light_Flow`; everything else was created by the person.
 */
const SYMPTOMS: Record<string, DayAction> = {
  'heavy flow': { kind: 'bleeding', level: 'heavy' },
  'medium flow': { kind: 'bleeding', level: 'medium' },
  'light flow': { kind: 'bleeding', level: 'light' },
  spotting: { kind: 'bleeding', level: 'spotting' },
  sex: { kind: 'flag', field: 'sex' },
  'had sex': { kind: 'flag', field: 'sex' },
  intercourse: { kind: 'flag', field: 'sex' },
  'sexual intercourse': { kind: 'flag', field: 'sex' },
  'protected sex': { kind: 'flag', field: 'sex' },
  'unprotected sex': { kind: 'flag', field: 'sex' },
  cramps: { kind: 'severity', field: 'cramps' },
  cramping: { kind: 'severity', field: 'cramps' },
  'period cramps': { kind: 'severity', field: 'cramps' },
  'menstrual cramps': { kind: 'severity', field: 'cramps' },
  'pelvic pain': { kind: 'severity', field: 'pelvic_pain' },
  'pain during sex': { kind: 'pain_during_sex' },
  'painful sex': { kind: 'pain_during_sex' },
  'pain with sex': { kind: 'pain_during_sex' },
  dyspareunia: { kind: 'pain_during_sex' },
  discharge: { kind: 'discharge', value: 'normal' },
  'unusual discharge': { kind: 'discharge', value: 'unusual' },
  'abnormal discharge': { kind: 'discharge', value: 'unusual' },
  'atypical discharge': { kind: 'discharge', value: 'unusual' },
  fever: { kind: 'flag', field: 'fever' },
  odor: { kind: 'flag', field: 'odor' },
  odour: { kind: 'flag', field: 'odor' },
  'vaginal odor': { kind: 'flag', field: 'odor' },
  'vaginal odour': { kind: 'flag', field: 'odor' },
  'painful urination': { kind: 'flag', field: 'painful_urination' },
  'burning urination': { kind: 'flag', field: 'painful_urination' },
  'pain when peeing': { kind: 'flag', field: 'painful_urination' },
  dysuria: { kind: 'flag', field: 'painful_urination' },
  dizzy: { kind: 'flag', field: 'dizzy' },
  dizziness: { kind: 'flag', field: 'dizzy' },
  fainting: { kind: 'flag', field: 'dizzy' },
};

const DROPPED_TABLES: Record<string, string> = {
  ovulations: 'ovulation marks are not used',
};

/** Tables read above, or settings that are not logged data at all. */
const READ_TABLES = new Set(['periods', 'symptoms', 'symptom_date', 'app_settings']);

export function normaliseSymptomName(name: string): string {
  return name.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
}

function table(doc: JsonDocument, root: Record<string, unknown>, name: string): unknown[] {
  const rows = root[name];
  if (rows === undefined || rows === null) return [];
  if (!Array.isArray(rows)) throw doc.error(`$.${name}`, 'expected an array of rows', root, name);
  return rows;
}

function rowDate(
  doc: JsonDocument,
  rows: unknown[],
  index: number,
  path: string,
  key: string,
): IsoDate {
  const row = rows[index];
  if (!isObject(row)) throw doc.error(path, 'expected a row object', rows, index);
  const date = parseLocalDate(row[key]);
  if (date === undefined) {
    const raw = scalarText(row[key]);
    throw doc.error(`${path}.${key}`, describeBadDate(raw), row, key);
  }
  return date;
}

export async function readMensinatorExport(
  input: InputFile,
  _options: ImportOptions,
): Promise<ImportResult> {
  const file = input.name;
  const doc = await readJsonDocument(input, HINT);
  const root = doc.root;
  if (!isObject(root)) throw doc.error('$', 'expected a JSON object of tables');
  if (!Array.isArray(root.periods)) {
    throw doc.error('$.periods', 'missing the "periods" table', root, 'periods');
  }

  const days = new DayBuilder();
  const tally = new ImportTally();

  const periods = table(doc, root, 'periods');
  periods.forEach((_row, index) => {
    const date = rowDate(doc, periods, index, `$.periods[${index}]`, 'date');
    // The amount comes from the flow symptoms; a period day without one is at least light.
    days.bleeding(date, 'light');
    days.flag(date, 'period');
    tally.mapped('periods', 'bleeding + period');
  });

  const symptoms = table(doc, root, 'symptoms');
  const nameById = new Map<string, string>();
  symptoms.forEach((row, index) => {
    if (!isObject(row))
      throw doc.error(`$.symptoms[${index}]`, 'expected a row object', symptoms, index);
    const id = scalarText(row.id);
    const name = scalarText(row.symptom_name);
    if (id === undefined || name === undefined) {
      throw doc.error(
        `$.symptoms[${index}]`,
        'a symptom needs "id" and "symptom_name"',
        symptoms,
        index,
      );
    }
    nameById.set(id, name);
  });

  const symptomDates = table(doc, root, 'symptom_date');
  symptomDates.forEach((row, index) => {
    const path = `$.symptom_date[${index}]`;
    const date = rowDate(doc, symptomDates, index, path, 'symptom_date');
    const id = isObject(row) ? scalarText(row.symptom_id) : undefined;
    const line = doc.lineOf(symptomDates, index);
    days.entry(date);
    const name = id === undefined ? undefined : nameById.get(id);
    if (name === undefined) {
      tally.unknown('symptom id (not in the symptoms table)', id ?? '(none)', line);
      return;
    }
    const action = ownValue(SYMPTOMS, normaliseSymptomName(name));
    if (!action) {
      tally.unknown('symptom', name, line);
      return;
    }
    const what = `symptom '${shortName(name)}'`;
    applyDayAction(days, tally, date, what, action);
  });

  for (const key of Object.keys(root)) {
    if (READ_TABLES.has(key)) continue;
    const rows = root[key];
    const count = Array.isArray(rows) ? rows.length : 1;
    const why = ownValue(DROPPED_TABLES, key);
    for (let i = 0; i < count; i++) {
      if (why !== undefined) tally.dropped(key, why);
      else tally.unknown('table', key, doc.lineOf(root, key));
    }
  }

  return {
    log: { profile: {}, days: days.build() },
    format: 'mensinator',
    warnings: tally.warnings(file),
    summary: tally.summary(),
    gaps: personGaps('Mensinator'),
  };
}

export const mensinatorImporter: Importer = {
  id: 'mensinator',
  label: 'Mensinator export (JSON)',
  read: readMensinatorExport,
};

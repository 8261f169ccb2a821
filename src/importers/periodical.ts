/**
 * Periodical (Android, de.arnowelzel.android.periodical) — `Periodical-backup.json.gz`, or the
 * same JSON unpacked: an array of one-key sections
 * `[{"version":…},{"data":[…]},{"options":[…]},{"notes":[…]},{"symptoms":[…]}]`, values as
 * strings, dates `yyyyMMdd`.
 */
import type { Bleeding, Discharge } from '../core/log.ts';
import type { IsoDate } from '../core/dates.ts';
import type { InputFile } from '../io/input-file.ts';
import { MethodSightings } from './common/contraception.ts';
import { describeBadDate, parseCompactDate } from './common/dates.ts';
import { DayBuilder } from './common/day-builder.ts';
import { personGaps } from '../log/profile-gaps.ts';
import { gunzipBounded, isGzip } from './common/gzip.ts';
import { isObject, parseJsonDocument, scalarText, type JsonDocument } from './common/json-input.ts';
import { ImportTally } from './common/tally.ts';
import { decodeUtf8 } from './common/text.ts';
import type { Importer, ImportOptions, ImportResult } from '../log/import-contract.ts';
import { ownValue } from './common/own-value.ts';

const HINT =
  'A Periodical backup (menu → Backup) is `Periodical-backup.json.gz`: gzip of a JSON array starting with {"version": …}.';

/**
 * Periodical's intensity is 1–4, only 4 labelled ("strong"). On a day the person marked as
 * period, 1 is the lowest flow (light), not spotting: Periodical records spotting separately
 * (symptom 19), and calling a marked period day "spotting" would split the period.
 */
export const PERIODICAL_INTENSITY: Record<string, Bleeding> = {
  '1': 'light',
  '2': 'medium',
  '3': 'medium',
  '4': 'heavy',
};

type SymptomAction =
  | { kind: 'flag'; field: 'sex' | 'dizzy' }
  | { kind: 'cramps' }
  | { kind: 'discharge'; value: Discharge }
  | { kind: 'bleeding'; level: Bleeding }
  | { kind: 'pill' }
  | { kind: 'drop' };

/** Periodical's symptom ids (its "events" list), with what each becomes. */
export const PERIODICAL_SYMPTOMS: Record<string, { name: string; action: SymptomAction }> = {
  '1': { name: 'intercourse', action: { kind: 'flag', field: 'sex' } },
  '2': { name: 'cramps', action: { kind: 'cramps' } },
  '3': { name: 'back pain', action: { kind: 'drop' } },
  '4': { name: 'middle pain left', action: { kind: 'drop' } },
  '5': { name: 'middle pain right', action: { kind: 'drop' } },
  '6': { name: 'breast pain/dragging pain', action: { kind: 'drop' } },
  '7': { name: 'thrush/candida', action: { kind: 'discharge', value: 'unusual' } },
  '8': { name: 'discharge', action: { kind: 'discharge', value: 'normal' } },
  '9': { name: 'intense bleeding', action: { kind: 'bleeding', level: 'heavy' } },
  '10': { name: 'temperature fluctuations', action: { kind: 'drop' } },
  '11': { name: 'pimples', action: { kind: 'drop' } },
  '12': { name: 'bloating', action: { kind: 'drop' } },
  '13': { name: 'fainting', action: { kind: 'flag', field: 'dizzy' } },
  '14': { name: 'grumpiness', action: { kind: 'drop' } },
  '15': { name: 'nausea', action: { kind: 'drop' } },
  '16': { name: 'cravings', action: { kind: 'drop' } },
  '17': { name: 'headache/migraine', action: { kind: 'drop' } },
  '18': { name: 'contraceptive pill', action: { kind: 'pill' } },
  '19': { name: 'spotting', action: { kind: 'bleeding', level: 'spotting' } },
  '20': { name: 'tired', action: { kind: 'drop' } },
  '21': { name: 'energized', action: { kind: 'drop' } },
  '22': { name: 'sad', action: { kind: 'drop' } },
  '23': { name: 'edgy', action: { kind: 'drop' } },
};

const SECTIONS = new Set(['version', 'data', 'options', 'notes', 'symptoms']);

function sectionRows(
  doc: JsonDocument,
  section: Record<string, unknown>,
  key: string,
  path: string,
): unknown[] {
  const rows = section[key];
  if (rows === null || rows === undefined) return [];
  if (!Array.isArray(rows)) throw doc.error(`${path}.${key}`, 'expected an array', section, key);
  return rows;
}

function rowDate(doc: JsonDocument, rows: unknown[], index: number, path: string): IsoDate {
  const row = rows[index];
  if (!isObject(row)) throw doc.error(path, 'expected an object', rows, index);
  const date = parseCompactDate(row.eventdate);
  if (date === undefined) {
    const raw = scalarText(row.eventdate);
    throw doc.error(`${path}.eventdate`, describeBadDate(raw, 'yyyyMMdd'), row, 'eventdate');
  }
  return date;
}

/** What the mapping steps share: the document, and the days, counts and methods they fill. */
interface Mapping {
  doc: JsonDocument;
  days: DayBuilder;
  tally: ImportTally;
  methods: MethodSightings;
}

type Section = { section: Record<string, unknown>; path: string };

/** The backup's one-key sections by name; unknown ones are counted, not fatal. */
function readSections(doc: JsonDocument, tally: ImportTally): Map<string, Section> {
  const root = doc.root;
  if (!Array.isArray(root)) throw doc.error('$', 'expected a JSON array of sections');
  const sections = new Map<string, Section>();
  root.forEach((section: unknown, index) => {
    const path = `$[${index}]`;
    if (!isObject(section)) throw doc.error(path, 'expected a section object', root, index);
    for (const key of Object.keys(section)) {
      if (SECTIONS.has(key)) sections.set(key, { section, path });
      else tally.unknown('section', key, doc.lineOf(section, key));
    }
  });
  if (!sections.has('data'))
    throw doc.error('$', 'no "data" section: this is not a Periodical backup', root);
  return sections;
}

/** The rows of one section, each with its date (a bad date is an error with its place). */
function readDatedRows(
  doc: JsonDocument,
  section: Section | undefined,
  key: string,
): { date: IsoDate; record: Record<string, unknown>; line: number | undefined }[] {
  if (section === undefined) return [];
  const rows = sectionRows(doc, section.section, key, section.path);
  return rows.map((row, index) => ({
    date: rowDate(doc, rows, index, `${section.path}.${key}[${index}]`),
    record: row as Record<string, unknown>,
    line: doc.lineOf(rows, index),
  }));
}

function mapDataRows({ doc, days, tally }: Mapping, data: Section | undefined): void {
  for (const { date, record, line } of readDatedRows(doc, data, 'data')) {
    days.entry(date);
    const type = scalarText(record.eventtype);
    if (type === '1' || type === '2') {
      const intensity = scalarText(record.intensity);
      let level: Bleeding = 'light';
      if (intensity !== undefined && intensity !== '' && intensity !== '0') {
        const known = ownValue(PERIODICAL_INTENSITY, intensity);
        if (known === undefined) tally.unknown('intensity', intensity, line);
        else level = known;
      }
      days.bleeding(date, level);
      days.flag(date, 'period');
      tally.mapped(type === '1' ? 'period start' : 'period day', 'bleeding + period');
    } else if (type !== '0' && type !== undefined) {
      tally.unknown('event type', type, line);
    }
    const temperature = scalarText(record.eventtemp);
    if (temperature !== undefined && temperature !== '' && Number(temperature) !== 0) {
      tally.dropped('eventtemp', 'basal temperature is never fever');
    }
    const cvx = scalarText(record.eventcvx);
    if (cvx !== undefined && cvx !== '' && cvx !== '0')
      tally.dropped('eventcvx', 'a fertility sign');
  }
}

function applySymptom(mapping: Mapping, date: IsoDate, id: string, action: SymptomAction): void {
  const { days, tally, methods } = mapping;
  const what = `symptom ${id} (${PERIODICAL_SYMPTOMS[id]?.name ?? id})`;
  switch (action.kind) {
    case 'flag':
      days.flag(date, action.field);
      tally.mapped(what, action.field);
      break;
    case 'cramps':
      days.severity(date, 'cramps', 'mild');
      tally.mapped(what, 'cramps: mild');
      break;
    case 'discharge':
      days.discharge(date, action.value);
      tally.mapped(what, `discharge: ${action.value}`);
      break;
    case 'bleeding':
      days.bleeding(date, action.level);
      tally.mapped(what, `bleeding: ${action.level}`);
      break;
    case 'pill':
      methods.see('pill', date);
      tally.dropped(what, 'asked instead: which pill');
      break;
    case 'drop':
      tally.dropped('symptoms (other kinds)', 'not used by any rule');
      break;
  }
}

function mapSymptomRows(mapping: Mapping, symptoms: Section | undefined): void {
  for (const { date, record, line } of readDatedRows(mapping.doc, symptoms, 'symptoms')) {
    const id = scalarText(record.symptom) ?? '(none)';
    mapping.days.entry(date);
    const known = ownValue(PERIODICAL_SYMPTOMS, id);
    if (known) applySymptom(mapping, date, id, known.action);
    else mapping.tally.unknown('symptom id', id, line);
  }
}

function mapNoteRows({ doc, days, tally }: Mapping, notes: Section | undefined): void {
  for (const { date, record } of readDatedRows(doc, notes, 'notes')) {
    days.entry(date);
    if (typeof record.content === 'string' && record.content.trim() !== '') {
      days.note(date, record.content);
      tally.mapped('notes', 'notes');
    }
  }
}

export async function readPeriodicalBackup(
  input: InputFile,
  _options: ImportOptions,
): Promise<ImportResult> {
  const file = input.name;
  let bytes = await input.readAll();
  if (isGzip(bytes)) bytes = await gunzipBounded(file, bytes, HINT);
  const doc = parseJsonDocument(file, decodeUtf8(bytes, file, HINT), HINT);
  const mapping: Mapping = {
    doc,
    days: new DayBuilder(),
    tally: new ImportTally(),
    methods: new MethodSightings(),
  };
  const sections = readSections(doc, mapping.tally);
  // Sections are mapped in this order whatever their order in the file, as before.
  mapDataRows(mapping, sections.get('data'));
  mapSymptomRows(mapping, sections.get('symptoms'));
  mapNoteRows(mapping, sections.get('notes'));

  const { gaps } = mapping.methods.result();
  return {
    log: { profile: {}, days: mapping.days.build() },
    format: 'periodical',
    warnings: mapping.tally.warnings(file),
    summary: mapping.tally.summary(),
    gaps: [...gaps, ...personGaps('Periodical')],
  };
}

export const periodicalImporter: Importer = {
  id: 'periodical',
  label: 'Periodical backup (Periodical-backup.json.gz or .json)',
  read: readPeriodicalBackup,
};

/**
 * Clue — `measurements.json` from Clue's data download: an array of `{type, id, date, value}`.
 * `value` is an object `{option}` for single-choice types (period) and an array of `{option}` for
 * multiple-choice ones; both shapes are accepted for every type because exports vary.
 */
import type { IsoDate } from '../core/dates.ts';
import type { Bleeding, Discharge } from '../core/log.ts';
import { InputError } from '../errors.ts';
import { inputFromBytes, MAX_WHOLE_FILE_BYTES, type InputFile } from '../io/input-file.ts';
import { sanitizeInline } from '../text/sanitize.ts';
import { isZipHead } from './apple-health/detect.ts';
import { describeZipListing, listZipEntries, readZipEntry } from './common/zip.ts';
import { MethodSightings } from './common/contraception.ts';
import { describeBadDate, parseLocalDate } from './common/dates.ts';
import { DayBuilder } from './common/day-builder.ts';
import { personGaps } from '../log/profile-gaps.ts';
import { isObject, readJsonDocument, scalarText } from './common/json-input.ts';
import { ImportTally } from './common/tally.ts';
import type { Importer, ImportOptions, ImportResult } from '../log/import-contract.ts';
import { ownValue } from './common/own-value.ts';

const HINT =
  'A Clue data download holds `measurements.json`: a JSON array of records like {"type": "period", "date": "2025-03-01", "value": {"option": "light"}}.';

const PERIOD: Record<string, Bleeding> = {
  light: 'light',
  medium: 'medium',
  heavy: 'heavy',
  very_heavy: 'heavy',
};

const BLOOD_COLORS = new Set(['red', 'brown', 'pink', 'dark_red', 'bright_red', 'black']);

const DISCHARGE: Record<string, Discharge> = {
  none: 'none',
  sticky: 'normal',
  creamy: 'normal',
  egg_white: 'normal',
  watery: 'normal',
  atypical: 'unusual',
};

/** `pain` options Clue has and cyclecheck does not use. */
const OTHER_PAIN = new Set([
  'headache',
  'lower_back',
  'tender_breasts',
  'breast_tenderness',
  'ovulation',
  'ovulation_pain',
  'migraine',
  'migraine_with_aura',
  'pain_free',
  'joints',
  'muscles',
]);

/** `sex_life` options that are not penetrative partner sex. */
function isNotSex(option: string): boolean {
  return /^(no|none|no_sex|no_sex_today|masturbation)$|drive|libido/.test(option);
}

/** Clue types read and left out, with the reason shown in the summary. */
const DROPPED_TYPES: Record<string, string> = {
  feelings: 'mood is not used',
  energy: 'not used by any rule',
  mind: 'not used by any rule',
  social_life: 'not used by any rule',
  sleep: 'not used by any rule',
  exercise: 'not used by any rule',
  digestion: 'not used by any rule',
  stool: 'not used by any rule',
  skin: 'not used by any rule',
  hair: 'not used by any rule',
  craving: 'not used by any rule',
  cravings: 'not used by any rule',
  pms: 'not used by any rule',
  medication: 'not used by any rule',
  ailments: 'not used by any rule',
  appointments: 'not used by any rule',
  collection_method: 'not used by any rule',
  leisure: 'not used by any rule',
  tags: 'custom tags are not interpreted',
  tests: 'test results are not used',
  bbt: 'basal temperature is never fever',
  weight: 'not used by any rule',
  motivation: 'not used by any rule',
  productivity: 'not used by any rule',
  party: 'not used by any rule',
  travel: 'not used by any rule',
  birth_control_patch: 'contraception: give it with --contraception',
  birth_control_ring: 'contraception: give it with --contraception',
  birth_control_iud: 'contraception: give it with --contraception',
  birth_control_implant: 'contraception: give it with --contraception',
  birth_control_injection: 'contraception: give it with --contraception',
};

/** The option names of a value: `{option}`, `[{option}, …]`, or a bare string. */
function optionsOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const options: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') options.push(item.trim().toLowerCase());
    else if (isObject(item) && typeof item.option === 'string') {
      options.push(item.option.trim().toLowerCase());
    }
  }
  return options;
}

/** What mapping one measurement needs: where it goes and what is said about it. */
interface Measurement {
  date: IsoDate;
  options: string[];
  line: number | undefined;
  days: DayBuilder;
  tally: ImportTally;
  methods: MethodSightings;
}

function mapPeriod({ date, options, line, days, tally }: Measurement): void {
  const option = options[0];
  const level = option === undefined ? undefined : ownValue(PERIOD, option);
  if (level === undefined) {
    // Still a period day: take the lowest flow rather than lose the day.
    tally.unknown('period option', option ?? '(none)', line);
    days.bleeding(date, 'light');
  } else days.bleeding(date, level);
  days.flag(date, 'period');
  tally.mapped('period', 'bleeding + period');
}

function mapSpotting({ date, options, line, days, tally }: Measurement): void {
  days.bleeding(date, 'spotting');
  tally.mapped('spotting', 'bleeding: spotting');
  for (const option of options) {
    if (BLOOD_COLORS.has(option)) days.bloodColor(date, option.replace('_', ' '));
    else tally.unknown('spotting option', option, line);
  }
}

function mapPain({ date, options, line, days, tally }: Measurement): void {
  for (const option of options) {
    if (option === 'period_cramps' || option === 'cramps') {
      days.severity(date, 'cramps', 'mild');
      tally.mapped('pain: period_cramps', 'cramps: mild');
    } else if (option === 'pelvic_pain') {
      days.severity(date, 'pelvic_pain', 'mild');
      tally.mapped('pain: pelvic_pain', 'pelvic_pain: mild');
    } else if (OTHER_PAIN.has(option)) tally.dropped('pain (other kinds)', 'only cramps are used');
    else tally.unknown('pain option', option, line);
  }
}

function mapDischarge({ date, options, line, days, tally }: Measurement): void {
  for (const option of options) {
    const value = ownValue(DISCHARGE, option);
    if (value === undefined) tally.unknown('discharge option', option, line);
    else {
      if (value !== 'none') days.discharge(date, value);
      tally.mapped('discharge', 'discharge');
    }
  }
}

/** One measurement onto its day, by Clue type; unknown types are counted, not fatal. */
function mapMeasurement(type: string, m: Measurement): void {
  switch (type) {
    case 'period':
      return mapPeriod(m);
    case 'spotting':
      return mapSpotting(m);
    case 'sex_life':
      if (m.options.some((option) => !isNotSex(option))) {
        m.days.flag(m.date, 'sex');
        m.tally.mapped('sex_life', 'sex');
      } else m.tally.dropped('sex_life (no sex, solo, drive)', 'not partner sex');
      return;
    case 'pain':
      return mapPain(m);
    case 'discharge':
      return mapDischarge(m);
    case 'birth_control_pill':
      m.methods.see('pill', m.date);
      m.tally.dropped('birth_control_pill', 'asked instead: which pill');
      return;
    default: {
      const why = ownValue(DROPPED_TYPES, type);
      if (why !== undefined) m.tally.dropped(type, why);
      else m.tally.unknown('Clue type', type, m.line);
    }
  }
}

export async function readClueExport(
  input: InputFile,
  _options: ImportOptions,
): Promise<ImportResult> {
  const file = input.name;
  const doc = await readJsonDocument(input, HINT);
  const records = doc.root;
  if (!Array.isArray(records)) {
    throw doc.error(
      '$',
      'expected a JSON array of measurements',
      isObject(records) ? records : undefined,
    );
  }

  const days = new DayBuilder();
  const tally = new ImportTally();
  const methods = new MethodSightings();

  records.forEach((record: unknown, index) => {
    const path = `$[${index}]`;
    if (!isObject(record)) throw doc.error(path, 'expected a measurement object', records, index);
    const type = typeof record.type === 'string' ? record.type.trim() : undefined;
    if (!type) throw doc.error(`${path}.type`, 'missing the measurement type', record, 'type');
    const date = parseLocalDate(record.date);
    if (date === undefined) {
      throw doc.error(`${path}.date`, describeBadDate(scalarText(record.date)), record, 'date');
    }
    days.entry(date);
    const line = doc.lineOf(records, index);
    mapMeasurement(type, { date, options: optionsOf(record.value), line, days, tally, methods });
  });

  const { gaps } = methods.result();
  return {
    log: { profile: {}, days: days.build() },
    format: 'clue',
    warnings: tally.warnings(file),
    summary: tally.summary(),
    gaps: [...gaps, ...personGaps('Clue')],
  };
}

/** Clue's data download as the zip it comes in: only measurements.json is read from it. */
async function readClueZip(input: InputFile, options: ImportOptions): Promise<ImportResult> {
  const open = await listZipEntries(input, 'a Clue download zip', HINT);
  const found = open.entries.filter(
    (e) => e.fileName === 'measurements.json' || e.fileName.endsWith('/measurements.json'),
  );
  if (found.length !== 1) {
    open.zip.close();
    throw new InputError(
      input.name,
      {},
      found.length === 0
        ? `this zip has no measurements.json, so it is not a Clue data download: ${describeZipListing(open.entries)}`
        : `this zip holds ${found.length} measurements.json files; cyclecheck cannot tell which to read`,
      HINT,
    );
  }
  const name = `${input.name} (${sanitizeInline(found[0]!.fileName)})`;
  let bytes: Buffer;
  try {
    bytes = await readZipEntry(open, found[0]!, name, MAX_WHOLE_FILE_BYTES);
  } finally {
    open.zip.close();
  }
  return await readClueExport(inputFromBytes(name, bytes), options);
}

export const clueImporter: Importer = {
  id: 'clue',
  label: 'Clue data download (measurements.json, or the zip it comes in)',
  read: (input, options) =>
    isZipHead(input.head) ? readClueZip(input, options) : readClueExport(input, options),
};

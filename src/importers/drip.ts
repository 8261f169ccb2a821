/**
 * drip (bloodyhealth/drip) — `drip-data.csv`: one row per logged day, newest first, columns named
 * `group.field` (`cyclecheck formats`). Every row is an entry: a day the person opened in drip.
 */
import type { Bleeding, Profile } from '../core/log.ts';
import { InputError } from '../errors.ts';
import type { InputFile } from '../io/input-file.ts';
import { readCsvRows, type CsvRow } from './common/csv-rows.ts';
import { MethodSightings, type SightedMethod } from './common/contraception.ts';
import { parseLocalDate } from './common/dates.ts';
import { DayBuilder } from './common/day-builder.ts';
import { personGaps } from '../log/profile-gaps.ts';
import { ImportTally, shortName } from './common/tally.ts';
import { decodeUtf8 } from './common/text.ts';
import type { Importer, ImportOptions, ImportResult, Warning } from '../log/import-contract.ts';
import { ownValue } from './common/own-value.ts';

const HINT =
  'A drip export (Settings → Data → Export data) starts with the line `date,temperature.value,…`.';

const BLEEDING_VALUES: Record<string, Bleeding> = {
  '0': 'spotting',
  '1': 'light',
  '2': 'medium',
  '3': 'heavy',
};

const CONTRACEPTION_COLUMNS: Record<string, SightedMethod> = {
  'sex.iud': 'iud',
  'sex.pill': 'pill',
  'sex.implant': 'implant',
  'sex.patch': 'patch',
  'sex.ring': 'ring',
};

/** Columns read but not used, by summary group, with the reason shown in the summary. */
const DROPPED_GROUPS: { group: string; why: string; columns: readonly string[] }[] = [
  {
    group: 'temperature',
    why: 'basal temperature is never fever',
    columns: ['temperature.value', 'temperature.exclude', 'temperature.time', 'temperature.note'],
  },
  {
    group: 'mucus feeling',
    why: 'a fertility sign; only the texture says there was discharge',
    columns: ['mucus.feeling', 'mucus.value', 'mucus.exclude'],
  },
  {
    group: 'cervix',
    why: 'a fertility sign',
    columns: ['cervix.opening', 'cervix.firmness', 'cervix.position', 'cervix.exclude'],
  },
  { group: 'desire', why: 'not used by any rule', columns: ['desire.value'] },
  { group: 'sex.solo', why: 'not partner sex', columns: ['sex.solo'] },
  {
    group: 'barrier/other contraception',
    why: 'per act, not a profile fact',
    columns: ['sex.condom', 'sex.diaphragm', 'sex.none', 'sex.other'],
  },
  {
    group: 'pain (other kinds)',
    why: 'only cramps are used',
    columns: [
      'pain.ovulationPain',
      'pain.headache',
      'pain.backache',
      'pain.nausea',
      'pain.tenderBreasts',
      'pain.migraine',
      'pain.other',
    ],
  },
];

const MOOD_PREFIX = 'mood.';

const MAPPED_COLUMNS = new Set([
  'date',
  'bleeding.value',
  'bleeding.exclude',
  'mucus.texture',
  'note.value',
  'sex.partner',
  'sex.note',
  'pain.cramps',
  'pain.note',
  ...Object.keys(CONTRACEPTION_COLUMNS),
]);

const DROPPED_COLUMN_GROUP = new Map<string, { group: string; why: string }>(
  DROPPED_GROUPS.flatMap(({ group, why, columns }) =>
    columns.map((c) => [c, { group, why }] as const),
  ),
);

function parseFlag(value: string): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

interface DripHeader {
  line: number;
  columns: string[];
  indexOf: Map<string, number>;
  dateIndex: number;
}

/** The header row: each column once, and a `date` column. */
function readDripHeader(file: string, header: CsvRow | undefined): DripHeader {
  if (!header) throw new InputError(file, {}, 'the file is empty', HINT);
  const columns = header.fields.map((name) => name.trim());
  const indexOf = new Map<string, number>();
  columns.forEach((name, index) => {
    const first = indexOf.get(name);
    // Which of two same-named columns holds the data is unknowable: refuse rather than guess.
    if (first !== undefined && name !== '') {
      throw new InputError(
        file,
        { line: header.line, column: index + 1 },
        `column '${shortName(name)}' repeats column ${first + 1}; each column may appear once`,
        HINT,
      );
    }
    indexOf.set(name, index);
  });
  const dateIndex = columns.indexOf('date');
  if (dateIndex === -1) {
    throw new InputError(file, { line: header.line }, 'no `date` column in the header', HINT);
  }
  return { line: header.line, columns, indexOf, dateIndex };
}

interface DripContext {
  file: string;
  header: DripHeader;
  days: DayBuilder;
  tally: ImportTally;
  methods: MethodSightings;
  warnings: Warning[];
  lineOfDate: Map<string, number>;
}

/** The row's date, checked, and a warning when the date was seen before. */
function readRowDate(ctx: DripContext, fields: string[], line: number): string {
  const rawDate = fields[ctx.header.dateIndex]!.trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(rawDate) ? parseLocalDate(rawDate) : undefined;
  if (date === undefined) {
    throw new InputError(
      ctx.file,
      { line, column: ctx.header.dateIndex + 1 },
      `'${shortName(rawDate)}' is not a date; drip writes YYYY-MM-DD`,
      HINT,
    );
  }
  const earlier = ctx.lineOfDate.get(date);
  if (earlier !== undefined) {
    ctx.warnings.push({
      file: ctx.file,
      line,
      message: `${date} appears again (first on line ${earlier}); the rows are combined`,
    });
  } else ctx.lineOfDate.set(date, line);
  return date;
}

/** One row's cells by column name, and yes/no cells with unknown values counted. */
function rowReader(ctx: DripContext, fields: string[], line: number) {
  const value = (name: string): string => {
    const index = ctx.header.indexOf.get(name);
    return index === undefined ? '' : fields[index]!.trim();
  };
  const flag = (name: string): boolean => {
    const text = value(name);
    if (text === '') return false;
    const parsed = parseFlag(text);
    if (parsed === undefined) ctx.tally.unknown(`value of ${name}`, text, line);
    return parsed === true;
  };
  return { value, flag };
}

/** The mapped columns of one row: bleeding, mucus, sex, contraception, cramps, notes. */
function mapDripRow(ctx: DripContext, date: string, fields: string[], line: number): void {
  const { days, tally } = ctx;
  const { value, flag } = rowReader(ctx, fields, line);
  const bleeding = value('bleeding.value');
  if (bleeding !== '') {
    const level = ownValue(BLEEDING_VALUES, bleeding);
    if (level === undefined) tally.unknown('value of bleeding.value', bleeding, line);
    else {
      days.bleeding(date, level);
      tally.mapped('bleeding.value', 'bleeding');
      // drip's "exclude" means "not menstrual bleeding"; anything else is the person's period.
      if (flag('bleeding.exclude')) tally.mapped('bleeding.exclude', 'period: no');
      else days.flag(date, 'period');
    }
  }
  const texture = value('mucus.texture');
  if (texture !== '') {
    if (texture === '1' || texture === '2') {
      days.discharge(date, 'normal');
      tally.mapped('mucus.texture', 'discharge: normal');
    } else if (texture === '0') tally.mapped('mucus.texture', 'discharge: none');
    else tally.unknown('value of mucus.texture', texture, line);
  }
  if (flag('sex.partner')) {
    days.flag(date, 'sex');
    tally.mapped('sex.partner', 'sex');
  }
  for (const [column, method] of Object.entries(CONTRACEPTION_COLUMNS)) {
    if (flag(column)) {
      ctx.methods.see(method, date);
      tally.mapped(column, 'contraception');
    }
  }
  if (flag('pain.cramps')) {
    days.severity(date, 'cramps', 'mild');
    tally.mapped('pain.cramps', 'cramps: mild');
  }
  mapDripNotes(ctx, date, value);
}

function mapDripNotes(ctx: DripContext, date: string, value: (name: string) => string): void {
  const note = value('note.value');
  if (note !== '') {
    ctx.days.note(date, note);
    ctx.tally.mapped('note.value', 'notes');
  }
  for (const [column, prefix] of [
    ['sex.note', 'sex'],
    ['pain.note', 'pain'],
  ] as const) {
    const text = value(column);
    if (text !== '') {
      ctx.days.note(date, `${prefix}: ${text}`);
      ctx.tally.mapped(column, 'notes');
    }
  }
}

/** The columns of one row that are read but not used, counted per group; unknown ones named. */
function tallyDroppedColumns(ctx: DripContext, fields: string[], line: number): void {
  const droppedGroups = new Map<string, string>();
  ctx.header.columns.forEach((name, index) => {
    if (MAPPED_COLUMNS.has(name) || fields[index]!.trim() === '') return;
    const dropped = DROPPED_COLUMN_GROUP.get(name);
    if (dropped) {
      // Boolean columns that say "false" carry nothing worth counting.
      if (fields[index]!.trim() !== 'false') droppedGroups.set(dropped.group, dropped.why);
    } else if (name.startsWith(MOOD_PREFIX)) {
      if (fields[index]!.trim() !== 'false') droppedGroups.set('mood', 'not used by any rule');
    } else {
      ctx.tally.unknown('column', name, line);
    }
  });
  for (const [group, why] of droppedGroups) ctx.tally.dropped(group, why);
}

export async function readDripExport(
  input: InputFile,
  _options: ImportOptions,
): Promise<ImportResult> {
  const file = input.name;
  const rows = readCsvRows(file, decodeUtf8(await input.readAll(), file, HINT), HINT);
  const header = readDripHeader(file, rows.shift());
  const ctx: DripContext = {
    file,
    header,
    days: new DayBuilder(),
    tally: new ImportTally(),
    methods: new MethodSightings(),
    warnings: [],
    lineOfDate: new Map(),
  };
  for (const { fields, line } of rows) {
    if (fields.length !== header.columns.length) {
      throw new InputError(
        file,
        { line },
        `this row has ${fields.length} values but the header has ${header.columns.length} columns`,
        HINT,
      );
    }
    const date = readRowDate(ctx, fields, line);
    ctx.days.entry(date);
    mapDripRow(ctx, date, fields, line);
    tallyDroppedColumns(ctx, fields, line);
  }
  if (rows.length === 0) {
    ctx.warnings.push({
      file,
      line: header.line,
      message: 'no day rows after the header; the export is empty',
    });
  }
  const { contraception, gaps } = ctx.methods.result();
  const profile: Profile = {};
  if (contraception.length > 0) profile.contraception = contraception;
  return {
    log: { profile, days: ctx.days.build() },
    format: 'drip',
    warnings: [...ctx.warnings, ...ctx.tally.warnings(file)],
    summary: ctx.tally.summary(),
    gaps: [...gaps, ...personGaps('drip')],
  };
}

export const dripImporter: Importer = {
  id: 'drip',
  label: 'drip export (drip-data.csv)',
  read: readDripExport,
};

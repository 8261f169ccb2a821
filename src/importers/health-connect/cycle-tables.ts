/**
 * Finds Health Connect's cycle tables in a database's schema and reads their rows by column
 * name. The file is hostile input: a view or trigger wearing a cycle table's name, a table named
 * twice, or a cycle table without its date columns is refused rather than guessed around.
 */
import { formatIsoDate, type IsoDate } from '../../core/dates.ts';
import { InputError } from '../../errors.ts';
import { getDateProblem } from '../../log/day-values.ts';
import { shortName } from '../common/tally.ts';
import type { SqliteFile, SqlValue } from './sqlite-file.ts';
import { pickColumns, readSchema, readTableLayout, type TableLayout } from './sqlite-schema.ts';

export const CYCLE_TABLES = {
  flow: 'menstruation_flow_record_table',
  period: 'menstruation_period_record_table',
  intermenstrual: 'intermenstrual_bleeding_record_table',
  sex: 'sexual_activity_record_table',
  mucus: 'cervical_mucus_record_table',
  ovulation: 'ovulation_test_record_table',
  basal: 'basal_body_temperature_record_table',
  body: 'body_temperature_record_table',
  phase: 'menstrual_cycle_phase_record_table',
} as const;

export type CycleTable = keyof typeof CYCLE_TABLES;

export const APP_TABLE = 'application_info_table';

const GUARDED = new Set<string>([...Object.values(CYCLE_TABLES), APP_TABLE]);

export interface FoundTable {
  name: string;
  rootPage: number;
  layout: TableLayout;
}

/** The cycle tables (and the app table) present in the file, checked; absent ones are left out. */
export function findCycleTables(db: SqliteFile, file: string): Map<string, FoundTable> {
  const found = new Map<string, FoundTable>();
  const entries = readSchema(db);
  for (const entry of entries) {
    const name = entry.name.toLowerCase();
    if (!GUARDED.has(name)) continue;
    if (entry.type !== 'table') {
      refuseDisguised(`a ${shortName(entry.type)} named ${shortName(entry.name)}`, file);
    }
    if (found.has(name)) {
      throw new InputError(file, {}, `the database defines the table ${name} twice`);
    }
    found.set(name, { name, rootPage: entry.rootPage, layout: readTableLayout(entry.sql) });
  }
  for (const entry of entries) {
    if (entry.type === 'trigger' && GUARDED.has(entry.tableName.toLowerCase())) {
      refuseDisguised(
        `a trigger (${shortName(entry.name)}) on ${shortName(entry.tableName)}`,
        file,
      );
    }
  }
  return found;
}

function refuseDisguised(what: string, file: string): never {
  throw new InputError(
    file,
    {},
    `the database has ${what}, where Health Connect has a plain table: refused, since this is not a Health Connect export as the phone writes it`,
    'Give cyclecheck the Health Connect.zip (or health_connect_export.db) exactly as your phone saved it.',
  );
}

export interface CycleRow {
  date: IsoDate;
  app: number | undefined;
  /** Epoch ms, UTC, and the zone offset in seconds, when stored. */
  time: number | undefined;
  offset: number | undefined;
  values: Record<string, SqlValue>;
  rowid: number;
}

const INSTANT = ['local_date', 'time', 'zone_offset', 'app_info_id'] as const;
export const INTERVAL = [
  'local_date',
  'start_time',
  'start_zone_offset',
  'end_time',
  'end_zone_offset',
  'app_info_id',
] as const;

const DAY_MS = 86_400_000;

/** Finite integer or undefined. */
export function integerOf(value: SqlValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

/** The local calendar date of an epoch-ms instant shifted by a zone offset in seconds. */
export function localDateOf(time: number, offsetSeconds: number): number {
  return Math.floor((time + 1000 * offsetSeconds) / DAY_MS);
}

/**
 * Every row of one cycle table: its stored local date (days since 1970-01-01, needing no time
 * zone arithmetic), the writing app, and the columns asked for by name.
 */
export function* readCycleRows(
  db: SqliteFile,
  file: string,
  table: FoundTable,
  own: readonly string[],
  interval = false,
): Generator<CycleRow> {
  const timeColumns = interval ? INTERVAL : INSTANT;
  // Without local_date (not seen, but cheap to allow) the day comes from the time and offset.
  const timeColumn = interval ? 'start_time' : 'time';
  if (!table.layout.columns.has(timeColumn)) {
    throw new InputError(
      file,
      { path: table.name },
      `the table has no ${timeColumn} column, which every Health Connect version writes`,
    );
  }
  const names = [...timeColumns, ...own];
  for (const { rowid, values } of db.rows(table.rootPage)) {
    const row = pickColumns(table.layout, names, rowid, values);
    const time = integerOf(row[interval ? 'start_time' : 'time']);
    const offset = integerOf(row[interval ? 'start_zone_offset' : 'zone_offset']);
    const stored = row.local_date;
    let day = integerOf(stored);
    if (day === undefined && stored === null && time !== undefined) {
      day = localDateOf(time, offset ?? 0);
    }
    const where = { path: `${table.name} row ${Number(rowid)}` };
    const date = day === undefined || Math.abs(day) > 1e6 ? undefined : formatIsoDate(day);
    if (date === undefined || getDateProblem(date) !== undefined) {
      throw new InputError(
        file,
        where,
        `local_date ${shortName(String(stored))} is not a day between 1900 and 2100`,
      );
    }
    yield {
      date,
      app: integerOf(row.app_info_id),
      time,
      offset,
      values: row,
      rowid: Number(rowid),
    };
  }
}

/**
 * Health Connect's cycle records mapped to the canonical log: flow and
 * period intervals to bleeding and period, intermenstrual bleeding to spotting, sexual activity,
 * unusual cervical mucus to discharge, body temperature (which can show fever) but never basal
 * temperature. Days written by several apps merge like duplicate rows (highest amount, yes wins).
 */
import { addDays } from '../common/dates.ts';
import { DayBuilder } from '../common/day-builder.ts';
import { missingRecordGaps, personGaps } from '../../log/profile-gaps.ts';
import { ImportTally } from '../common/tally.ts';
import type { ImportResult, Warning } from '../../log/import-contract.ts';
import { AppTally } from './apps.ts';
import {
  APP_TABLE,
  CYCLE_TABLES,
  findCycleTables,
  integerOf,
  localDateOf,
  readCycleRows,
  type CycleTable,
  type FoundTable,
} from './cycle-tables.ts';
import type { SqliteFile } from './sqlite-file.ts';
import { MIN_TEMPERATURE, MAX_TEMPERATURE } from '../../log/day-values.ts';
import type { Bleeding } from '../../core/log.ts';
import { toDay } from '../../core/dates.ts';
import { InputError } from '../../errors.ts';

const FLOW: Record<number, Bleeding> = { 0: 'light', 1: 'light', 2: 'medium', 3: 'heavy' };
const PROTECTION: Record<number, string> = { 1: 'protected', 2: 'unprotected' };
const OVULATION: Record<number, string> = {
  0: 'inconclusive',
  1: 'positive',
  2: 'high',
  3: 'negative',
};
/** Longer than any period: a longer interval is cut here, with a warning. */
export const MAX_PERIOD_DAYS = 15;

interface Context {
  db: SqliteFile;
  file: string;
  tables: Map<string, FoundTable>;
  days: DayBuilder;
  tally: ImportTally;
  apps: AppTally;
  warnings: Warning[];
  /** Dates with a flow record, so that a period interval adds light bleeding only elsewhere. */
  flowDates: Set<string>;
}

/** The table, if the file has it; a column of its own that is missing is warned about once. */
function tableOf(
  ctx: Context,
  key: CycleTable,
  own: readonly string[] = [],
): FoundTable | undefined {
  const table = ctx.tables.get(CYCLE_TABLES[key]);
  for (const column of own) {
    if (table && !table.layout.columns.has(column)) {
      ctx.warnings.push({
        file: ctx.file,
        message: `${table.name} has no ${column} column: its records are read without it`,
      });
    }
  }
  return table;
}

function readFlow(ctx: Context): void {
  const table = tableOf(ctx, 'flow', ['flow']);
  if (!table) return;
  for (const row of readCycleRows(ctx.db, ctx.file, table, ['flow'])) {
    ctx.apps.see(row);
    // No value (or no column) says no more than FLOW_UNKNOWN (0).
    const code = row.values.flow === null ? 0 : integerOf(row.values.flow);
    const level = code === undefined ? undefined : FLOW[code];
    if (level === undefined) ctx.tally.unknown('flow value', String(row.values.flow));
    else if (code === 0) ctx.tally.mapped('flow (amount unknown)', 'bleeding: light');
    else ctx.tally.mapped('flow', `bleeding: ${level}`);
    ctx.days.bleeding(row.date, level ?? 'light');
    ctx.days.flag(row.date, 'period');
    ctx.flowDates.add(row.date);
  }
}

function readPeriods(ctx: Context): void {
  const table = tableOf(ctx, 'period');
  if (!table) return;
  const own = ['end_time', 'end_zone_offset'];
  for (const row of readCycleRows(ctx.db, ctx.file, table, own, true)) {
    ctx.apps.see(row);
    const end = integerOf(row.values.end_time);
    const endOffset = integerOf(row.values.end_zone_offset) ?? row.offset ?? 0;
    const start = toDay(row.date);
    // The end may be the next local midnight (exclusive) or a time on the last day: −1 ms
    // gives the last day in both cases.
    let length = end === undefined ? 1 : localDateOf(end - 1, endOffset) - start + 1;
    if (length < 1) length = 1;
    if (length > MAX_PERIOD_DAYS) {
      ctx.warnings.push({
        file: ctx.file,
        message: `${table.name} row ${row.rowid}: a period of ${length} days from ${row.date} was read as its first ${MAX_PERIOD_DAYS} days`,
      });
      length = MAX_PERIOD_DAYS;
    }
    ctx.tally.mapped('period interval', 'period');
    for (let i = 0; i < length; i++) {
      const date = addDays(row.date, i);
      ctx.days.flag(date, 'period');
      if (!ctx.flowDates.has(date)) {
        ctx.days.bleeding(date, 'light');
        ctx.tally.mapped('period day without a flow record', 'bleeding: light (assumed)');
      }
    }
  }
}

function readSpottingAndSex(ctx: Context): void {
  const bleeding = tableOf(ctx, 'intermenstrual');
  if (bleeding) {
    for (const row of readCycleRows(ctx.db, ctx.file, bleeding, [])) {
      ctx.apps.see(row);
      ctx.days.bleeding(row.date, 'spotting');
      ctx.tally.mapped('intermenstrual bleeding', 'bleeding: spotting');
    }
  }
  const sex = tableOf(ctx, 'sex', ['protection_used']);
  if (sex) {
    for (const row of readCycleRows(ctx.db, ctx.file, sex, ['protection_used'])) {
      ctx.apps.see(row);
      ctx.days.flag(row.date, 'sex');
      const protection = PROTECTION[integerOf(row.values.protection_used) ?? 0];
      if (protection !== undefined) ctx.days.note(row.date, `sex: ${protection}`);
      ctx.tally.mapped('sexual activity', 'sex');
    }
  }
}

function readMucusAndTests(ctx: Context): void {
  const mucus = tableOf(ctx, 'mucus', ['appearance']);
  if (mucus) {
    for (const row of readCycleRows(ctx.db, ctx.file, mucus, ['appearance'])) {
      ctx.apps.see(row);
      const unusual = integerOf(row.values.appearance) === 6;
      ctx.days.discharge(row.date, unusual ? 'unusual' : 'normal');
      ctx.tally.mapped(
        unusual ? 'cervical mucus: unusual' : 'cervical mucus',
        unusual ? 'discharge: unusual' : 'discharge: normal',
      );
    }
  }
  const ovulation = tableOf(ctx, 'ovulation', ['result']);
  if (ovulation) {
    for (const row of readCycleRows(ctx.db, ctx.file, ovulation, ['result'])) {
      ctx.apps.see(row);
      const result = OVULATION[integerOf(row.values.result) ?? -1] ?? 'result unknown';
      ctx.days.note(row.date, `ovulation test: ${result}`);
      ctx.tally.mapped('ovulation test', 'notes');
    }
  }
}

function readTemperatures(ctx: Context): void {
  const body = tableOf(ctx, 'body', ['temperature']);
  if (body) {
    for (const row of readCycleRows(ctx.db, ctx.file, body, ['temperature'])) {
      ctx.apps.see(row);
      const value = row.values.temperature;
      if (typeof value !== 'number' || value < MIN_TEMPERATURE || value > MAX_TEMPERATURE) {
        ctx.tally.unknown('body temperature', String(value));
        continue;
      }
      const day = ctx.days.entry(row.date);
      // The highest reading of the day: a fever must not be hidden by a later normal one.
      const rounded = Math.round(value * 100) / 100;
      if (day.temperature === undefined || rounded > day.temperature) day.temperature = rounded;
      ctx.tally.mapped('body temperature', 'temperature');
    }
  }
  const basal = tableOf(ctx, 'basal');
  if (basal) {
    for (const row of readCycleRows(ctx.db, ctx.file, basal, [])) {
      ctx.apps.see(row);
      // A logged day (as every other importer counts a dropped record's date), never a fever.
      ctx.days.entry(row.date);
      ctx.tally.dropped('basal body temperature', 'basal temperature is never fever');
    }
  }
  const phase = tableOf(ctx, 'phase');
  if (phase) {
    for (const row of readCycleRows(ctx.db, ctx.file, phase, [], true)) {
      ctx.apps.see(row);
      ctx.tally.dropped('menstrual cycle phase', "an app's estimate, not a logged day");
    }
  }
}

/**
 * A database without a single cycle record cannot say "nothing found": either it is not Health
 * Connect's, or no app on the phone writes cycle data there. Either way the person must know.
 */
function refuseEmpty(ctx: Context): never {
  const isHealthConnect = ctx.tables.has(APP_TABLE);
  throw new InputError(
    ctx.file,
    {},
    isHealthConnect
      ? 'this Health Connect export holds no cycle-tracking records (no period, flow, spotting, sex, mucus or temperature records): no app on the phone wrote cycle data to Health Connect'
      : 'an SQLite database without Health Connect tables (no application_info_table, no cycle record tables)',
    isHealthConnect
      ? 'In Health Connect → App permissions, let your cycle app write Menstruation data, wait for the next scheduled export; or export from the cycle app itself (`cyclecheck formats`).'
      : 'Give cyclecheck the Health Connect.zip your phone saved, or the health_connect_export.db inside it.',
  );
}

/** Reads the cycle records of an open Health Connect database. */
export function mapHealthConnectDatabase(db: SqliteFile, file: string): ImportResult {
  const ctx: Context = {
    db,
    file,
    tables: findCycleTables(db, file),
    days: new DayBuilder(),
    tally: new ImportTally(),
    apps: new AppTally(),
    warnings: [],
    flowDates: new Set(),
  };
  readFlow(ctx);
  readPeriods(ctx);
  readSpottingAndSex(ctx);
  readMucusAndTests(ctx);
  readTemperatures(ctx);
  const apps = ctx.apps.finish(db, ctx.tables.get(APP_TABLE), file);
  const warnings = [...ctx.warnings, ...apps.warnings, ...ctx.tally.warnings(file)];
  if (ctx.days.size === 0) refuseEmpty(ctx);
  return {
    log: { profile: {}, days: ctx.days.build() },
    format: 'health-connect',
    warnings,
    summary: [...ctx.tally.summary(), ...apps.summary],
    gaps: [...missingRecordGaps('Health Connect'), ...personGaps('Health Connect')],
  };
}

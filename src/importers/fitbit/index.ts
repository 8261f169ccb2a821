/**
 * Fitbit "Menstrual Health" (Google Takeout or the Fitbit account archive):
 * menstrual_health_cycles.csv (one row per cycle; the periods the person logged, and Fitbit's own
 * predictions, which are skipped and counted), menstrual_health_symptoms.csv (one row per logged
 * day) and menstrual_health_birth_control.csv. Cells holding the literal `null` are empty;
 * multi-valued cells join values with ` & `. Columns are read by header name.
 */
import type { Bleeding, Profile } from '../../core/log.ts';
import { InputError } from '../../errors.ts';
import type { InputFile } from '../../io/input-file.ts';
import { addDays } from '../common/dates.ts';
import { DayBuilder } from '../common/day-builder.ts';
import { GAP_FACTS, personGaps } from '../../log/profile-gaps.ts';
import { ownValue } from '../common/own-value.ts';
import { ImportTally, shortName } from '../common/tally.ts';
import type { Importer, ImportResult, ProfileGap, Warning } from '../../log/import-contract.ts';
import { readBirthControl } from './birth-control.ts';
import { FITBIT_HINT, readFitbitTexts, type FitbitText } from './read-files.ts';
import { readFitbitDate, readFitbitTable } from './table.ts';

const FLOW: Record<string, Bleeding> = {
  spotting: 'spotting',
  light: 'light',
  medium: 'medium',
  heavy: 'heavy',
};

/** Longer than any period: a longer logged period is cut here, with a warning. */
const MAX_PERIOD_DAYS = 15;

interface Context {
  days: DayBuilder;
  tally: ImportTally;
  warnings: Warning[];
  gaps: ProfileGap[];
  /** Flow per date from the symptoms file, so that a logged period adds light only elsewhere. */
  flowDates: Set<string>;
}

function readSymptoms(ctx: Context, source: FitbitText): void {
  const table = readFitbitTable(source, ['timestamp']);
  for (const { line, cell } of table.rows) {
    const date = readFitbitDate(table, line, 'timestamp', cell('timestamp'));
    ctx.days.entry(date);
    const flow = cell('flow').toLowerCase();
    if (flow !== '') {
      const level = ownValue(FLOW, flow);
      if (level === undefined) ctx.tally.unknown('flow value', flow, line);
      else {
        ctx.days.bleeding(date, level);
        ctx.flowDates.add(date);
        ctx.tally.mapped('flow', `bleeding: ${level}`);
      }
    }
    readDayValues(ctx, date, line, cell);
  }
}

const split = (text: string): string[] =>
  text === ''
    ? []
    : text
        .split(' & ')
        .map((part) => part.trim().toLowerCase())
        .filter(Boolean);

function readDayValues(
  ctx: Context,
  date: string,
  line: number,
  cell: (name: string) => string,
): void {
  for (const condition of split(cell('conditions'))) {
    if (condition === 'cramps') {
      ctx.days.severity(date, 'cramps', 'mild');
      ctx.tally.mapped('conditions: cramps', 'cramps: mild');
    } else ctx.tally.dropped('conditions (other than cramps)', 'only cramps are used');
  }
  const sex = cell('sex');
  if (sex !== '') {
    ctx.days.flag(date, 'sex');
    ctx.days.note(date, `sex: ${sex}`);
    ctx.tally.mapped('sex', 'sex');
  }
  const fluids = split(cell('fluids'));
  if (fluids.length > 0) {
    const unusual = fluids.some((fluid) => fluid.includes('unusual'));
    ctx.days.discharge(date, unusual ? 'unusual' : 'normal');
    ctx.tally.mapped(
      unusual ? 'fluids: unusual' : 'fluids',
      `discharge: ${unusual ? 'unusual' : 'normal'}`,
    );
  }
  const test = cell('ovulation_test');
  if (test !== '') {
    ctx.days.note(date, `ovulation test: ${test}`);
    ctx.tally.mapped('ovulation_test', 'notes');
  }
  const event = cell('cycle_altering_event');
  if (event !== '') {
    ctx.days.note(date, `cycle-altering event: ${event}`);
    ctx.tally.mapped('cycle_altering_event', 'notes and a question');
    ctx.gaps.push({
      fact: GAP_FACTS.pregnancy,
      message: `your Fitbit log records a cycle-altering event (${shortName(event)}) on ${date}: if it was a pregnancy, pass --pregnancy start=DATE (and week=N@DATE or due=DATE); if it was emergency contraception, nothing to add.`,
    });
  }
  if (split(cell('mood')).length > 0) ctx.tally.dropped('mood', 'not used by any rule');
  void line;
}

function readCycles(ctx: Context, source: FitbitText): void {
  const table = readFitbitTable(source, ['period_start_date', 'period_end_date', 'period_source']);
  let predicted = 0;
  for (const { line, cell } of table.rows) {
    const origin = cell('period_source').toLowerCase();
    if (origin === 'computed') {
      predicted++;
      ctx.tally.dropped('cycles predicted by Fitbit', 'predictions, not logged days');
      continue;
    }
    const startText = cell('period_start_date');
    if (startText === '') continue;
    if (origin !== 'manual') {
      ctx.tally.unknown('period_source', origin || '(empty)', line);
      continue;
    }
    const start = readFitbitDate(table, line, 'period_start_date', startText);
    const endText = cell('period_end_date');
    const end = endText === '' ? start : readFitbitDate(table, line, 'period_end_date', endText);
    markPeriod(ctx, table.file, line, start, end);
  }
  if (predicted > 0) {
    ctx.warnings.push({
      file: table.file,
      message: `${predicted} cycle${predicted === 1 ? '' : 's'} predicted by Fitbit (period_source = computed) skipped; only periods you logged are read`,
    });
  }
}

function markPeriod(ctx: Context, file: string, line: number, start: string, end: string): void {
  let length = 1;
  while (length <= MAX_PERIOD_DAYS && addDays(start, length - 1) < end) length++;
  if (end < start) length = 1;
  if (length > MAX_PERIOD_DAYS) {
    ctx.warnings.push({
      file,
      line,
      message: `a period from ${start} to ${end} was read as its first ${MAX_PERIOD_DAYS} days`,
    });
    length = MAX_PERIOD_DAYS;
  }
  ctx.tally.mapped('logged period', 'period');
  for (let i = 0; i < length; i++) {
    const date = addDays(start, i);
    ctx.days.flag(date, 'period');
    if (!ctx.flowDates.has(date)) {
      ctx.days.bleeding(date, 'light');
      ctx.tally.mapped('period day without a flow', 'bleeding: light (assumed)');
    }
  }
}

export async function readFitbitExport(input: InputFile): Promise<ImportResult> {
  const texts = await readFitbitTexts(input);
  if (texts.cycles === undefined && texts.symptoms === undefined) {
    throw new InputError(
      input.name,
      {},
      'neither menstrual_health_cycles.csv nor menstrual_health_symptoms.csv was found',
      FITBIT_HINT,
    );
  }
  const ctx: Context = {
    days: new DayBuilder(),
    tally: new ImportTally(),
    warnings: [],
    gaps: [],
    flowDates: new Set(),
  };
  if (texts.symptoms) readSymptoms(ctx, texts.symptoms);
  if (texts.cycles) readCycles(ctx, texts.cycles);
  const profile: Profile = {};
  if (texts.birthControl) {
    const { contraception, gaps } = readBirthControl(texts.birthControl, ctx.tally);
    if (contraception.length > 0) profile.contraception = contraception;
    ctx.gaps.push(...gaps);
  }
  const missing = (['symptoms', 'cycles'] as const).filter((key) => texts[key] === undefined);
  for (const key of missing) {
    ctx.warnings.push({
      file: input.name,
      message: `menstrual_health_${key}.csv was not found beside it: ${key === 'cycles' ? 'logged periods' : 'flow, sex and symptoms'} are missing from this report`,
    });
  }
  const file = texts.symptoms?.name ?? texts.cycles!.name;
  if (ctx.days.size === 0) {
    // Only predictions (or nothing): an empty log must never read as "no flags".
    throw new InputError(
      file,
      {},
      "no day you logged: the Menstrual Health files hold only Fitbit's predictions or no rows",
      'Log periods and symptoms in the Fitbit app (Today → Menstrual Health), or run `cyclecheck interview`.',
    );
  }
  return {
    log: { profile, days: ctx.days.build() },
    format: 'fitbit',
    warnings: [...ctx.warnings, ...ctx.tally.warnings(file)],
    summary: ctx.tally.summary(),
    gaps: [...ctx.gaps, ...personGaps('Fitbit')],
  };
}

export const fitbitImporter: Importer = {
  id: 'fitbit',
  label: 'Fitbit Menstrual Health (Google Takeout zip, folder or CSV)',
  read: readFitbitExport,
};

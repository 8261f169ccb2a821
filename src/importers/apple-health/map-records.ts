/**
 * Turns Apple Health category records into the canonical log. Records arrive grouped by type,
 * not by date, so days are collected in a map and merged (highest amount, yes wins, worst
 * severity) before anything is paired; memory grows with the number of dates, not records.
 */
import { civilFromDayNumber, dayNumber, formatIsoDate } from '../../core/dates.ts';
import { MAX_YEAR, MIN_YEAR } from '../../log/day-values.ts';
import {
  BLEEDING_LEVELS,
  DAY_FIELDS,
  DISCHARGES,
  SEVERITIES,
  type Bleeding,
  type ContraceptionInterval,
  type CycleLog,
  type Day,
  type Discharge,
  type Method,
  type Pregnancy,
  type Profile,
  type Severity,
} from '../../core/log.ts';
import { parseIsoDate } from '../../core/dates.ts';
import { InputError } from '../../errors.ts';
import type { ImportCount, ImportResult, ProfileGap, Warning } from '../../log/import-contract.ts';
import { GAP_FACTS, personGaps } from '../../log/profile-gaps.ts';
import { parseAppleDate, type AppleDate } from './apple-date.ts';
import {
  BLEEDING_VALUES,
  CONTRACEPTIVE_VALUES,
  CYCLE_TYPES,
  DROPPED_SYMPTOMS,
  MUCUS_VALUES,
  OTHER_KNOWN_TYPES,
  SEVERITY_VALUES,
  type TypeHandling,
} from './apple-types.ts';
import { CATEGORY_PREFIX, type AppleRecord, type ExportHeader } from './scan-export.ts';

/** A day-level sample spanning more days than this is a data error: only its start is used. */
export const MAX_SPAN_DAYS = 31;
/**
 * Bounds that no real export comes near (a decade of daily logging is about 4,000 dates), so a
 * crafted file cannot make the log itself exhaust memory.
 */
export const MAX_DATES = 100_000;
export const MAX_INTERVALS = 10_000;
export const MAX_NOTES_PER_DAY = 20;
/** Apple writes ongoing cycle factors (pregnancy, contraceptive) with an end in year 4001. */
const FAR_FUTURE = dayNumber(4000, 1, 1);

type AppNote = { date: string; text: string };
/** What finishing says about the log besides the log itself. */
type Said = { warnings: Warning[]; gaps: ProfileGap[] };
type Mapped = Pick<ImportResult, 'log' | 'warnings' | 'summary' | 'gaps'> & { appNotes: AppNote[] };

interface Interval {
  start: number;
  /** Last day covered; undefined = still ongoing. */
  end: number | undefined;
}

/** One cycle record with what has been read of it. */
interface RecordInContext {
  record: AppleRecord;
  short: string;
  handling: TypeHandling;
  start: AppleDate;
  end: AppleDate;
  value: string;
}

/** Marks an interval ongoing when it ends after the export date. */
type Resolve = (interval: Interval) => Interval;

interface Tally {
  count: number;
  line: number;
}

function worse<T extends string>(order: readonly T[], a: T | undefined, b: T): T {
  return a === undefined || order.indexOf(b) > order.indexOf(a) ? b : a;
}

/** Code-unit order: the same on every machine, whatever its locale (and no ICU start-up). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function shortName(type: string): string {
  return type.startsWith(CATEGORY_PREFIX) ? type.slice(CATEGORY_PREFIX.length) : type;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.end === undefined || next.start <= last.end + 1)) {
      if (last.end !== undefined)
        last.end = next.end === undefined ? undefined : Math.max(last.end, next.end);
    } else {
      merged.push({ ...next });
    }
  }
  return merged;
}

function describeInterval(interval: Interval): string {
  const from = formatIsoDate(interval.start);
  return interval.end === undefined ? `${from} onward` : `${from}..${formatIsoDate(interval.end)}`;
}

export class AppleRecordMapper {
  private readonly days = new Map<number, Day>();
  private readonly notes = new Map<number, string[]>();
  private readonly counts = new Map<string, { mapped: number; dropped: number }>();
  private readonly unknownTypes = new Map<string, Tally>();
  private readonly unknownValues = new Map<string, Tally & { type: string; value: string }>();
  private readonly longSpans: Tally = { count: 0, line: 0 };
  private otherTypes = 0;
  private readonly contraceptives = new Map<Method, Interval[]>();
  private readonly pregnancies: Interval[] = [];
  private readonly lactations: Interval[] = [];
  private readonly deviations: (Interval & { text: string })[] = [];
  private readonly bleedingInPregnancy: number[] = [];
  private intervals = 0;
  private currentLine = 0;
  private readonly droppedNotes: Tally = { count: 0, line: 0 };

  constructor(private readonly file: string) {}

  /** Cycle types are read whole; every other category type is only counted. */
  interest(type: string): 'parse' | 'count' {
    return CYCLE_TYPES.has(shortName(type)) ? 'parse' : 'count';
  }

  /** Category types the scanner only counted (`count` records, the first on `line`). */
  addCounted(type: string, count: number, line: number): void {
    const short = shortName(type);
    if (DROPPED_SYMPTOMS.has(short)) {
      this.count(short).dropped += count;
    } else if (OTHER_KNOWN_TYPES.has(short)) {
      this.otherTypes += count;
    } else {
      this.unknownTypes.set(type, { count, line });
    }
  }

  onRecord(record: AppleRecord): void {
    const short = shortName(record.type);
    const handling = CYCLE_TYPES.get(short);
    if (!handling) return;
    this.currentLine = record.line;
    const start = this.readDate(record, 'startDate', short);
    const end = record.attributes.has('endDate') ? this.readDate(record, 'endDate', short) : start;
    const value = record.attributes.get('value') ?? '';
    const count = this.count(short);
    if (this.applyRecord({ record, short, handling, start, end, value })) {
      count.mapped++;
      return;
    }
    count.dropped++;
    const key = `${short}\u0000${value}`;
    const tally = this.unknownValues.get(key);
    if (tally) tally.count++;
    else this.unknownValues.set(key, { count: 1, line: record.line, type: short, value });
  }

  /** Maps one record onto days, intervals or notes; false when its value is unknown. */
  private applyRecord(r: RecordInContext): boolean {
    const { handling, start, end, value } = r;
    switch (handling.kind) {
      case 'flow':
      case 'pregnancy-bleeding':
        return this.applyBleeding(r, handling.kind === 'pregnancy-bleeding' ? handling.note : null);
      case 'spotting':
        for (const d of this.span(start, end, r.record.line)) this.setBleeding(d, 'spotting');
        return true;
      case 'sex':
        for (const d of this.span(start, end, r.record.line)) this.day(d).sex = true;
        return true;
      case 'severity':
      case 'symptom-flag':
      case 'mucus':
        return this.applyDaySymptom(r);
      case 'test': {
        const result = handling.results.get(value);
        if (result === undefined) return false;
        const source = r.record.attributes.get('sourceName')?.trim();
        this.addNote(start.day, `${handling.label}: ${result}${source ? ` (${source})` : ''}`);
        return true;
      }
      case 'contraceptive': {
        const method = CONTRACEPTIVE_VALUES.get(value);
        if (method === undefined) return false;
        const list = this.contraceptives.get(method) ?? [];
        list.push(this.interval(start, end));
        this.contraceptives.set(method, list);
        return true;
      }
      case 'pregnancy':
        this.pregnancies.push(this.interval(start, end));
        return true;
      case 'lactation':
        this.lactations.push(this.interval(start, end));
        return true;
      case 'deviation':
        this.deviations.push({ ...this.interval(start, end), text: handling.text });
        return true;
      case 'dropped-symptom':
        return true;
    }
  }

  /** Flow, and bleeding during or after pregnancy (which also leaves a note). */
  private applyBleeding(r: RecordInContext, pregnancyNote: string | null): boolean {
    const bleeding = BLEEDING_VALUES.get(r.value);
    if (bleeding === undefined) return false;
    for (const d of this.span(r.start, r.end, r.record.line)) {
      this.setBleeding(d, bleeding);
      if (r.short === 'BleedingDuringPregnancy' && bleeding !== 'none') {
        this.bleedingInPregnancy.push(d);
      }
    }
    if (pregnancyNote !== null) this.addNote(r.start.day, pregnancyNote);
    else if (bleeding !== 'none' && r.record.metadata.get('HKMenstrualCycleStart') === '1') {
      this.day(r.start.day).period = true;
    }
    return true;
  }

  /** Severities, yes/no symptoms and mucus: merged per day, the worse value winning. */
  private applyDaySymptom(r: RecordInContext): boolean {
    const { handling } = r;
    const days = () => [...this.span(r.start, r.end, r.record.line)].map((d) => this.day(d));
    if (handling.kind === 'mucus') {
      const discharge = MUCUS_VALUES.get(r.value);
      if (discharge === undefined) return false;
      for (const day of days())
        day.discharge = worse<Discharge>(DISCHARGES, day.discharge, discharge);
      return true;
    }
    const severity = SEVERITY_VALUES.get(r.value);
    if (severity === undefined) return false;
    if (handling.kind === 'severity') {
      for (const day of days())
        day[handling.field] = worse<Severity>(SEVERITIES, day[handling.field], severity);
    } else if (handling.kind === 'symptom-flag') {
      for (const day of days())
        day[handling.field] = day[handling.field] === true || severity !== 'none';
    }
    return true;
  }

  private count(short: string): { mapped: number; dropped: number } {
    let entry = this.counts.get(short);
    if (!entry) {
      entry = { mapped: 0, dropped: 0 };
      this.counts.set(short, entry);
    }
    return entry;
  }

  private readDate(record: AppleRecord, attribute: string, short: string): AppleDate {
    const text = record.attributes.get(attribute);
    const date = text === undefined ? undefined : parseAppleDate(text);
    if (date === undefined) {
      throw new InputError(
        this.file,
        { line: record.line },
        text === undefined
          ? `a ${short} record has no ${attribute}`
          : `invalid ${attribute} "${text}" in a ${short} record`,
        'Apple Health dates look like 2024-10-03 12:00:00 +0200.',
      );
    }
    // An end far in the future means "ongoing" (Apple writes year 4001); a start never does.
    const year = civilFromDayNumber(date.day).year;
    if (attribute === 'startDate' && (year < MIN_YEAR || year > MAX_YEAR)) {
      throw new InputError(
        this.file,
        { line: record.line },
        `startDate "${text}" of a ${short} record is outside the years ${MIN_YEAR}–${MAX_YEAR}`,
      );
    }
    return date;
  }

  /** The local dates a sample touches; an end at exactly midnight does not touch that date. */
  private *span(start: AppleDate, end: AppleDate, line: number): Generator<number> {
    let last = end.day;
    if (last > start.day && end.midnight) last--;
    if (last < start.day) last = start.day;
    if (last - start.day + 1 > MAX_SPAN_DAYS) {
      if (this.longSpans.count++ === 0) this.longSpans.line = line;
      last = start.day;
    }
    for (let d = start.day; d <= last; d++) yield d;
  }

  private interval(start: AppleDate, end: AppleDate): Interval {
    if (++this.intervals > MAX_INTERVALS) {
      this.tooMany(
        `more than ${MAX_INTERVALS} pregnancy, lactation, contraceptive and deviation records`,
      );
    }
    let last = end.day;
    if (last > start.day && end.midnight) last--;
    return { start: start.day, end: Math.max(last, start.day) };
  }

  private tooMany(what: string): never {
    throw new InputError(
      this.file,
      { line: this.currentLine },
      `${what}: no Health export holds that many, so this file is refused`,
    );
  }

  private day(d: number): Day {
    let day = this.days.get(d);
    if (!day) {
      if (this.days.size >= MAX_DATES) this.tooMany(`more than ${MAX_DATES} different dates`);
      day = { date: formatIsoDate(d) };
      this.days.set(d, day);
    }
    return day;
  }

  private setBleeding(d: number, bleeding: Bleeding): void {
    const day = this.day(d);
    day.bleeding = worse(BLEEDING_LEVELS, day.bleeding, bleeding);
  }

  private addNote(d: number, note: string): void {
    this.day(d);
    const list = this.notes.get(d) ?? [];
    if (list.includes(note)) return;
    if (list.length >= MAX_NOTES_PER_DAY) {
      if (this.droppedNotes.count++ === 0) this.droppedNotes.line = this.currentLine;
      return;
    }
    list.push(note);
    this.notes.set(d, list);
  }

  /** The log and everything said about it. `header` comes from the export's prolog. */
  finish(header: ExportHeader): Mapped {
    const exportDay =
      header.exportDate === undefined ? undefined : parseAppleDate(header.exportDate)?.day;
    // An end after the export date (Apple uses 4001-01-01) means "still ongoing".
    const resolve = (interval: Interval): Interval =>
      interval.end !== undefined &&
      (interval.end >= FAR_FUTURE || (exportDay !== undefined && interval.end > exportDay))
        ? { start: interval.start, end: undefined }
        : interval;

    const said: Said = { warnings: [], gaps: [] };
    const profile: Profile = {};
    if (header.dateOfBirth !== undefined && parseIsoDate(header.dateOfBirth) !== undefined) {
      profile.birth_date = header.dateOfBirth;
    }
    const contraception = this.finishContraception(resolve, said);
    if (contraception.length > 0) profile.contraception = contraception;
    const pregnancy = this.finishPregnancy(resolve, said);
    if (pregnancy) profile.pregnancy = pregnancy;
    said.warnings.push(...this.describeDropped());

    // Apple holds a birth date (Me › Date of Birth) when the person entered one; never menopause.
    const person = personGaps('Apple Health').filter(
      (gap) => gap.fact !== GAP_FACTS.age || profile.birth_date === undefined,
    );
    const log: CycleLog = { profile, days: this.buildDays() };
    return {
      log,
      warnings: said.warnings,
      summary: this.buildSummary(),
      gaps: [...said.gaps, ...person],
      appNotes: this.buildAppNotes(resolve),
    };
  }

  /** Contraceptive intervals by method, in date order; a method without its type asks for it. */
  private finishContraception(resolve: Resolve, said: Said): ContraceptionInterval[] {
    const contraception: (ContraceptionInterval & { from: number })[] = [];
    for (const [method, intervals] of this.contraceptives) {
      const merged = mergeIntervals(intervals.map(resolve));
      for (const interval of merged) {
        const entry: ContraceptionInterval & { from: number } = {
          method,
          start: formatIsoDate(interval.start),
          from: interval.start,
        };
        if (interval.end !== undefined) entry.end = formatIsoDate(interval.end);
        contraception.push(entry);
      }
      const listed = merged.map(describeInterval).join(', ');
      const first = formatIsoDate(merged[merged.length - 1]?.start ?? 0);
      if (method === 'iud') {
        said.gaps.push({
          fact: 'iud-type',
          message: `your export says IUD (${listed}) but not which type: pass --contraception copper-iud@${first} or --contraception hormonal-iud@${first}`,
        });
      } else if (method === 'combined-pill') {
        said.gaps.push({
          fact: 'pill-type',
          message: `your export says oral contraceptive (${listed}) but not which pill; cyclecheck assumes a combined pill: pass --contraception progestogen-pill@${first} if it is a progestogen-only pill`,
        });
      } else if (method === 'other') {
        said.gaps.push({
          fact: 'contraception-method',
          message: `your export records a contraceptive (${listed}) without its type: pass --contraception METHOD@${first} (e.g. copper-iud, implant, combined-pill)`,
        });
      }
    }
    contraception.sort((a, b) => a.from - b.from || compareText(a.method, b.method));
    return contraception.map(({ from: _from, ...interval }) => interval);
  }

  /** The latest pregnancy (the profile holds one), and the questions its gaps raise. */
  private finishPregnancy(resolve: Resolve, said: Said): Pregnancy | undefined {
    const pregnancies = mergeIntervals(this.pregnancies.map(resolve));
    const chosen = pregnancies[pregnancies.length - 1];
    let pregnancy: Pregnancy | undefined;
    if (chosen) {
      pregnancy = { start: formatIsoDate(chosen.start) };
      if (chosen.end !== undefined) pregnancy.end = formatIsoDate(chosen.end);
      said.gaps.push({
        fact: 'pregnancy-week',
        message: `your export records a pregnancy (${describeInterval(chosen)}) without its week: pass --pregnancy 'start=${pregnancy.start} week=W@DATE${pregnancy.end ? ` end=${pregnancy.end}` : ''}' (the week on a date you know) or --pregnancy 'due=DATE'; until then the week counts as unknown`,
      });
      if (pregnancies.length > 1) {
        said.warnings.push({
          file: this.file,
          message: `the export records ${pregnancies.length} pregnancies (${pregnancies.map(describeInterval).join(', ')}); the profile holds one, so only the latest is used`,
        });
      }
    }
    const uncovered = this.bleedingInPregnancy
      .filter((d) => !chosen || d < chosen.start || (chosen.end !== undefined && d > chosen.end))
      .sort((a, b) => a - b);
    const firstUncovered = uncovered[0];
    if (firstUncovered !== undefined) {
      const more = new Set(uncovered).size - 1;
      said.gaps.push({
        fact: 'pregnancy',
        message: `your export records bleeding during pregnancy on ${formatIsoDate(firstUncovered)}${more > 0 ? ` and ${plural(more, 'other day')}` : ''} but no pregnancy covering it: pass --pregnancy 'start=DATE week=W@DATE' or --pregnancy 'due=DATE' so the pregnancy rules apply`,
      });
    }
    return pregnancy;
  }

  /** Lactation and Apple's own cycle deviations, as dated notes, each once. */
  private buildAppNotes(resolve: Resolve): AppNote[] {
    const appNotes: AppNote[] = [];
    for (const interval of mergeIntervals(this.lactations.map(resolve))) {
      appNotes.push({
        date: formatIsoDate(interval.start),
        text: `Apple Health records lactation (${describeInterval(interval)}); breastfeeding can pause periods, which the rules do not take into account`,
      });
    }
    for (const deviation of this.deviations) {
      const from = formatIsoDate(deviation.start);
      const range =
        deviation.end !== undefined && deviation.end > deviation.start
          ? ` (${from} to ${formatIsoDate(deviation.end)})`
          : '';
      appNotes.push({ date: from, text: `Apple Health noted ${deviation.text}${range}` });
    }
    appNotes.sort((a, b) => compareText(a.date, b.date) || compareText(a.text, b.text));
    return appNotes.filter(
      (note, i) =>
        i === 0 || note.text !== appNotes[i - 1]?.text || note.date !== appNotes[i - 1]?.date,
    );
  }

  /** What was read but not used: unknown types and values, notes over the cap, long spans. */
  private describeDropped(): Warning[] {
    const warnings: Warning[] = [];
    for (const [type, tally] of [...this.unknownTypes].sort(([a], [b]) => compareText(a, b))) {
      warnings.push({
        file: this.file,
        line: tally.line,
        message: `unknown Apple Health category ${type}: ${plural(tally.count, 'record')} not used`,
      });
    }
    for (const tally of [...this.unknownValues.values()].sort((a, b) => a.line - b.line)) {
      warnings.push({
        file: this.file,
        line: tally.line,
        message: `${tally.type}: unknown value "${tally.value}" in ${plural(tally.count, 'record')}, not used`,
      });
    }
    if (this.droppedNotes.count > 0) {
      warnings.push({
        file: this.file,
        line: this.droppedNotes.line,
        message: `${plural(this.droppedNotes.count, 'test result')} not added to notes: a day holds at most ${MAX_NOTES_PER_DAY} different ones`,
      });
    }
    if (this.longSpans.count > 0) {
      warnings.push({
        file: this.file,
        line: this.longSpans.line,
        message: `${plural(this.longSpans.count, 'record')} span more than ${MAX_SPAN_DAYS} days; only the start date of each is used`,
      });
    }
    return warnings;
  }

  private buildDays(): Day[] {
    return [...this.days.keys()]
      .sort((a, b) => a - b)
      .map((d) => {
        const source = this.days.get(d) as Day;
        const day: Day = { date: source.date };
        const notes = this.notes.get(d);
        if (notes) source.notes = notes.join('; ');
        for (const field of DAY_FIELDS) {
          if (source[field] !== undefined)
            (day as unknown as Record<string, unknown>)[field] = source[field];
        }
        return day;
      });
  }

  private buildSummary(): ImportCount[] {
    const summary: ImportCount[] = [];
    const notes: Record<string, string> = {
      flow: 'bleeding; HKMenstrualCycleStart → period',
      spotting: 'bleeding = spotting',
      sex: 'sex',
      severity: '',
      'symptom-flag': '',
      'pregnancy-bleeding': 'bleeding, with a note',
      pregnancy: 'profile pregnancy',
      lactation: 'shown as an Apple Health note; not used by the rules',
      contraceptive: 'profile contraception',
      mucus: 'discharge',
      test: 'notes',
      deviation: 'shown as "Apple Health noted …"',
    };
    for (const [short, handling] of CYCLE_TYPES) {
      const count = this.counts.get(short);
      if (!count) continue;
      const note = 'field' in handling ? handling.field : (notes[handling.kind] ?? '');
      summary.push({ what: short, ...count, note });
    }
    for (const short of [...DROPPED_SYMPTOMS].sort()) {
      const count = this.counts.get(short);
      if (count) summary.push({ what: short, ...count, note: 'symptom not used by the rules' });
    }
    if (this.otherTypes > 0) {
      summary.push({
        what: 'other categories (sleep, stand hours, …)',
        mapped: 0,
        dropped: this.otherTypes,
        note: 'not cycle data',
      });
    }
    for (const [type, tally] of [...this.unknownTypes].sort(([a], [b]) => compareText(a, b))) {
      summary.push({
        what: shortName(type),
        mapped: 0,
        dropped: tally.count,
        note: 'unknown type',
      });
    }
    return summary;
  }
}

/**
 * Flo — the JSON data export Flo support sends on request. Experimental: the shape below is what
 * several public parsers agree on, but the event vocabulary differs between them (`Sex/Protected`
 * vs `SexProtected`, `DrawingPain` vs `AbdominalPain`, spotting as a `Fluid` subcategory), so
 * events are matched on normalised names and every unknown one is reported.
 *
 *   { "operationalData": {
 *       "cycles": [{ "period_start_date": "2024-03-05 00:00:00.0", "period_end_date": …,
 *                    "period_intensity": "{\"0\":2,\"1\":3}", "pregnant": false }],
 *       "point_events_manual_v2": [{ "category", "subcategory", "date", "local_date" }],
 *       "notes": [{ "text" | "content", "date" | "local_date" }] } }
 */
import type { Bleeding, Pregnancy } from '../core/log.ts';
import type { IsoDate } from '../core/dates.ts';
import { parseIsoDate } from '../core/dates.ts';
import type { InputFile } from '../io/input-file.ts';
import { MethodSightings } from './common/contraception.ts';
import { addDays, describeBadDate, parseLocalDate } from './common/dates.ts';
import { DayBuilder } from './common/day-builder.ts';
import { personGaps, pregnancyWeekGap } from '../log/profile-gaps.ts';
import { isObject, readJsonDocument, scalarText, type JsonDocument } from './common/json-input.ts';
import { ImportTally, shortName } from './common/tally.ts';
import type {
  Importer,
  ImportOptions,
  ImportResult,
  ProfileGap,
  Warning,
} from '../log/import-contract.ts';
import { applyDayAction, type DayAction } from './common/day-action.ts';
import { ownValue } from './common/own-value.ts';

const HINT =
  'A Flo data export (ask Flo support for "a copy of my data") is JSON with an "operationalData" object holding "cycles".';

export const FLO_INTENSITY: Record<string, Bleeding> = {
  '1': 'light',
  '2': 'medium',
  '3': 'heavy',
};

/** Longest span accepted between a period's start and end; longer is a broken record. */
const MAX_PERIOD_DAYS = 366;

type EventAction =
  DayAction | { kind: 'pill' } | { kind: 'drop'; group: string; why: string } | { kind: 'unknown' };

const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const DROPPED_CATEGORIES: Record<string, string> = {
  mood: 'mood is not used',
  ovulation: 'ovulation marks are not used',
  ovulationtest: 'test results are not used',
  pregnancytest: 'test results are not used',
  medication: 'not used by any rule',
  weight: 'not used by any rule',
  water: 'not used by any rule',
  sleep: 'not used by any rule',
  temperature: 'basal temperature is never fever',
  basaltemperature: 'basal temperature is never fever',
  bbt: 'basal temperature is never fever',
  lifestyle: 'not used by any rule',
  energy: 'not used by any rule',
  digestion: 'not used by any rule',
  sexdrive: 'not used by any rule',
  activity: 'not used by any rule',
  physicalactivity: 'not used by any rule',
  disturber: 'not used by any rule',
};

const OTHER_SYMPTOMS = new Set([
  'headache',
  'migraine',
  'acne',
  'bloating',
  'tenderbreasts',
  'breasttenderness',
  'backache',
  'backpain',
  'fatigue',
  'insomnia',
  'nausea',
  'cravings',
  'diarrhea',
  'constipation',
  'everythingisfine',
  'fine',
  'ok',
]);

/** What a Flo event becomes; exported so that `formats` and the tests describe the same table. */
export function classifyFloEvent(category: string, subcategory: string): EventAction {
  const cat = squash(category);
  const sub = squash(subcategory);
  const both = cat + sub;

  if (both.startsWith('sex')) {
    if (/drive|libido|masturbat|nosex|none/.test(both)) {
      return { kind: 'drop', group: 'Sex (no sex, solo, drive)', why: 'not partner sex' };
    }
    return { kind: 'flag', field: 'sex' };
  }
  if (cat === 'fluid' || cat === 'discharge' || cat === 'vaginaldischarge') {
    if (/spotting|blood/.test(sub)) return { kind: 'bleeding', level: 'spotting' };
    if (/^(eggwhite|creamy|sticky|watery|normal)$/.test(sub))
      return { kind: 'discharge', value: 'normal' };
    if (/^(dry|none|nodischarge)$/.test(sub)) return { kind: 'discharge', value: 'none' };
    if (/unusual|atypical|abnormal|grey|gray|green|yellow|clump|cottage|smell/.test(sub)) {
      return { kind: 'discharge', value: 'unusual' };
    }
    return { kind: 'unknown' };
  }
  if (cat === 'period' || cat === 'menstruation' || cat === 'bleeding' || cat === 'spotting') {
    if (cat === 'spotting' || sub === 'spotting') return { kind: 'bleeding', level: 'spotting' };
    const level =
      sub === 'light'
        ? 'light'
        : sub === 'medium'
          ? 'medium'
          : sub === 'heavy'
            ? 'heavy'
            : undefined;
    return level
      ? { kind: 'bleeding', level, period: cat === 'period' || cat === 'menstruation' }
      : { kind: 'unknown' };
  }
  if (cat === 'symptom' || cat === 'symptoms' || cat === 'pain') {
    if (/^(abdominalpain|drawingpain|cramps|periodcramps|menstrualcramps|cramping)$/.test(sub)) {
      return { kind: 'severity', field: 'cramps' };
    }
    if (sub === 'pelvicpain') return { kind: 'severity', field: 'pelvic_pain' };
    if (/^(painduringsex|painfulsex|painwithsex|dyspareunia)$/.test(sub))
      return { kind: 'pain_during_sex' };
    if (sub === 'fever') return { kind: 'flag', field: 'fever' };
    if (/^(dizziness|dizzy|fainting)$/.test(sub)) return { kind: 'flag', field: 'dizzy' };
    if (/^(painfulurination|burningurination|painwhenurinating)$/.test(sub)) {
      return { kind: 'flag', field: 'painful_urination' };
    }
    if (/^(odor|odour|vaginalodor|vaginalodour|unusualodor)$/.test(sub))
      return { kind: 'flag', field: 'odor' };
    if (sub === 'spotting') return { kind: 'bleeding', level: 'spotting' };
    if (OTHER_SYMPTOMS.has(sub))
      return { kind: 'drop', group: 'Symptom (other kinds)', why: 'not used by any rule' };
    return { kind: 'unknown' };
  }
  if (cat === 'pill' || cat === 'pills' || cat === 'contraception') return { kind: 'pill' };
  const why = ownValue(DROPPED_CATEGORIES, cat);
  if (why !== undefined) return { kind: 'drop', group: category, why };
  return { kind: 'unknown' };
}

function sectionRows(doc: JsonDocument, data: Record<string, unknown>, key: string): unknown[] {
  const rows = data[key];
  if (rows === undefined || rows === null) return [];
  if (!Array.isArray(rows))
    throw doc.error(`$.operationalData.${key}`, 'expected an array', data, key);
  return rows;
}

function parseIntensity(raw: unknown): Record<string, unknown> | undefined {
  if (isObject(raw)) return raw;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const READ_SECTIONS = new Set(['cycles', 'point_events_manual_v2', 'notes']);

interface FloContext {
  doc: JsonDocument;
  file: string;
  data: Record<string, unknown>;
  days: DayBuilder;
  tally: ImportTally;
  methods: MethodSightings;
  warnings: Warning[];
  gaps: ProfileGap[];
  periodStarts: IsoDate[];
  pregnantStarts: IsoDate[];
}

function warnAt(ctx: FloContext, line: number | undefined, message: string): void {
  ctx.warnings.push({ file: ctx.file, ...(line === undefined ? {} : { line }), message });
}

/** A cycle's first and last period day; an end that does not fit leaves the start day only. */
function readPeriodSpan(
  ctx: FloContext,
  cycle: Record<string, unknown>,
  path: string,
  line: number | undefined,
): { start: IsoDate; end: IsoDate } {
  const start = parseLocalDate(cycle.period_start_date);
  if (start === undefined) {
    const raw = scalarText(cycle.period_start_date);
    throw ctx.doc.error(
      `${path}.period_start_date`,
      describeBadDate(raw),
      cycle,
      'period_start_date',
    );
  }
  let end = parseLocalDate(cycle.period_end_date);
  if (end === undefined) {
    const raw = scalarText(cycle.period_end_date);
    if (raw !== undefined && raw !== '') {
      warnAt(
        ctx,
        line,
        `${path}: period end '${shortName(raw)}' is not a date in 1900–2100; only the start day is used`,
      );
    }
    end = start;
  }
  const length = parseIsoDate(end)! - parseIsoDate(start)! + 1;
  if (length < 1 || length > MAX_PERIOD_DAYS) {
    warnAt(
      ctx,
      line,
      `${path}: period end ${end} does not fit its start ${start}; only the start day is used`,
    );
    end = start;
  }
  return { start, end };
}

/** Each period day with its bleeding from period_intensity (missing → light). */
function mapPeriodDays(
  ctx: FloContext,
  cycle: Record<string, unknown>,
  span: { start: IsoDate; end: IsoDate },
  line: number | undefined,
): void {
  const { start, end } = span;
  const { tally } = ctx;
  const intensity = parseIntensity(cycle.period_intensity);
  if (cycle.period_intensity !== undefined && cycle.period_intensity !== null && !intensity) {
    tally.unknown(
      'period_intensity',
      scalarText(cycle.period_intensity) ?? typeof cycle.period_intensity,
      line,
    );
  }
  if (intensity) {
    // Keys are day indexes within the period; anything else would be dropped unseen.
    const days = parseIsoDate(end)! - parseIsoDate(start)! + 1;
    for (const key of Object.keys(intensity)) {
      if (!/^(0|[1-9]\d{0,2})$/.test(key) || Number(key) >= days) {
        tally.unknown('period_intensity day', key, line);
      }
    }
  }
  for (let offset = 0, date = start; date <= end; offset++, date = addDays(date, 1)) {
    const raw = intensity ? scalarText(intensity[String(offset)]) : undefined;
    let level: Bleeding = 'light';
    if (raw !== undefined) {
      const known = ownValue(FLO_INTENSITY, raw);
      if (known === undefined) tally.unknown('period intensity', raw, line);
      else level = known;
    }
    ctx.days.bleeding(date, level);
    ctx.days.flag(date, 'period');
    tally.mapped('cycles (period days)', 'bleeding + period');
  }
}

function readFloCycles(ctx: FloContext): void {
  const cycles = sectionRows(ctx.doc, ctx.data, 'cycles');
  cycles.forEach((cycle, index) => {
    const path = `$.operationalData.cycles[${index}]`;
    if (!isObject(cycle)) throw ctx.doc.error(path, 'expected a cycle object', cycles, index);
    const line = ctx.doc.lineOf(cycles, index);
    const span = readPeriodSpan(ctx, cycle, path, line);
    ctx.periodStarts.push(span.start);
    if (cycle.pregnant === true || cycle.pregnant === 'true') ctx.pregnantStarts.push(span.start);
    mapPeriodDays(ctx, cycle, span, line);
  });
}

/** The latest cycle Flo marks as pregnant, dated from its period; the week is asked for. */
function readFloPregnancy(ctx: FloContext): Pregnancy | undefined {
  const { pregnantStarts } = ctx;
  if (pregnantStarts.length === 0) return undefined;
  pregnantStarts.sort();
  const lmp = pregnantStarts[pregnantStarts.length - 1]!;
  // Dated from the last period before it (Naegele: due = LMP + 280 days); ended, at the latest,
  // the day before the next period Flo recorded.
  const pregnancy: Pregnancy = { due: addDays(lmp, 280) };
  const next = ctx.periodStarts.filter((d) => d > lmp).sort()[0];
  if (next !== undefined) pregnancy.end = addDays(next, -1);
  ctx.gaps.push(
    pregnancyWeekGap(
      `Flo marks the cycle that started on ${lmp} as a pregnancy; cyclecheck dates it from that period (due ${pregnancy.due}` +
        (pregnancy.end ? `, over by ${pregnancy.end}` : '') +
        ')',
    ),
  );
  if (pregnantStarts.length > 1) {
    warnAt(
      ctx,
      undefined,
      `Flo marks ${pregnantStarts.length} cycles as pregnancies; only the latest (${lmp}) is used`,
    );
  }
  return pregnancy;
}

function readFloEvents(ctx: FloContext): void {
  const { doc, days, tally } = ctx;
  const events = sectionRows(doc, ctx.data, 'point_events_manual_v2');
  events.forEach((event, index) => {
    const path = `$.operationalData.point_events_manual_v2[${index}]`;
    if (!isObject(event)) throw doc.error(path, 'expected an event object', events, index);
    const key = event.local_date !== undefined && event.local_date !== null ? 'local_date' : 'date';
    const date = parseLocalDate(event[key]);
    if (date === undefined) {
      const raw = scalarText(event[key]);
      throw doc.error(`${path}.${key}`, describeBadDate(raw), event, key);
    }
    const category = typeof event.category === 'string' ? event.category : '';
    const subcategory = typeof event.subcategory === 'string' ? event.subcategory : '';
    const name = subcategory === '' ? category : `${category}/${subcategory}`;
    const line = doc.lineOf(events, index);
    days.entry(date);
    const action = classifyFloEvent(category, subcategory);
    switch (action.kind) {
      case 'pill':
        ctx.methods.see('pill', date);
        tally.dropped(name, 'asked instead: which pill');
        break;
      case 'drop':
        tally.dropped(action.group, action.why);
        break;
      case 'unknown':
        tally.unknown('event', name === '' ? '(no category)' : name, line);
        break;
      default:
        applyDayAction(days, tally, date, name, action);
    }
  });
}

function readFloNotes(ctx: FloContext): void {
  const notes = sectionRows(ctx.doc, ctx.data, 'notes');
  notes.forEach((note, index) => {
    const path = `$.operationalData.notes[${index}]`;
    if (!isObject(note)) throw ctx.doc.error(path, 'expected a note object', notes, index);
    const date = parseLocalDate(note.local_date) ?? parseLocalDate(note.date);
    if (date === undefined)
      throw ctx.doc.error(`${path}.date`, 'a note needs a YYYY-MM-DD date', note, 'date');
    const text =
      typeof note.text === 'string'
        ? note.text
        : typeof note.content === 'string'
          ? note.content
          : '';
    ctx.days.entry(date);
    if (text.trim() !== '') {
      ctx.days.note(date, text);
      ctx.tally.mapped('notes', 'notes');
    }
  });
}

/** Sections cyclecheck does not read, each counted and named. */
function tallyUnreadSections(ctx: FloContext): void {
  for (const key of Object.keys(ctx.data)) {
    if (READ_SECTIONS.has(key)) continue;
    const rows = ctx.data[key];
    const count = Array.isArray(rows) ? rows.length : 1;
    for (let i = 0; i < count; i++)
      ctx.tally.unknown('section', `operationalData.${key}`, ctx.doc.lineOf(ctx.data, key));
  }
}

export async function readFloExport(
  input: InputFile,
  _options: ImportOptions,
): Promise<ImportResult> {
  const file = input.name;
  const doc = await readJsonDocument(input, HINT);
  const root = doc.root;
  if (!isObject(root)) throw doc.error('$', 'expected a JSON object');
  const data = root.operationalData;
  if (!isObject(data)) {
    throw doc.error(
      '$.operationalData',
      'missing the "operationalData" object',
      root,
      'operationalData',
    );
  }
  const ctx: FloContext = {
    doc,
    file,
    data,
    days: new DayBuilder(),
    tally: new ImportTally(),
    methods: new MethodSightings(),
    warnings: [],
    gaps: [],
    periodStarts: [],
    pregnantStarts: [],
  };
  readFloCycles(ctx);
  const profilePregnancy = readFloPregnancy(ctx);
  readFloEvents(ctx);
  readFloNotes(ctx);
  tallyUnreadSections(ctx);
  const pills = ctx.methods.result();
  const profile = profilePregnancy ? { pregnancy: profilePregnancy } : {};
  return {
    log: { profile, days: ctx.days.build() },
    format: 'flo',
    warnings: [...ctx.warnings, ...ctx.tally.warnings(file)],
    summary: ctx.tally.summary(),
    gaps: [...ctx.gaps, ...pills.gaps, ...personGaps('Flo')],
  };
}

export const floImporter: Importer = {
  id: 'flo',
  label: 'Flo data export (JSON, experimental)',
  read: readFloExport,
};

/**
 * One invented person's six months (October 2024 – March 2025): seven periods, sex now and then,
 * cramps on the first period days, and one spotting day after sex. Encoded in every supported
 * format, so that a test can check that every importer reads the same days.
 */
import { gzipSync } from 'node:zlib';
import { formatIsoDate, toDay } from '../../src/core/dates.ts';
import type { Bleeding, CycleLog, Day } from '../../src/core/log.ts';
import { formatCanonicalCsv, formatCanonicalJson } from '../../src/log/format-canonical.ts';

export interface ModelDay {
  date: string;
  bleeding?: Bleeding;
  /** A day of the person's period (as opposed to spotting between periods). */
  period?: boolean;
  sex?: boolean;
  cramps?: boolean;
}

const PERIOD_STARTS = [
  '2024-10-03',
  '2024-10-31',
  '2024-11-29',
  '2024-12-27',
  '2025-01-25',
  '2025-02-22',
  '2025-03-23',
];
const PERIOD_FLOW: Bleeding[] = ['medium', 'heavy', 'medium', 'light', 'light'];
const SEX_DAYS = [
  '2024-10-15',
  '2024-11-12',
  '2024-12-10',
  '2025-01-08',
  '2025-02-06',
  '2025-03-08',
];
export const SEX_BEFORE_SPOTTING = '2025-02-06';
export const POSTCOITAL_SPOTTING = '2025-02-07';

const addDays = (date: string, n: number): string => formatIsoDate(toDay(date) + n);

export function sixMonths(): ModelDay[] {
  const days = new Map<string, ModelDay>();
  const at = (date: string): ModelDay => {
    let day = days.get(date);
    if (!day) days.set(date, (day = { date }));
    return day;
  };
  for (const start of PERIOD_STARTS) {
    PERIOD_FLOW.forEach((flow, i) => {
      const day = at(addDays(start, i));
      day.bleeding = flow;
      day.period = true;
      if (i < 2) day.cramps = true;
    });
  }
  for (const date of SEX_DAYS) at(date).sex = true;
  at(POSTCOITAL_SPOTTING).bleeding = 'spotting';
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The model as a canonical log. */
export function toCanonicalLog(model: ModelDay[]): CycleLog {
  const days: Day[] = model.map((m) => {
    const day: Day = { date: m.date };
    if (m.bleeding) day.bleeding = m.bleeding;
    if (m.period) day.period = true;
    if (m.sex) day.sex = true;
    if (m.cramps) day.cramps = 'mild';
    return day;
  });
  return { profile: {}, days };
}

export interface Encoded {
  name: string;
  bytes: Buffer;
  /** Whether the format labels every period day (Apple marks only a cycle's first day). */
  labelsPeriodDays: boolean;
}

const DRIP_HEADER =
  'date,temperature.value,temperature.exclude,temperature.time,temperature.note,bleeding.value,bleeding.exclude,mucus.feeling,mucus.texture,mucus.value,mucus.exclude,cervix.opening,cervix.firmness,cervix.position,cervix.exclude,note.value,desire.value,sex.solo,sex.partner,sex.condom,sex.pill,sex.iud,sex.patch,sex.ring,sex.implant,sex.diaphragm,sex.none,sex.other,sex.note,pain.cramps,pain.ovulationPain,pain.headache,pain.backache,pain.nausea,pain.tenderBreasts,pain.migraine,pain.other,pain.note,mood.happy,mood.sad,mood.stressed,mood.balanced,mood.fine,mood.anxious,mood.energetic,mood.fatigue,mood.angry,mood.other,mood.note'.split(
    ',',
  );
const DRIP_LEVEL: Record<Bleeding, string> = {
  none: '',
  spotting: '0',
  light: '1',
  medium: '2',
  heavy: '3',
};

/** drip: newest first, no trailing newline; spotting marked "exclude" (not menstrual). */
export function encodeDrip(model: ModelDay[]): Encoded {
  const rows = [...model].reverse().map((m) => {
    const cells: Record<string, string> = { date: m.date };
    if (m.bleeding) {
      cells['bleeding.value'] = DRIP_LEVEL[m.bleeding];
      cells['bleeding.exclude'] = m.period ? 'false' : 'true';
    }
    if (m.sex) cells['sex.partner'] = 'true';
    if (m.cramps) cells['pain.cramps'] = 'true';
    cells['mood.happy'] = m.date.endsWith('5') ? 'true' : '';
    return DRIP_HEADER.map((h) => cells[h] ?? '').join(',');
  });
  return {
    name: 'drip-data.csv',
    bytes: Buffer.from([DRIP_HEADER.join(','), ...rows].join('\n')),
    labelsPeriodDays: true,
  };
}

export function encodeClue(model: ModelDay[]): Encoded {
  const records: object[] = [];
  let id = 0;
  const add = (type: string, date: string, value: unknown): void => {
    records.push({ type, id: `id-${++id}`, date, value });
  };
  for (const m of model) {
    if (m.bleeding === 'spotting') add('spotting', m.date, [{ option: 'red' }]);
    else if (m.bleeding) add('period', m.date, { option: m.bleeding });
    if (m.sex) add('sex_life', m.date, [{ option: 'unprotected' }]);
    if (m.cramps) add('pain', m.date, [{ option: 'period_cramps' }, { option: 'headache' }]);
  }
  // Clue groups by type, not by date.
  records.sort((a, b) => ((a as { type: string }).type < (b as { type: string }).type ? -1 : 1));
  return {
    name: 'measurements.json',
    bytes: Buffer.from(JSON.stringify(records, null, 2)),
    labelsPeriodDays: true,
  };
}

export function encodeMensinator(model: ModelDay[]): Encoded {
  const symptoms = ['Heavy_Flow', 'Medium_Flow', 'Light_Flow', 'Spotting', 'Sex', 'Cramps'];
  const idOf = (name: string): string => String(symptoms.indexOf(name) + 1);
  const periods: object[] = [];
  const symptomDates: object[] = [];
  let periodId = 0;
  let previous = '';
  for (const m of model) {
    if (m.period) {
      if (previous !== addDays(m.date, -1)) periodId++;
      previous = m.date;
      periods.push({ id: String(periods.length + 1), date: m.date, period_id: String(periodId) });
    }
    const add = (name: string): void => {
      symptomDates.push({
        id: String(symptomDates.length + 1),
        symptom_date: m.date,
        symptom_id: idOf(name),
      });
    };
    if (m.bleeding === 'heavy') add('Heavy_Flow');
    if (m.bleeding === 'medium') add('Medium_Flow');
    if (m.bleeding === 'light') add('Light_Flow');
    if (m.bleeding === 'spotting') add('Spotting');
    if (m.sex) add('Sex');
    if (m.cramps) add('Cramps');
  }
  const doc = {
    periods,
    symptoms: symptoms.map((name, i) => ({
      id: String(i + 1),
      symptom_name: name,
      active: '1',
      color: 'Red',
    })),
    symptom_date: symptomDates,
    ovulations: [],
    app_settings: [{ setting_key: 'period_notification', setting_value: '1' }],
  };
  return {
    name: 'mensinator_20250401_1234.json',
    bytes: Buffer.from(JSON.stringify(doc)),
    labelsPeriodDays: true,
  };
}

const PERIODICAL_INTENSITY: Partial<Record<Bleeding, string>> = {
  light: '1',
  medium: '2',
  heavy: '4',
};

export function encodePeriodical(model: ModelDay[], gzip = true): Encoded {
  const data: object[] = [];
  const symptoms: object[] = [];
  const compact = (date: string): string => date.replaceAll('-', '');
  for (const m of model) {
    if (m.period && m.bleeding) {
      const first = !model.some((o) => o.period && o.date === addDays(m.date, -1));
      data.push({
        eventtype: first ? '1' : '2',
        eventdate: compact(m.date),
        eventcvx: '0',
        eventtemp: '0.0',
        intensity: PERIODICAL_INTENSITY[m.bleeding],
      });
    }
    if (m.bleeding === 'spotting') symptoms.push({ eventdate: compact(m.date), symptom: '19' });
    if (m.sex) symptoms.push({ eventdate: compact(m.date), symptom: '1' });
    if (m.cramps) symptoms.push({ eventdate: compact(m.date), symptom: '2' });
  }
  const text = JSON.stringify([
    { version: '6' },
    { data },
    { options: [{ name: 'period_length', value: '5' }] },
    { notes: [] },
    { symptoms },
  ]);
  return gzip
    ? {
        name: 'Periodical-backup.json.gz',
        bytes: gzipSync(Buffer.from(text)),
        labelsPeriodDays: true,
      }
    : { name: 'Periodical-backup.json', bytes: Buffer.from(text), labelsPeriodDays: true };
}

const FLO_INTENSITY: Partial<Record<Bleeding, number>> = { light: 1, medium: 2, heavy: 3 };

export function encodeFlo(model: ModelDay[]): Encoded {
  const cycles: object[] = [];
  const events: object[] = [];
  for (const m of model) {
    if (m.period && !model.some((o) => o.period && o.date === addDays(m.date, -1))) {
      const run: ModelDay[] = [];
      for (let d = m.date; ; d = addDays(d, 1)) {
        const day = model.find((o) => o.date === d && o.period);
        if (!day) break;
        run.push(day);
      }
      const intensity = Object.fromEntries(
        run.map((day, i) => [String(i), FLO_INTENSITY[day.bleeding!]]),
      );
      cycles.push({
        period_start_date: `${m.date} 00:00:00.0`,
        period_end_date: `${run[run.length - 1]!.date} 00:00:00.0`,
        period_intensity: JSON.stringify(intensity),
        pregnant: false,
      });
    }
    // `date` is the instant in UTC (the day before, for a late-evening event in UTC−5).
    const event = (category: string, subcategory: string): void => {
      events.push({
        category,
        subcategory,
        date: `${addDays(m.date, -1)} 23:30:00.0`,
        local_date: m.date,
      });
    };
    if (m.bleeding === 'spotting') event('Fluid', 'Spotting');
    if (m.sex) event('Sex', 'Protected');
    if (m.cramps) event('Symptom', 'DrawingPain');
  }
  const doc = { operationalData: { cycles, point_events_manual_v2: events, notes: [] } };
  return {
    name: 'flo-export.json',
    bytes: Buffer.from(JSON.stringify(doc, null, 1)),
    labelsPeriodDays: true,
  };
}

const APPLE_FLOW: Partial<Record<Bleeding, string>> = {
  light: 'HKCategoryValueVaginalBleedingLight',
  medium: 'HKCategoryValueVaginalBleedingMedium',
  heavy: 'HKCategoryValueVaginalBleedingHeavy',
};

/** Apple Health export.xml: records grouped by type, local times with an offset (DST included). */
export function encodeAppleXml(model: ModelDay[]): Encoded {
  // Central European time: +0200 until the last Sunday of October, then +0100 (+0200 again from 30 March).
  const stamp = (date: string, time: string): string => {
    const offset = date >= '2024-10-27' && date < '2025-03-30' ? '+0100' : '+0200';
    return `${date} ${time} ${offset}`;
  };
  const record = (type: string, date: string, value: string, children = ''): string =>
    `  <Record type="HKCategoryTypeIdentifier${type}" sourceName="Health" sourceVersion="17.4" creationDate="${stamp(date, '21:00:00')}" startDate="${stamp(date, '08:00:00')}" endDate="${stamp(date, '08:00:00')}" value="${value}"` +
    (children ? `>\n${children}  </Record>\n` : '/>\n');
  const flows = model.filter((m) => m.period && m.bleeding);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<!DOCTYPE HealthData [\n<!-- HealthKit Export Version: 13 -->\n<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>\n]>\n',
    '<HealthData locale="en_GB">\n',
    ' <ExportDate value="2025-04-01 09:00:00 +0200"/>\n',
    ' <Me HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>\n',
  ];
  for (const m of flows) {
    const start = !model.some((o) => o.period && o.date === addDays(m.date, -1));
    lines.push(
      record(
        'MenstrualFlow',
        m.date,
        APPLE_FLOW[m.bleeding!]!,
        `   <MetadataEntry key="HKMenstrualCycleStart" value="${start ? 1 : 0}"/>\n`,
      ),
    );
  }
  for (const m of model.filter((d) => d.bleeding === 'spotting')) {
    lines.push(record('IntermenstrualBleeding', m.date, 'HKCategoryValueNotApplicable'));
  }
  for (const m of model.filter((d) => d.sex)) {
    lines.push(
      record(
        'SexualActivity',
        m.date,
        'HKCategoryValueNotApplicable',
        '   <MetadataEntry key="HKSexualActivityProtectionUsed" value="0"/>\n',
      ),
    );
  }
  for (const m of model.filter((d) => d.cramps)) {
    lines.push(record('AbdominalCramps', m.date, 'HKCategoryValueSeverityMild'));
  }
  lines.push('</HealthData>\n');
  return { name: 'export.xml', bytes: Buffer.from(lines.join('')), labelsPeriodDays: false };
}

export function encodeCanonical(model: ModelDay[]): Encoded[] {
  const log = toCanonicalLog(model);
  return [
    { name: 'log.csv', bytes: Buffer.from(formatCanonicalCsv(log)), labelsPeriodDays: true },
    { name: 'log.json', bytes: Buffer.from(formatCanonicalJson(log)), labelsPeriodDays: true },
  ];
}

#!/usr/bin/env node
// Generates a realistic Apple Health export.xml of a given size, deterministically from a seed,
// plus the ground truth (every cycle record's expected canonical day values after merging) in
// a JSON file next to it, and optionally export.zip. Invented data only.
//
//   node scripts/gen-apple-export.mjs OUT.xml SIZE_MB [SEED] [--zip] [--zip-writer=cli|node] [--years=N]
//
// The file looks like what the Health app writes: XML declaration, Apple's internal DTD (element
// declarations only, starting with the HealthKit Export Version comment), <HealthData>,
// ExportDate, Me, then records grouped by type — mostly heart-rate and step records (many with
// multi-line children), with the cycle-tracking groups in between — and workouts at the end.
// Dates carry the offsets a phone writes: +0100/+0200 across European DST, -0700 and +0900 when
// travelling. Sources use escapes (&lt;&lt;HKDevice…&gt;), character references and non-ASCII
// (U+2019, U+202F), and test results carry their source into the notes, so the truth checks them.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, symlink, writeFile, mkdir, open, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const GENERATOR_VERSION = 3;

// ---------------------------------------------------------------------------------------------
// Dates: day numbers (days since 1970-01-01), pure arithmetic, no time zones involved.

function dayNumber(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civil(n) {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

function iso(n) {
  const { y, m, d } = civil(n);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Last Sunday of a month (EU DST switches). */
function lastSunday(y, m) {
  const next = m === 12 ? dayNumber(y + 1, 1, 1) : dayNumber(y, m + 1, 1);
  let d = next - 1;
  while ((((d + 3) % 7) + 7) % 7 !== 6) d--;
  return d;
}

/** A traveller based in Berlin: +0100/+0200, two weeks in California each August (-0700), a week in Tokyo each February (+0900). */
function offsetFor(day, minute) {
  const { y, m, d } = civil(day);
  if (m === 8 && d >= 5 && d <= 18) return '-0700';
  if (m === 2 && d >= 10 && d <= 16) return '+0900';
  const springDay = lastSunday(y, 3);
  const autumnDay = lastSunday(y, 10);
  if (day > springDay && day < autumnDay) return '+0200';
  if (day === springDay) return minute >= 180 ? '+0200' : '+0100';
  if (day === autumnDay) return minute < 180 ? '+0200' : '+0100';
  return '+0100';
}

/** `2024-10-03 12:00:00 +0200`, the way Apple writes local time with its offset. */
function stamp(day, minute, second = 0) {
  // 02:00–02:59 does not exist on the spring-forward day.
  if (day === lastSunday(civil(day).y, 3) && minute >= 120 && minute < 180) minute += 60;
  return `${iso(day)} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(second)} ${offsetFor(day, minute)}`;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// The export's fixed parts.

const EXPORT_DAY = dayNumber(2025, 3, 15);
const EXPORT_DATE = `${iso(EXPORT_DAY)} 09:41:07 +0100`;
const BIRTH_DATE = '1991-04-12';
const IOS18_DAY = dayNumber(2024, 9, 16);

const DTD = `<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 14 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram|VisionPrescription)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Me EMPTY>
<!ATTLIST Me
  HKCharacteristicTypeIdentifierDateOfBirth                   CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBiologicalSex                 CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBloodType                     CDATA #REQUIRED
  HKCharacteristicTypeIdentifierFitzpatrickSkinType           CDATA #REQUIRED
  HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse   CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!-- Note: Any Records that appear as children of a correlation also appear as top-level records in this document. -->
<!ELEMENT Correlation ((MetadataEntry|Record)*)>
<!ATTLIST Correlation
  type          CDATA #REQUIRED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute|WorkoutStatistics)*)>
<!ATTLIST Workout
  workoutActivityType   CDATA #REQUIRED
  duration              CDATA #IMPLIED
  durationUnit          CDATA #IMPLIED
  totalDistance         CDATA #IMPLIED
  totalDistanceUnit     CDATA #IMPLIED
  totalEnergyBurned     CDATA #IMPLIED
  totalEnergyBurnedUnit CDATA #IMPLIED
  sourceName            CDATA #REQUIRED
  sourceVersion         CDATA #IMPLIED
  device                CDATA #IMPLIED
  creationDate          CDATA #IMPLIED
  startDate             CDATA #REQUIRED
  endDate               CDATA #REQUIRED
>
<!ELEMENT WorkoutEvent EMPTY>
<!ATTLIST WorkoutEvent
  type         CDATA #REQUIRED
  date         CDATA #REQUIRED
  duration     CDATA #IMPLIED
  durationUnit CDATA #IMPLIED
>
<!ELEMENT WorkoutStatistics EMPTY>
<!ATTLIST WorkoutStatistics
  type       CDATA #REQUIRED
  startDate  CDATA #REQUIRED
  endDate    CDATA #REQUIRED
  average    CDATA #IMPLIED
  minimum    CDATA #IMPLIED
  maximum    CDATA #IMPLIED
  sum        CDATA #IMPLIED
  unit       CDATA #IMPLIED
>
<!ELEMENT WorkoutRoute ((MetadataEntry|FileReference)*)>
<!ATTLIST WorkoutRoute
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT FileReference EMPTY>
<!ATTLIST FileReference
  path CDATA #REQUIRED
>
<!ELEMENT ActivitySummary EMPTY>
<!ATTLIST ActivitySummary
  dateComponents           CDATA #IMPLIED
  activeEnergyBurned       CDATA #IMPLIED
  activeEnergyBurnedGoal   CDATA #IMPLIED
  activeEnergyBurnedUnit   CDATA #IMPLIED
  appleMoveTime            CDATA #IMPLIED
  appleMoveTimeGoal        CDATA #IMPLIED
  appleExerciseTime        CDATA #IMPLIED
  appleExerciseTimeGoal    CDATA #IMPLIED
  appleStandHours          CDATA #IMPLIED
  appleStandHoursGoal      CDATA #IMPLIED
>
<!ELEMENT MetadataEntry EMPTY>
<!ATTLIST MetadataEntry
  key   CDATA #REQUIRED
  value CDATA #REQUIRED
>
<!-- Note: Heart Rate Variability records captured by Apple Watch may include an associated list of instantaneous beats-per-minute readings. -->
<!ELEMENT HeartRateVariabilityMetadataList (InstantaneousBeatsPerMinute*)>
<!ELEMENT InstantaneousBeatsPerMinute EMPTY>
<!ATTLIST InstantaneousBeatsPerMinute
  bpm  CDATA #REQUIRED
  time CDATA #REQUIRED
>
<!ELEMENT ClinicalRecord EMPTY>
<!ATTLIST ClinicalRecord
  type              CDATA #REQUIRED
  identifier        CDATA #REQUIRED
  sourceName        CDATA #REQUIRED
  sourceURL         CDATA #REQUIRED
  fhirVersion       CDATA #REQUIRED
  receivedDate      CDATA #REQUIRED
  resourceFilePath  CDATA #REQUIRED
>
<!ELEMENT Audiogram ((SensitivityPoint)*)>
<!ATTLIST Audiogram
  type          CDATA #REQUIRED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT SensitivityPoint EMPTY>
<!ATTLIST SensitivityPoint
  frequencyValue   CDATA #REQUIRED
  frequencyUnit    CDATA #REQUIRED
  leftEarValue     CDATA #IMPLIED
  leftEarUnit      CDATA #IMPLIED
  rightEarValue    CDATA #IMPLIED
  rightEarUnit     CDATA #IMPLIED
>
]>
`;

const WATCH_DEVICE =
  '&lt;&lt;HKDevice: 0x2830e5c20&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,1, software:10.1&gt;';
const PHONE_DEVICE =
  '&lt;&lt;HKDevice: 0x283b1a1c0&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,5, software:17.1&gt;';

/** Cycle-record sources: `name` is the decoded text, `xml` how it is written. */
const SOURCES = [
  { name: 'Health', xml: 'Health', version: '17.1' },
  { name: 'Anna’s iPhone', xml: 'Anna’s iPhone', version: '17.1', device: PHONE_DEVICE },
  { name: 'Anna’s iPhone', xml: 'Anna&#8217;s iPhone', version: '16.4.1' },
  {
    name: 'Cycle\u202FTracker <beta> & "Co"',
    xml: 'Cycle\u202FTracker &lt;beta&gt; &amp; &quot;Co&quot;',
    version: '3.2',
  },
  { name: 'Lea’s Watch', xml: 'Lea&#x2019;s Watch', version: '10.1', device: WATCH_DEVICE },
  { name: 'Natural Cycles', xml: 'Natural Cycles', version: '5.44' },
  { name: 'Clue', xml: 'Clue', version: '219.0' },
];

// ---------------------------------------------------------------------------------------------
// The invented cycle history and its records.

/**
 * @typedef {{ day: number, minute: number }} When
 * @typedef {{ type: string, start: When, end: When, value?: string, source: typeof SOURCES[number],
 *   metadata?: [string, string][], endText?: string }} CycleRecord
 */

function buildCycleRecords(seed, years) {
  const rnd = mulberry32(seed ^ 0x5eed);
  const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
  const chance = (p) => rnd() < p;
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const groups = new Map();
  const lastDay = EXPORT_DAY - 1;
  const add = (type, record) => {
    // Nothing is recorded after the export (ongoing factors end in year 4001, via endText).
    const covered =
      record.end.day > record.start.day && record.end.minute === 0
        ? record.end.day - 1
        : record.end.day;
    if (record.endText === undefined && Math.max(covered, record.start.day) > lastDay) return;
    if (!groups.has(type)) groups.set(type, []);
    groups.get(type).push({ type: `HKCategoryTypeIdentifier${type}`, ...record });
  };
  const health = SOURCES[0];
  const phoneSources = [SOURCES[1], SOURCES[2]];
  const at = (day, minute) => ({ day, minute });
  const allDay = (day) => ({ start: at(day, 0), end: at(day + 1, 0) });

  const firstDay = lastDay - Math.round(years * 365);
  const span = lastDay - firstDay;
  const pregnancyTarget = years >= 3 ? firstDay + Math.floor(span * 0.35) : undefined;
  const oralEnd = firstDay + Math.floor(span * 0.15);
  const iudStart = firstDay + Math.floor(span * 0.7);
  const flowValue = (day, name) =>
    day >= IOS18_DAY
      ? `HKCategoryValueVaginalBleeding${name}`
      : `HKCategoryValueMenstrualFlow${name}`;

  let pregnancy;
  let d = firstDay + ri(0, 9);
  let fevers = 0;
  while (d <= lastDay - 4) {
    const periodLength = ri(3, 7);
    const cycleLength = chance(0.08) ? ri(38, 50) : ri(24, 34);
    // Period days, with the cycle start marked, some "Unspecified" flow, a "None" afterwards.
    for (let k = 0; k < periodLength && d + k <= lastDay; k++) {
      const day = d + k;
      const name = chance(0.1)
        ? 'Unspecified'
        : k === 0
          ? pick(['Medium', 'Heavy'])
          : k === 1
            ? pick(['Heavy', 'Medium'])
            : k === periodLength - 1
              ? 'Light'
              : pick(['Light', 'Medium']);
      const times = chance(0.8) ? allDay(day) : { start: at(day, 720), end: at(day, 720) };
      add('MenstrualFlow', {
        ...times,
        value: flowValue(day, name),
        source: health,
        metadata: [
          ['HKMenstrualCycleStart', k === 0 ? '1' : '0'],
          ['HKWasUserEntered', '1'],
        ],
      });
      if (chance(0.15)) {
        add('MenstrualFlow', {
          start: at(day, 600 + ri(0, 300)),
          end: at(day, 600 + ri(300, 400)),
          value: flowValue(day, pick(['Light', 'Medium', 'Heavy'])),
          source: SOURCES[6],
        });
      }
      if (k < 3 && chance(0.7)) {
        if (chance(0.2)) {
          add('AbdominalCramps', {
            start: at(day, 1320),
            end: at(day + 1, 120),
            value: `HKCategoryValueSeverity${pick(['Mild', 'Moderate', 'Severe'])}`,
            source: pick(phoneSources),
          });
        } else {
          add('AbdominalCramps', {
            start: at(day, 480 + ri(0, 600)),
            end: at(day, 1100),
            value: `HKCategoryValueSeverity${pick(['Mild', 'Moderate', 'Severe', 'Unspecified'])}`,
            source: health,
          });
        }
      }
      if (k === 2 && chance(0.1)) {
        add('AbdominalCramps', {
          ...allDay(day),
          value: 'HKCategoryValueSeverityNotPresent',
          source: health,
        });
      }
      if (chance(0.12))
        add('Headache', { ...allDay(day), value: 'HKCategoryValueSeverityMild', source: health });
    }
    if (chance(0.3)) {
      add('MenstrualFlow', {
        ...allDay(d + periodLength),
        value: flowValue(d + periodLength, 'None'),
        source: health,
      });
    }
    if (pregnancyTarget !== undefined && pregnancy === undefined && d >= pregnancyTarget) {
      // This period is the last before a pregnancy: LMP = d, birth 272 days later.
      const lmp = d;
      const birth = lmp + 272;
      pregnancy = { lmp, birth };
      add('PregnancyTestResult', {
        ...allDay(lmp - 20),
        value: 'HKCategoryValuePregnancyTestResultNegative',
        source: SOURCES[3],
      });
      add('PregnancyTestResult', {
        start: at(lmp + 30, 430),
        end: at(lmp + 30, 430),
        value: 'HKCategoryValuePregnancyTestResultPositive',
        source: SOURCES[2],
      });
      add('Pregnancy', {
        start: at(lmp, 0),
        end: at(birth, 0),
        value: 'HKCategoryValueNotApplicable',
        source: health,
      });
      add('BleedingDuringPregnancy', {
        ...allDay(lmp + 50),
        value: 'HKCategoryValueVaginalBleedingLight',
        source: health,
      });
      add('BleedingDuringPregnancy', {
        ...allDay(lmp + 51),
        value: 'HKCategoryValueVaginalBleedingUnspecified',
        source: health,
      });
      ['Heavy', 'Heavy', 'Medium', 'Medium', 'Light'].forEach((name, k) =>
        add('BleedingAfterPregnancy', {
          ...allDay(birth + k),
          value: `HKCategoryValueVaginalBleeding${name}`,
          source: health,
        }),
      );
      add('Lactation', {
        start: at(birth + 1, 0),
        end: at(birth + 181, 0),
        value: 'HKCategoryValueNotApplicable',
        source: health,
      });
      d = birth + 200;
      continue;
    }
    // Sex, sometimes across midnight, sometimes followed by spotting the next day (which sits in
    // another type group of the file).
    const sexCount = ri(2, 6);
    for (let s = 0; s < sexCount; s++) {
      const day = d + ri(periodLength + 1, cycleLength - 2);
      if (day > lastDay - 1) continue;
      const acrossMidnight = chance(0.2);
      add('SexualActivity', {
        start: at(day, acrossMidnight ? 1420 : ri(1260, 1400)),
        end: acrossMidnight ? at(day + 1, 25) : at(day, 1410),
        value: 'HKCategoryValueNotApplicable',
        source: health,
        metadata: [['HKSexualActivityProtectionUsed', chance(0.5) ? '1' : '0']],
      });
      if (chance(0.12))
        add('IntermenstrualBleeding', {
          start: at(day + 1, 480),
          end: at(day + 1, 480),
          value: 'HKCategoryValueNotApplicable',
          source: health,
        });
    }
    if (chance(0.3)) {
      const day = d + ri(10, cycleLength - 8);
      const days = chance(0.5) ? 2 : 1;
      for (let k = 0; k < days; k++) {
        if (day + k <= lastDay)
          add('IntermenstrualBleeding', {
            ...allDay(day + k),
            value: 'HKCategoryValueNotApplicable',
            source: health,
          });
      }
    }
    if (chance(0.6)) {
      for (let k = 0; k < 4; k++) {
        const day = d + 11 + k * 2;
        add('CervicalMucusQuality', {
          ...allDay(day),
          value: `HKCategoryValueCervicalMucusQuality${pick(['Dry', 'Sticky', 'Creamy', 'Watery', 'EggWhite'])}`,
          source: health,
        });
      }
    }
    for (let k = 0; k < 2 && chance(0.5); k++) {
      const day = d + ri(11, 15);
      add('OvulationTestResult', {
        start: at(day, 450),
        end: at(day, 450),
        value: `HKCategoryValueOvulationTestResult${pick(['Negative', 'LuteinizingHormoneSurge', 'Indeterminate', 'EstrogenSurge'])}`,
        source: pick([SOURCES[3], SOURCES[4], SOURCES[5]]),
      });
    }
    if (chance(0.1)) {
      add('PelvicPain', {
        ...allDay(d + ri(5, 20)),
        value: `HKCategoryValueSeverity${pick(['Mild', 'Moderate', 'Severe', 'Unspecified', 'NotPresent'])}`,
        source: health,
      });
    }
    if (chance(0.1))
      add('LowerBackPain', {
        ...allDay(d + ri(0, 5)),
        value: 'HKCategoryValueSeverityModerate',
        source: health,
      });
    if (fevers < 2 && chance(0.03)) {
      fevers++;
      add('Fever', {
        ...allDay(d + ri(3, 20)),
        value: 'HKCategoryValueSeverityModerate',
        source: health,
      });
    }
    if (fevers === 2 && chance(0.05)) {
      fevers++;
      add('Dizziness', { ...allDay(d + 1), value: 'HKCategoryValueSeverityMild', source: health });
    }
    d += cycleLength;
  }

  // Cycle factors: an oral contraceptive that ended, an IUD that is still in (Apple ends ongoing
  // factors in year 4001), and Apple's own deviation findings.
  add('Contraceptive', {
    start: at(firstDay, 0),
    end: at(oralEnd + 1, 0),
    value: 'HKCategoryValueContraceptiveOral',
    source: health,
  });
  add('Contraceptive', {
    start: at(iudStart, 0),
    end: at(0, 0),
    endText: '4001-01-01 00:00:00 +0000',
    value: 'HKCategoryValueContraceptiveIntrauterineDevice',
    source: health,
  });
  add('IrregularMenstrualCycles', {
    start: at(lastDay - 200, 0),
    end: at(lastDay - 20, 0),
    value: 'HKCategoryValueNotApplicable',
    source: health,
  });
  add('PersistentIntermenstrualBleeding', {
    start: at(lastDay - 150, 0),
    end: at(lastDay - 150, 0),
    value: 'HKCategoryValueNotApplicable',
    source: health,
  });
  // A type this importer does not know, and a value it does not know (dropped, named in warnings).
  for (let k = 0; k < 3; k++) {
    add('HypotheticalCycleFactor', {
      ...allDay(firstDay + 40 * k),
      value: 'HKCategoryValueNotApplicable',
      source: health,
    });
  }
  add('MenstrualFlow', {
    ...allDay(firstDay - 5),
    value: 'HKCategoryValueVaginalBleedingExtreme',
    source: SOURCES[6],
  });

  for (const list of groups.values())
    list.sort((a, b) => a.start.day - b.start.day || a.start.minute - b.start.minute);
  return { groups, firstDay, lastDay, oralEnd, iudStart, pregnancy };
}

// ---------------------------------------------------------------------------------------------
// Ground truth: the spec's mapping applied to the records, in file order.

const BLEED = ['none', 'spotting', 'light', 'medium', 'heavy'];
const SEVERITY = ['none', 'mild', 'moderate', 'severe'];
const DAY_FIELDS = [
  'bleeding',
  'period',
  'bleeding_source',
  'blood_color',
  'sex',
  'first_sex',
  'pain_during_sex',
  'cramps',
  'pelvic_pain',
  'discharge',
  'odor',
  'painful_urination',
  'fever',
  'temperature',
  'soaking',
  'dizzy',
  'notes',
];

function buildTruth(cycle, fileOrder) {
  const days = new Map();
  const notes = new Map();
  const counts = {};
  const unknownTypes = {};
  const appNotes = [];
  const dayOf = (n) => {
    if (!days.has(n)) days.set(n, { date: iso(n) });
    return days.get(n);
  };
  const note = (n, text) => {
    dayOf(n);
    const list = notes.get(n) ?? [];
    if (!list.includes(text)) list.push(text);
    notes.set(n, list);
  };
  const max = (order, a, b) => (a === undefined || order.indexOf(b) > order.indexOf(a) ? b : a);
  const covered = (r) => {
    let last = r.end.day;
    if (last > r.start.day && r.end.minute === 0) last--;
    const out = [];
    for (let n = r.start.day; n <= Math.max(last, r.start.day); n++) out.push(n);
    return out;
  };
  const bleedingOf = (value) => {
    const m =
      /^HKCategoryValue(?:MenstrualFlow|VaginalBleeding)(Unspecified|Light|Medium|Heavy|None)$/.exec(
        value,
      );
    return m
      ? { Unspecified: 'light', Light: 'light', Medium: 'medium', Heavy: 'heavy', None: 'none' }[
          m[1]
        ]
      : undefined;
  };
  const severityOf = (value) =>
    ({
      Unspecified: 'mild',
      NotPresent: 'none',
      Mild: 'mild',
      Moderate: 'moderate',
      Severe: 'severe',
    })[value.replace('HKCategoryValueSeverity', '')];
  const tests = {
    PregnancyTestResult: [
      'pregnancy test',
      { Negative: 'negative', Positive: 'positive', Indeterminate: 'indeterminate' },
    ],
    OvulationTestResult: [
      'ovulation test',
      {
        Negative: 'negative',
        LuteinizingHormoneSurge: 'LH surge',
        Indeterminate: 'indeterminate',
        EstrogenSurge: 'estrogen surge',
      },
    ],
  };
  const deviations = {
    IrregularMenstrualCycles: 'irregular menstrual cycles',
    PersistentIntermenstrualBleeding: 'persistent spotting between periods',
  };
  for (const short of fileOrder) {
    for (const r of cycle.groups.get(short) ?? []) {
      const count = (counts[short] ??= { mapped: 0, dropped: 0 });
      if (short === 'HypotheticalCycleFactor') {
        unknownTypes[r.type] = (unknownTypes[r.type] ?? 0) + 1;
        delete counts[short];
        continue;
      }
      if (short === 'Headache' || short === 'LowerBackPain') {
        count.dropped++;
        continue;
      }
      if (
        short === 'MenstrualFlow' ||
        short === 'BleedingDuringPregnancy' ||
        short === 'BleedingAfterPregnancy'
      ) {
        const bleeding = bleedingOf(r.value);
        if (bleeding === undefined) {
          count.dropped++;
          continue;
        }
        for (const n of covered(r)) dayOf(n).bleeding = max(BLEED, dayOf(n).bleeding, bleeding);
        if (short !== 'MenstrualFlow')
          note(
            r.start.day,
            `bleeding ${short === 'BleedingDuringPregnancy' ? 'during' : 'after'} pregnancy (Apple Health)`,
          );
        if (
          short === 'MenstrualFlow' &&
          bleeding !== 'none' &&
          r.metadata?.some(([k, v]) => k === 'HKMenstrualCycleStart' && v === '1')
        )
          dayOf(r.start.day).period = true;
      } else if (short === 'IntermenstrualBleeding') {
        for (const n of covered(r)) dayOf(n).bleeding = max(BLEED, dayOf(n).bleeding, 'spotting');
      } else if (short === 'SexualActivity') {
        for (const n of covered(r)) dayOf(n).sex = true;
      } else if (short === 'AbdominalCramps' || short === 'PelvicPain') {
        const field = short === 'AbdominalCramps' ? 'cramps' : 'pelvic_pain';
        for (const n of covered(r))
          dayOf(n)[field] = max(SEVERITY, dayOf(n)[field], severityOf(r.value));
      } else if (short === 'Fever' || short === 'Dizziness') {
        const field = short === 'Fever' ? 'fever' : 'dizzy';
        for (const n of covered(r))
          dayOf(n)[field] = dayOf(n)[field] === true || severityOf(r.value) !== 'none';
      } else if (short === 'CervicalMucusQuality') {
        const value = r.value.endsWith('Dry') ? 'none' : 'normal';
        for (const n of covered(r))
          dayOf(n).discharge = max(['none', 'normal', 'unusual'], dayOf(n).discharge, value);
      } else if (tests[short]) {
        const [label, results] = tests[short];
        const result = results[r.value.replace(`HKCategoryValue${short}`, '')];
        note(r.start.day, `${label}: ${result} (${r.source.name})`);
      } else if (deviations[short]) {
        const from = iso(r.start.day);
        const last = r.end.day > r.start.day && r.end.minute === 0 ? r.end.day - 1 : r.end.day;
        const range = last > r.start.day ? ` (${from} to ${iso(last)})` : '';
        appNotes.push({ date: from, text: `Apple Health noted ${deviations[short]}${range}` });
      } else if (short === 'Lactation') {
        const last = r.end.day - 1;
        appNotes.push({
          date: iso(r.start.day),
          text: `Apple Health records lactation (${iso(r.start.day)}..${iso(last)}); breastfeeding can pause periods, which the rules do not take into account`,
        });
      }
      count.mapped++;
    }
  }
  const profile = {
    birth_date: BIRTH_DATE,
    contraception: [
      { method: 'combined-pill', start: iso(cycle.firstDay), end: iso(cycle.oralEnd) },
      { method: 'iud', start: iso(cycle.iudStart) },
    ],
  };
  if (cycle.pregnancy)
    profile.pregnancy = { start: iso(cycle.pregnancy.lmp), end: iso(cycle.pregnancy.birth - 1) };
  const sortedDays = [...days.keys()]
    .sort((a, b) => a - b)
    .map((n) => {
      const source = days.get(n);
      if (notes.has(n)) source.notes = notes.get(n).join('; ');
      const day = { date: source.date };
      for (const field of DAY_FIELDS) if (source[field] !== undefined) day[field] = source[field];
      return day;
    });
  appNotes.sort((a, b) => a.date.localeCompare(b.date) || a.text.localeCompare(b.text));
  const gaps = ['pill-type', 'iud-type'];
  if (cycle.pregnancy) gaps.push('pregnancy-week');
  // The export has a birth date, so of the person-level questions only menopause is asked.
  gaps.push('menopause');
  return { log: { profile, days: sortedDays }, counts, unknownTypes, appNotes, gaps };
}

// ---------------------------------------------------------------------------------------------
// Writing.

function escapeAttr(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function cycleRecordXml(r) {
  const created = stamp(r.start.day, Math.min(r.start.minute + 3, 1439), 12);
  const endText = r.endText ?? stamp(r.end.day, r.end.minute);
  let xml =
    ` <Record type="${r.type}" sourceName="${r.source.xml}" sourceVersion="${r.source.version}"` +
    (r.source.device ? ` device="${r.source.device}"` : '') +
    ` creationDate="${created}" startDate="${stamp(r.start.day, r.start.minute)}" endDate="${endText}"` +
    (r.value !== undefined ? ` value="${escapeAttr(r.value)}"` : '');
  if (!r.metadata?.length) return xml + '/>\n';
  xml += '>\n';
  for (const [key, value] of r.metadata)
    xml += `  <MetadataEntry key="${escapeAttr(key)}" value="${escapeAttr(value)}"/>\n`;
  return xml + ' </Record>\n';
}

/** Filler groups: share of the filler bytes and a record maker. */
function fillerMakers(rnd) {
  const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
  const watch = `sourceName="Anna’s Apple Watch" sourceVersion="10.1" device="${WATCH_DEVICE}"`;
  const phone = `sourceName="Anna’s iPhone" sourceVersion="17.1" device="${PHONE_DEVICE}"`;
  return {
    HKQuantityTypeIdentifierStepCount: {
      share: 0.25,
      avg: 420,
      make(next) {
        const w = next();
        return ` <Record type="HKQuantityTypeIdentifierStepCount" ${phone} unit="count" creationDate="${stamp(w.day, Math.min(w.minute + 9, 1439), ri(0, 59))}" startDate="${stamp(w.day, w.minute, ri(0, 59))}" endDate="${stamp(w.day, Math.min(w.minute + 8, 1439), ri(0, 59))}" value="${ri(3, 1800)}"/>\n`;
      },
    },
    HKQuantityTypeIdentifierHeartRate: {
      share: 0.42,
      avg: 520,
      make(next) {
        const w = next();
        const when = stamp(w.day, w.minute, ri(0, 59));
        return ` <Record type="HKQuantityTypeIdentifierHeartRate" ${watch} unit="count/min" creationDate="${stamp(w.day, Math.min(w.minute + 4, 1439), ri(0, 59))}" startDate="${when}" endDate="${when}" value="${ri(48, 150)}">\n  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="${ri(0, 2)}"/>\n </Record>\n`;
      },
    },
    HKCategoryTypeIdentifierSleepAnalysis: {
      share: 0.06,
      avg: 400,
      make(next) {
        const w = next();
        return ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" ${watch} creationDate="${stamp(w.day, Math.min(w.minute + 40, 1439))}" startDate="${stamp(w.day, w.minute, ri(0, 59))}" endDate="${stamp(w.day, Math.min(w.minute + 30, 1439), ri(0, 59))}" value="HKCategoryValueSleepAnalysis${['AsleepCore', 'AsleepDeep', 'AsleepREM', 'Awake', 'InBed'][ri(0, 4)]}"/>\n`;
      },
    },
    HKQuantityTypeIdentifierHeartRateVariabilitySDNN: {
      share: 0.15,
      avg: 1100,
      make(next) {
        const w = next();
        let xml = ` <Record type="HKQuantityTypeIdentifierHeartRateVariabilitySDNN" ${watch} unit="ms" creationDate="${stamp(w.day, Math.min(w.minute + 1, 1439), ri(0, 59))}" startDate="${stamp(w.day, w.minute, 0)}" endDate="${stamp(w.day, Math.min(w.minute + 1, 1439), 0)}" value="${ri(15, 120)}.${ri(0, 99)}">\n  <HeartRateVariabilityMetadataList>\n`;
        const h = Math.floor(w.minute / 60) % 12 || 12;
        const ampm = w.minute < 720 ? 'AM' : 'PM';
        for (let k = 0; k < ri(4, 9); k++) {
          xml += `   <InstantaneousBeatsPerMinute bpm="${ri(55, 95)}" time="${h}:${pad(w.minute % 60)}:${pad(k * 6 + ri(0, 5))}.${pad(ri(0, 99))}\u202F${ampm}"/>\n`;
        }
        return xml + '  </HeartRateVariabilityMetadataList>\n </Record>\n';
      },
    },
    HKCategoryTypeIdentifierAppleStandHour: {
      share: 0.04,
      avg: 380,
      make(next) {
        const w = next();
        const hour = Math.floor(w.minute / 60) * 60;
        return ` <Record type="HKCategoryTypeIdentifierAppleStandHour" ${watch} creationDate="${stamp(w.day, Math.min(hour + 59, 1439))}" startDate="${stamp(w.day, hour)}" endDate="${stamp(w.day, Math.min(hour + 60, 1439))}" value="HKCategoryValueAppleStandHour${ri(0, 3) ? 'Stood' : 'Idle'}"/>\n`;
      },
    },
    HKQuantityTypeIdentifierActiveEnergyBurned: {
      share: 0.08,
      avg: 440,
      make(next) {
        const w = next();
        return ` <Record type="HKQuantityTypeIdentifierActiveEnergyBurned" ${watch} unit="kcal" creationDate="${stamp(w.day, Math.min(w.minute + 2, 1439), ri(0, 59))}" startDate="${stamp(w.day, w.minute, ri(0, 59))}" endDate="${stamp(w.day, Math.min(w.minute + 1, 1439), ri(0, 59))}" value="${ri(0, 9)}.${ri(100, 999)}"/>\n`;
      },
    },
  };
}

/** The file's group order: filler groups with the cycle groups spread between them. */
const LAYOUT = [
  'HKQuantityTypeIdentifierStepCount',
  ['MenstrualFlow'],
  'HKQuantityTypeIdentifierHeartRate',
  ['IntermenstrualBleeding', 'AbdominalCramps'],
  'HKCategoryTypeIdentifierSleepAnalysis',
  ['SexualActivity'],
  'HKQuantityTypeIdentifierHeartRateVariabilitySDNN',
  'HKCategoryTypeIdentifierAppleStandHour',
  [
    'PelvicPain',
    'CervicalMucusQuality',
    'OvulationTestResult',
    'PregnancyTestResult',
    'Contraceptive',
    'Pregnancy',
    'Lactation',
    'BleedingDuringPregnancy',
    'BleedingAfterPregnancy',
    'IrregularMenstrualCycles',
    'PersistentIntermenstrualBleeding',
    'Headache',
    'LowerBackPain',
    'Fever',
    'Dizziness',
    'HypotheticalCycleFactor',
  ],
  'HKQuantityTypeIdentifierActiveEnergyBurned',
];

class BlockWriter {
  constructor(path) {
    this.stream = createWriteStream(path);
    this.parts = [];
    this.size = 0;
    this.bytes = 0;
  }
  async push(text) {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 4 * 1024 * 1024) await this.flush();
  }
  async flush() {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    this.bytes += buf.length;
    if (!this.stream.write(buf)) await once(this.stream, 'drain');
  }
  async close() {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/**
 * Writes OUT (export.xml), OUT's truth (`<name>.truth.json`) and, with `zip`, `export.zip`
 * next to it. Returns the paths and sizes.
 */
export async function generateAppleExport({
  out,
  targetMB,
  seed = 1,
  years = 10,
  zip = false,
  zipWriter = 'auto',
}) {
  const xmlPath = resolve(out);
  await mkdir(dirname(xmlPath), { recursive: true });
  const targetBytes = Math.round(targetMB * 1024 * 1024);
  const cycle = buildCycleRecords(seed, years);
  const cycleXml = new Map();
  let cycleBytes = 0;
  let cycleRecords = 0;
  for (const [short, list] of cycle.groups) {
    const text = list.map(cycleRecordXml).join('');
    cycleXml.set(short, text);
    cycleBytes += Buffer.byteLength(text);
    cycleRecords += list.length;
  }
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    DTD +
    '<HealthData locale="en_GB">\n' +
    ` <ExportDate value="${EXPORT_DATE}"/>\n` +
    ` <Me HKCharacteristicTypeIdentifierDateOfBirth="${BIRTH_DATE}" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet" HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse="None"/>\n`;
  const tail =
    ` <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="31.2" durationUnit="min" sourceName="Anna’s Apple Watch" sourceVersion="10.1" device="${WATCH_DEVICE}" creationDate="${stamp(cycle.lastDay - 3, 1100)}" startDate="${stamp(cycle.lastDay - 3, 1060)}" endDate="${stamp(cycle.lastDay - 3, 1092)}">\n` +
    `  <MetadataEntry key="HKIndoorWorkout" value="0"/>\n  <MetadataEntry key="HKWeatherTemperature" value="54 degF"/>\n` +
    `  <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" startDate="${stamp(cycle.lastDay - 3, 1060)}" endDate="${stamp(cycle.lastDay - 3, 1092)}" average="151" minimum="98" maximum="172" unit="count/min"/>\n` +
    ' </Workout>\n' +
    ` <ActivitySummary dateComponents="${iso(cycle.lastDay)}" activeEnergyBurned="412.5" activeEnergyBurnedGoal="500" activeEnergyBurnedUnit="kcal" appleMoveTime="0" appleMoveTimeGoal="0" appleExerciseTime="24" appleExerciseTimeGoal="30" appleStandHours="11" appleStandHoursGoal="12"/>\n` +
    '</HealthData>\n';
  const fillerBudget = Math.max(
    0,
    targetBytes - Buffer.byteLength(head) - Buffer.byteLength(tail) - cycleBytes,
  );
  const rnd = mulberry32(seed);
  const makers = fillerMakers(rnd);

  const writer = new BlockWriter(xmlPath);
  await writer.push(head);
  const fileOrder = [];
  for (const item of LAYOUT) {
    if (Array.isArray(item)) {
      for (const short of item) {
        fileOrder.push(short);
        const text = cycleXml.get(short);
        if (text) await writer.push(text);
      }
      continue;
    }
    const maker = makers[item];
    const budget = fillerBudget * maker.share;
    const next = (() => {
      const step = Math.max(
        1,
        Math.floor(((cycle.lastDay - cycle.firstDay + 1) * 1440) / Math.max(1, budget / maker.avg)),
      );
      let t = 0;
      const windowMinutes = (cycle.lastDay - cycle.firstDay + 1) * 1440;
      return () => {
        t = (t + step) % windowMinutes;
        return { day: cycle.firstDay + Math.floor(t / 1440), minute: t % 1440 };
      };
    })();
    let written = 0;
    while (written < budget) {
      const text = maker.make(next);
      written += Buffer.byteLength(text);
      await writer.push(text);
    }
  }
  await writer.push(tail);
  await writer.close();

  const truth = buildTruth(cycle, fileOrder);
  const bytes = (await stat(xmlPath)).size;
  const truthPath = xmlPath.replace(/\.xml$/, '') + '.truth.json';
  await writeFile(
    truthPath,
    JSON.stringify(
      {
        generator: { version: GENERATOR_VERSION, seed, targetMB, years },
        bytes,
        cycleRecords,
        ...truth,
      },
      null,
      1,
    ) + '\n',
  );
  const result = { xml: xmlPath, truth: truthPath, bytes, cycleRecords };
  if (zip) {
    const zipPath = join(dirname(xmlPath), basename(xmlPath).replace(/\.xml$/, '') + '.zip');
    await writeExportZip(xmlPath, zipPath, zipWriter);
    result.zip = zipPath;
    result.zipBytes = (await stat(zipPath)).size;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// export.zip: apple_health_export/export.xml (+ a small export_cda.xml), as the Health app
// packs it. Uses the `zip` tool when present, else a minimal zip writer (deflate, < 4 GiB).

const CDA =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3"></ClinicalDocument>\n';

export async function writeExportZip(xmlPath, zipPath, writer = 'auto') {
  await rm(zipPath, { force: true });
  const haveCli = spawnSync('zip', ['-v'], { stdio: 'ignore' }).status === 0;
  if (writer === 'cli' || (writer === 'auto' && haveCli)) {
    const stage = await mkdtemp(join(dirname(zipPath), '.zipstage-'));
    try {
      await mkdir(join(stage, 'apple_health_export'));
      await symlink(resolve(xmlPath), join(stage, 'apple_health_export', 'export.xml'));
      await writeFile(join(stage, 'apple_health_export', 'export_cda.xml'), CDA);
      const run = spawnSync('zip', ['-q', '-r', resolve(zipPath), 'apple_health_export'], {
        cwd: stage,
        stdio: 'inherit',
      });
      if (run.status !== 0) throw new Error(`zip failed with status ${run.status}`);
    } finally {
      await rm(stage, { recursive: true, force: true });
    }
    return;
  }
  await writeZipWithNode(zipPath, [
    { name: 'apple_health_export/export.xml', path: xmlPath },
    { name: 'apple_health_export/export_cda.xml', data: Buffer.from(CDA) },
  ]);
}

/** A minimal zip writer: deflated entries, no data descriptors, no zip64 (so under 4 GiB). */
export async function writeZipWithNode(zipPath, entries) {
  const out = await open(zipPath, 'w');
  const central = [];
  let offset = 0;
  const write = async (buf) => {
    await out.write(buf, 0, buf.length, offset);
    offset += buf.length;
  };
  try {
    for (const entry of entries) {
      const tmp = `${zipPath}.${central.length}.deflate`;
      let crc = 0;
      let size = 0;
      const deflate = zlib.createDeflateRaw({ level: 6 });
      const sink = createWriteStream(tmp);
      deflate.pipe(sink);
      const source = entry.path ? createReadStream(entry.path) : [entry.data];
      for await (const chunk of source) {
        crc = zlib.crc32(chunk, crc);
        size += chunk.length;
        if (!deflate.write(chunk)) await once(deflate, 'drain');
      }
      deflate.end();
      await once(sink, 'finish');
      const compressed = (await stat(tmp)).size;
      if (size > 0xfffffffe || compressed > 0xfffffffe || offset > 0xfffffffe)
        throw new Error('the node zip writer does not do zip64; install zip');
      const name = Buffer.from(entry.name, 'utf8');
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6);
      local.writeUInt16LE(8, 8);
      local.writeUInt16LE(0, 10);
      local.writeUInt16LE(0x5a6f, 12);
      local.writeUInt32LE(crc >>> 0, 14);
      local.writeUInt32LE(compressed, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      const headerOffset = offset;
      await write(local);
      await write(name);
      for await (const chunk of createReadStream(tmp)) await write(chunk);
      await unlink(tmp);
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(0x031e, 4);
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(0x0800, 8);
      cd.writeUInt16LE(8, 10);
      cd.writeUInt16LE(0, 12);
      cd.writeUInt16LE(0x5a6f, 14);
      cd.writeUInt32LE(crc >>> 0, 16);
      cd.writeUInt32LE(compressed, 20);
      cd.writeUInt32LE(size, 24);
      cd.writeUInt16LE(name.length, 28);
      cd.writeUInt32LE((0o100644 << 16) >>> 0, 38);
      cd.writeUInt32LE(headerOffset, 42);
      central.push(Buffer.concat([cd, name]));
    }
    const cdStart = offset;
    for (const cd of central) await write(cd);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(central.length, 8);
    end.writeUInt16LE(central.length, 10);
    end.writeUInt32LE(offset - cdStart, 12);
    end.writeUInt32LE(cdStart, 16);
    await write(end);
  } finally {
    await out.close();
  }
}

// ---------------------------------------------------------------------------------------------

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flags = Object.fromEntries(
    args.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')),
  );
  const [out, size, seed] = args.filter((a) => !a.startsWith('--'));
  if (!out || !size) {
    console.error(
      'usage: node scripts/gen-apple-export.mjs OUT.xml SIZE_MB [SEED] [--zip] [--zip-writer=cli|node] [--years=N]',
    );
    process.exit(2);
  }
  const result = await generateAppleExport({
    out,
    targetMB: Number(size),
    seed: seed === undefined ? 1 : Number(seed),
    years: flags.years === undefined ? 10 : Number(flags.years),
    zip: 'zip' in flags,
    zipWriter: flags['zip-writer'] ?? 'auto',
  });
  console.log(JSON.stringify(result));
}

/**
 * Apple Health category types and values (HealthKit's names; `cyclecheck formats` prints the mapping) and what each
 * becomes in the canonical log. Type names here drop the `HKCategoryTypeIdentifier` prefix.
 */
import type { Bleeding, Discharge, Method, Severity } from '../../core/log.ts';

export type TypeHandling =
  | { kind: 'flow' }
  | { kind: 'spotting' }
  | { kind: 'sex' }
  | { kind: 'severity'; field: 'cramps' | 'pelvic_pain' }
  | { kind: 'symptom-flag'; field: 'fever' | 'dizzy' }
  | { kind: 'pregnancy-bleeding'; note: string }
  | { kind: 'pregnancy' }
  | { kind: 'lactation' }
  | { kind: 'contraceptive' }
  | { kind: 'mucus' }
  | { kind: 'test'; label: string; results: ReadonlyMap<string, string> }
  | { kind: 'deviation'; text: string }
  | { kind: 'dropped-symptom' };

function valueMap<T>(prefix: string, entries: [string, T][]): ReadonlyMap<string, T> {
  return new Map(entries.map(([name, value]) => [prefix + name, value]));
}

/** MenstrualFlow before iOS 18, and the VaginalBleeding values from iOS 18 on. */
export const BLEEDING_VALUES: ReadonlyMap<string, Bleeding> = new Map([
  ...valueMap<Bleeding>('HKCategoryValueMenstrualFlow', [
    ['Unspecified', 'light'],
    ['Light', 'light'],
    ['Medium', 'medium'],
    ['Heavy', 'heavy'],
    ['None', 'none'],
  ]),
  ...valueMap<Bleeding>('HKCategoryValueVaginalBleeding', [
    ['Unspecified', 'light'],
    ['Light', 'light'],
    ['Medium', 'medium'],
    ['Heavy', 'heavy'],
    ['None', 'none'],
  ]),
]);

export const SEVERITY_VALUES: ReadonlyMap<string, Severity> = valueMap<Severity>(
  'HKCategoryValueSeverity',
  [
    ['Unspecified', 'mild'],
    ['NotPresent', 'none'],
    ['Mild', 'mild'],
    ['Moderate', 'moderate'],
    ['Severe', 'severe'],
  ],
);

/**
 * Oral: Apple does not say which pill. Both pill types are hormonal with the same settling
 * window in the rules, so `combined-pill` changes no flag; a profile gap still asks.
 * Unspecified: `other` (treated as non-hormonal, so nothing is excused), plus a gap.
 */
export const CONTRACEPTIVE_VALUES: ReadonlyMap<string, Method> = valueMap<Method>(
  'HKCategoryValueContraceptive',
  [
    ['Unspecified', 'other'],
    ['Implant', 'implant'],
    ['Injection', 'injection'],
    ['IntrauterineDevice', 'iud'],
    ['IntravaginalRing', 'ring'],
    ['Oral', 'combined-pill'],
    ['Patch', 'patch'],
  ],
);

/** Dry means no mucus seen; every mucus quality is normal discharge (never `unusual`). */
export const MUCUS_VALUES: ReadonlyMap<string, Discharge> = valueMap<Discharge>(
  'HKCategoryValueCervicalMucusQuality',
  [
    ['Dry', 'none'],
    ['Sticky', 'normal'],
    ['Creamy', 'normal'],
    ['Watery', 'normal'],
    ['EggWhite', 'normal'],
  ],
);

const PREGNANCY_TEST = valueMap('HKCategoryValuePregnancyTestResult', [
  ['Negative', 'negative'],
  ['Positive', 'positive'],
  ['Indeterminate', 'indeterminate'],
]);

const OVULATION_TEST = valueMap('HKCategoryValueOvulationTestResult', [
  ['Negative', 'negative'],
  ['LuteinizingHormoneSurge', 'LH surge'],
  ['Positive', 'positive'],
  ['Indeterminate', 'indeterminate'],
  ['EstrogenSurge', 'estrogen surge'],
]);

const PROGESTERONE_TEST = valueMap('HKCategoryValueProgesteroneTestResult', [
  ['Negative', 'negative'],
  ['Positive', 'positive'],
  ['Indeterminate', 'indeterminate'],
]);

/** Cycle types in the order the import summary lists them. */
export const CYCLE_TYPES: ReadonlyMap<string, TypeHandling> = new Map<string, TypeHandling>([
  ['MenstrualFlow', { kind: 'flow' }],
  ['IntermenstrualBleeding', { kind: 'spotting' }],
  ['SexualActivity', { kind: 'sex' }],
  ['AbdominalCramps', { kind: 'severity', field: 'cramps' }],
  ['PelvicPain', { kind: 'severity', field: 'pelvic_pain' }],
  [
    'BleedingDuringPregnancy',
    { kind: 'pregnancy-bleeding', note: 'bleeding during pregnancy (Apple Health)' },
  ],
  [
    'BleedingAfterPregnancy',
    { kind: 'pregnancy-bleeding', note: 'bleeding after pregnancy (Apple Health)' },
  ],
  ['Pregnancy', { kind: 'pregnancy' }],
  ['Lactation', { kind: 'lactation' }],
  ['Contraceptive', { kind: 'contraceptive' }],
  ['CervicalMucusQuality', { kind: 'mucus' }],
  ['PregnancyTestResult', { kind: 'test', label: 'pregnancy test', results: PREGNANCY_TEST }],
  ['OvulationTestResult', { kind: 'test', label: 'ovulation test', results: OVULATION_TEST }],
  [
    'ProgesteroneTestResult',
    { kind: 'test', label: 'progesterone test', results: PROGESTERONE_TEST },
  ],
  [
    'PersistentIntermenstrualBleeding',
    { kind: 'deviation', text: 'persistent spotting between periods' },
  ],
  ['IrregularMenstrualCycles', { kind: 'deviation', text: 'irregular menstrual cycles' }],
  ['ProlongedMenstrualPeriods', { kind: 'deviation', text: 'prolonged menstrual periods' }],
  ['InfrequentMenstrualCycles', { kind: 'deviation', text: 'infrequent menstrual cycles' }],
  // Symptoms the rules use: fever (infection signs) and dizziness/fainting (acute bleeding).
  ['Fever', { kind: 'symptom-flag', field: 'fever' }],
  ['Dizziness', { kind: 'symptom-flag', field: 'dizzy' }],
  ['Fainting', { kind: 'symptom-flag', field: 'dizzy' }],
]);

/** Apple's other symptom types (severity or presence): recognised, counted, not used. */
export const DROPPED_SYMPTOMS: ReadonlySet<string> = new Set([
  'Acne',
  'AppetiteChanges',
  'BladderIncontinence',
  'Bloating',
  'BreastPain',
  'ChestTightnessOrPain',
  'Chills',
  'Constipation',
  'Coughing',
  'Diarrhea',
  'DrySkin',
  'Fatigue',
  'GeneralizedBodyAche',
  'HairLoss',
  'Headache',
  'Heartburn',
  'HotFlashes',
  'LossOfSmell',
  'LossOfTaste',
  'LowerBackPain',
  'MemoryLapse',
  'MoodChanges',
  'Nausea',
  'NightSweats',
  'RapidPoundingOrFlutteringHeartbeat',
  'RunnyNose',
  'ShortnessOfBreath',
  'SinusCongestion',
  'SkippedHeartbeat',
  'SleepChanges',
  'SoreThroat',
  'VaginalDryness',
  'Vomiting',
  'Wheezing',
]);

/** Category types that have nothing to do with cycles: counted in one summary row. */
export const OTHER_KNOWN_TYPES: ReadonlySet<string> = new Set([
  'SleepAnalysis',
  'AppleStandHour',
  'MindfulSession',
  'HighHeartRateEvent',
  'LowHeartRateEvent',
  'IrregularHeartRhythmEvent',
  'AudioExposureEvent',
  'EnvironmentalAudioExposureEvent',
  'HeadphoneAudioExposureEvent',
  'ToothbrushingEvent',
  'HandwashingEvent',
  'LowCardioFitnessEvent',
  'AppleWalkingSteadinessEvent',
  'SleepApneaEvent',
  'RespiratoryRateEvent',
  'BloodPressureEvent',
]);

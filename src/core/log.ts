/**
 * The canonical log (docs/log-format.md): what every importer and the interview produce and the
 * only thing the analyzer reads. Field names are the CSV header names and the JSON keys.
 */
import type { IsoDate } from './dates.ts';

export const BLEEDING_LEVELS = ['none', 'spotting', 'light', 'medium', 'heavy'] as const;
export type Bleeding = (typeof BLEEDING_LEVELS)[number];

export const BLEEDING_SOURCES = ['vaginal', 'urinary', 'rectal', 'unsure'] as const;
export type BleedingSource = (typeof BLEEDING_SOURCES)[number];

export const SEVERITIES = ['none', 'mild', 'moderate', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DISCHARGES = ['none', 'normal', 'unusual'] as const;
export type Discharge = (typeof DISCHARGES)[number];

export const MENOPAUSE_STATES = ['pre', 'peri', 'post'] as const;
export type MenopauseState = (typeof MENOPAUSE_STATES)[number];

/**
 * Contraceptive methods. `iud` is an extension for exports that say "IUD" without the type
 * (Apple Health, drip): the analyzer treats it conservatively and asks which one it is.
 */
export const METHODS = [
  'copper-iud',
  'hormonal-iud',
  'iud',
  'implant',
  'injection',
  'combined-pill',
  'progestogen-pill',
  'ring',
  'patch',
  'condom',
  'diaphragm',
  'fertility-awareness',
  'none',
  'other',
] as const;
export type Method = (typeof METHODS)[number];

export const HORMONAL_METHODS: readonly Method[] = [
  'hormonal-iud',
  'implant',
  'injection',
  'combined-pill',
  'progestogen-pill',
  'ring',
  'patch',
];

/** One local calendar date. Unset fields mean none/no (D0). */
export interface Day {
  date: IsoDate;
  bleeding?: Bleeding;
  period?: boolean;
  bleeding_source?: BleedingSource;
  blood_color?: string;
  sex?: boolean;
  first_sex?: boolean;
  pain_during_sex?: boolean;
  cramps?: Severity;
  pelvic_pain?: Severity;
  discharge?: Discharge;
  odor?: boolean;
  painful_urination?: boolean;
  fever?: boolean;
  temperature?: number;
  soaking?: boolean;
  dizzy?: boolean;
  notes?: string;
}

export type DayField = Exclude<keyof Day, 'date'>;

/** Day fields in canonical column order (CSV header order, JSON key order). */
export const DAY_FIELDS: readonly DayField[] = [
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

export interface ContraceptionInterval {
  method: Method;
  /** Start or insertion date; absent = in use since before the log. */
  start?: IsoDate;
  /** Stop or removal date; absent = still in use. */
  end?: IsoDate;
}

/** Either `start` with `week` on `week_on`, or `due`; `end` closes the interval. */
export interface Pregnancy {
  start?: IsoDate;
  end?: IsoDate;
  week?: number;
  week_on?: IsoDate;
  due?: IsoDate;
}

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

export interface Screening {
  date: IsoDate;
  result?: string;
}

/** Medicines that change what bleeding means (asked after peri- or post-menopause). */
export const MEDICINES = ['hrt', 'tamoxifen', 'blood-thinner'] as const;
export type Medicine = (typeof MEDICINES)[number];

export interface Profile {
  /** Added: the person's name, printed on documents meant to be handed over. */
  name?: string;
  age?: number;
  /** `YYYY-MM-DD`, or `YYYY` (taken as 1 July of that year). */
  birth_date?: string;
  menopause?: MenopauseState;
  contraception?: ContraceptionInterval[];
  pregnancy?: Pregnancy;
  not_tracked?: DateRange[];
  last_screening?: Screening;
  /** Added: medicines taken (an empty list: asked, and none of them). */
  medicines?: Medicine[];
  as_of?: IsoDate;
}

/** A validated log: days sorted by date, one per date. */
export interface CycleLog {
  profile: Profile;
  days: Day[];
}

/** What the interview learned, before it becomes a canonical log (build-log.ts). */
import type { IsoDate } from '../core/dates.ts';
import type {
  Bleeding,
  BleedingSource,
  ContraceptionInterval,
  Medicine,
  MenopauseState,
  Pregnancy,
  Severity,
} from '../core/log.ts';

export const EPISODE_KINDS = ['bleeding', 'pain', 'sex-pain', 'other'] as const;
export type EpisodeKind = (typeof EPISODE_KINDS)[number];

export const SEX_LINKS = ['during', 'same-day', 'next-day', 'none', 'unsure'] as const;
export type SexLink = (typeof SEX_LINKS)[number];

export const PAIN_KINDS = ['cramps', 'pelvic', 'both'] as const;
export type PainKind = (typeof PAIN_KINDS)[number];

export const SYMPTOMS = [
  'discharge',
  'odor',
  'painful_urination',
  'fever',
  'soaking',
  'dizzy',
] as const;
export type Symptom = (typeof SYMPTOMS)[number];

export const FREQUENCIES = ['once', 'few', 'often'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface EpisodeAnswers {
  start: IsoDate;
  kinds: EpisodeKind[];
  amount?: Exclude<Bleeding, 'none'>;
  /** Days of bleeding from `start`; the last one is today when it may still be going on. */
  bleedingDays?: number;
  color?: string;
  source?: BleedingSource;
  sexLink?: SexLink;
  firstSex?: boolean;
  painKind?: PainKind;
  painSeverity?: Exclude<Severity, 'none'>;
  painDays?: number;
  symptoms: Symptom[];
  frequency?: Frequency;
  /** Earlier dates when the same thing happened (become episodes of their own). */
  otherDates: IsoDate[];
  note?: string;
}

export interface AboutYou {
  age?: number;
  menopause?: MenopauseState;
  contraception: ContraceptionInterval[];
  pregnancy?: Pregnancy;
  /** "Not sure" to "Are you pregnant?": analyzed as not pregnant, shown as not sure. */
  pregnancyUnsure?: boolean;
  /** HRT, tamoxifen, blood thinners; [] = none of them; unset = not asked or not sure. */
  medicines?: Medicine[];
}

export interface InterviewData {
  about: AboutYou;
  /** Typical period length; undefined when the person did not know (5 is assumed). */
  periodLength?: number;
  /** Most recent first, as asked. */
  periodStarts: IsoDate[];
  /** Whether the periods part was skipped (pregnant, after menopause, or --log). */
  periodsSkipped: boolean;
  episodes: EpisodeAnswers[];
}

export const ASSUMED_PERIOD_LENGTH = 5;

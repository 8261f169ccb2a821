/**
 * The interview's questions as data: wording, choices, parsing and the checks that depend on
 * other answers. The order and the conditions live in flow.ts.
 */
import { parseIsoDate, type IsoDate } from '../core/dates.ts';
import { MAX_AGE, MAX_PREGNANCY_WEEK, MIN_AGE } from '../log/profile.ts';
import { dayDiff } from './date-math.ts';
import type { Medicine, Method } from '../core/log.ts';
import type { EpisodeKind, Frequency, PainKind, SexLink, Symptom } from './interview-data.ts';
import {
  DATE_HINT,
  describeDaysAgo,
  parseDateAnswer,
  parseDateList,
  parseWholeNumber,
  type Parsed,
} from './parse-answer.ts';
import type { Choice } from './prompter.ts';
import type { AnswerValue, CheckboxSpec, ConfirmSpec, SelectSpec, TextSpec } from './session.ts';

const DONT_KNOW = new Set([
  '',
  '-',
  'none',
  'no',
  'unknown',
  'not known',
  'not remembered',
  'none lately',
  'no more',
  'not sure',
  "don't know",
  'dont know',
  '?',
]);

function isBlank(text: string): boolean {
  return DONT_KNOW.has(text.trim().toLowerCase());
}

const isDate = (v: AnswerValue): v is IsoDate =>
  typeof v === 'string' && parseIsoDate(v) !== undefined;
const isDateOrNull = (v: AnswerValue): v is IsoDate | null => v === null || isDate(v);
const isNumber = (v: AnswerValue): v is number => typeof v === 'number' && Number.isInteger(v);
const isNumberOrNull = (v: AnswerValue): v is number | null => v === null || isNumber(v);

interface DateOptions {
  id: string;
  label: string;
  message: string;
  today: IsoDate;
  /** Checks after parsing; return a reason to refuse. */
  check?: (date: IsoDate) => string | undefined;
  /** Dates after today are refused unless this is set (due dates). */
  allowFuture?: boolean;
  /** How an empty answer reads ("not known", "no more"). */
  blank?: string;
}

function echoDate(today: IsoDate) {
  return (text: string): string => {
    const parsed = parseDateAnswer(text, today);
    if (!parsed.ok) return text;
    if (!/^\d{4}-\d{1,2}-\d{1,2}$/.test(text.trim())) return `${parsed.value} (${text.trim()})`;
    const ago = dayDiff(today, parsed.value);
    return ago >= 0 && ago <= 60
      ? `${parsed.value} (${describeDaysAgo(parsed.value, today)})`
      : parsed.value;
  };
}

function checkDate(options: DateOptions, date: IsoDate): string | undefined {
  if (!options.allowFuture && dayDiff(date, options.today) > 0) {
    return `${date} is in the future (today is ${options.today}).`;
  }
  return options.check?.(date);
}

export function requiredDate(options: DateOptions): TextSpec<IsoDate> {
  return {
    kind: 'text',
    id: options.id,
    label: options.label,
    message: options.message,
    parse: (text) => parseDateAnswer(text, options.today),
    format: (v) => v,
    accepts: isDate,
    check: (v) => checkDate(options, v),
    echo: echoDate(options.today),
  };
}

export function optionalDate(options: DateOptions): TextSpec<IsoDate | null> {
  return {
    kind: 'text',
    id: options.id,
    label: options.label,
    message: options.message,
    parse: (text): Parsed<IsoDate | null> =>
      isBlank(text) ? { ok: true, value: null } : parseDateAnswer(text, options.today),
    format: (v) => v ?? options.blank ?? 'not known',
    toText: (v) => v ?? 'none',
    accepts: isDateOrNull,
    check: (v) => (v === null ? undefined : checkDate(options, v)),
    echo: (text) =>
      isBlank(text) ? (options.blank ?? 'not known') : echoDate(options.today)(text),
    optional: true,
  };
}

function wholeNumber(
  options: { id: string; label: string; message: string; min: number; max: number; unit: string },
  check?: (n: number) => string | undefined,
): TextSpec<number> {
  return {
    kind: 'text',
    id: options.id,
    label: options.label,
    message: options.message,
    parse: (text) => parseWholeNumber(text, options.min, options.max, options.unit),
    format: (v) => `${v} ${v === 1 ? options.unit.replace(/s$/, '') : options.unit}`,
    toText: (v) => String(v),
    accepts: isNumber,
    ...(check ? { check } : {}),
  };
}

// ── About you ────────────────────────────────────────────────────────────────────────────────

export function ageQuestion(): TextSpec<number> {
  return wholeNumber({
    id: 'age',
    label: 'Age',
    message: 'How old are you?',
    min: MIN_AGE,
    max: MAX_AGE,
    unit: 'years',
  });
}

/** Asked from this age on; younger people are not asked about menopause. */
export const MENOPAUSE_QUESTION_AGE = 40;

export type MenopauseAnswer = 'pre' | 'peri' | 'post' | 'unsure';

export function menopauseQuestion(): SelectSpec<MenopauseAnswer> {
  return {
    kind: 'select',
    id: 'menopause',
    label: 'Menopause',
    message: 'Which describes your periods best?',
    choices: [
      { value: 'pre', name: 'Still having periods: about as usual for me' },
      {
        value: 'peri',
        name: 'Perimenopause: periods changing or irregular, or menopause symptoms',
      },
      {
        value: 'post',
        name: 'After menopause: no natural period for 12 months or more',
      },
      { value: 'unsure', name: 'Not sure' },
    ],
  };
}

export type MedicineAnswer = Medicine | 'unsure';

/** Asked after peri- or post-menopause: each of these changes what bleeding means. */
export function medicinesQuestion(): CheckboxSpec<MedicineAnswer> {
  return {
    kind: 'checkbox',
    id: 'medicines',
    label: 'Medicines',
    message: 'Do you take any of these? (tick all that apply; none ticked means none)',
    choices: [
      {
        value: 'hrt',
        name: 'HRT: hormone replacement therapy (tablets, patches, gel, spray or an implant)',
        short: 'HRT',
      },
      { value: 'tamoxifen', name: 'Tamoxifen (used after breast cancer)', short: 'tamoxifen' },
      {
        value: 'blood-thinner',
        name: 'A blood thinner, e.g. warfarin, apixaban, rivaroxaban',
        short: 'blood thinner',
      },
      { value: 'unsure', name: 'Not sure', short: 'not sure' },
    ],
  };
}

export type MethodAnswer = Exclude<Method, 'copper-iud' | 'hormonal-iud'>;

const METHOD_CHOICES: readonly Choice<MethodAnswer>[] = [
  { value: 'none', name: 'None' },
  { value: 'iud', name: 'IUD (coil): copper or hormonal', short: 'IUD' },
  { value: 'implant', name: 'Implant (in the arm)', short: 'Implant' },
  { value: 'injection', name: 'Injection (e.g. Depo-Provera)', short: 'Injection' },
  {
    value: 'combined-pill',
    name: 'Combined pill (estrogen and progestogen)',
    short: 'Combined pill',
  },
  { value: 'progestogen-pill', name: 'Progestogen-only pill (mini-pill)', short: 'Mini-pill' },
  { value: 'ring', name: 'Vaginal ring' },
  { value: 'patch', name: 'Patch' },
  { value: 'condom', name: 'Condoms' },
  { value: 'diaphragm', name: 'Diaphragm or cap' },
  {
    value: 'fertility-awareness',
    name: 'Fertility awareness (tracking fertile days)',
    short: 'Fertility awareness',
  },
  { value: 'other', name: 'Something else' },
];

export function methodQuestion(index: number): SelectSpec<MethodAnswer> {
  return {
    kind: 'select',
    id: `contraception.${index}.method`,
    label: index === 0 ? 'Contraception' : `Contraception ${index + 1}`,
    message:
      index === 0 ? 'Which contraception do you use now? (the main one)' : 'Which other method?',
    choices: index === 0 ? METHOD_CHOICES : METHOD_CHOICES.filter((c) => c.value !== 'none'),
    resets: [`contraception.${index}.iud_type`, `contraception.${index}.start`],
  };
}

export type IudTypeAnswer = 'copper-iud' | 'hormonal-iud' | 'iud';

export function iudTypeQuestion(
  id: string,
  label: string,
  message: string,
): SelectSpec<IudTypeAnswer> {
  return {
    kind: 'select',
    id,
    label,
    message,
    choices: [
      {
        value: 'copper-iud',
        name: 'Copper IUD: no hormones (e.g. Paragard, T-Safe, Mona Lisa)',
      },
      {
        value: 'hormonal-iud',
        name: 'Hormonal IUD: releases levonorgestrel (e.g. Mirena, Kyleena, Jaydess, Liletta)',
      },
      {
        value: 'iud',
        name: "I don't know",
        description: 'cyclecheck will then treat it cautiously, as if it could be either.',
      },
    ],
  };
}

const START_WORDING: Partial<Record<Method, string>> = {
  'copper-iud': 'When was your IUD put in?',
  'hormonal-iud': 'When was your IUD put in?',
  iud: 'When was your IUD put in?',
  implant: 'When was your implant put in?',
  injection: 'When did you have your first injection (of this run of injections)?',
};

export function methodStartQuestion(
  index: number,
  method: Method,
  today: IsoDate,
  age: number | undefined,
): TextSpec<IsoDate | null> {
  const question = START_WORDING[method] ?? 'When did you start using it?';
  return optionalDate({
    id: `contraception.${index}.start`,
    label: index === 0 ? 'Contraception start' : `Contraception ${index + 1} start`,
    message: `${question} (empty if you don't know)`,
    today,
    check: (date) =>
      age !== undefined && dayDiff(today, date) > age * 366
        ? `${date} is before you were born (you are ${age}).`
        : undefined,
  });
}

export const MAX_METHODS = 3;

export function anotherMethodQuestion(index: number): ConfirmSpec {
  return {
    kind: 'confirm',
    id: `contraception.${index}.more`,
    label: 'Another method',
    reviewable: false,
    message:
      index === 0
        ? 'Another method as well (for example condoms with the pill)?'
        : 'Another method as well?',
    default: false,
  };
}

export type PregnantAnswer = 'yes' | 'no' | 'unsure';

export function pregnantQuestion(): SelectSpec<PregnantAnswer> {
  return {
    kind: 'select',
    id: 'pregnancy',
    label: 'Pregnant',
    message: 'Are you pregnant?',
    choices: [
      { value: 'no', name: 'No' },
      { value: 'yes', name: 'Yes' },
      {
        value: 'unsure',
        name: 'Not sure',
        description: 'If a test turns out positive, run the interview again and answer yes.',
      },
    ],
  };
}

export type DatingAnswer = 'week' | 'due' | 'lmp' | 'unknown';

export function pregnancyDatingQuestion(): SelectSpec<DatingAnswer> {
  return {
    kind: 'select',
    id: 'pregnancy.dating',
    label: 'Pregnancy dating',
    message: 'How far along are you? What do you know?',
    choices: [
      { value: 'week', name: 'How many weeks pregnant I am' },
      { value: 'due', name: 'My due date' },
      { value: 'lmp', name: 'The first day of my last period' },
      {
        value: 'unknown',
        name: 'None of these',
        description:
          'cyclecheck will then treat any bleeding as if you could be 20 weeks or more (the cautious choice).',
      },
    ],
  };
}

export interface WeekOn {
  [key: string]: string | number;
  week: number;
  on: IsoDate;
}

export function pregnancyWeekQuestion(today: IsoDate): TextSpec<WeekOn> {
  return {
    kind: 'text',
    id: 'pregnancy.week',
    label: 'Weeks pregnant',
    message: `How many full weeks pregnant are you today? (0–${MAX_PREGNANCY_WEEK})`,
    optional: false,
    parse: (text) => {
      const n = parseWholeNumber(text, 0, MAX_PREGNANCY_WEEK, 'weeks');
      return n.ok ? { ok: true, value: { week: n.value, on: today } } : n;
    },
    format: (v) => `${v.week} (on ${v.on})`,
    toText: (v) => String(v.week),
    accepts: (v): v is WeekOn =>
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      isNumber(v.week ?? null) &&
      (v.week as number) >= 0 &&
      (v.week as number) <= MAX_PREGNANCY_WEEK &&
      isDate(v.on ?? null),
  };
}

export function dueDateQuestion(today: IsoDate): TextSpec<IsoDate> {
  return requiredDate({
    id: 'pregnancy.due',
    label: 'Due date',
    message: 'What is your due date? (YYYY-MM-DD)',
    today,
    allowFuture: true,
    check: (date) => {
      const ahead = dayDiff(date, today);
      if (ahead > 280) return `${date} is more than 40 weeks away; check the year.`;
      if (ahead < -14)
        return `${date} is more than 2 weeks ago; a pregnancy lasts at most 42 weeks.`;
      return undefined;
    },
  });
}

export function lastPeriodQuestion(today: IsoDate): TextSpec<IsoDate> {
  return requiredDate({
    id: 'pregnancy.lmp',
    label: 'Last period before pregnancy',
    message: `When did your last period start? (${DATE_HINT})`,
    today,
    check: (date) =>
      dayDiff(today, date) > MAX_PREGNANCY_WEEK * 7
        ? `${date} is more than ${MAX_PREGNANCY_WEEK} weeks ago; check the year.`
        : undefined,
  });
}

// ── Periods ──────────────────────────────────────────────────────────────────────────────────

export function periodLengthQuestion(): TextSpec<number | null> {
  return {
    kind: 'text',
    id: 'periods.length',
    label: 'Usual period length',
    message: "How many days does your period usually last? (empty if you don't know)",
    parse: (text): Parsed<number | null> =>
      isBlank(text) ? { ok: true, value: null } : parseWholeNumber(text, 1, 14, 'days'),
    format: (v) => (v === null ? 'not known' : `${v} days`),
    toText: (v) => (v === null ? 'none' : `${v}`),
    echo: (text) => (isBlank(text) ? 'not known' : text.trim()),
    accepts: isNumberOrNull,
    optional: true,
  };
}

export const MAX_PERIOD_STARTS = 6;

/**
 * Start dates are asked most recent first. Each must lie far enough before the later one that
 * the two periods stay separate (the analyzer joins bleeding days less than 2 days apart).
 */
export function periodStartQuestion(
  index: number,
  today: IsoDate,
  later: IsoDate | undefined,
  periodLength: number,
): TextSpec<IsoDate | null> {
  const minGap = Math.max(10, periodLength + 2);
  return optionalDate({
    id: `periods.start.${index}`,
    label: index === 0 ? 'Most recent period start' : `Period start ${index + 1}`,
    message:
      index === 0
        ? 'When did your last period start? (empty: none lately)'
        : 'And the one before that? (empty if no more)',
    today,
    blank: index === 0 ? 'none lately' : 'no more',
    check: (date) => {
      if (later === undefined) return undefined;
      const gap = dayDiff(later, date);
      if (gap <= 0)
        return `That is not before the period that started on ${later}; give the earlier one.`;
      if (gap < minGap) {
        return `That is only ${gap} days before the period that started on ${later}; starts need to be at least ${minGap} days apart. Bleeding in between can be added as an episode later.`;
      }
      return undefined;
    },
  });
}

// ── Episodes ─────────────────────────────────────────────────────────────────────────────────

export const MAX_EPISODES = 20;

export function moreEpisodesQuestion(index: number): ConfirmSpec {
  return {
    kind: 'confirm',
    id: `episodes.more.${index}`,
    label: 'Another episode',
    reviewable: false,
    message:
      index === 0 ? 'Is there an episode you want to go through?' : 'Another episode to add?',
    default: index === 0,
  };
}

const ep = (i: number, key: string): string => `episode.${i}.${key}`;
const epLabel = (i: number, what: string): string => `Episode ${i + 1}: ${what}`;

export function episodeStartQuestion(i: number, today: IsoDate): TextSpec<IsoDate> {
  return requiredDate({
    id: ep(i, 'start'),
    label: epLabel(i, 'date'),
    message: `When did it start? (${DATE_HINT})`,
    today,
  });
}

export function episodeKindsQuestion(i: number): CheckboxSpec<EpisodeKind> {
  return {
    kind: 'checkbox',
    id: ep(i, 'what'),
    label: epLabel(i, 'what happened'),
    message: 'What happened? (tick all that apply)',
    required: 'Tick at least one.',
    choices: [
      { value: 'bleeding', name: 'Bleeding or spotting' },
      { value: 'pain', name: 'Cramps or pain in the lower belly or pelvis' },
      { value: 'sex-pain', name: 'Pain during sex' },
      {
        value: 'other',
        name: 'Other symptoms: unusual discharge, smell, burning when peeing, fever',
      },
    ],
  };
}

export type AmountAnswer = 'spotting' | 'light' | 'medium' | 'heavy';

export function amountQuestion(i: number): SelectSpec<AmountAnswer> {
  return {
    kind: 'select',
    id: ep(i, 'amount'),
    label: epLabel(i, 'amount'),
    message: 'How much blood was there (on the heaviest day)?',
    choices: [
      { value: 'spotting', name: 'Spotting: a few drops or marks, a liner is enough' },
      { value: 'light', name: 'Light: needs a pad or tampon, changed only a few times' },
      { value: 'medium', name: 'Medium: like a normal period day' },
      { value: 'heavy', name: 'Heavy: soaking pads or tampons quickly, or clots' },
    ],
  };
}

export function daysQuestion(
  i: number,
  what: 'bleeding' | 'pain',
  start: IsoDate,
  today: IsoDate,
): TextSpec<number> {
  const sinceStart = dayDiff(today, start) + 1;
  return wholeNumber(
    {
      id: ep(i, what === 'bleeding' ? 'days' : 'pain_days'),
      label: epLabel(i, what === 'bleeding' ? 'days of bleeding' : 'days of pain'),
      message:
        what === 'bleeding'
          ? 'For how many days did it bleed? (so far, if it still does)'
          : 'For how many days did it hurt? (so far, if it still does)',
      min: 1,
      max: 60,
      unit: 'days',
    },
    (n) =>
      n > sinceStart
        ? `It started on ${start}, so it can have lasted at most ${sinceStart} day${sinceStart === 1 ? '' : 's'} up to today.`
        : undefined,
  );
}

export type ColorAnswer = 'pink' | 'bright red' | 'dark red' | 'brown' | 'unsure';

export function colorQuestion(i: number): SelectSpec<ColorAnswer> {
  return {
    kind: 'select',
    id: ep(i, 'color'),
    label: epLabel(i, 'colour'),
    message: 'What colour was it?',
    default: 'unsure',
    choices: [
      { value: 'pink', name: 'Pink' },
      { value: 'bright red', name: 'Bright red' },
      { value: 'dark red', name: 'Dark red' },
      { value: 'brown', name: 'Brown' },
      { value: 'unsure', name: 'Not sure' },
    ],
  };
}

export type SourceAnswer = 'vaginal' | 'urinary' | 'rectal' | 'unsure';

export function sourceQuestion(i: number): SelectSpec<SourceAnswer> {
  return {
    kind: 'select',
    id: ep(i, 'source'),
    label: epLabel(i, 'where from'),
    message: 'Where did the blood seem to come from?',
    choices: [
      { value: 'vaginal', name: 'From the vagina' },
      { value: 'urinary', name: 'In my urine (when peeing)' },
      { value: 'rectal', name: 'From the back passage (bottom)' },
      {
        value: 'unsure',
        name: 'Not sure',
        description: 'Next time, a clean tissue or a hand mirror can help tell.',
      },
    ],
  };
}

export function sexLinkQuestion(i: number): SelectSpec<SexLink> {
  return {
    kind: 'select',
    id: ep(i, 'sex'),
    label: epLabel(i, 'link to sex'),
    message: 'Was it linked to sex? (penetrative vaginal sex, toys too)',
    // The neutral answer comes first and is the default: Enter never records sex.
    default: 'none',
    choices: [
      { value: 'none', name: 'No: no sex that day or the day before', short: 'Not linked' },
      { value: 'during', name: 'It started during sex', short: 'During sex' },
      {
        value: 'same-day',
        name: 'It started later the same day, after sex',
        short: 'Later that day',
      },
      { value: 'next-day', name: 'It started the day after sex', short: 'The day after' },
      { value: 'unsure', name: 'Not sure', short: 'Not sure' },
    ],
  };
}

export function firstSexQuestion(i: number): ConfirmSpec {
  return {
    kind: 'confirm',
    id: ep(i, 'first_sex'),
    label: epLabel(i, 'first-ever sex'),
    message: 'Was that the first time you ever had penetrative sex?',
    default: false,
  };
}

export function painKindQuestion(i: number): SelectSpec<PainKind> {
  return {
    kind: 'select',
    id: ep(i, 'pain_kind'),
    label: epLabel(i, 'kind of pain'),
    message: 'What was the pain like?',
    choices: [
      { value: 'cramps', name: 'Cramping low in the belly, like period pain' },
      { value: 'pelvic', name: 'Other pelvic pain: one-sided, deep, sharp or constant' },
      { value: 'both', name: 'Both' },
    ],
  };
}

export type SeverityAnswer = 'mild' | 'moderate' | 'severe';

export function painSeverityQuestion(i: number): SelectSpec<SeverityAnswer> {
  return {
    kind: 'select',
    id: ep(i, 'pain_severity'),
    label: epLabel(i, 'pain severity'),
    message: 'How bad was the pain at its worst?',
    choices: [
      { value: 'mild', name: 'Mild: noticeable, but I could carry on as usual' },
      { value: 'moderate', name: 'Moderate: I needed painkillers or had to slow down' },
      { value: 'severe', name: "Severe: I couldn't do normal things, or it doubled me over" },
    ],
  };
}

export function symptomsQuestion(i: number, bleeding: boolean): CheckboxSpec<Symptom> {
  const choices: Choice<Symptom>[] = [
    {
      value: 'discharge',
      name: 'Unusual discharge (colour, amount or texture not usual for you)',
      short: 'unusual discharge',
    },
    { value: 'odor', name: 'An unusual smell', short: 'unusual smell' },
    { value: 'painful_urination', name: 'Pain or burning when peeing', short: 'pain when peeing' },
    { value: 'fever', name: 'Fever (38 °C / 100.4 °F or more) or chills', short: 'fever' },
  ];
  if (bleeding) {
    choices.push({
      value: 'soaking',
      name: 'Soaking a pad or tampon every hour for 2 hours or more',
      short: 'soaking a pad an hour',
    });
  }
  choices.push({ value: 'dizzy', name: 'Feeling dizzy or faint', short: 'dizzy or faint' });
  return {
    kind: 'checkbox',
    id: ep(i, 'symptoms'),
    label: epLabel(i, 'other symptoms'),
    message: 'Any of these around that time? (tick all that apply, or none)',
    choices,
  };
}

export function frequencyQuestion(i: number): SelectSpec<Frequency> {
  return {
    kind: 'select',
    id: ep(i, 'frequency'),
    label: epLabel(i, 'how often'),
    message: 'How often has this happened in the last 3 months?',
    choices: [
      { value: 'once', name: 'Only this time' },
      { value: 'few', name: '2 or 3 times' },
      { value: 'often', name: 'More than 3 times' },
    ],
  };
}

export function otherDatesQuestion(i: number, start: IsoDate, today: IsoDate): TextSpec<string[]> {
  return {
    kind: 'text',
    id: ep(i, 'other_dates'),
    label: epLabel(i, 'other times'),
    message:
      "When did the other times start? (dates, separated by commas; empty if you don't know)",
    echo: (text) => (isBlank(text) ? 'not remembered' : text.trim()),
    parse: (text) => (isBlank(text) ? { ok: true, value: [] } : parseDateList(text, today)),
    format: (v) => (v.length === 0 ? 'not remembered' : v.join(', ')),
    toText: (v) => (v.length === 0 ? 'none' : v.join(', ')),
    accepts: (v): v is string[] => Array.isArray(v) && v.every((d) => isDate(d)),
    optional: true,
    check: (dates) => {
      for (const date of dates) {
        if (dayDiff(date, today) > 0) return `${date} is in the future (today is ${today}).`;
        if (date === start) return `${date} is the date of this episode; give the other times.`;
      }
      if (new Set(dates).size !== dates.length) return 'A date is given twice.';
      return undefined;
    },
  };
}

export function noteQuestion(i: number): TextSpec<string> {
  return {
    kind: 'text',
    id: ep(i, 'note'),
    label: epLabel(i, 'your note'),
    message: 'Anything else about it, in your own words? (optional)',
    echo: (text) => (text.trim() === '' ? '(skipped)' : text.trim()),
    parse: (text) => {
      const t = text.trim().replace(/\s+/g, ' ');
      return t.length > 500
        ? { ok: false, reason: 'Please keep it under 500 characters.' }
        : { ok: true, value: t };
    },
    format: (v) => v || '(none)',
    toText: (v) => v,
    accepts: (v): v is string => typeof v === 'string',
    optional: true,
  };
}

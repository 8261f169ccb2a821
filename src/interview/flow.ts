/**
 * The order of the interview and which questions matter given earlier answers (README, "The interview"):
 * about you → your periods → each episode. With `--log`, only what the log lacks.
 */
import type { IsoDate } from '../core/dates.ts';
import {
  HORMONAL_METHODS,
  type ContraceptionInterval,
  type Medicine,
  type Method,
  type Pregnancy,
  type Profile,
} from '../core/log.ts';
import type { ProfileGap } from '../log/import-contract.ts';
import { addDays } from './date-math.ts';
import {
  ASSUMED_PERIOD_LENGTH,
  type AboutYou,
  type EpisodeAnswers,
  type InterviewData,
} from './interview-data.ts';
import {
  MAX_EPISODES,
  MAX_METHODS,
  MAX_PERIOD_STARTS,
  MENOPAUSE_QUESTION_AGE,
  ageQuestion,
  amountQuestion,
  anotherMethodQuestion,
  colorQuestion,
  daysQuestion,
  dueDateQuestion,
  episodeKindsQuestion,
  episodeStartQuestion,
  firstSexQuestion,
  frequencyQuestion,
  iudTypeQuestion,
  lastPeriodQuestion,
  medicinesQuestion,
  menopauseQuestion,
  methodQuestion,
  methodStartQuestion,
  moreEpisodesQuestion,
  noteQuestion,
  otherDatesQuestion,
  painKindQuestion,
  painSeverityQuestion,
  periodLengthQuestion,
  periodStartQuestion,
  pregnancyDatingQuestion,
  pregnancyWeekQuestion,
  pregnantQuestion,
  sexLinkQuestion,
  sourceQuestion,
  symptomsQuestion,
} from './questions.ts';
import type { InterviewSession } from './session.ts';

/** Methods whose start date changes what the analyzer does (settling windows). */
const START_MATTERS: readonly Method[] = [...HORMONAL_METHODS, 'copper-iud', 'iud'];

export interface BaseLog {
  /** What the person passed to --log, for the summary. */
  name: string;
  /** "log" for the canonical formats, "export" for an app's file. */
  kind: 'log' | 'export';
  profile: Profile;
  gaps: ProfileGap[];
}

export interface WalkContext {
  today: IsoDate;
  /** Set with --log: ask only what this log lacks. */
  base?: BaseLog;
}

export async function walkInterview(s: InterviewSession, ctx: WalkContext): Promise<InterviewData> {
  s.beginWalk();
  if (ctx.base) {
    const about = await askWhatTheLogLacks(s, ctx.today, ctx.base);
    // A source without pain records (Health Connect) asks for episodes straight away.
    const askFirst = ctx.base.gaps.some((gap) => gap.fact === 'pain');
    const episodes = await askEpisodes(s, ctx.today, true, askFirst);
    return { about, periodStarts: [], periodsSkipped: true, episodes };
  }
  const about = await askAboutYou(s, ctx.today);
  const periods = await askPeriods(s, ctx.today, about);
  const episodes = await askEpisodes(s, ctx.today, false);
  return { about, ...periods, episodes };
}

async function askAboutYou(s: InterviewSession, today: IsoDate): Promise<AboutYou> {
  s.section(
    "\nAbout you\nA few facts that change what bleeding and pain mean. Dates can be typed as 2025-03-12, or as 'today', 'yesterday', '3 days ago', '2 weeks ago'. Ctrl-C stops at any time; your answers are kept.",
  );
  const age = await s.ask(ageQuestion());
  let menopause: AboutYou['menopause'];
  if (age >= MENOPAUSE_QUESTION_AGE) {
    const answer = await s.ask(menopauseQuestion());
    if (answer !== 'unsure') menopause = answer;
  }
  const medicines = await askMedicines(s, menopause);
  const contraception = await askContraception(s, today, age);
  let pregnancy: Pregnancy | undefined;
  let pregnancyUnsure = false;
  if (menopause !== 'post') {
    const pregnant = await s.ask(pregnantQuestion());
    if (pregnant === 'yes') pregnancy = await askPregnancyDating(s, today, undefined);
    pregnancyUnsure = pregnant === 'unsure';
  }
  return {
    age,
    ...(menopause ? { menopause } : {}),
    contraception,
    ...(pregnancy ? { pregnancy } : {}),
    ...(pregnancyUnsure ? { pregnancyUnsure } : {}),
    ...(medicines ? { medicines } : {}),
  };
}

/** After peri- or post-menopause: HRT, tamoxifen, blood thinners. "Not sure" records nothing. */
async function askMedicines(
  s: InterviewSession,
  menopause: AboutYou['menopause'],
): Promise<Medicine[] | undefined> {
  if (menopause !== 'peri' && menopause !== 'post') return undefined;
  const answer = await s.ask(medicinesQuestion());
  if (answer.includes('unsure')) return undefined;
  return answer.filter((m): m is Medicine => m !== 'unsure');
}

async function askContraception(
  s: InterviewSession,
  today: IsoDate,
  age: number | undefined,
): Promise<ContraceptionInterval[]> {
  const methods: ContraceptionInterval[] = [];
  for (let i = 0; i < MAX_METHODS; i++) {
    const given = (m: string): boolean =>
      methods.some((c) => c.method === m || (m === 'iud' && c.method.endsWith('iud')));
    const question = methodQuestion(i);
    const answer = await s.ask({
      ...question,
      choices: question.choices.filter((c) => !given(c.value)),
      check: (m) => (given(m) ? 'You already gave that one.' : undefined),
    });
    if (answer === 'none') break;
    const method: Method =
      answer === 'iud'
        ? await s.ask(
            iudTypeQuestion(
              `contraception.${i}.iud_type`,
              i === 0 ? 'IUD type' : `IUD type (method ${i + 1})`,
              'Which kind of IUD? (it changes what bleeding after sex means)',
            ),
          )
        : answer;
    const interval: ContraceptionInterval = { method };
    if (START_MATTERS.includes(method)) {
      const start = await s.ask(methodStartQuestion(i, method, today, age));
      if (start !== null) interval.start = start;
    }
    methods.push(interval);
    if (i === MAX_METHODS - 1 || !(await s.ask(anotherMethodQuestion(i)))) break;
  }
  return methods;
}

/** `{}` means pregnant with no known dates; build-log.ts decides where the interval starts. */
async function askPregnancyDating(
  s: InterviewSession,
  today: IsoDate,
  known: Pregnancy | undefined,
): Promise<Pregnancy> {
  const dating = await s.ask(pregnancyDatingQuestion());
  const end = known?.end !== undefined ? { end: known.end } : {};
  switch (dating) {
    case 'week': {
      const { week, on } = await s.ask(pregnancyWeekQuestion(today));
      return { start: addDays(on, -7 * week), week, week_on: on, ...end };
    }
    case 'due':
      return {
        ...(known?.start ? { start: known.start } : {}),
        due: await s.ask(dueDateQuestion(today)),
        ...end,
      };
    case 'lmp': {
      const lmp = await s.ask(lastPeriodQuestion(today));
      return { start: lmp, week: 0, week_on: lmp, ...end };
    }
    case 'unknown':
      return { ...(known ?? {}) };
  }
}

async function askPeriods(
  s: InterviewSession,
  today: IsoDate,
  about: AboutYou,
): Promise<Pick<InterviewData, 'periodLength' | 'periodStarts' | 'periodsSkipped'>> {
  if (about.pregnancy || about.menopause === 'post') {
    return { periodStarts: [], periodsSkipped: true };
  }
  s.section(
    '\nYour periods\nThe start dates of your last few periods let cyclecheck predict the next one, and so tell a period that came early from other bleeding. Three or more dates are best (up to 6).',
  );
  const length = await s.ask(periodLengthQuestion());
  const starts: IsoDate[] = [];
  for (let k = 0; k < MAX_PERIOD_STARTS; k++) {
    const start = await s.ask(
      periodStartQuestion(k, today, starts[k - 1], length ?? ASSUMED_PERIOD_LENGTH),
    );
    if (start === null) break;
    starts.push(start);
  }
  return {
    ...(length !== null ? { periodLength: length } : {}),
    periodStarts: starts,
    periodsSkipped: false,
  };
}

async function askEpisodes(
  s: InterviewSession,
  today: IsoDate,
  fromLog: boolean,
  askFirst = false,
): Promise<EpisodeAnswers[]> {
  s.section(
    fromLog
      ? '\nAnother episode'
      : '\nWhat worries you\nNow each episode you want to look at: bleeding or spotting outside your period, pain, or anything after sex. One at a time.',
  );
  const episodes: EpisodeAnswers[] = [];
  for (let i = 0; i < MAX_EPISODES; i++) {
    // With --log, episodes are added only from the review ("Add an episode").
    if (fromLog && !askFirst && i === 0 && !Object.hasOwn(s.answers, moreEpisodesQuestion(0).id)) {
      break;
    }
    if (!(await s.ask(moreEpisodesQuestion(i)))) break;
    if (i > 0) s.section(`\nEpisode ${i + 1}`);
    episodes.push(await askEpisode(s, i, today, episodes));
  }
  return episodes;
}

async function askEpisode(
  s: InterviewSession,
  i: number,
  today: IsoDate,
  earlier: readonly EpisodeAnswers[],
): Promise<EpisodeAnswers> {
  const start = await s.ask(episodeStartQuestion(i, today));
  const kinds = await s.ask(episodeKindsQuestion(i));
  const episode: EpisodeAnswers = { start, kinds, symptoms: [], otherDates: [] };
  const bleeding = kinds.includes('bleeding');
  const pain = kinds.includes('pain');
  const sexPain = kinds.includes('sex-pain');
  if (bleeding) {
    episode.amount = await s.ask(amountQuestion(i));
    episode.bleedingDays = await s.ask(daysQuestion(i, 'bleeding', start, today));
    const color = await s.ask(colorQuestion(i));
    if (color !== 'unsure') episode.color = color;
    episode.source = await s.ask(sourceQuestion(i));
  }
  if (bleeding || pain) {
    const question = sexLinkQuestion(i);
    // Pain during sex means there was sex that day, so "not linked" is not a possible answer.
    episode.sexLink = await s.ask(
      sexPain
        ? {
            ...question,
            choices: question.choices.filter((c) => c.value !== 'none' && c.value !== 'unsure'),
            default: 'during' as const,
          }
        : question,
    );
  }
  const linked =
    sexPain ||
    (episode.sexLink !== undefined && episode.sexLink !== 'none' && episode.sexLink !== 'unsure');
  if (linked && !earlier.some((e) => e.firstSex === true)) {
    episode.firstSex = await s.ask(firstSexQuestion(i));
  }
  if (pain) {
    episode.painKind = await s.ask(painKindQuestion(i));
    episode.painSeverity = await s.ask(painSeverityQuestion(i));
    episode.painDays = await s.ask(daysQuestion(i, 'pain', start, today));
  }
  episode.symptoms = await s.ask(symptomsQuestion(i, bleeding));
  episode.frequency = await s.ask(frequencyQuestion(i));
  if (episode.frequency !== 'once') {
    episode.otherDates = await s.ask(otherDatesQuestion(i, start, today));
  }
  const note = await s.ask(noteQuestion(i));
  if (note !== '') episode.note = note;
  return episode;
}

function approximateAge(profile: Profile, today: IsoDate): number | undefined {
  if (profile.age !== undefined) return profile.age;
  const year = /^(\d{4})/.exec(profile.birth_date ?? '')?.[1];
  return year === undefined ? undefined : Number(today.slice(0, 4)) - Number(year);
}

async function askWhatTheLogLacks(
  s: InterviewSession,
  today: IsoDate,
  base: BaseLog,
): Promise<AboutYou> {
  const profile = base.profile;
  s.section(`\nA few things ${base.name} does not say`);
  const hasGap = (pattern: RegExp): boolean => base.gaps.some((g) => pattern.test(g.fact));
  let age = approximateAge(profile, today);
  const askedAge = age === undefined ? await s.ask(ageQuestion()) : undefined;
  age ??= askedAge;
  let menopause = profile.menopause;
  if (menopause === undefined && age !== undefined && age >= MENOPAUSE_QUESTION_AGE) {
    const answer = await s.ask(menopauseQuestion());
    if (answer !== 'unsure') menopause = answer;
  }
  const medicines = profile.medicines === undefined ? await askMedicines(s, menopause) : undefined;
  const contraception: ContraceptionInterval[] = [];
  for (const [j, interval] of (profile.contraception ?? []).entries()) {
    if (interval.method !== 'iud') {
      contraception.push(interval);
      continue;
    }
    const since = interval.start ? ` (since ${interval.start})` : '';
    const method = await s.ask(
      iudTypeQuestion(
        `log.contraception.${j}.iud_type`,
        'IUD type',
        `Your ${base.kind} says IUD${since}: copper or hormonal?`,
      ),
    );
    const resolved: ContraceptionInterval = { ...interval, method };
    if (interval.start === undefined) {
      // The settling windows after insertion depend on this date.
      const start = await s.ask({
        ...methodStartQuestion(j, method, today, age),
        id: `log.contraception.${j}.start`,
        label: 'IUD put in',
      });
      if (start !== null) resolved.start = start;
    }
    contraception.push(resolved);
  }
  if (hasGap(/^iud-type$/) && !(profile.contraception ?? []).some((c) => c.method === 'iud')) {
    const method = await s.ask(
      iudTypeQuestion(
        'log.iud_type',
        'IUD type',
        `Your ${base.kind} mentions an IUD: copper or hormonal?`,
      ),
    );
    const start = await s.ask(methodStartQuestion(contraception.length, method, today, age));
    contraception.push({ method, ...(start !== null ? { start } : {}) });
  }
  // A source with no contraception or pregnancy records at all (Health Connect) says so in its
  // questions: ask them as the interview without --log would.
  if (hasGap(/^contraception$/) && contraception.length === 0) {
    contraception.push(...(await askContraception(s, today, age)));
  }
  let pregnancy = profile.pregnancy;
  let pregnancyUnsure = false;
  if (hasGap(/^pregnancy$/) && pregnancy === undefined && menopause !== 'post') {
    const pregnant = await s.ask(pregnantQuestion());
    if (pregnant === 'yes') pregnancy = await askPregnancyDating(s, today, undefined);
    pregnancyUnsure = pregnant === 'unsure';
  } else if (pregnancy && pregnancy.week === undefined && pregnancy.due === undefined) {
    s.section(
      `\n${base.name} records a pregnancy${pregnancy.start ? ` from ${pregnancy.start}` : ''} but not how far along it is.`,
    );
    pregnancy = await askPregnancyDating(s, today, pregnancy);
  }
  return {
    ...(age !== undefined && profile.age === undefined && profile.birth_date === undefined
      ? { age }
      : {}),
    ...(menopause ? { menopause } : {}),
    contraception,
    ...(pregnancy ? { pregnancy } : {}),
    ...(pregnancyUnsure ? { pregnancyUnsure } : {}),
    ...(medicines ? { medicines } : {}),
  };
}

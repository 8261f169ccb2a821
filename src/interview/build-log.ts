/**
 * Interview answers → the canonical log (docs/log-format.md), the same thing an importer produces, so
 * that the one analyzer sees no difference between answers and a file.
 *
 * Periods: each start date becomes the usual number of days (5 when unknown), the first two
 * `medium` and the rest `light`, labelled `period` on the first day, never past today.
 * Episodes: the bleeding days with their amount, colour and source; an explicit `bleeding: none`
 * on the day after the bleeding ended, when that day is already past (the person said how long it
 * lasted, so it stopped); pain on its days; sex on the start date (during, or later that day) or on
 * the day before (the day after sex); the other symptoms on the start date; a note with how it
 * started relative to sex, how often it happened, and the person's own words. Earlier dates given
 * for "how often" become episodes of the same kind.
 */
import type { IsoDate } from '../core/dates.ts';
import type { CycleLog, Day, Profile } from '../core/log.ts';
import { mergeDays } from '../log/merge-days.ts';
import { mergeProfiles, orderProfile } from '../log/profile.ts';
import { addDays, dayDiff } from './date-math.ts';
import {
  ASSUMED_PERIOD_LENGTH,
  type EpisodeAnswers,
  type InterviewData,
  type SexLink,
} from './interview-data.ts';

const MAX_PREGNANCY_DAYS = 42 * 7;

export interface BuildOptions {
  today: IsoDate;
  /** The log given with --log: its days stay, its profile is completed by the answers. */
  base?: CycleLog;
}

function periodDays(start: IsoDate, length: number, today: IsoDate): Day[] {
  const days: Day[] = [];
  for (let k = 0; k < length; k++) {
    const date = addDays(start, k);
    if (dayDiff(date, today) > 0) break;
    days.push({ date, bleeding: k < 2 ? 'medium' : 'light', ...(k === 0 ? { period: true } : {}) });
  }
  return days;
}

const LINK_NOTES: Record<Exclude<SexLink, 'none'>, string> = {
  unsure: 'not sure whether it was linked to sex',
  during: 'started during sex',
  'same-day': 'started later the same day, after sex',
  'next-day': 'started the day after sex',
};

const FREQUENCY_NOTES = {
  few: 'happened 2 or 3 times in the last 3 months',
  often: 'happened more than 3 times in the last 3 months',
} as const;

function sexDateOf(e: EpisodeAnswers, date: IsoDate): IsoDate | undefined {
  if (e.sexLink === 'next-day') return addDays(date, -1);
  if (e.sexLink === 'during' || e.sexLink === 'same-day' || e.kinds.includes('sex-pain'))
    return date;
  return undefined;
}

function episodeNotes(e: EpisodeAnswers, repeatOf: IsoDate | undefined): string | undefined {
  const parts: string[] = [];
  if (repeatOf !== undefined) parts.push(`the same happened on ${repeatOf} (from the interview)`);
  if (e.sexLink !== undefined && e.sexLink !== 'none') parts.push(LINK_NOTES[e.sexLink]);
  if (repeatOf === undefined) {
    if (e.frequency === 'few' || e.frequency === 'often') parts.push(FREQUENCY_NOTES[e.frequency]);
    if (e.note !== undefined) parts.push(e.note);
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function episodeDays(
  e: EpisodeAnswers,
  date: IsoDate,
  today: IsoDate,
  repeatOf: IsoDate | undefined,
): Day[] {
  const days: Day[] = [];
  const onDay = (d: IsoDate, fields: Omit<Day, 'date'>): void => {
    if (dayDiff(d, today) <= 0) days.push({ date: d, ...fields });
  };
  if (e.amount !== undefined) {
    const length = e.bleedingDays ?? 1;
    for (let k = 0; k < length; k++) {
      onDay(addDays(date, k), {
        bleeding: e.amount,
        ...(e.source !== undefined && e.source !== 'unsure' ? { bleeding_source: e.source } : {}),
        ...(e.color !== undefined ? { blood_color: e.color } : {}),
      });
    }
    const after = addDays(date, length);
    if (dayDiff(after, today) <= 0) onDay(after, { bleeding: 'none' });
  }
  if (e.painSeverity !== undefined) {
    const pain = e.painSeverity;
    for (let k = 0; k < (e.painDays ?? 1); k++) {
      onDay(addDays(date, k), {
        ...(e.painKind !== 'pelvic' ? { cramps: pain } : {}),
        ...(e.painKind !== 'cramps' ? { pelvic_pain: pain } : {}),
      });
    }
  }
  const sexDate = sexDateOf(e, date);
  if (sexDate !== undefined) {
    onDay(sexDate, {
      sex: true,
      ...(e.firstSex === true && repeatOf === undefined ? { first_sex: true } : {}),
      ...(e.kinds.includes('sex-pain') ? { pain_during_sex: true } : {}),
    });
  }
  const symptoms: Omit<Day, 'date'> = {};
  for (const s of e.symptoms) {
    if (s === 'discharge') symptoms.discharge = 'unusual';
    else symptoms[s] = true;
  }
  const notes = episodeNotes(e, repeatOf);
  onDay(date, { ...symptoms, ...(notes !== undefined ? { notes } : {}) });
  return days;
}

/** Days of every episode: the one described and the earlier times of the same thing. */
function allEpisodeDays(episodes: readonly EpisodeAnswers[], today: IsoDate): Day[] {
  return episodes.flatMap((e) => [
    ...episodeDays(e, e.start, today, undefined),
    ...e.otherDates.flatMap((d) => episodeDays(e, d, today, e.start)),
  ]);
}

function earliest(dates: readonly IsoDate[]): IsoDate | undefined {
  return [...dates].sort()[0];
}

export function buildInterviewLog(data: InterviewData, options: BuildOptions): CycleLog {
  const { today, base } = options;
  const length = data.periodLength ?? ASSUMED_PERIOD_LENGTH;
  const days = mergeDays([
    ...(base?.days ?? []),
    ...data.periodStarts.flatMap((s) => periodDays(s, length, today)),
    ...allEpisodeDays(data.episodes, today),
  ]).filter((d) => Object.keys(d).length > 1);

  const about = data.about;
  const answered: Profile = {};
  if (about.age !== undefined) answered.age = about.age;
  if (about.menopause !== undefined) answered.menopause = about.menopause;
  if (about.medicines !== undefined) answered.medicines = about.medicines;
  if (about.contraception.length > 0 || base?.profile.contraception !== undefined) {
    answered.contraception = about.contraception;
  }
  if (about.pregnancy !== undefined) {
    const p = about.pregnancy;
    // Pregnant with no dates at all: the interval starts the day before the first reported day
    // (bleeding on the start date itself counts as the last period), but no earlier than the
    // longest a pregnancy lasts (42 weeks) before today; the analyzer then treats the unknown
    // week as 20 or more (the cautious reading).
    const first = earliest(days.map((d) => d.date)) ?? today;
    const start = [addDays(first, -1), addDays(today, -MAX_PREGNANCY_DAYS)].sort().at(-1)!;
    answered.pregnancy =
      p.start === undefined && p.due === undefined && p.week === undefined ? { ...p, start } : p;
  }
  let profile: Profile;
  if (base) {
    profile = mergeProfiles(base.profile, answered);
  } else {
    profile = orderProfile({ ...answered, as_of: today });
  }
  if (profile.contraception?.length === 0) delete profile.contraception;
  return { profile, days };
}

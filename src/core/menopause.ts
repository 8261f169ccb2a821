/**
 * Correction 2: menopause read from the log, not only from a flag. When no menopause status is
 * given, a person aged 45 or over who is not pregnant and uses no hormonal method, and whose log
 * shows 12 months or more without any bleeding while it covers that time, is postmenopausal
 * from the end of those 12 months (NICE NG23 1.2.1, the definition for diagnosing menopause
 * over 45 without tests). Without an age nothing is inferred.
 */
import type { Profile } from './log.ts';
import type { States } from './states.ts';
import type { Timeline } from './timeline.ts';
import { MENOPAUSE_NO_BLEEDING_DAYS } from './windows.ts';

/** The youngest age at which 12 months without bleeding is read as menopause (NICE NG23). */
export const MENOPAUSE_INFERENCE_AGE = 45;

export interface InferredMenopause {
  /** The first day without bleeding of the 12 months (the day after the last bleeding day, or the first logged day). */
  noBleedingFrom: number;
  /** Postmenopausal from this day: 12 months after `noBleedingFrom`. */
  from: number;
}

/**
 * The first stretch of 12 months without bleeding that meets the conditions, or undefined.
 * Every hormonal method counts as one that can explain absent bleeding: the log cannot tell a
 * continuous pill, ring or patch from a cyclic one.
 */
export function inferMenopause(
  profile: Profile,
  tl: Timeline,
  states: States,
  /** Find the 12 months whatever the age (to ask for the age when it is unknown). */
  ignoreAge = false,
): InferredMenopause | undefined {
  if (profile.menopause !== undefined) return undefined;
  let gapStart = tl.first;
  let lastLogged: number | undefined;
  for (const n of tl.loggedDays()) {
    lastLogged = n;
    if (!tl.isBleedingDay(n)) continue;
    const found = qualify(gapStart, n - 1, tl, states, ignoreAge);
    if (found) return found;
    gapStart = n + 1;
  }
  return lastLogged === undefined
    ? undefined
    : qualify(gapStart, lastLogged, tl, states, ignoreAge);
}

/** Whether [from, to] (logged, without bleeding) holds 12 months that meet the conditions. */
function qualify(
  from: number,
  to: number,
  tl: Timeline,
  states: States,
  ignoreAge: boolean,
): InferredMenopause | undefined {
  const end = from + MENOPAUSE_NO_BLEEDING_DAYS - 1;
  if (end > to) return undefined;
  const age = states.ageOn(end + 1);
  if (!ignoreAge && (age === undefined || age < MENOPAUSE_INFERENCE_AGE)) return undefined;
  if (tl.hasNotTracked(from, end)) return undefined;
  if (states.hasHormonalBetween(from, end) || states.hasPregnancyBetween(from, end))
    return undefined;
  return { noBleedingFrom: from, from: end + 1 };
}

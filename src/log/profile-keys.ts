/** The profile's keys in canonical order, and the limits its values are checked against. */
import type { Profile } from '../core/log.ts';

/** Profile keys in canonical order (CSV comment lines, JSON keys). */
export const PROFILE_KEYS = [
  'name',
  'age',
  'birth_date',
  'menopause',
  'contraception',
  'pregnancy',
  'not_tracked',
  'last_screening',
  'medicines',
  'as_of',
] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];

/** Keys that may be given several times (each `# contraception:` line adds an interval). */
export const LIST_PROFILE_KEYS: ReadonlySet<ProfileKey> = new Set(['contraception', 'not_tracked']);

export const MIN_AGE = 8;
export const MAX_AGE = 100;
export const MAX_PREGNANCY_WEEK = 42;

export function isProfileKey(key: string): key is ProfileKey {
  return (PROFILE_KEYS as readonly string[]).includes(key);
}

/** A copy with keys in canonical order and only known keys. */
export function orderProfile(profile: Profile): Profile {
  const ordered: Profile = {};
  for (const key of PROFILE_KEYS) {
    if (profile[key] !== undefined) (ordered as Record<ProfileKey, unknown>)[key] = profile[key];
  }
  return ordered;
}

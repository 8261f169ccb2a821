/**
 * Profile facts (docs/log-format.md, "Profile") from three places that share one syntax: `# key: value` lines
 * in a CSV log, a JSON object, and command-line options. Without a site the functions throw a
 * plain Error (the CLI makes it a usage error); with one, an InputError at that place. One file
 * per concern (keys, single values, specs, `#` lines, JSON); this one orders and merges, and
 * re-exports the rest so that callers have one place to import from.
 */
import type { Profile } from '../core/log.ts';
import { orderProfile, PROFILE_KEYS, type ProfileKey } from './profile-keys.ts';

export {
  isProfileKey,
  LIST_PROFILE_KEYS,
  MAX_AGE,
  MAX_PREGNANCY_WEEK,
  MIN_AGE,
  orderProfile,
  PROFILE_KEYS,
  type ProfileKey,
} from './profile-keys.ts';
export {
  formatMedicinesSpec,
  parseAgeText,
  parseAsOfText,
  parseMedicinesText,
  parseBirthDateText,
  parseMenopauseText,
} from './profile-facts.ts';
export {
  formatContraceptionSpec,
  formatDateRangeSpec,
  formatPregnancySpec,
  formatScreeningSpec,
  parseContraceptionSpec,
  parseDateRangeSpec,
  parsePregnancySpec,
  parseScreeningSpec,
} from './profile-specs.ts';
export { applyProfileText } from './profile-text.ts';
export { getJsonKeys, isJsonObject, parseProfileJson } from './profile-json.ts';

/**
 * `override` wins key by key (command-line options over the file's profile). A list given in
 * the override replaces the base's list rather than adding to it.
 */
/** Keys that state one fact: a layer that sets any of them replaces all of them. */
const SAME_FACT: readonly (readonly ProfileKey[])[] = [['age', 'birth_date']];

/**
 * `override` on top of `base`, key by key. `--age 30` over a log with a birth date must mean 30,
 * so age and birth date are replaced together (the analyzer prefers a birth date when both are
 * in one profile).
 */
export function mergeProfiles(base: Profile, override: Profile): Profile {
  const merged: Profile = { ...orderProfile(base) };
  for (const group of SAME_FACT) {
    if (group.some((key) => override[key] !== undefined)) {
      for (const key of group) delete (merged as Record<ProfileKey, unknown>)[key];
    }
  }
  for (const key of PROFILE_KEYS) {
    if (override[key] !== undefined) (merged as Record<ProfileKey, unknown>)[key] = override[key];
  }
  return orderProfile(merged);
}

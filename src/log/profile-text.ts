/** A profile `# key: value` line's value applied to a profile. */
import { type Profile } from '../core/log.ts';
import { type SourceSite } from './source-site.ts';
import {
  parseAgeText,
  parseAsOfText,
  parseBirthDateText,
  parseMenopauseText,
  parseMedicinesText,
  parseNameText,
} from './profile-facts.ts';
import type { ProfileKey } from './profile-keys.ts';
import {
  parseContraceptionSpec,
  parseDateRangeSpec,
  parsePregnancySpec,
  parseScreeningSpec,
} from './profile-specs.ts';

/**
 * Applies one `# key: value` comment value to `profile`. List keys take comma-separated specs
 * and add to what is there; single keys replace (the caller refuses duplicates).
 */
export function applyProfileText(
  profile: Profile,
  key: ProfileKey,
  value: string,
  site?: SourceSite,
): void {
  switch (key) {
    case 'name': {
      const name = parseNameText(value, site);
      if (name !== undefined) profile.name = name;
      return;
    }
    case 'medicines':
      profile.medicines = parseMedicinesText(value, site);
      return;
    case 'age':
      profile.age = parseAgeText(value, site);
      return;
    case 'birth_date':
      profile.birth_date = parseBirthDateText(value, site);
      return;
    case 'menopause':
      profile.menopause = parseMenopauseText(value, site);
      return;
    case 'contraception':
      profile.contraception = [
        ...(profile.contraception ?? []),
        ...splitList(value).map((spec) => parseContraceptionSpec(spec, site)),
      ];
      return;
    case 'pregnancy':
      profile.pregnancy = parsePregnancySpec(value, site);
      return;
    case 'not_tracked':
      profile.not_tracked = [
        ...(profile.not_tracked ?? []),
        ...splitList(value).map((spec) => parseDateRangeSpec(spec, site)),
      ];
      return;
    case 'last_screening':
      profile.last_screening = parseScreeningSpec(value, site);
      return;
    case 'as_of':
      profile.as_of = parseAsOfText(value, site);
      return;
  }
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

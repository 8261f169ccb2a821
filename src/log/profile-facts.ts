/**
 * Single profile values from text (age, birth date, menopause, evaluation date), as given in a
 * `# key: value` line, a JSON string or a command-line option.
 */
import { type IsoDate } from '../core/dates.ts';
import { MEDICINES, MENOPAUSE_STATES, type Medicine, type MenopauseState } from '../core/log.ts';
import { MAX_YEAR, MIN_YEAR, parseFreeText, quoteInput, ValueError } from './day-values.ts';
import { type SourceSite } from './source-site.ts';
import { check, date } from './profile-checks.ts';
import { MAX_AGE, MIN_AGE } from './profile-keys.ts';

export function parseAgeText(text: string, site?: SourceSite): number {
  return check(site, () => {
    const trimmed = text.trim();
    if (!/^\d{1,3}$/.test(trimmed)) {
      throw new ValueError('age', `${quoteInput(trimmed)} is not a whole number of years, e.g. 32`);
    }
    return checkAge(Number(trimmed));
  });
}

export function checkAge(age: number): number {
  if (!Number.isInteger(age) || age < MIN_AGE || age > MAX_AGE) {
    throw new ValueError('age', `${age} is not a whole number from ${MIN_AGE} to ${MAX_AGE}`);
  }
  return age;
}

/** `YYYY-MM-DD`, or `YYYY` when only the year is known. */
export function parseBirthDateText(text: string, site?: SourceSite): string {
  return check(site, () => {
    const trimmed = text.trim();
    if (/^\d{4}$/.test(trimmed)) {
      const year = Number(trimmed);
      if (year < MIN_YEAR || year > MAX_YEAR) {
        throw new ValueError('birth_date', `year ${trimmed} is outside ${MIN_YEAR}–${MAX_YEAR}`);
      }
      return trimmed;
    }
    if (trimmed !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
      throw new ValueError(
        'birth_date',
        `${quoteInput(trimmed)} is not a date; use YYYY-MM-DD, or YYYY when only the year is known`,
      );
    }
    return date('birth_date', trimmed);
  });
}

export function parseMenopauseText(text: string, site?: SourceSite): MenopauseState {
  return check(site, () => {
    const word = text.trim().toLowerCase();
    if ((MENOPAUSE_STATES as readonly string[]).includes(word)) return word as MenopauseState;
    throw new ValueError(
      'menopause',
      `${quoteInput(text.trim())} is not one of ${MENOPAUSE_STATES.join(', ')}`,
    );
  });
}

/** One line of free text: the person's name as they want it printed. */
export function parseNameText(text: string, site?: SourceSite): string | undefined {
  return check(site, () => parseFreeText('name', text)?.replace(/\s+/g, ' '));
}

/** `none`, or a comma-separated list of hrt, tamoxifen, blood-thinner. */
export function parseMedicinesText(text: string, site?: SourceSite): Medicine[] {
  return check(site, () => {
    const words = text
      .toLowerCase()
      .split(',')
      .map((w) => w.trim())
      .filter((w) => w !== '');
    if (words.length === 1 && words[0] === 'none') return [];
    if (words.length === 0)
      throw new ValueError('medicines', `missing; use none or ${MEDICINES.join(', ')}`);
    return words.map((word) => {
      if ((MEDICINES as readonly string[]).includes(word)) return word as Medicine;
      throw new ValueError(
        'medicines',
        `${quoteInput(word)} is not one of none, ${MEDICINES.join(', ')}`,
      );
    });
  });
}

export function formatMedicinesSpec(medicines: readonly Medicine[]): string {
  return medicines.length === 0 ? 'none' : medicines.join(', ');
}

export function parseAsOfText(text: string, site?: SourceSite): IsoDate {
  return check(site, () => date('as_of', text));
}

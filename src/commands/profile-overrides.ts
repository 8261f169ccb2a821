/**
 * The profile facts given on the command line: parsed here (not at declaration, to keep start-up
 * light), combined with `--profile FILE`, and returned as the profile that overrides the log's.
 */
import type { Profile } from '../core/log.ts';
import { UsageError } from '../errors.ts';
import {
  mergeProfiles,
  parseAgeText,
  parseBirthDateText,
  parseContraceptionSpec,
  parseDateRangeSpec,
  parsePregnancySpec,
} from '../log/profile.ts';
import { formatWarning } from '../importers/format-summary.ts';
import { readProfileFileWithWarnings } from '../log/read-profile-file.ts';
import type { ProfileOptions } from './options.ts';

function parseOption<T>(flag: string, text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch (error) {
    throw new UsageError(`option '${flag} ${text}' is invalid: ${(error as Error).message}`);
  }
}

/** Command-line facts win over `--profile FILE`, which wins over the log's own profile. */
export async function readProfileOverrides(options: ProfileOptions): Promise<Profile> {
  const fromOptions: Profile = {};
  if (options.age !== undefined) fromOptions.age = parseOption('--age', options.age, parseAgeText);
  if (options.birthDate !== undefined) {
    fromOptions.birth_date = parseOption('--birth-date', options.birthDate, parseBirthDateText);
  }
  if (options.menopause !== undefined) fromOptions.menopause = options.menopause;
  if (options.contraception !== undefined) {
    fromOptions.contraception = options.contraception.map((t) =>
      parseOption('--contraception', t, parseContraceptionSpec),
    );
  }
  if (options.pregnancy !== undefined) {
    fromOptions.pregnancy = parseOption('--pregnancy', options.pregnancy, parsePregnancySpec);
  }
  if (options.notTracked !== undefined) {
    fromOptions.not_tracked = options.notTracked.map((t) =>
      parseOption('--not-tracked', t, (x) => parseDateRangeSpec(x)),
    );
  }
  if (options.asOf !== undefined) fromOptions.as_of = options.asOf;
  const fromFile =
    options.profile === undefined ? undefined : await readProfileFileWithWarnings(options.profile);
  // Said once, here: the file is read once, whatever the command does next.
  for (const warning of fromFile?.warnings ?? []) {
    process.stderr.write(`cyclecheck: ${formatWarning(warning)}\n`);
  }
  return mergeProfiles(fromFile?.profile ?? {}, fromOptions);
}

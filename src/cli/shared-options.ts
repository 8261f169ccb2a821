/**
 * Options shared by analyze, batch, convert and interview: the profile facts exports often lack,
 * and the output choices. Valid values come from the same constants the code checks against.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  MENOPAUSE_STATES,
  type ContraceptionInterval,
  type DateRange,
  type Profile,
} from '../core/log.ts';
import { TIERS, type Tier } from '../core/tiers.ts';
import { FORMAT_IDS } from '../importers/format-ids.ts';
import {
  parseAgeText,
  parseAsOfText,
  parseBirthDateText,
  parseContraceptionSpec,
  parseDateRangeSpec,
  parsePregnancySpec,
} from '../log/profile.ts';

export const OUTPUT_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ProfileOptions {
  age?: number;
  birthDate?: string;
  menopause?: Profile['menopause'];
  contraception?: ContraceptionInterval[];
  pregnancy?: Profile['pregnancy'];
  notTracked?: DateRange[];
  profile?: string;
  asOf?: string;
}

export interface OutputOptions {
  json?: boolean;
  to?: OutputFormat;
  output?: string;
  force?: boolean;
  color?: boolean;
}

/** Wraps a parser that throws plain errors into commander's usage-error type. */
export function asOption<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

function collect<T>(parse: (text: string) => T): (text: string, previous: T[] | undefined) => T[] {
  const one = asOption(parse);
  return (text, previous) => [...(previous ?? []), one(text)];
}

export function addProfileOptions(command: Command): Command {
  return command
    .option(
      '--age <years>',
      'age in years on the evaluation date',
      asOption((t) => parseAgeText(t)),
    )
    .option(
      '--birth-date <date>',
      'birth date, YYYY-MM-DD or YYYY',
      asOption((t) => parseBirthDateText(t)),
    )
    .addOption(new Option('--menopause <status>', 'menopause status').choices(MENOPAUSE_STATES))
    .option(
      '--contraception <method[@start[..end]]>',
      'contraception, e.g. copper-iud@2024-06-01 (repeatable)',
      collect((t) => parseContraceptionSpec(t)),
    )
    .option(
      '--pregnancy <spec>',
      "pregnancy: 'start=DATE week=W@DATE' or 'due=DATE', optional 'end=DATE'",
      asOption((t) => parsePregnancySpec(t)),
    )
    .option(
      '--not-tracked <from..to>',
      'days you did not log at all (repeatable)',
      collect((t) => parseDateRangeSpec(t)),
    )
    .option('--profile <file>', 'a JSON file with profile facts')
    .option(
      '--as-of <date>',
      'evaluation date (default: the last logged date)',
      asOption((t) => parseAsOfText(t)),
    );
}

export function addOutputOptions(command: Command): Command {
  return command
    .option('--json', 'print the JSON report (same as --to json)')
    .addOption(new Option('--to <format>', 'output format').choices(OUTPUT_FORMATS))
    .option('-o, --output <file>', 'write the report to a file (mode 0600) instead of stdout')
    .option('-f, --force', 'overwrite the output file if it exists')
    .option('--no-color', 'never colour the output (NO_COLOR and TERM=dumb are honoured too)');
}

/** `--from FORMAT`, with the same ids detection, `formats` and error messages use. */
export function fromOption(description = 'the input format, when detection guesses wrong'): Option {
  return new Option('--from <format>', `${description} (see \`cyclecheck formats\`)`).choices(
    FORMAT_IDS,
  );
}

export function parseTier(text: string): Tier {
  if (!(TIERS as readonly string[]).includes(text)) {
    throw new InvalidArgumentError(`expected one of ${TIERS.join(', ')}`);
  }
  return text as Tier;
}

/** The profile facts given on the command line, as a partial profile that overrides the file's. */
export function profileFromOptions(options: ProfileOptions): Profile {
  const profile: Profile = {};
  if (options.age !== undefined) profile.age = options.age;
  if (options.birthDate !== undefined) profile.birth_date = options.birthDate;
  if (options.menopause !== undefined) profile.menopause = options.menopause;
  if (options.contraception !== undefined) profile.contraception = options.contraception;
  if (options.pregnancy !== undefined) profile.pregnancy = options.pregnancy;
  if (options.notTracked !== undefined) profile.not_tracked = options.notTracked;
  if (options.asOf !== undefined) profile.as_of = options.asOf;
  return profile;
}

/**
 * Options shared by analyze, batch, convert and interview: the profile facts exports often lack,
 * and the output choices. Profile values are kept as the text given here and parsed when a
 * command runs (src/commands/profile-overrides.ts), so `--help` never loads the log parsers.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { parseIsoDate } from '../core/dates.ts';
import { MENOPAUSE_STATES } from '../core/log.ts';
import { FORMAT_IDS } from '../log/format-ids.ts';
import { PAPER_SIZES } from '../render/pdf/paper.ts';
import { OUTPUT_FORMATS } from '../commands/options.ts';

function collect(text: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), text];
}

/** A `YYYY-MM-DD` option value, checked as a real calendar date. */
export function parseDateOption(text: string): string {
  if (parseIsoDate(text.trim()) === undefined) {
    throw new InvalidArgumentError('expected a calendar date as YYYY-MM-DD');
  }
  return text.trim();
}

export function addProfileOptions(command: Command): Command {
  return command
    .option('--age <years>', 'age in years on the evaluation date')
    .option('--birth-date <date>', 'birth date, YYYY-MM-DD or YYYY')
    .addOption(new Option('--menopause <status>', 'menopause status').choices(MENOPAUSE_STATES))
    .option(
      '--contraception <method@date>',
      'contraception, e.g. copper-iud@2024-06-01 (repeatable)',
      collect,
    )
    .option(
      '--pregnancy <spec>',
      "pregnancy: 'start=DATE week=W@DATE' or 'due=DATE', optional 'end=DATE'",
    )
    .option('--not-tracked <from..to>', 'days you did not log at all (repeatable)', collect)
    .option('--profile <file>', 'a JSON file with profile facts')
    .option('--as-of <date>', 'evaluation date (default: the last logged date)', parseDateOption);
}

/** `--column SOURCE=FIELD` (repeatable) and `--date-format`, for CSV and JSON logs. */
export function addReadingOptions(command: Command): Command {
  return command
    .option(
      '--column <source=field>',
      "read a CSV column or JSON field as a cyclecheck field, e.g. 'Flow=bleeding' (repeatable)",
      collect,
    )
    .addOption(
      new Option(
        '--date-format <order>',
        'order of day, month and year in dates not written YYYY-MM-DD, e.g. dmy for 01/09/2026',
      ).choices(['ymd', 'dmy', 'mdy']),
    );
}

export function addOutputOptions(command: Command): Command {
  return command
    .option('--json', 'print the JSON report (same as --to json)')
    .addOption(
      new Option(
        '--to <format>',
        'output format (default: from the -o file name, else text)',
      ).choices(OUTPUT_FORMATS),
    )
    .option('-o, --output <file>', 'write to a file (.txt .md .html .json .pdf), not stdout')
    .option('-f, --force', 'overwrite the output file if it exists')
    .option('--no-color', 'never colour the output (NO_COLOR and TERM=dumb are honoured too)')
    .addOption(paperOption());
}

/** `--paper a4|letter` for --to pdf; A4 unless given. */
export function paperOption(): Option {
  return new Option('--paper <size>', 'paper size for --to pdf (default: a4)').choices(PAPER_SIZES);
}

/** `--from FORMAT`, with the same ids detection, `formats` and error messages use. */
export function fromOption(description = 'the input format, when detection guesses wrong'): Option {
  return new Option('--from <format>', `${description} (see \`cyclecheck formats\`)`).choices(
    FORMAT_IDS,
  );
}

/**
 * How every `--help` is laid out: wrapped to the terminal (80 columns when the output is not a
 * terminal, or COLUMNS when set), the most used options first, and parser errors with the same
 * `cyclecheck:` prefix as every other message. Applied once to the program before the commands
 * are declared; commander copies it to each command.
 */
import type { Command, Help, Option } from 'commander';

/** Long flags in the order a person reaches for them; options not listed keep their order after. */
const FIRST_OPTIONS = [
  '--to',
  '--output',
  '--calendar',
  '--explain',
  '--json',
  '--age',
  '--menopause',
  '--contraception',
];

const MAX_HELP_WIDTH = 100;

/** The width help is wrapped to. */
export function getHelpWidth(
  stream: { isTTY?: boolean; columns?: number } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const fromEnv = Number(env.COLUMNS);
  const columns =
    Number.isInteger(fromEnv) && fromEnv > 0
      ? fromEnv
      : stream.isTTY === true && stream.columns
        ? stream.columns
        : 80;
  return Math.max(40, Math.min(columns, MAX_HELP_WIDTH));
}

function rank(option: Option): number {
  const index = FIRST_OPTIONS.indexOf(option.long ?? '');
  return index === -1 ? FIRST_OPTIONS.length : index;
}

export function configureHelpLayout(program: Command): Command {
  return program
    .configureHelp({
      // Descriptions wrap beside even a long option name ("--contraception <method…>").
      minWidthToWrap: 24,
      visibleOptions(this: Help, cmd: Command): Option[] {
        const options = Object.getPrototypeOf(this).visibleOptions.call(this, cmd) as Option[];
        return options
          .map((option, index) => ({ option, index }))
          .sort((a, b) => rank(a.option) - rank(b.option) || a.index - b.index)
          .map((o) => o.option);
      },
    })
    .configureOutput({
      getOutHelpWidth: () => getHelpWidth(process.stdout),
      getErrHelpWidth: () => getHelpWidth(process.stderr),
      outputError: (text, write) => write(text.replace(/^error: /, 'cyclecheck: ')),
    });
}

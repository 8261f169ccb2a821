import type { Command } from 'commander';
import { addExamples } from './examples.ts';
import { fromOption, parseDateOption } from './shared-options.ts';

export function declareInterviewCommand(program: Command): void {
  const command = program
    .command('interview')
    .description('answer questions in the terminal; get the same report as analyze, and save it')
    .option('--log <file>', 'start from an existing log or app export and ask only what it lacks')
    .addOption(fromOption('the format of the --log file, when detection guesses wrong'))
    .option('--resume', 'continue the interview you left (Ctrl-C keeps a draft)')
    .option(
      '--as-of <date>',
      'take DATE as today: answers are checked against it and it is the evaluation date',
      parseDateOption,
    )
    .option('--explain', 'also show what was not flagged, and why')
    .option('--calendar', 'add month calendars to the report')
    .option('--no-color', 'never colour the report (NO_COLOR and TERM=dumb are honoured too)')
    .action(async (options) => {
      const { runInterview } = await import('../commands/interview.ts');
      process.exitCode = await runInterview(options);
    });
  addExamples(
    command,
    ['interview', 'interview --log example.csv', 'interview --resume'],
    `The interview needs a terminal. Answers are kept in a private draft after each one
($XDG_STATE_HOME/cyclecheck, or ~/.local/state/cyclecheck), so Ctrl-C loses nothing.`,
  );
}

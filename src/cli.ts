/**
 * The entry point: declares the commands, runs the one that was asked for, and is the only place
 * that turns errors into messages and exit statuses (docs/report-format.md, "Exit status"). bin/cyclecheck.js calls
 * runCli(); the build also calls it to warm the code cache (scripts/write-code-cache.cjs).
 */
import { existsSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError, UserError } from './errors.ts';
import { declareCommands } from './cli/commands.ts';
import { addExamples } from './cli/examples.ts';
import { configureHelpLayout } from './cli/help-layout.ts';
import { sanitizeInline } from './text/sanitize.ts';
import { PRODUCER_VERSION } from './version.ts';

const VERSION = PRODUCER_VERSION;
const USAGE_POINTER = '(run with --help for usage)';

function buildProgram(firstArgument: string | undefined): Command {
  const program = new Command('cyclecheck')
    .description(
      'Reads a menstrual and symptom log and says which episodes to take to a clinician, ' +
        'how soon, and what to bring. Offline and private. Informational, never a diagnosis.',
    )
    .version(VERSION, '-V, --version')
    .option('--debug', 'show internal details (stack traces) for unexpected errors')
    .exitOverride()
    .showHelpAfterError(USAGE_POINTER);
  configureHelpLayout(program);
  declareCommands(program, firstArgument);
  addExamples(
    program,
    [
      'example -o example.csv',
      'analyze example.csv',
      'analyze example.csv -o visit.html',
      'interview',
      'rules postcoital-bleeding',
    ],
    `Exit status: 0 analyzed, 1 --fail-on reached, 2 usage error, 65 bad input data,
66 input missing or unreadable, 70 internal error, 130 interrupted.`,
  );
  return program;
}

function printError(message: string): void {
  process.stderr.write(`cyclecheck: ${sanitizeInline(message)}\n`);
}

/**
 * A test-only bug, so that a test can see exit 70 and --debug through bin/ (tests/cli/internal-
 * error.test.ts). Honoured only when CYCLECHECK_TEST_FAULT is set AND the file TEST-ONLY-FAULT is
 * beside the bundle: the build empties dist/ and never writes it, so no build or installed
 * package has it; the test puts it in a copy of bin/ and dist/. Costs users one env lookup.
 */
function throwTestFault(): void {
  if (process.env.CYCLECHECK_TEST_FAULT === undefined) return;
  if (existsSync(new URL('./TEST-ONLY-FAULT', import.meta.url))) throw new Error('test fault');
}

export async function runCli(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  // A closed pipe (`cyclecheck … | head`) is not an error worth a message; any other failure to
  // write the output (a full disk) is, with the status of an unwritable -o file: the report is lost.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    printError(`cannot write to standard output (${error.code ?? error.message})`);
    process.exit(EXIT.noInput);
  });
  try {
    throwTestFault();
    await buildProgram(argv[2]).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const clean =
        error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version';
      process.exitCode = clean ? EXIT.ok : EXIT.usage;
      return;
    }
    if (error instanceof UserError) {
      printError(error.message);
      if (error.hint) process.stderr.write(`${sanitizeInline(error.hint)}\n`);
      // docs/report-format.md, exit status 2: a usage error ends with a pointer to --help.
      if (
        error instanceof UsageError &&
        !`${error.message} ${error.hint ?? ''}`.includes('--help')
      ) {
        process.stderr.write(`${USAGE_POINTER}\n`);
      }
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    printError(`internal error: ${message}`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('This is a bug in cyclecheck. Run again with --debug for details.\n');
    process.exitCode = EXIT.internal;
  }
}

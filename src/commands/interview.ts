/**
 * `cyclecheck interview`: wires the interview to the terminal. The prompt library, the
 * interview and the renderers are imported only here, on demand.
 */
import { homedir } from 'node:os';
import { formatIsoDate, dayNumber, type IsoDate } from '../core/dates.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { FormatId } from '../log/import-contract.ts';
import { openInputFile } from '../io/input-file.ts';
import { makeChalk, shouldUseColor } from '../render/color.ts';

export interface InterviewOptions {
  log?: string;
  /** Validated by commander against FORMAT_IDS. */
  from?: FormatId;
  resume?: boolean;
  asOf?: IsoDate;
  color?: boolean;
  explain?: boolean;
  calendar?: boolean;
}

/** Today on the local calendar (the person's own date, not UTC). */
function localToday(): IsoDate {
  const now = new Date();
  return formatIsoDate(dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate()));
}

export async function runInterview(options: InterviewOptions): Promise<number> {
  if (process.stdin.isTTY !== true) {
    throw new UsageError(
      'the interview needs a terminal to ask its questions, and standard input is not one',
      'To analyze a log instead: cyclecheck analyze FILE (a canonical CSV with a header such as ' +
        '`date,bleeding,sex,cramps`, or an app export; see `cyclecheck formats`).',
    );
  }
  const { importFile } = await import('../importers/registry.ts');
  const [
    { createInquirerPrompter },
    { runInterviewSession },
    { getStateDir },
    { formatTextReport },
  ] = await Promise.all([
    import('../interview/ask.ts'),
    import('../interview/run.ts'),
    import('../interview/draft.ts'),
    import('../render/text.ts'),
  ]);
  const chalk = makeChalk(
    shouldUseColor({ noColorFlag: options.color === false, isTTY: process.stdout.isTTY }),
  );
  const width = process.stdout.isTTY ? Math.min(process.stdout.columns || 80, 100) : 80;
  const home = homedir();
  await runInterviewSession({
    prompter: createInquirerPrompter({ input: process.stdin, output: process.stderr }),
    today: options.asOf ?? localToday(),
    stateDir: getStateDir(process.env, home),
    cwd: process.cwd(),
    home,
    resume: options.resume === true,
    ...(options.log !== undefined ? { logFile: options.log } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    importLog: async (path, format) => importFile(await openInputFile(path), format),
    print: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    formatText: (report, log) =>
      formatTextReport(report, log, {
        chalk,
        width,
        explain: options.explain === true,
        calendar: options.calendar === true,
      }),
  });
  return EXIT.ok;
}

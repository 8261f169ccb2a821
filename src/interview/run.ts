/**
 * One interview from start to end: questions (resuming a draft if asked), the review, the same
 * analyzer and report as `analyze`, and the offer to save. Everything it needs from the outside
 * (prompter, today, state folder, output) is passed in, so tests drive it with a script.
 */
import { resolve } from 'node:path';
import type { IsoDate } from '../core/dates.ts';
import type { CycleLog } from '../core/log.ts';
import { InputError, InterruptedError, UsageError } from '../errors.ts';
import { getFormat } from '../importers/registry.ts';
import type { FormatId, ImportResult } from '../log/import-contract.ts';
import { fileExists } from '../io/write-output.ts';
import { sanitizeInline } from '../text/sanitize.ts';
import { reportLog } from '../pipeline/analyze-import.ts';
import type { Report } from '../report/types.ts';
import { buildInterviewLog } from './build-log.ts';
import {
  DRAFT_FORMAT,
  getDraftPath,
  readDraft,
  removeDraft,
  writeDraft,
  type Draft,
} from './draft.ts';
import { walkInterview, type BaseLog } from './flow.ts';
import { PromptInterrupted, type Prompter } from './prompter.ts';
import {
  addEpisodeAnswers,
  askReview,
  formatInterviewSummary,
  removeEpisodeAnswers,
  type SummarySource,
} from './review.ts';
import { offerToSave } from './save.ts';
import { InterviewSession, type Answers } from './session.ts';

export interface InterviewDeps {
  prompter: Prompter;
  /** The date answers are checked against ("no future dates") and, without --log, the evaluation date. */
  today: IsoDate;
  /** Where the draft lives (`$XDG_STATE_HOME/cyclecheck`). */
  stateDir: string;
  /** Relative paths (--log, saved files) are taken from here. */
  cwd: string;
  home?: string;
  resume: boolean;
  /** --log: start from this log or export. */
  logFile?: string;
  from?: FormatId;
  /** --as-of given explicitly: the evaluation date for a --log interview. */
  asOf?: IsoDate;
  importLog?: (path: string, from: FormatId | undefined) => Promise<ImportResult>;
  /** Writes the report (stdout). */
  print: (text: string) => void;
  /** The text renderer, colour and width already chosen. */
  formatText: (report: Report, log: CycleLog) => string;
}

export interface InterviewOutcome {
  log: CycleLog;
  report: Report;
  saved: string[];
}

const RESUME_HINT = 'cyclecheck interview --resume';

/** The first thing the interview says (symptom checkers screen for emergencies first). */
export const EMERGENCY_LINE =
  'Emergency? Heavy bleeding with faintness, severe pain, or heavy bleeding in pregnancy: ' +
  'call emergency services now (112, 999 or 911), do not wait for this interview.';

async function interrupted(draftPath: string, answers: Answers): Promise<InterruptedError> {
  if (Object.keys(answers).length > 0) {
    return new InterruptedError(
      `interview paused; your answers are saved in ${draftPath} (continue with: ${RESUME_HINT})`,
    );
  }
  // Stopped before answering anything, after choosing to start over: the old draft is untouched.
  return (await fileExists(draftPath))
    ? new InterruptedError(
        `interview stopped; your earlier answers are still saved in ${draftPath} (continue with: ${RESUME_HINT})`,
      )
    : new InterruptedError('interview stopped before the first answer; nothing was saved');
}

async function withInterrupt<T>(
  draftPath: string,
  answers: Answers,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof PromptInterrupted) throw await interrupted(draftPath, answers);
    throw error;
  }
}

interface Start {
  answers: Answers;
  logFile: string | undefined;
  from: FormatId | undefined;
}

/** Fresh answers, or the draft's when resuming (asked about when a draft exists). */
async function chooseStart(deps: InterviewDeps, draftPath: string): Promise<Start> {
  const given = deps.logFile === undefined ? undefined : resolve(deps.cwd, deps.logFile);
  const fresh: Start = { answers: {}, logFile: given, from: deps.from };
  let draft: Draft | undefined;
  try {
    draft = await readDraft(draftPath);
  } catch (error) {
    if (deps.resume || !(error instanceof InputError)) throw error;
    deps.prompter.note(
      `(The saved draft ${draftPath} could not be read; starting a new interview.)`,
    );
    return fresh;
  }
  const fromDraft = (d: Draft): Start => {
    deps.prompter.note(`Continuing your unfinished interview${d.saved ? ` from ${d.saved}` : ''}.`);
    return { answers: d.answers, logFile: d.log_file, from: d.from };
  };
  if (deps.resume) {
    if (!draft) {
      throw new UsageError(
        `there is no unfinished interview to resume (looked for ${draftPath})`,
        'Start one with: cyclecheck interview',
      );
    }
    if (given !== undefined && draft.log_file !== given) {
      throw new UsageError(
        `the unfinished interview ${draft.log_file ? `started from ${draft.log_file}` : 'did not start from a log'}, not ${deps.logFile}`,
        `Run ${RESUME_HINT} without --log, or start again with cyclecheck interview --log ${deps.logFile}`,
      );
    }
    return fromDraft(draft);
  }
  const count = draft ? Object.keys(draft.answers).length : 0;
  if (!draft || count === 0) return fresh;
  const choice = await withInterrupt(draftPath, draft.answers, () =>
    deps.prompter.askSelect({
      id: 'draft',
      message: `You have an unfinished interview${draft.saved ? ` from ${draft.saved}` : ''} (${count} answer${count === 1 ? '' : 's'}). Continue it?`,
      choices: [
        { value: 'continue', name: 'Yes, continue where I left off' },
        { value: 'restart', name: 'No, start over (the saved answers are discarded)' },
      ],
    }),
  );
  return choice === 'continue' ? fromDraft(draft) : fresh;
}

function describeSource(name: string, result: ImportResult): SummarySource {
  const days = result.log.days;
  return {
    name,
    format: getFormat(result.format).label,
    days: days.length,
    first: days[0]?.date,
    last: days.at(-1)?.date,
  };
}

/** With --log: the imported log, and what the questions need to know of it. */
async function readBaseLog(
  deps: InterviewDeps,
  start: Start,
): Promise<{ imported?: ImportResult; base?: BaseLog }> {
  if (start.logFile === undefined) return {};
  if (!deps.importLog) throw new Error('importLog is required with --log');
  const imported = await deps.importLog(start.logFile, start.from);
  // The name is printed in questions and notes: no escape sequences from a crafted file name.
  const name = sanitizeInline(deps.logFile ?? start.logFile);
  const kind = imported.format === 'csv' || imported.format === 'json' ? 'log' : 'export';
  return { imported, base: { name, kind, profile: imported.log.profile, gaps: imported.gaps } };
}

export async function runInterviewSession(deps: InterviewDeps): Promise<InterviewOutcome> {
  const { prompter, today } = deps;
  prompter.note(EMERGENCY_LINE); // before anything else, a resumed draft included
  const draftPath = getDraftPath(deps.stateDir);
  const start = await chooseStart(deps, draftPath);
  const { answers } = start;

  const { imported, base } = await readBaseLog(deps, start);

  const saveDraft = async (): Promise<void> => {
    const draft: Draft = {
      format: DRAFT_FORMAT,
      saved: today,
      ...(start.logFile !== undefined ? { log_file: start.logFile } : {}),
      ...(start.from !== undefined ? { from: start.from } : {}),
      answers,
    };
    await writeDraft(draftPath, deps.stateDir, draft);
  };
  const session = new InterviewSession(prompter, answers, saveDraft);

  let log: CycleLog;
  for (let walk = 0; ; walk++) {
    const data = await withInterrupt(draftPath, answers, () =>
      walkInterview(session, { today, ...(base ? { base } : {}) }),
    );
    if (walk === 0 && base && session.visited.length === 0) {
      prompter.note(`\n${base.name} already has everything the analysis needs to know about you.`);
    }
    const before = Object.keys(answers).length;
    session.pruneUnvisited();
    if (Object.keys(answers).length !== before) await saveDraft();
    log = buildInterviewLog(data, { today, ...(imported ? { base: imported.log } : {}) });
    prompter.note(
      formatInterviewSummary(log, data, {
        today,
        ...(base && imported ? { source: describeSource(base.name, imported) } : {}),
      }),
    );
    const action = await withInterrupt(draftPath, answers, () =>
      askReview(prompter, session.visited, data.episodes),
    );
    if (action.kind === 'analyze') break;
    if (action.kind === 'change') session.askAgain(action.id);
    if (action.kind === 'add') addEpisodeAnswers(answers, data.episodes.length);
    if (action.kind === 'remove') {
      removeEpisodeAnswers(answers, action.index, data.episodes.length);
      await saveDraft();
    }
  }

  // Without --log the interview is about today; with --log, like `analyze`, the evaluation date
  // is the last logged date unless --as-of says otherwise (docs/definitions.md, "The evaluation date").
  const asOf = imported ? deps.asOf : today;
  const report = reportLog(
    log,
    {
      files: base ? [base.name, 'interview'] : ['interview'],
      formats: imported ? [imported.format] : [],
      warnings: imported?.warnings ?? [],
      gaps: imported?.gaps ?? [],
      ...(imported?.appNotes ? { appNotes: imported.appNotes } : {}),
    },
    asOf,
  );
  deps.print('\n' + deps.formatText(report, log));
  prompter.note('');

  const saved = await withInterrupt(draftPath, answers, () =>
    offerToSave({
      prompter,
      log,
      report,
      today,
      cwd: deps.cwd,
      ...(deps.home !== undefined ? { home: deps.home } : {}),
    }),
  );
  await removeDraft(draftPath);
  return { log, report, saved };
}

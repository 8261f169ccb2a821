import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Day } from '../../src/core/log.ts';
import { makeChalk } from '../../src/render/color.ts';
import { formatTextReport } from '../../src/render/text.ts';
import {
  runInterviewSession,
  type InterviewDeps,
  type InterviewOutcome,
} from '../../src/interview/run.ts';
import { ScriptedPrompter, type Step } from './scripted-prompter.ts';

export const TODAY = '2025-03-15';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cyclecheck-interview-'));
  made.push(dir);
  return dir;
}

export interface Run {
  outcome: InterviewOutcome;
  prompter: ScriptedPrompter;
  printed: string;
}

export interface Place {
  stateDir: string;
  cwd: string;
}

export async function tempPlace(): Promise<Place> {
  const root = await tempDir();
  return { stateDir: join(root, 'state', 'cyclecheck'), cwd: root };
}

export function depsFor(
  prompter: ScriptedPrompter,
  place: Place,
  extra: Partial<InterviewDeps> = {},
) {
  let printed = '';
  const deps: InterviewDeps = {
    prompter,
    today: TODAY,
    stateDir: place.stateDir,
    cwd: place.cwd,
    home: place.cwd,
    resume: false,
    print: (text) => {
      printed += text;
    },
    formatText: (report, log) =>
      formatTextReport(report, log, {
        chalk: makeChalk(false),
        width: 80,
        explain: false,
        calendar: false,
      }),
    ...extra,
  };
  return { deps, printed: () => printed };
}

/** Runs a whole interview from a script and checks the script was used up. */
export async function runScript(
  steps: readonly Step[],
  extra: Partial<InterviewDeps> = {},
  place?: Place,
): Promise<Run> {
  const prompter = new ScriptedPrompter(steps);
  const { deps, printed } = depsFor(prompter, place ?? (await tempPlace()), extra);
  const outcome = await runInterviewSession(deps);
  if (prompter.remaining.length > 0) {
    throw new Error(`script not used up; next: ${prompter.remaining[0]![0]}`);
  }
  return { outcome, prompter, printed: printed() };
}

export function dayOn(days: readonly Day[], date: string): Day | undefined {
  return days.find((d) => d.date === date);
}

export function flagsOf(run: Run): string[] {
  return run.outcome.report.flags.map((f) => `${f.rule}:${f.tier}`);
}

// Script pieces shared by the stories.
export const NO_CONTRACEPTION: Step[] = [['contraception.0.method', 'none']];
export const NOT_PREGNANT: Step[] = [['pregnancy', 'no']];
/** Three starts 28 days apart: the analyzer predicts the next period on 2025-03-29. */
export const REGULAR_PERIODS: Step[] = [
  ['periods.length', '5'],
  ['periods.start.0', '2025-03-01'],
  ['periods.start.1', '2025-02-01'],
  ['periods.start.2', '2025-01-04'],
  ['periods.start.3', ''],
];
export const NO_MORE_EPISODES = (n: number): Step[] => [[`episodes.more.${n}`, false]];
export const ANALYZE_NO_SAVE: Step[] = [
  ['review', 'analyze'],
  ['save.log', 'no'],
  ['save.report', 'no'],
];

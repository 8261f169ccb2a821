/**
 * The interview draft: every answer so far, saved after each one (mode 0600, atomically) so that
 * Ctrl-C or a closed terminal loses nothing, and `interview --resume` can continue.
 */
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { IsoDate } from '../core/dates.ts';
import { InputError } from '../errors.ts';
import type { FormatId } from '../log/import-contract.ts';
import { writeOutputFile } from '../io/write-output.ts';
import type { AnswerValue, Answers } from './session.ts';

export const DRAFT_FORMAT = 'cyclecheck-interview-draft/1';
export const DRAFT_FILE = 'interview-draft.json';

export interface Draft {
  format: typeof DRAFT_FORMAT;
  /** The day the last answer was saved. */
  saved: IsoDate;
  /** The --log file (absolute path) the interview started from. */
  log_file?: string;
  from?: FormatId;
  answers: Answers;
}

/** `$XDG_STATE_HOME/cyclecheck`, or `~/.local/state/cyclecheck` (XDG Base Directory spec). */
export function getStateDir(env: NodeJS.ProcessEnv, home: string): string {
  const xdg = env.XDG_STATE_HOME;
  // The spec says a relative XDG_STATE_HOME is invalid and must be ignored.
  const base =
    xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(home, '.local', 'state');
  return join(base, 'cyclecheck');
}

export function getDraftPath(stateDir: string): string {
  return join(stateDir, DRAFT_FILE);
}

export async function writeDraft(path: string, stateDir: string, draft: Draft): Promise<void> {
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  await writeOutputFile(path, JSON.stringify(draft, null, 2) + '\n', { force: true });
}

export async function removeDraft(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

const ANSWER_ID = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$/;

function isAnswerValue(value: unknown): value is AnswerValue {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string');
  if (typeof value === 'object') {
    return Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number');
  }
  return false;
}

/**
 * The saved draft, or undefined when there is none. Answers of the wrong shape are dropped (the
 * interview asks them again); a file that is not a draft at all is an input error.
 */
export async function readDraft(path: string): Promise<Draft | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(
      path,
      {},
      `cannot read the interview draft (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const object = value as Partial<Record<keyof Draft, unknown>> | undefined;
  if (
    typeof object !== 'object' ||
    object === null ||
    object.format !== DRAFT_FORMAT ||
    typeof object.answers !== 'object' ||
    object.answers === null
  ) {
    throw new InputError(
      path,
      {},
      'this is not an interview draft cyclecheck can read',
      `Delete it to start again: rm ${path}`,
    );
  }
  const answers: Answers = {};
  for (const [id, answer] of Object.entries(object.answers)) {
    if (ANSWER_ID.test(id) && isAnswerValue(answer)) answers[id] = answer;
  }
  return {
    format: DRAFT_FORMAT,
    saved: typeof object.saved === 'string' ? object.saved : '',
    ...(typeof object.log_file === 'string' ? { log_file: object.log_file } : {}),
    ...(typeof object.from === 'string' ? { from: object.from as FormatId } : {}),
    answers,
  };
}

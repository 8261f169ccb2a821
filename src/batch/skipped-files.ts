/**
 * Which skipped files stderr names. A skipped spreadsheet or text file is often a participant's
 * log in a format cyclecheck does not read, so those are always named; the rest only up to a
 * few, or all of them with --verbose.
 */
import { extname } from 'node:path';

/** Extensions of files that are likely someone's log in a format cyclecheck does not read. */
const LOOKS_LIKE_A_LOG = new Set(['.xlsx', '.xls', '.ods', '.numbers', '.txt', '.rtf', '.docx']);

export const SKIPPED_NAMED = 5;

export interface SkippedNames {
  named: string[];
  /** How many were counted but not named. */
  more: number;
}

export function selectSkippedNames(paths: readonly string[], verbose: boolean): SkippedNames {
  if (verbose) return { named: [...paths], more: 0 };
  const named = paths.filter(
    (path, index) => index < SKIPPED_NAMED || LOOKS_LIKE_A_LOG.has(extname(path).toLowerCase()),
  );
  return { named, more: paths.length - named.length };
}

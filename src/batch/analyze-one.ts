/**
 * One log through the same pipeline as `analyze`: open → import (format detected or forced) →
 * profile options applied → analyze → report. Errors become data, so a batch keeps going.
 */
import type { CycleLog, Profile } from '../core/log.ts';
import { EXIT, UserError } from '../errors.ts';
import { importFile } from '../importers/registry.ts';
import type { FormatId } from '../log/import-contract.ts';
import type { ReadOptions } from '../log/read-options.ts';
import type { InputFile } from '../io/input-file.ts';
import { analyzeImport } from '../pipeline/analyze-import.ts';
import type { Report } from '../report/types.ts';
import type { FileError } from './log-row.ts';

export interface AnalyzeOneOptions {
  /** Format forced with --from; otherwise detected from the content. */
  from?: FormatId;
  /**
   * Profile facts from the command line (--as-of included, as `as_of`); they override the
   * file's own profile per key.
   */
  profile?: Profile;
  /** --column and --date-format, for CSV and JSON logs. */
  reading?: ReadOptions;
}

export type OneResult = { report: Report; log: CycleLog } | { error: FileError };

export async function analyzeInput(
  input: InputFile,
  options: AnalyzeOneOptions,
): Promise<OneResult> {
  try {
    const result = await importFile(input, options.from, options.reading);
    const { report, log } = analyzeImport([input.name], result, options.profile ?? {});
    return { report, log };
  } catch (error) {
    return { error: describeFileError(error) };
  }
}

/** User errors keep their own exit status and message; anything else is a bug in this tool. */
export function describeFileError(error: unknown): FileError {
  if (error instanceof UserError) {
    return error.hint === undefined
      ? { code: error.exitCode, message: error.message }
      : { code: error.exitCode, message: error.message, hint: error.hint };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: EXIT.internal, message: `internal error: ${message}` };
}

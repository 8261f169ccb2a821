/**
 * The library entry point (`import { readLog, analyzeLog } from 'cyclecheck'`): the same import,
 * analysis and report as `cyclecheck analyze --json`, for programs that run the analyzer inside
 * their own Node code. Its public types are hand-kept in types/index.d.ts, which
 * tests/api/types.ts holds equal to these; README "Using cyclecheck as a library".
 */
import type { CycleLog, Profile } from './core/log.ts';
import { InputError, UsageError } from './errors.ts';
import { FORMAT_IDS } from './log/format-ids.ts';
import type { FormatId, ImportResult, ProfileGap, Warning } from './log/import-contract.ts';
import { inputFromBytes, openInputFile, type InputFile } from './io/input-file.ts';
import { readJsonDocument } from './log/canonical-json.ts';
import { parseProfileJson } from './log/profile.ts';
import { analyzeImport } from './pipeline/analyze-import.ts';
import type { Report } from './report/types.ts';

export { InputError, MissingInputError, UsageError, UserError } from './errors.ts';
export { REPORT_FORMAT } from './report/types.ts';
export { CANONICAL_LOG_FORMAT } from './log/canonical-json.ts';

/** A log as read from a file or from memory: the canonical log and what the import said. */
export interface LogFile {
  /** The name messages and the report use: the path as given, or the name passed with content. */
  file: string;
  /** A format id: `csv`, `json`, `apple-health`, … */
  format: string;
  log: CycleLog;
  warnings: Warning[];
  /** Facts the file could not carry (e.g. which IUD), and the option that supplies each. */
  questions: ProfileGap[];
  appNotes: { date: string; text: string }[];
}

/** What readLog reads: a path, or a log already in memory with the name messages give it. */
export type LogSource = string | { name: string; content: string | Uint8Array };

export interface ReadLogOptions {
  /** A format id (`csv`, `json`, `apple-health`, …) instead of detection from the content. */
  from?: string;
}

export interface AnalyzeOptions {
  /**
   * Profile facts over the log's own, as in a canonical JSON log's `profile` (what `--age`,
   * `--contraception`, `--as-of` … give the CLI): e.g. `{ age: 34, as_of: '2025-03-15' }`.
   */
  profile?: Record<string, unknown>;
}

/**
 * Reads a log or app export (format detected from the content, as `cyclecheck analyze` does).
 * Throws InputError (invalid data, the CLI's exit 65) or MissingInputError (unreadable, 66).
 */
export async function readLog(source: LogSource, options: ReadLogOptions = {}): Promise<LogFile> {
  const from = readFormatOption(options.from);
  const input: InputFile =
    typeof source === 'string'
      ? await openInputFile(source)
      : inputFromBytes(source.name, Buffer.from(source.content));
  const { importFile } = await import('./importers/registry.ts');
  const result = await importFile(input, from);
  return {
    file: input.name,
    format: result.format,
    log: result.log,
    warnings: result.warnings,
    questions: result.gaps,
    appNotes: result.appNotes ?? [],
  };
}

/** The report `cyclecheck analyze --json` prints for this log, as an object. */
export function analyzeLog(logFile: LogFile, options: AnalyzeOptions = {}): Report {
  const overrides = readProfileOption(options.profile);
  const result: ImportResult = {
    log: logFile.log,
    format: logFile.format as FormatId,
    warnings: logFile.warnings,
    summary: [],
    gaps: logFile.questions,
    ...(logFile.appNotes.length > 0 ? { appNotes: logFile.appNotes } : {}),
  };
  return analyzeImport([logFile.file], result, overrides).report;
}

/** readLog, then analyzeLog: one file's report. */
export async function analyzeFile(
  source: LogSource,
  options: ReadLogOptions & AnalyzeOptions = {},
): Promise<Report> {
  return analyzeLog(await readLog(source, options), options);
}

function readFormatOption(from: string | undefined): FormatId | undefined {
  if (from === undefined) return undefined;
  if ((FORMAT_IDS as readonly string[]).includes(from)) return from as FormatId;
  throw new UsageError(`unknown format '${from}'; formats: ${FORMAT_IDS.join(', ')}`);
}

/** Profile facts from code are checked as a JSON log's profile is; an unknown key is an error. */
function readProfileOption(profile: Record<string, unknown> | undefined): Profile {
  if (profile === undefined) return {};
  try {
    const { value, root } = readJsonDocument(JSON.stringify(profile), 'options.profile');
    const { profile: parsed, warnings } = parseProfileJson(value, root);
    const [first] = warnings;
    if (first !== undefined) {
      throw new UsageError(`options.profile.${first.message.replace(' ignored', '')}`);
    }
    return parsed;
  } catch (error) {
    // A JSON position means nothing here: name the key, as an option error does.
    if (!(error instanceof InputError)) throw error;
    const key = error.location.path === undefined ? '' : `.${error.location.path}`;
    throw new UsageError(`options.profile${key}: ${error.reason}`);
  }
}

/**
 * What every import format provides. Importers turn a file into the canonical log and say what
 * they mapped and dropped; they never analyze and never print.
 */
import type { CycleLog } from '../core/log.ts';
import type { InputFile } from '../io/input-file.ts';
import type { ReadOptions } from './read-options.ts';

export type FormatId =
  | 'csv'
  | 'json'
  | 'apple-health'
  | 'drip'
  | 'clue'
  | 'mensinator'
  | 'periodical'
  | 'flo'
  | 'health-connect'
  | 'fitbit'
  | 'clue-backup';

/** A warning about the input, also listed in `--json` `warnings`. */
export interface Warning {
  file: string;
  line?: number;
  message: string;
}

/** One row of the import summary: a field or category, how many were mapped or dropped. */
export interface ImportCount {
  /** The source's own name for it (an Apple type, a drip column, a Clue type…). */
  what: string;
  mapped: number;
  dropped: number;
  /** Where mapped values went, e.g. "bleeding", or why they were dropped. */
  note?: string;
}

/** A profile fact the format cannot carry and the person should supply. */
export interface ProfileGap {
  /** e.g. "iud-type", "pregnancy-week", "menopause". */
  fact: string;
  /** Plain sentence naming the option to pass, e.g. "pass --contraception copper-iud@DATE…". */
  message: string;
}

export interface ImportResult {
  log: CycleLog;
  format: FormatId;
  /** Several files merged into one log (`--merge`): each file's format, in file order. */
  formats?: FormatId[];
  warnings: Warning[];
  /** Empty for the canonical formats (nothing is translated). */
  summary: ImportCount[];
  gaps: ProfileGap[];
  /** Findings the app itself recorded (Apple Health deviations), shown as "Apple Health noted …". */
  appNotes?: { date: string; text: string }[];
}

export interface ImportOptions {
  /** Whether the format was forced with --from (skip the content check, still validate). */
  forced: boolean;
  /** --column and --date-format, for the canonical CSV and JSON readers. */
  reading?: ReadOptions;
}

export interface Importer {
  id: FormatId;
  /** Human name, e.g. "Apple Health export (export.xml / export.zip)". */
  label: string;
  read(input: InputFile, options: ImportOptions): Promise<ImportResult>;
}

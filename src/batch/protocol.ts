/** Messages between the batch command and its worker threads (structured-clone data only). */
import type { AnalyzeOneOptions } from './analyze-one.ts';
import type { LogRow } from './log-row.ts';

export interface WorkerSetup {
  analyze: AnalyzeOneOptions;
  /** Whether results carry their NDJSON line (only --json needs it). */
  wantLine: boolean;
  /**
   * Skip files found in folders whose content no import format recognises (a stray
   * `settings.json`), instead of reporting them as failed.
   */
  skipUnrecognised: boolean;
  /** Replace existing HTML documents (--force). */
  force: boolean;
  /** The kind of document written per log (--to html|pdf), and the PDF's paper. */
  document?: { format: 'html' | 'pdf'; paper: 'a4' | 'letter' };
}

export interface Job {
  index: number;
  path: string;
  /** Named on the command line: always analyzed, never skipped as unrecognised. */
  explicit: boolean;
  /** Where to write this log's HTML document (--to html -o DIR). */
  document?: string;
}

export type JobResult =
  | { index: number; kind: 'row'; row: LogRow; line?: string; missingGlyphs?: boolean }
  | { index: number; kind: 'unrecognised' };

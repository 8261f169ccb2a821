/** Messages between the batch command and its worker threads (structured-clone data only). */
import type { AnalyzeOneOptions } from './analyze-one.ts';
import type { LogRow } from './log-row.ts';
import type { PaperSize } from '../render/pdf/paper.ts';

export interface WorkerSetup {
  analyze: AnalyzeOneOptions;
  /** Whether results carry their NDJSON line (only --json needs it). */
  wantLine: boolean;
  /**
   * Skip files found in folders whose content no import format recognises (a stray
   * `settings.json`), instead of reporting them as failed.
   */
  skipUnrecognised: boolean;
  /** Replace existing documents (--force). */
  force: boolean;
  /** Added: the document each log gets with `-o DIR` (default html), and a PDF's page size. */
  documentFormat?: DocumentFormat;
  paper?: PaperSize;
}

/** The per-log documents batch writes into a folder. */
export const DOCUMENT_FORMATS = ['html', 'markdown', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface Job {
  index: number;
  path: string;
  /** Named on the command line: always analyzed, never skipped as unrecognised. */
  explicit: boolean;
  /** Where to write this log's document (--to html|markdown -o DIR). */
  document?: string;
}

export type JobResult =
  | { index: number; kind: 'row'; row: LogRow; line?: string; missingGlyphs?: boolean }
  | { index: number; kind: 'unrecognised' };

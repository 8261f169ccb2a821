import type { Analysis } from '../core/analysis.ts';
import type { FormatId, ProfileGap, Warning } from '../importers/types.ts';
import type { Report } from './types.ts';

export interface ReportInput {
  files: string[];
  formats: FormatId[];
  warnings: Warning[];
  questions?: ProfileGap[];
  appNotes?: { date: string; text: string }[];
}

/** Turns the analyzer's data into the report contract, with sentences. */
export function buildReport(analysis: Analysis, input: ReportInput): Report {
  void analysis;
  void input;
  throw new Error('buildReport: not implemented yet');
}

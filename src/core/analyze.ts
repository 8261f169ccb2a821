import type { Analysis } from './analysis.ts';
import type { CycleLog } from './log.ts';

export interface AnalyzeOptions {
  /** Evaluation date (D14); default: profile.as_of, else the last logged date. */
  asOf?: string;
}

/** The one shared analyzer: pure, deterministic, data in → data out. */
export function analyzeLog(log: CycleLog, options: AnalyzeOptions = {}): Analysis {
  void log;
  void options;
  throw new Error('analyzeLog: not implemented yet');
}

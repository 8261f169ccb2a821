/**
 * cyclecheck as a library: the same import, analysis and report as `cyclecheck analyze --json`.
 *
 *   import { analyzeFile } from 'cyclecheck';
 *   const report = await analyzeFile('my-log.csv', { profile: { age: 34 } });
 *
 * Hand-kept: tests/api/types.ts fails the typecheck when these types and src/api.ts differ.
 * The JSON Schemas in schemas/ describe the same report and log (docs/report-format.md,
 * docs/log-format.md).
 */

/** A local calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export type Tier = 'urgent' | 'soon' | 'next-visit' | 'info';
export type Bleeding = 'none' | 'spotting' | 'light' | 'medium' | 'heavy';
export type BleedingSource = 'vaginal' | 'urinary' | 'rectal' | 'unsure';
export type Severity = 'none' | 'mild' | 'moderate' | 'severe';
export type Discharge = 'none' | 'normal' | 'unusual';
export type MenopauseState = 'pre' | 'peri' | 'post';
export type Method =
  | 'copper-iud'
  | 'hormonal-iud'
  | 'iud'
  | 'implant'
  | 'injection'
  | 'combined-pill'
  | 'progestogen-pill'
  | 'ring'
  | 'patch'
  | 'condom'
  | 'diaphragm'
  | 'fertility-awareness'
  | 'none'
  | 'other';

/** One logged date of the canonical log (docs/log-format.md). Unset fields mean none/no. */
export interface Day {
  date: IsoDate;
  bleeding?: Bleeding;
  period?: boolean;
  bleeding_source?: BleedingSource;
  blood_color?: string;
  sex?: boolean;
  first_sex?: boolean;
  pain_during_sex?: boolean;
  cramps?: Severity;
  pelvic_pain?: Severity;
  discharge?: Discharge;
  odor?: boolean;
  painful_urination?: boolean;
  fever?: boolean;
  temperature?: number;
  soaking?: boolean;
  dizzy?: boolean;
  notes?: string;
}

export interface ContraceptionInterval {
  method: Method;
  start?: IsoDate;
  end?: IsoDate;
}

export interface Pregnancy {
  start?: IsoDate;
  end?: IsoDate;
  week?: number;
  week_on?: IsoDate;
  due?: IsoDate;
}

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

export interface Screening {
  date: IsoDate;
  result?: string;
}

export type Medicine = 'hrt' | 'tamoxifen' | 'blood-thinner';

export interface Profile {
  /** The person's name as they want it printed on documents. */
  name?: string;
  age?: number;
  /** `YYYY-MM-DD`, or `YYYY`. */
  birth_date?: string;
  menopause?: MenopauseState;
  contraception?: ContraceptionInterval[];
  pregnancy?: Pregnancy;
  not_tracked?: DateRange[];
  last_screening?: Screening;
  /** Medicines that change what bleeding means; `[]` = none. */
  medicines?: Medicine[];
  as_of?: IsoDate;
}

/** A validated log: days sorted by date, one per date. */
export interface CycleLog {
  profile: Profile;
  days: Day[];
}

/** A warning about the input (also in the report's `warnings`). */
export interface Warning {
  file: string;
  line?: number;
  message: string;
}

/** A fact the input could not carry, and the option (or profile key) that supplies it. */
export interface ProfileGap {
  fact: string;
  message: string;
}

/** A log as read from a file or from memory: the canonical log and what the import said. */
export interface LogFile {
  file: string;
  /** `csv`, `json`, `apple-health`, `drip`, … (`cyclecheck formats` lists them). */
  format: string;
  log: CycleLog;
  warnings: Warning[];
  questions: ProfileGap[];
  appNotes: { date: string; text: string }[];
}

export type LogSource = string | { name: string; content: string | Uint8Array };

export interface ReadLogOptions {
  /** A format id instead of detection from the content, as `--from`. */
  from?: string;
}

export interface AnalyzeOptions {
  /** Profile facts over the log's own, as in a JSON log's `profile`: `{ age: 34, as_of: … }`. */
  profile?: Record<string, unknown>;
}

export interface ReportFlag {
  /** A rule id of docs/rules.md, e.g. `postcoital-bleeding`. */
  rule: string;
  tier: Tier;
  start: IsoDate;
  end: IsoDate;
  cycle_day: number | null;
  summary: string;
  why: string[];
  checklist: string[];
  sources: string[];
  in_progress: boolean;
}

export interface ReportPeriod {
  start: IsoDate;
  end: IsoDate;
  days: number;
  cycle_length: number | null;
}

export interface ReportChecklistItem {
  code: string;
  text: string;
  for: string[];
  details: string[];
}

/** The `--json` report, `cyclecheck-report/1` (docs/report-format.md, schemas/report.schema.json). */
export interface Report {
  format: 'cyclecheck-report/1';
  as_of: IsoDate | null;
  input: {
    files: string[];
    formats: string[];
    first_date: IsoDate | null;
    last_date: IsoDate | null;
    days_logged: number;
  };
  profile: Profile;
  age: number | null;
  periods: ReportPeriod[];
  flags: ReportFlag[];
  not_flagged: { rule: string; date: IsoDate; reason: string; reason_code: string }[];
  not_evaluated: { rule: string; reason: string }[];
  checklist: ReportChecklistItem[];
  warnings: Warning[];
  questions: ProfileGap[];
  app_notes: { date: string; text: string }[];
}

/** Reads a log or app export; the format is detected from the content unless `from` is given. */
export function readLog(source: LogSource, options?: ReadLogOptions): Promise<LogFile>;

/** The report `cyclecheck analyze --json` prints for this log. */
export function analyzeLog(logFile: LogFile, options?: AnalyzeOptions): Report;

/** readLog, then analyzeLog. */
export function analyzeFile(
  source: LogSource,
  options?: ReadLogOptions & AnalyzeOptions,
): Promise<Report>;

export const REPORT_FORMAT: 'cyclecheck-report/1';
export const CANONICAL_LOG_FORMAT: 'cyclecheck-log/1';

/** Errors a user can fix; `exitCode` is the CLI's exit status for it. */
export abstract class UserError extends Error {
  abstract readonly exitCode: number;
  readonly hint?: string;
  constructor(message: string, hint?: string);
}
/** A bad option (exit 2 in the CLI). */
export class UsageError extends UserError {
  readonly exitCode: 2;
}
/** Invalid input data (exit 65): `message` is `file:line[:column]: what is wrong`. */
export class InputError extends UserError {
  readonly exitCode: 65;
  readonly file: string;
  readonly location: { line?: number; column?: number; path?: string };
  readonly reason: string;
  constructor(
    file: string,
    location: { line?: number; column?: number; path?: string },
    reason: string,
    hint?: string,
  );
}
/** Input missing or unreadable (exit 66). */
export class MissingInputError extends UserError {
  readonly exitCode: 66;
}

/**
 * The one path from a canonical log to a report, shared by analyze, batch and the interview:
 * analyze, then build the report with the questions the profile has not answered yet.
 */
import type { Analysis } from '../core/analysis.ts';
import { analyzeLog } from '../core/analyze.ts';
import type { CycleLog, Profile } from '../core/log.ts';
import { menopauseUnknownGaps, profileGaps } from '../log/profile-gaps.ts';
import { dropAnsweredGaps } from './merge-logs.ts';
import type { FormatId, ImportResult, ProfileGap, Warning } from '../log/import-contract.ts';
import { InputError, UsageError } from '../errors.ts';
import { MAX_AGE, MIN_AGE, mergeProfiles } from '../log/profile.ts';
import { describeNoBleedingRecorded, hasAnyBleeding } from '../log/bleeding-evidence.ts';
import { buildReport } from '../report/build-report.ts';
import type { Report } from '../report/types.ts';

export interface LogSource {
  files: string[];
  formats: FormatId[];
  warnings: Warning[];
  gaps: ProfileGap[];
  /**
   * The facts that can answer the import's questions: those given from outside it (command-line
   * options). The import's own profile cannot: a pill or due date an importer had to guess must
   * not silence the question about it. Defaults to the whole profile (the interview, whose
   * answers are the profile).
   */
  answers?: Profile;
  appNotes?: { date: string; text: string }[];
}

export function reportLog(log: CycleLog, source: LogSource, asOf?: string): Report {
  const analysis = analyzeLog(log, asOf !== undefined ? { asOf } : {});
  return buildReport(analysis, {
    files: source.files,
    formats: source.formats,
    warnings: source.warnings,
    questions: dropAnsweredGaps(
      withProfileGaps([...source.gaps, ...analysisGaps(analysis)], log.profile),
      source.answers ?? log.profile,
      log.profile,
    ),
    appNotes: source.appNotes ?? [],
    log,
  });
}

/** Questions the analysis raises: age and menopause when a year without bleeding has no age. */
function analysisGaps(analysis: Analysis): ProfileGap[] {
  const unknown = analysis.not_evaluated.find(
    (n) => n.reason.code === 'menopause-not-inferred-no-age',
  );
  if (!unknown) return [];
  return menopauseUnknownGaps(String(unknown.reason.value), String(unknown.reason.other));
}

/** The import's questions, plus the profile's own when no importer asked them already. */
function withProfileGaps(gaps: readonly ProfileGap[], profile: Profile): ProfileGap[] {
  const asked = new Set(gaps.map((gap) => gap.fact));
  return [...gaps, ...profileGaps(profile).filter((gap) => !asked.has(gap.fact))];
}

/** An imported file, with the command line's profile facts over the file's own. */
export function analyzeImport(
  files: string[],
  result: ImportResult,
  overrides: Profile,
): { report: Report; log: CycleLog } {
  const log: CycleLog = {
    profile: mergeProfiles(result.log.profile, overrides),
    days: result.log.days,
  };
  const file = files[0] ?? '-';
  refuseEmptyWindow(log, overrides, file);
  const formats = result.formats ?? [result.format];
  const report = reportLog(log, {
    files,
    formats,
    warnings: withBleedingWarning(result.warnings, log, formats, file),
    gaps: result.gaps,
    answers: overrides,
    ...(result.appNotes ? { appNotes: result.appNotes } : {}),
  });
  refuseImpossibleAge(report, log.profile, overrides, file);
  return { report, log };
}

/** a log with no bleeding on any day says so in the report, never silently. */
function withBleedingWarning(
  warnings: Warning[],
  log: CycleLog,
  formats: readonly FormatId[],
  file: string,
): Warning[] {
  if (log.days.length === 0 || hasAnyBleeding(log.days)) return warnings;
  const appExport = formats.some((f) => f !== 'csv' && f !== 'json');
  return [...warnings, { file, message: describeNoBleedingRecorded(appExport) }];
}

/** The profile fact at fault: a usage error when the command line gave it, else the file's. */
function profileError(reason: string, fromCommandLine: boolean, file: string): Error {
  return fromCommandLine ? new UsageError(reason) : new InputError(file, {}, reason);
}

/** An evaluation date before the first logged day leaves nothing to analyze; say so. */
function refuseEmptyWindow(log: CycleLog, overrides: Profile, file: string): void {
  const asOf = log.profile.as_of;
  if (asOf === undefined || log.days.length === 0) return;
  const first = log.days.reduce((a, d) => (d.date < a ? d.date : a), log.days[0]!.date);
  if (asOf >= first) return;
  const reason = `the evaluation date ${asOf} is before the first logged day, ${first}: there is nothing to analyze`;
  throw profileError(reason, overrides.as_of !== undefined, file);
}

/**
 * A birth date must give an age the rules know (the range `--age` accepts) on the evaluation
 * date, which is known only once the log is read: 2030-01-01 would otherwise mean age 0.
 */
function refuseImpossibleAge(report: Report, profile: Profile, overrides: Profile, file: string) {
  const age = report.age;
  if (profile.birth_date === undefined || age === null || (age >= MIN_AGE && age <= MAX_AGE)) {
    return;
  }
  const born = profile.birth_date;
  const asOf = report.as_of ?? '';
  const unborn = born > asOf.slice(0, born.length);
  const reason = unborn
    ? `birth date ${born} is after ${asOf}, the evaluation date`
    : `birth date ${born} gives age ${age} on ${asOf} (the evaluation date); ages from ${MIN_AGE} to ${MAX_AGE} are supported`;
  throw profileError(reason, overrides.birth_date !== undefined, file);
}

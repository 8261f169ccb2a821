/**
 * `analyze A B --merge`: several files of one person as one log. Days are merged by date the
 * way duplicate rows are (highest amount, worst severity, yes wins); profile facts from a later
 * file replace earlier ones, except that lists (contraception, untracked ranges) are joined.
 * Wherever two files disagree the result says so, naming both values and both files.
 */
import {
  DAY_FIELDS,
  type ContraceptionInterval,
  type Day,
  type DayField,
  type Profile,
} from '../core/log.ts';
import { mergeDays } from '../log/merge-days.ts';
import { mergeProfiles, orderProfile } from '../log/profile.ts';
import { GAP_FACTS } from '../log/profile-gaps.ts';
import type { ImportResult, ProfileGap, Warning } from '../log/import-contract.ts';

export interface MergeOutcome {
  result: ImportResult;
  conflicts: Warning[];
}

/** Day conflicts listed one by one before the rest are counted in one line. */
export const MAX_LISTED_CONFLICTS = 20;

/** Free text is joined, never in conflict. */
const COMPARED_FIELDS: readonly DayField[] = DAY_FIELDS.filter(
  (field) => field !== 'notes' && field !== 'blood_color',
);

const SCALAR_PROFILE_KEYS = [
  'age',
  'birth_date',
  'menopause',
  'pregnancy',
  'last_screening',
  'as_of',
] as const;

const TYPED_IUDS = new Set(['copper-iud', 'hormonal-iud']);
const PILLS = new Set(['combined-pill', 'progestogen-pill']);

function show(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
  }
  return String(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function mergeContraception(lists: readonly ContraceptionInterval[][]): ContraceptionInterval[] {
  const all = uniqueBy(lists.flat(), (c) => JSON.stringify([c.method, c.start, c.end]));
  // An export's "IUD" of unknown type is refined by another file that names the type.
  const typed = all.some((c) => TYPED_IUDS.has(c.method));
  return typed ? all.filter((c) => c.method !== 'iud') : all;
}

/**
 * The questions that remain. A question goes when `answers` holds its answer: e.g. a copper or
 * hormonal IUD for "which IUD?". `answers` is what came from elsewhere (another file, the command
 * line), never the import's own profile: its guesses (an untyped `iud`, a combined pill for
 * Apple's "Oral", an estimated due date) are what the questions are about. "Which IUD?" also goes
 * when the profile finally `used` has no untyped IUD left (`--contraception condom@…` replaced
 * the export's list).
 */
export function dropAnsweredGaps(
  gaps: readonly ProfileGap[],
  answers: Profile,
  used: Profile,
): ProfileGap[] {
  const methods = new Set((answers.contraception ?? []).map((c) => c.method));
  const dated = new Set(
    (answers.contraception ?? []).filter((c) => c.start !== undefined).map((c) => c.method),
  );
  const untypedIud = (used.contraception ?? []).some((c) => c.method === 'iud');
  const answered = (gap: ProfileGap): boolean => {
    switch (gap.fact) {
      case GAP_FACTS.age:
        return answers.age !== undefined || answers.birth_date !== undefined;
      case GAP_FACTS.menopause:
        return answers.menopause !== undefined;
      case GAP_FACTS.iudType:
        return !untypedIud || [...methods].some((m) => TYPED_IUDS.has(m));
      case GAP_FACTS.pregnancyWeek:
        return answers.pregnancy?.week !== undefined || answers.pregnancy?.due !== undefined;
      case GAP_FACTS.pill:
        return [...methods].some((m) => PILLS.has(m));
      case GAP_FACTS.contraceptionDates:
        return [...dated].some((m) => gap.message.includes(`the ${m} `));
      case GAP_FACTS.contraception:
        return methods.size > 0;
      case GAP_FACTS.pregnancy:
        return answers.pregnancy !== undefined || answers.menopause === 'post';
      default:
        return false;
    }
  };
  return askOnce(gaps.filter((gap) => !answered(gap)));
}

/** Several app exports ask the same person-level question (age, menopause); ask it once. */
function askOnce(gaps: readonly ProfileGap[]): ProfileGap[] {
  const once = new Set<string>([GAP_FACTS.age, GAP_FACTS.menopause]);
  return uniqueBy(gaps, (gap) =>
    once.has(gap.fact) ? gap.fact : `${gap.fact}\u0000${gap.message}`,
  );
}

/** The profile facts of every result but the i-th, later files over earlier ones. */
function profileOfOthers(results: readonly ImportResult[], i: number): Profile {
  let merged: Profile = {};
  results.forEach((result, j) => {
    if (j !== i) merged = mergeProfiles(merged, result.log.profile);
  });
  return merged;
}

export function mergeImports(
  results: readonly ImportResult[],
  files?: readonly string[],
): MergeOutcome {
  const first = results[0];
  if (first === undefined) throw new Error('mergeImports needs at least one import');
  const nameOf = (i: number): string =>
    files?.[i] ?? results[i]?.warnings[0]?.file ?? `file ${i + 1}`;
  const conflicts: Warning[] = [];

  // Profile: scalar facts, later file wins.
  const profile: Profile = {};
  const factFrom = new Map<string, number>();
  results.forEach((result, i) => {
    for (const key of SCALAR_PROFILE_KEYS) {
      const value = result.log.profile[key];
      if (value === undefined) continue;
      const earlier = factFrom.get(key);
      if (earlier !== undefined && !same(profile[key], value)) {
        conflicts.push({
          file: nameOf(i),
          message: `profile ${key}: ${show(profile[key])} in ${nameOf(earlier)} but ${show(value)} in ${nameOf(i)}; kept ${show(value)} (the later file)`,
        });
      }
      (profile as Record<string, unknown>)[key] = value;
      factFrom.set(key, i);
    }
  });
  const contraception = mergeContraception(results.map((r) => r.log.profile.contraception ?? []));
  if (contraception.length > 0) profile.contraception = contraception;
  const notTracked = uniqueBy(
    results.flatMap((r) => r.log.profile.not_tracked ?? []),
    (r) => `${r.from}..${r.to}`,
  ).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  if (notTracked.length > 0) profile.not_tracked = notTracked;

  // Days: find disagreements before merging them away.
  const byDate = new Map<string, { day: Day; file: number }[]>();
  results.forEach((result, i) => {
    for (const day of result.log.days) {
      const list = byDate.get(day.date);
      if (list) list.push({ day, file: i });
      else byDate.set(day.date, [{ day, file: i }]);
    }
  });
  const days = mergeDays(results.flatMap((r) => r.log.days));
  const merged = new Map(days.map((day) => [day.date, day]));
  let dayConflicts = 0;
  for (const date of [...byDate.keys()].sort()) {
    const entries = byDate.get(date)!;
    if (new Set(entries.map((e) => e.file)).size < 2) continue;
    for (const field of COMPARED_FIELDS) {
      const seen = entries.filter((e) => e.day[field] !== undefined);
      const a = seen[0];
      const b = seen.find((e) => e.file !== a?.file && e.day[field] !== a?.day[field]);
      if (a === undefined || b === undefined) continue;
      dayConflicts++;
      if (dayConflicts > MAX_LISTED_CONFLICTS) continue;
      conflicts.push({
        file: nameOf(b.file),
        message: `${date}: ${field} is ${show(a.day[field])} in ${nameOf(a.file)} but ${show(b.day[field])} in ${nameOf(b.file)}; kept ${show(merged.get(date)?.[field])}`,
      });
    }
  }
  if (dayConflicts > MAX_LISTED_CONFLICTS) {
    conflicts.push({
      file: nameOf(results.length - 1),
      message: `${dayConflicts - MAX_LISTED_CONFLICTS} more days where the files disagree; the merged log keeps the highest amount, the worst severity, and yes over no`,
    });
  }

  const appNotes = results.flatMap((r) => r.appNotes ?? []);
  const result: ImportResult = {
    log: { profile: orderProfile(profile), days },
    format: first.format,
    formats: results.map((r) => r.format),
    warnings: results.flatMap((r) => r.warnings),
    summary: results.flatMap((r) => r.summary),
    // A file's questions are answered by the other files, never by its own guesses.
    gaps: askOnce(
      results.flatMap((r, i) => dropAnsweredGaps(r.gaps, profileOfOthers(results, i), profile)),
    ),
  };
  if (appNotes.length > 0) result.appNotes = appNotes;
  return { result, conflicts };
}

/**
 * A small fluent builder for canonical logs, so that each rule test reads as a few lines:
 *
 *   regularCycles({ from: '2025-01-01', length: 28, count: 3 })
 *     .on('2025-02-10', { bleeding: 'spotting', sex: true })
 *     .build();
 *
 * Logs are dense by default: every date from the first to the last entry gets an explicit
 * `bleeding: 'none'` entry unless a test punches a hole with `noEntry` or declares a pause with
 * `notTracked`. Dense logs matter: only an explicit "none" proves that bleeding stopped (D0, D10).
 *
 * Also the analysis helpers every rules-*.test.ts file uses: `analyze` (highest tier per rule plus
 * the full list) and `expectFlags` (asserts rule ids and tiers in one readable comparison).
 */
import { expect, it } from 'vitest';
import { analyzeLog, type AnalyzeOptions } from '../../src/core/analyze.ts';
import type { Analysis, Finding, NotFlagged } from '../../src/core/analysis.ts';
import type { Fact } from '../../src/core/facts.ts';
import { formatIsoDate, toDay, type IsoDate } from '../../src/core/dates.ts';
import type {
  Bleeding,
  ContraceptionInterval,
  CycleLog,
  Day,
  Method,
  Pregnancy,
  Profile,
} from '../../src/core/log.ts';
import type { RuleId } from '../../src/core/rules/ids.ts';
import { higherTier, type Tier } from '../../src/core/tiers.ts';

export type DayFields = Partial<Omit<Day, 'date'>>;

/** The date `n` days after `date` (negative = before). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return formatIsoDate(toDay(date) + n);
}

/** Days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDay(b) - toDay(a);
}

/**
 * The default bleeding pattern of an n-day period: two medium days, light days, a last spotting
 * day (5 → medium, medium, light, light, spotting). Every pattern of 2+ days has ≥ 2 flow days.
 */
export function periodPattern(days: number): Bleeding[] {
  if (days <= 1) return ['medium'];
  if (days === 2) return ['medium', 'light'];
  const pattern: Bleeding[] = ['medium', 'medium'];
  while (pattern.length < days - 1) pattern.push('light');
  pattern.push('spotting');
  return pattern;
}

export class LogBuilder {
  private readonly days = new Map<IsoDate, Day>();
  private readonly holes = new Set<IsoDate>();
  private profileData: Profile = { age: 30, menopause: 'pre' };
  private dense = true;

  /** Merge fields into the entry for `date` (creating it). */
  on(date: IsoDate, fields: DayFields = {}): this {
    toDay(date);
    this.holes.delete(date);
    const existing = this.days.get(date) ?? { date };
    this.days.set(date, { ...existing, ...fields });
    return this;
  }

  /** Merge the same fields into every date of [from, to]. */
  each(from: IsoDate, to: IsoDate, fields: DayFields): this {
    for (let n = toDay(from); n <= toDay(to); n++) this.on(formatIsoDate(n), fields);
    return this;
  }

  /** Bleeding days from `date` on: a day count (default pattern) or an explicit pattern. */
  period(date: IsoDate, days: number | Bleeding[] = 5, fields: DayFields = {}): this {
    const pattern = typeof days === 'number' ? periodPattern(days) : days;
    pattern.forEach((bleeding, i) => this.on(addDays(date, i), { bleeding, ...fields }));
    return this;
  }

  /** Explicit `bleeding: 'none'` entries on every day of [from, to] that has no entry yet. */
  none(from: IsoDate, to: IsoDate): this {
    for (let n = toDay(from); n <= toDay(to); n++) {
      const date = formatIsoDate(n);
      if (!this.days.has(date)) this.on(date, { bleeding: 'none' });
    }
    return this;
  }

  /** Extend the log with "none" entries up to `date` (which becomes the last logged date). */
  fillTo(date: IsoDate): this {
    const last = this.lastDate();
    return this.none(last === undefined ? date : addDays(last, 1), date);
  }

  /** Make dates "no entry" (no row), also in a dense log. */
  noEntry(from: IsoDate, to: IsoDate = from): this {
    for (let n = toDay(from); n <= toDay(to); n++) {
      const date = formatIsoDate(n);
      this.days.delete(date);
      this.holes.add(date);
    }
    return this;
  }

  /** Declare a tracking pause; its dates carry no entries. */
  notTracked(from: IsoDate, to: IsoDate): this {
    this.noEntry(from, to);
    this.profileData.not_tracked = [...(this.profileData.not_tracked ?? []), { from, to }];
    return this;
  }

  /** Only the dates set explicitly are logged (a sparse, "notable days only" export). */
  sparse(): this {
    this.dense = false;
    return this;
  }

  profile(fields: Partial<Profile>): this {
    this.profileData = { ...this.profileData, ...fields };
    return this;
  }

  age(age: number): this {
    return this.profile({ age });
  }

  contraception(method: Method, start?: IsoDate, end?: IsoDate): this {
    const interval: ContraceptionInterval = { method };
    if (start !== undefined) interval.start = start;
    if (end !== undefined) interval.end = end;
    this.profileData.contraception = [...(this.profileData.contraception ?? []), interval];
    return this;
  }

  pregnancy(pregnancy: Pregnancy): this {
    return this.profile({ pregnancy });
  }

  asOf(date: IsoDate): this {
    return this.profile({ as_of: date });
  }

  lastDate(): IsoDate | undefined {
    let last: IsoDate | undefined;
    for (const date of this.days.keys()) if (last === undefined || date > last) last = date;
    return last;
  }

  build(): CycleLog {
    const dates = [...this.days.keys()].sort();
    const first = dates[0];
    const last = dates[dates.length - 1];
    const days = new Map(this.days);
    if (this.dense && first !== undefined && last !== undefined) {
      for (let n = toDay(first); n <= toDay(last); n++) {
        const date = formatIsoDate(n);
        if (!days.has(date) && !this.holes.has(date)) days.set(date, { date, bleeding: 'none' });
      }
    }
    return {
      profile: structuredClone(this.profileData),
      days: [...days.keys()].sort().map((date) => ({ ...days.get(date)! })),
    };
  }
}

/** An empty builder (profile: age 30, premenopausal). */
export function log(): LogBuilder {
  return new LogBuilder();
}

/** A dense log of "none" entries over [from, to]. */
export function quietLog(from: IsoDate, to: IsoDate): LogBuilder {
  return new LogBuilder().none(from, to);
}

export interface RegularCycleOptions {
  from: IsoDate;
  length?: number;
  /** Number of cycles, each a period followed by "none" days up to `length`. */
  count: number;
  /** Period length in days (default 5: medium, medium, light, light, spotting). */
  days?: number;
  pattern?: Bleeding[];
}

/**
 * `count` periods `length` days apart from `from`, logged densely through the day before the
 * next (predicted) start: count − 1 completed cycles, P = from + count × length (D7).
 */
export function regularCycles(options: RegularCycleOptions): LogBuilder {
  const length = options.length ?? 28;
  const builder = new LogBuilder();
  for (let k = 0; k < options.count; k++) {
    builder.period(addDays(options.from, k * length), options.pattern ?? options.days ?? 5);
  }
  return builder.none(options.from, addDays(options.from, options.count * length - 1));
}

export interface CycleOptions {
  from: IsoDate;
  /** The completed cycle lengths; there is one more period than lengths. */
  lengths: number[];
  /** Period length in days (default 5), or one per period. */
  days?: number | number[];
  pattern?: Bleeding[];
}

/** Periods separated by the given cycle lengths; logged densely through the last period's end. */
export function cycles(options: CycleOptions): LogBuilder {
  const builder = new LogBuilder();
  let start = options.from;
  const starts = [start];
  for (const length of options.lengths) {
    start = addDays(start, length);
    starts.push(start);
  }
  starts.forEach((s, i) => {
    const days = Array.isArray(options.days) ? (options.days[i] ?? 5) : (options.days ?? 5);
    builder.period(s, options.pattern ?? days);
  });
  return builder;
}

/** The start dates of `cycles(options)`. */
export function cycleStarts(from: IsoDate, lengths: number[]): IsoDate[] {
  const starts = [from];
  for (const length of lengths) starts.push(addDays(starts[starts.length - 1]!, length));
  return starts;
}

// --- Analysis helpers ------------------------------------------------------------------------

export interface Result {
  analysis: Analysis;
  findings: Finding[];
  /** The highest tier each rule reached. */
  tiers: Map<RuleId, Tier>;
}

export function analyze(input: CycleLog | LogBuilder, options: AnalyzeOptions = {}): Result {
  const built = input instanceof LogBuilder ? input.build() : input;
  const analysis = analyzeLog(built, options);
  const tiers = new Map<RuleId, Tier>();
  for (const f of analysis.findings) {
    const seen = tiers.get(f.rule);
    tiers.set(f.rule, seen ? higherTier(seen, f.tier) : f.tier);
  }
  return { analysis, findings: analysis.findings, tiers };
}

/** The findings of one rule. */
export function findingsOf(result: Result, rule: RuleId): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

/** A one-line summary of every finding, shown when an assertion fails. */
export function describeFindings(result: Result): string {
  const lines = result.findings.map(
    (f) => `${f.rule}=${f.tier} ${f.start}..${f.end} cd${f.cycle_day ?? '-'}`,
  );
  return `as_of ${result.analysis.as_of}; findings: ${lines.join('; ') || 'none'}`;
}

export type Expected = Partial<Record<RuleId, Tier>>;

/**
 * Asserts that every rule in `must` fired with exactly that highest tier and that no rule in
 * `mustNot` fired, in one comparison so a failure shows every difference at once.
 */
export function expectFlags(
  input: CycleLog | LogBuilder | Result,
  must: Expected,
  mustNot: RuleId[] = [],
  options: AnalyzeOptions = {},
): Result {
  const result = 'tiers' in input ? input : analyze(input, options);
  const actual: Record<string, Tier | 'not fired'> = {};
  const expected: Record<string, Tier | 'not fired'> = {};
  for (const [rule, tier] of Object.entries(must) as [RuleId, Tier][]) {
    actual[rule] = result.tiers.get(rule) ?? 'not fired';
    expected[rule] = tier;
  }
  for (const rule of mustNot) {
    actual[rule] = result.tiers.get(rule) ?? 'not fired';
    expected[rule] = 'not fired';
  }
  expect(actual, describeFindings(result)).toEqual(expected);
  return result;
}

export interface RuleCase {
  name: string;
  log: LogBuilder | CycleLog;
  /** Rules that must fire, with their highest tier. */
  must?: Expected;
  /** Rules that must not fire. */
  not?: RuleId[];
  asOf?: IsoDate;
  /** Further assertions (dates, cycle day, facts, not_evaluated). */
  check?: (result: Result) => void;
}

/** One vitest case per row. */
export function ruleCases(cases: RuleCase[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = expectFlags(c.log, c.must ?? {}, c.not ?? [], c.asOf ? { asOf: c.asOf } : {});
    c.check?.(result);
  });
}

/** The single finding of `rule` (fails unless exactly one). */
export function onlyFinding(result: Result, rule: RuleId): Finding {
  const found = findingsOf(result, rule);
  expect(found.length, describeFindings(result)).toBe(1);
  return found[0]!;
}

/** The fact codes of every finding of `rule`. */
export function factCodes(result: Result, rule: RuleId): string[] {
  return findingsOf(result, rule).flatMap((f) => f.facts.map((x) => x.code));
}

/**
 * Rule 10 after issue 16 item 3: an on-time period that starts on the day of sex or the next is
 * an explanation, not a flag — no `period-onset-after-sex` finding, and a not_flagged entry that
 * says why the bleeding was not counted as bleeding after sex.
 */
export function expectOnTimePeriodAfterSex(result: Result): void {
  expect(result.tiers.has('period-onset-after-sex'), describeFindings(result)).toBe(false);
  const reasons = result.analysis.not_flagged
    .filter((n) => n.rule === 'postcoital-bleeding')
    .map((n) => n.reason.code);
  expect(reasons).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^(period-on-time|labelled-period-no-prediction)$/),
    ]),
  );
}

// --- Views of an analysis for the fact tests ----------------------------------------------------

/** Whether `rule` fired at all. */
export function fired(result: Result, rule: RuleId): boolean {
  return result.findings.some((f) => f.rule === rule);
}

/** The single finding of `rule` without its checklist and sources: tier, dates and facts. */
export function onlyFindingView(result: Result, rule: RuleId) {
  const f = onlyFinding(result, rule);
  return { tier: f.tier, start: f.start, end: f.end, facts: f.facts };
}

/** The facts of each finding of `rule`, in order. */
export function factsOf(result: Result, rule: RuleId): Fact[][] {
  return findingsOf(result, rule).map((f) => f.facts);
}

/** The not_flagged entries of `rule`: date and reason. */
export function skipsOf(result: Result, rule: RuleId): { date: string; reason: Fact }[] {
  return result.analysis.not_flagged
    .filter((n) => n.rule === rule)
    .map((n) => ({ date: n.date, reason: n.reason }));
}

/** The not_flagged entries of `rule` on `date`, whole. */
export function skipsOn(result: Result, rule: RuleId, date: string): NotFlagged[] {
  return result.analysis.not_flagged.filter((n) => n.rule === rule && n.date === date);
}

/** The reasons `rule` could not be evaluated. */
export function notEvaluatedOf(result: Result, rule: RuleId): Fact[] {
  return result.analysis.not_evaluated.filter((n) => n.rule === rule).map((n) => n.reason);
}

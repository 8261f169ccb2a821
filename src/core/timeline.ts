/**
 * The log laid out on a day-number axis from the first logged date to the evaluation date, so
 * every rule reads a date in O(1) and counts over windows with prefix sums (no rule may be
 * quadratic in the length of the log).
 */
import { toDay } from './dates.ts';
import type { Day, CycleLog, Severity } from './log.ts';

const SEVERITY_RANK: Record<Severity, number> = { none: 0, mild: 1, moderate: 2, severe: 3 };

export function severityRank(severity: Severity | undefined): number {
  return severity === undefined ? 0 : SEVERITY_RANK[severity];
}

export class Timeline {
  /** Day number of the first logged date. */
  readonly first: number;
  /** The evaluation date E (D14). */
  readonly end: number;
  private readonly entries: (Day | undefined)[];
  /** Prefix counts of not-tracked days: notTrackedBefore[i] = not-tracked days in [first, first+i). */
  private readonly notTrackedPrefix: Int32Array;

  constructor(log: CycleLog, first: number, end: number) {
    this.first = first;
    this.end = end;
    const size = Math.max(0, end - first + 1);
    this.entries = new Array<Day | undefined>(size);
    for (const day of log.days) {
      const n = toDay(day.date);
      if (n >= first && n <= end) this.entries[n - first] = day;
    }
    const marks = new Uint8Array(size);
    for (const range of log.profile.not_tracked ?? []) {
      const from = Math.max(toDay(range.from), first);
      const to = Math.min(toDay(range.to), end);
      for (let n = from; n <= to; n++) marks[n - first] = 1;
    }
    this.notTrackedPrefix = new Int32Array(size + 1);
    for (let i = 0; i < size; i++) {
      this.notTrackedPrefix[i + 1] = this.notTrackedPrefix[i]! + marks[i]!;
    }
  }

  /** The entry logged on day n, if any (D0). */
  at(n: number): Day | undefined {
    if (n < this.first || n > this.end) return undefined;
    return this.entries[n - this.first];
  }

  /** Whether any day in [from, to] is not tracked: a declared pause, or before the first logged date. */
  hasNotTracked(from: number, to: number): boolean {
    if (from > to) return false;
    if (from < this.first) return true;
    const a = from - this.first;
    const b = Math.min(to, this.end) - this.first + 1;
    if (b <= a) return false;
    return this.notTrackedPrefix[b]! - this.notTrackedPrefix[a]! > 0;
  }

  /** D1: blood seen, from the vagina or of unsure source. */
  isBleedingDay(n: number): boolean {
    const day = this.at(n);
    return day !== undefined && isGenitalBleeding(day);
  }

  isSexDay(n: number): boolean {
    const day = this.at(n);
    return day !== undefined && isSex(day);
  }

  /** The worse of cramps and pelvic pain on day n, 0 (none) … 3 (severe). */
  painRank(n: number): number {
    const day = this.at(n);
    if (!day) return 0;
    return Math.max(severityRank(day.cramps), severityRank(day.pelvic_pain));
  }

  hasFever(n: number): boolean {
    const day = this.at(n);
    return day !== undefined && isFever(day);
  }

  /** D11 red flag on day n. */
  hasRedFlag(n: number): boolean {
    const day = this.at(n);
    if (!day) return false;
    return (
      this.painRank(n) >= 2 ||
      isFever(day) ||
      day.discharge === 'unusual' ||
      day.odor === true ||
      day.painful_urination === true
    );
  }

  /** Unusual discharge, odour or painful urination (the infection symptoms of rule 34). */
  hasInfectionSymptom(n: number): boolean {
    const day = this.at(n);
    return (
      day !== undefined &&
      (day.discharge === 'unusual' || day.odor === true || day.painful_urination === true)
    );
  }

  /** Days with an entry, in order, as day numbers. */
  *loggedDays(): Generator<number> {
    for (let i = 0; i < this.entries.length; i++) if (this.entries[i]) yield this.first + i;
  }
}

export function isGenitalBleeding(day: Day): boolean {
  if (day.bleeding === undefined || day.bleeding === 'none') return false;
  return day.bleeding_source !== 'urinary' && day.bleeding_source !== 'rectal';
}

export function isSex(day: Day): boolean {
  return day.sex === true || day.first_sex === true || day.pain_during_sex === true;
}

/** Ticked, or a measured temperature of 38.0 °C or more; basal temperatures never count. */
export function isFever(day: Day): boolean {
  return day.fever === true || (day.temperature !== undefined && day.temperature >= 38);
}

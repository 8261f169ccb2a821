/**
 * Episodes, periods, cycles and predictions (D3–D7, D15).
 */
import type { Bleeding } from './log.ts';
import type { States } from './states.ts';
import type { Timeline } from './timeline.ts';

/** Two bleeding days at most this far apart stay in one episode (D3). */
const EPISODE_GAP = 2;
/** D7: at most this many recent completed cycles feed a prediction; at least 2 usable are needed. */
const PREDICTION_CYCLES = 6;
const PREDICTION_MIN_USABLE = 2;

const LEVEL_RANK: Record<Bleeding, number> = {
  none: 0,
  spotting: 1,
  light: 2,
  medium: 3,
  heavy: 4,
};

export function bleedingRank(level: Bleeding | undefined): number {
  return level === undefined ? 0 : LEVEL_RANK[level];
}

export interface Episode {
  /** Bleeding days (D1), ascending day numbers. */
  days: number[];
  first: number;
  last: number;
  flowDays: number;
  heavyDays: number;
  /** Highest amount on any day, 1 (spotting) … 4 (heavy). */
  maxRank: number;
  /** The person labelled one of its days as their period. */
  labeled: boolean;
  /** D4 (and not bleeding in pregnancy or after menopause, which are never periods). */
  isPeriod: boolean;
  /** D5: the first flow day, for periods. */
  start: number | undefined;
}

export interface Cycle {
  start: number;
  next: number;
  length: number;
  usable: boolean;
}

export function findEpisodes(tl: Timeline, states: States): Episode[] {
  const episodes: Episode[] = [];
  let current: number[] = [];
  const close = () => {
    if (current.length > 0) episodes.push(makeEpisode(current, tl, states));
    current = [];
  };
  for (const n of tl.loggedDays()) {
    if (!tl.isBleedingDay(n)) continue;
    const previous = current[current.length - 1];
    if (previous !== undefined && n - previous > EPISODE_GAP) close();
    current.push(n);
  }
  close();
  return episodes;
}

function makeEpisode(days: number[], tl: Timeline, states: States): Episode {
  let flowDays = 0;
  let heavyDays = 0;
  let maxRank = 0;
  let labeled = false;
  let labeledNot = false;
  let start: number | undefined;
  for (const n of days) {
    const day = tl.at(n)!;
    const rank = bleedingRank(day.bleeding);
    maxRank = Math.max(maxRank, rank);
    if (rank >= 2) {
      flowDays++;
      start ??= n;
    }
    if (rank === 4) heavyDays++;
    if (day.period === true) labeled = true;
    if (day.period === false) labeledNot = true;
  }
  const first = days[0]!;
  // Correction 5: the person's own label decides first; a bleed they marked "not a period"
  // (period = no, an app's spotting record) is never a period, however many flow days it has.
  const isPeriodShape = labeled ? flowDays >= 1 : !labeledNot && flowDays >= 2;
  const isPeriod =
    isPeriodShape && !states.isPregnantAfterStart(first) && !states.isPostmenopausalOn(first);
  return {
    days,
    first,
    last: days[days.length - 1]!,
    flowDays,
    heavyDays,
    maxRank,
    labeled,
    isPeriod,
    start: isPeriod ? start : undefined,
  };
}

/** Periods in order, with their cycles and the predictions that depend on them. */
export class CycleModel {
  readonly periods: Episode[];
  readonly starts: number[];
  readonly cycles: Cycle[];

  constructor(
    episodes: Episode[],
    tl: Timeline,
    private readonly states: States,
  ) {
    this.periods = episodes.filter((e) => e.isPeriod);
    this.starts = this.periods.map((p) => p.start!);
    this.cycles = [];
    for (let k = 0; k + 1 < this.starts.length; k++) {
      const start = this.starts[k]!;
      const next = this.starts[k + 1]!;
      const usable =
        !tl.hasNotTracked(start, next - 1) &&
        !states.hasHormonalBetween(start, next - 1) &&
        !states.hasPregnancyBetween(start, next - 1);
      this.cycles.push({ start, next, length: next - start, usable });
    }
  }

  /** Number of period starts strictly before day n. */
  private countStartsBefore(n: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** D15: the number of period starts on or before day n. */
  cycleIndex(n: number): number {
    return this.countStartsBefore(n + 1);
  }

  /** The last period start on or before day n. */
  lastStartOnOrBefore(n: number): number | undefined {
    const i = this.cycleIndex(n);
    return i > 0 ? this.starts[i - 1] : undefined;
  }

  /** The first period start strictly after day n. */
  nextStartAfter(n: number): number | undefined {
    return this.starts[this.cycleIndex(n)];
  }

  /** Whether a period starts on any day of [from, to]. */
  hasStartBetween(from: number, to: number): boolean {
    const next = this.starts[this.countStartsBefore(from)];
    return next !== undefined && next <= to;
  }

  /** Cycle day of n (day 1 = the last period start on or before n), or null. */
  cycleDay(n: number): number | null {
    const start = this.lastStartOnOrBefore(n);
    return start === undefined ? null : n - start + 1;
  }

  /** D7: the predicted start after the periods before day x, or undefined (no prediction). */
  predict(x: number): number | undefined {
    const before = this.countStartsBefore(x);
    if (before < 2) return undefined;
    const last = this.starts[before - 1]!;
    // Completed cycles among the starts before x are cycles 0 … before-2.
    const lengths: number[] = [];
    for (let k = Math.max(0, before - 1 - PREDICTION_CYCLES); k <= before - 2; k++) {
      const cycle = this.cycles[k]!;
      if (cycle.usable) lengths.push(cycle.length);
    }
    if (lengths.length < PREDICTION_MIN_USABLE) return undefined;
    if (this.states.hasHormonalBetween(last, x)) return undefined;
    return last + Math.floor(median(lengths) + 0.5);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

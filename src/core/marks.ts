/**
 * Per-day marks derived from episodes, used by the pain and infection rules: which days are
 * period-related (D14), inside a period episode, or bleeding days of a non-period episode.
 */
import type { Episode } from './episodes.ts';
import type { Timeline } from './timeline.ts';

export class DayMarks {
  private readonly periodRelatedDays: Uint8Array;
  private readonly periodEpisodeDays: Uint8Array;
  private readonly npeBleedingDays: Uint8Array;
  private readonly first: number;

  constructor(tl: Timeline, episodes: Episode[]) {
    this.first = tl.first;
    const size = Math.max(0, tl.end - tl.first + 1);
    this.periodRelatedDays = new Uint8Array(size);
    this.periodEpisodeDays = new Uint8Array(size);
    this.npeBleedingDays = new Uint8Array(size);
    for (const e of episodes) {
      if (e.isPeriod) {
        const from = Math.min(e.first, e.start! - 2);
        for (let n = Math.max(from, tl.first); n <= e.last; n++)
          this.periodRelatedDays[n - tl.first] = 1;
        for (let n = e.first; n <= e.last; n++) this.periodEpisodeDays[n - tl.first] = 1;
      } else {
        for (const n of e.days) this.npeBleedingDays[n - tl.first] = 1;
      }
    }
  }

  private get(marks: Uint8Array, n: number): boolean {
    const i = n - this.first;
    return i >= 0 && i < marks.length && marks[i] === 1;
  }

  /** D14: from the earlier of the episode's first day and start − 2, to its last day. */
  isPeriodRelated(n: number): boolean {
    return this.get(this.periodRelatedDays, n);
  }

  isInPeriodEpisode(n: number): boolean {
    return this.get(this.periodEpisodeDays, n);
  }

  /** A bleeding day that belongs to a non-period episode. */
  isNonPeriodBleeding(n: number): boolean {
    return this.get(this.npeBleedingDays, n);
  }
}

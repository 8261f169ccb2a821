/**
 * Exports mention contraception per day (drip: "IUD" ticked on a sex day; Periodical, Clue, Flo:
 * a pill taken). Only what the export states without ambiguity goes into the profile, and never
 * with a start date: an invented insertion date would open a settling window that downgrades
 * flags. Everything else becomes a question for the person.
 */
import type { IsoDate } from '../../core/dates.ts';
import type { ContraceptionInterval } from '../../core/log.ts';
import type { ProfileGap } from '../../log/import-contract.ts';
import { iudTypeGap, methodDatesGap, pillGap } from '../../log/profile-gaps.ts';

export type SightedMethod = 'iud' | 'implant' | 'patch' | 'ring' | 'pill';

const ORDER: readonly SightedMethod[] = ['iud', 'implant', 'ring', 'patch', 'pill'];

export class MethodSightings {
  private readonly seen = new Map<SightedMethod, { first: IsoDate; last: IsoDate }>();

  see(method: SightedMethod, date: IsoDate): void {
    const span = this.seen.get(method);
    if (!span) this.seen.set(method, { first: date, last: date });
    else {
      if (date < span.first) span.first = date;
      if (date > span.last) span.last = date;
    }
  }

  /** Intervals for the profile (IUD of unknown type, implant, ring, patch) and the questions. */
  result(pillWording?: string): { contraception: ContraceptionInterval[]; gaps: ProfileGap[] } {
    const contraception: ContraceptionInterval[] = [];
    const gaps: ProfileGap[] = [];
    for (const method of ORDER) {
      const span = this.seen.get(method);
      if (!span) continue;
      if (method === 'pill') {
        gaps.push(pillGap(span.first, span.last, pillWording));
      } else if (method === 'iud') {
        contraception.push({ method: 'iud' });
        gaps.push(iudTypeGap(span.first, span.last));
      } else {
        contraception.push({ method });
        gaps.push(methodDatesGap(method, span.first, span.last));
      }
    }
    return { contraception, gaps };
  }
}

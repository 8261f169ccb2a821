/**
 * Collects what an export says about each calendar date into one canonical day per date. Several
 * records for the same date combine the way duplicate rows of a canonical log do (docs/log-format.md
 * `date`): the highest amount, the worst severity, and yes wins.
 */
import type { IsoDate } from '../../core/dates.ts';
import {
  BLEEDING_LEVELS,
  DISCHARGES,
  SEVERITIES,
  type Bleeding,
  type Day,
  type Discharge,
  type Severity,
} from '../../core/log.ts';

type FlagField =
  | 'period'
  | 'sex'
  | 'first_sex'
  | 'pain_during_sex'
  | 'odor'
  | 'painful_urination'
  | 'fever'
  | 'soaking'
  | 'dizzy';

function higher<T extends string>(order: readonly T[], a: T | undefined, b: T): T {
  if (a === undefined) return b;
  return order.indexOf(b) > order.indexOf(a) ? b : a;
}

// Lone surrogates cannot be written as UTF-8; NUL is refused by the canonical readers.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Free text as a canonical log stores it, so that a converted log reads back unchanged. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replaceAll('\u0000', '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .trim();
}

function joinDistinct(current: string | undefined, next: string, separator: string): string {
  if (current === undefined || current === '') return next;
  const parts = current.split(separator);
  return parts.includes(next) ? current : current + separator + next;
}

export class DayBuilder {
  private readonly days = new Map<IsoDate, Day>();

  /** Marks the date as logged (an entry), even when nothing on it maps to a canonical field. */
  entry(date: IsoDate): Day {
    let day = this.days.get(date);
    if (!day) {
      day = { date };
      this.days.set(date, day);
    }
    return day;
  }

  has(date: IsoDate): boolean {
    return this.days.has(date);
  }

  bleeding(date: IsoDate, level: Bleeding): void {
    const day = this.entry(date);
    day.bleeding = higher(BLEEDING_LEVELS, day.bleeding, level);
  }

  severity(date: IsoDate, field: 'cramps' | 'pelvic_pain', level: Severity): void {
    const day = this.entry(date);
    day[field] = higher(SEVERITIES, day[field], level);
  }

  discharge(date: IsoDate, value: Discharge): void {
    const day = this.entry(date);
    day.discharge = higher(DISCHARGES, day.discharge, value);
  }

  /** Sets a yes/no field to yes. Exports never say "no" in a way that adds anything to unset. */
  flag(date: IsoDate, field: FlagField): void {
    this.entry(date)[field] = true;
  }

  bloodColor(date: IsoDate, color: string): void {
    const clean = cleanText(color);
    if (clean === '') return;
    const day = this.entry(date);
    day.blood_color = joinDistinct(day.blood_color, clean, '; ');
  }

  note(date: IsoDate, text: string): void {
    const clean = cleanText(text);
    if (clean === '') return;
    const day = this.entry(date);
    day.notes = joinDistinct(day.notes, clean, '; ');
  }

  get size(): number {
    return this.days.size;
  }

  /** The days sorted by date, as a validated log needs them. */
  build(): Day[] {
    return [...this.days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
}

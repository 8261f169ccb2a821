/**
 * Profile-derived states on a date (D12): pregnancy and its week, menopause, age, contraception
 * and settling windows. Intervals are closed day-number ranges; an open end is +Infinity.
 */
import { civilFromDayNumber, dayNumber, parseIsoDate, toDay } from './dates.ts';
import { HORMONAL_METHODS, type Method, type Profile } from './log.ts';
import {
  COPPER_IUD_SETTLING_DAYS,
  HORMONAL_IUD_SETTLING_DAYS,
  OTHER_HORMONAL_SETTLING_DAYS,
  PREGNANCY_MAX_DAYS,
} from './windows.ts';

export interface MethodInterval {
  method: Method;
  /** -Infinity when the start is unknown (in use since before the log). */
  start: number;
  end: number;
}

export class States {
  readonly methods: MethodInterval[];
  /** Pregnancy interval, or undefined. */
  readonly pregnancy: { start: number; end: number } | undefined;
  /** Gestational week on a date, or undefined when unknown. */
  private readonly weekOf: ((n: number) => number) | undefined;
  /**
   * Postmenopausal from this day: -Infinity when recorded as post, the end of 12 months without
   * bleeding when inferred from the log (correction 2), undefined otherwise.
   */
  readonly menopauseFrom: number | undefined;
  /** Postmenopausal on the evaluation date (recorded or inferred). */
  readonly postmenopausal: boolean;
  readonly perimenopausal: boolean;
  private readonly birth: number | undefined;
  private readonly statedAge: number | undefined;
  private readonly end: number;

  constructor(profile: Profile, end: number, inferredMenopauseFrom?: number) {
    this.end = end;
    this.methods = (profile.contraception ?? [])
      .filter((c) => c.method !== 'none')
      .map((c) => ({
        method: c.method,
        start: c.start !== undefined ? toDay(c.start) : -Infinity,
        end: c.end !== undefined ? toDay(c.end) : Infinity,
      }));
    this.menopauseFrom = profile.menopause === 'post' ? -Infinity : inferredMenopauseFrom;
    this.postmenopausal = this.menopauseFrom !== undefined && this.menopauseFrom <= end;
    this.perimenopausal = profile.menopause === 'peri';
    const pregnancy = profile.pregnancy;
    if (pregnancy) {
      let start: number | undefined;
      if (pregnancy.start !== undefined) start = toDay(pregnancy.start);
      if (pregnancy.week !== undefined && pregnancy.week_on !== undefined) {
        const week = pregnancy.week;
        const ref = toDay(pregnancy.week_on);
        this.weekOf = (n) => week + Math.floor((n - ref) / 7);
        start ??= ref - week * 7;
      } else if (pregnancy.due !== undefined) {
        const due = toDay(pregnancy.due);
        this.weekOf = (n) => Math.floor((280 - (due - n)) / 7);
        start ??= due - 280;
      }
      if (start !== undefined) {
        const stop =
          pregnancy.end !== undefined ? toDay(pregnancy.end) : start + PREGNANCY_MAX_DAYS;
        this.pregnancy = { start, end: stop };
      }
    }
    if (profile.birth_date !== undefined) {
      const text = profile.birth_date;
      this.birth = /^\d{4}$/.test(text) ? dayNumber(Number(text), 7, 1) : parseIsoDate(text);
    }
    this.statedAge = profile.age;
  }

  /** Postmenopausal on day n (recorded, or inferred from the log from its date on). */
  isPostmenopausalOn(n: number): boolean {
    return this.menopauseFrom !== undefined && n >= this.menopauseFrom;
  }

  isPregnant(n: number): boolean {
    return this.pregnancy !== undefined && n >= this.pregnancy.start && n <= this.pregnancy.end;
  }

  /**
   * Pregnant for the bleeding rules: after the start date. The start is the first day of the last
   * period (LMP), so bleeding that began on it is that period, not bleeding in pregnancy.
   */
  isPregnantAfterStart(n: number): boolean {
    return this.pregnancy !== undefined && n > this.pregnancy.start && n <= this.pregnancy.end;
  }

  /** Completed gestational weeks on day n, or undefined when the week cannot be known. */
  pregnancyWeek(n: number): number | undefined {
    return this.weekOf?.(n);
  }

  /** Age in whole years on day n, or undefined. A stated age is the age on the evaluation date. */
  ageOn(n: number): number | undefined {
    if (this.birth !== undefined) return completedYears(this.birth, n);
    if (this.statedAge !== undefined) {
      return this.statedAge - Math.floor(Math.max(0, this.end - n) / 365.2425);
    }
    return undefined;
  }

  methodsOn(n: number): MethodInterval[] {
    return this.methods.filter((m) => n >= m.start && n <= m.end);
  }

  isHormonalOn(n: number): boolean {
    return this.methods.some(
      (m) => n >= m.start && n <= m.end && HORMONAL_METHODS.includes(m.method),
    );
  }

  /** Whether a hormonal method is active on any day of [from, to]. */
  hasHormonalBetween(from: number, to: number): boolean {
    return this.methods.some(
      (m) => HORMONAL_METHODS.includes(m.method) && m.start <= to && m.end >= from,
    );
  }

  /** A copper IUD, or an IUD of unknown type (treated as copper: the more cautious reading). */
  copperIudOn(n: number): MethodInterval | undefined {
    return this.methodsOn(n).find((m) => m.method === 'copper-iud' || m.method === 'iud');
  }

  hormonalIudOn(n: number): MethodInterval | undefined {
    return this.methodsOn(n).find((m) => m.method === 'hormonal-iud');
  }

  /**
   * The IUD in place on day n. On the day one IUD replaces another both are listed as in place;
   * the new one is returned, since its insertion is what raises the risk of infection (rule 33).
   */
  iudOn(n: number): MethodInterval | undefined {
    let newest: MethodInterval | undefined;
    for (const m of this.methodsOn(n)) {
      const isIud = m.method === 'copper-iud' || m.method === 'hormonal-iud' || m.method === 'iud';
      if (isIud && (newest === undefined || m.start > newest.start)) newest = m;
    }
    return newest;
  }

  /** The hormonal method whose settling window contains day n, if any. */
  hormonalSettlingOn(n: number): MethodInterval | undefined {
    return this.methodsOn(n).find((m) => {
      if (!HORMONAL_METHODS.includes(m.method) || m.start === -Infinity) return false;
      const limit =
        m.method === 'hormonal-iud' ? HORMONAL_IUD_SETTLING_DAYS : OTHER_HORMONAL_SETTLING_DAYS;
      return n - m.start <= limit;
    });
  }

  /** The copper IUD whose settling window contains day n, if any. */
  copperSettlingOn(n: number): MethodInterval | undefined {
    const iud = this.copperIudOn(n);
    if (!iud || iud.start === -Infinity) return undefined;
    return n - iud.start <= COPPER_IUD_SETTLING_DAYS ? iud : undefined;
  }

  /** Whether a pregnancy overlaps [from, to]. */
  hasPregnancyBetween(from: number, to: number): boolean {
    return this.pregnancy !== undefined && this.pregnancy.start <= to && this.pregnancy.end >= from;
  }
}

function completedYears(birth: number, n: number): number {
  const b = civilFromDayNumber(birth);
  const d = civilFromDayNumber(n);
  const beforeBirthday = d.month < b.month || (d.month === b.month && d.day < b.day);
  return Math.max(0, d.year - b.year - (beforeBirthday ? 1 : 0));
}

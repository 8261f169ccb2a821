/**
 * Precedence step 6: period duration, volume, premenstrual spotting and painful periods
 * (rules 14 b, 15, 20, 23, 24, 26).
 */
import { dateFact, fact, type Context } from '../context.ts';
import { LOOK_BACK_DAYS } from '../windows.ts';
import { formatIsoDate } from '../dates.ts';
import type { Episode } from '../episodes.ts';
import type { Fact } from '../facts.ts';
import type { MethodInterval } from '../states.ts';

const PROLONGED_DAYS = 8;
const VERY_LONG_DAYS = 10;
const HEAVY_DAYS = 3;

function duration(p: Episode): number {
  return p.last - p.start! + 1;
}

function periodFacts(p: Episode): Fact[] {
  return [dateFact('period', p.start!, { value: duration(p), other: p.heavyDays })];
}

function methodFact(m: MethodInterval, day: number): Fact {
  return dateFact('method-since', m.start, { value: m.method, other: day - m.start });
}

export function analyzePeriods(ctx: Context, painfulSexFired: boolean): void {
  const { states, model } = ctx;
  const since = ctx.E - LOOK_BACK_DAYS + 1;
  const prolonged: Episode[] = [];
  const heavy: Episode[] = [];

  for (const p of model.periods) {
    const base = { start: p.start!, end: p.last, inProgress: ctx.inProgress(p) };
    const long = duration(p) > PROLONGED_DAYS;
    const isHeavy = p.heavyDays >= HEAVY_DAYS;
    if (!long && !isHeavy) continue;
    const hormonal = states.hormonalSettlingOn(p.first);
    const copperWindow = states.copperSettlingOn(p.first);
    const copperAfter = !copperWindow ? states.copperIudOn(p.first) : undefined;
    const recent = p.start! >= since;

    if (copperWindow) {
      ctx.flag({
        rule: 'copper-iud-bleeding-changes',
        tier: 'info',
        ...base,
        facts: [
          ...periodFacts(p),
          methodFact(copperWindow, p.first),
          fact(long ? 'long-period' : 'heavy-period'),
        ],
      });
      if (long) ctx.skip('prolonged-period', p.start!, fact('absorbed-copper-window'));
      if (isHeavy) ctx.skip('heavy-period', p.start!, fact('absorbed-copper-window'));
      continue;
    }
    if (long) {
      // a heavy period is not settling-in bleeding. Calling it "common while a method
      // settles" (info) beside heavy-period (soon) showed one bleed at two tiers with opposite
      // advice; a heavy long period on a new method is judged as any other period.
      if (hormonal && !isHeavy) {
        ctx.flag({
          rule: 'hormonal-breakthrough-bleeding',
          ...base,
          facts: [...periodFacts(p), methodFact(hormonal, p.first), fact('long-period')],
        });
        ctx.skip('prolonged-period', p.start!, fact('absorbed-hormonal-window'));
      } else if (recent) {
        prolonged.push(p);
      }
    }
    if (isHeavy && recent) heavy.push(p);
    if (copperAfter && recent) {
      ctx.flag({
        rule: 'copper-iud-bleeding-changes',
        tier: 'soon',
        ...base,
        facts: [
          ...periodFacts(p),
          methodFact(copperAfter, p.first),
          fact(long ? 'long-period' : 'heavy-period'),
        ],
      });
    }
  }

  flagProlonged(ctx, prolonged, heavy);
  flagHeavy(ctx, heavy);
  analyzePremenstrualSpotting(ctx, since);
  analyzePainfulPeriods(ctx, since, heavy.length > 0, painfulSexFired);
}

/** Rule 23: periods longer than 8 days; soon when two lasted 10 days or more. */
function flagProlonged(ctx: Context, prolonged: Episode[], heavy: Episode[]): void {
  const veryLong = prolonged.filter((p) => duration(p) >= VERY_LONG_DAYS);
  for (const p of prolonged) {
    const escalate = veryLong.length >= 2;
    // One bleed, one finding: a long period that is also heavy is reported once, as heavy-period
    // raised to soon for being long too (escalated-heavy-and-long), not again at next-visit.
    if (heavy.includes(p) && !escalate) {
      ctx.skip('prolonged-period', p.start!, fact('reported-as-heavy-and-long'));
      continue;
    }
    ctx.flag({
      rule: 'prolonged-period',
      tier: escalate ? 'soon' : 'next-visit',
      start: p.start!,
      end: p.last,
      inProgress: ctx.inProgress(p),
      facts: [
        ...periodFacts(p),
        ...(escalate ? [fact('escalated-two-10-day-periods', { value: veryLong.length })] : []),
      ],
    });
  }
}

/** Rule 24: periods with 3+ heavy days; soon when repeated or also long. */
function flagHeavy(ctx: Context, heavy: Episode[]): void {
  // `heavy` holds only periods of the last 182 days, so an older period among the last three
  // never counts: no need to filter them by date first.
  const heavyOfLastThree = ctx.model.periods.slice(-3).filter((p) => heavy.includes(p)).length;
  for (const p of heavy) {
    const escalations: Fact[] = [];
    if (heavyOfLastThree >= 2)
      escalations.push(fact('escalated-heavy-repeated', { value: heavyOfLastThree }));
    if (duration(p) > PROLONGED_DAYS)
      escalations.push(fact('escalated-heavy-and-long', { value: duration(p) }));
    ctx.flag({
      rule: 'heavy-period',
      tier: escalations.length > 0 ? 'soon' : 'next-visit',
      start: p.start!,
      end: p.last,
      inProgress: ctx.inProgress(p),
      facts: [...periodFacts(p), ...escalations],
    });
  }
}

/** The bleeding days before a period's start (D5: its first flow day), so spotting days. */
function preStartSpotting(p: Episode): number[] {
  return p.days.filter((n) => n < p.start!);
}

function analyzePremenstrualSpotting(ctx: Context, since: number): void {
  const candidates = ctx.model.periods
    .filter((p) => p.start! >= since && !ctx.states.isHormonalOn(p.start!))
    .slice(-3);
  const qualifying = candidates.filter((p) => preStartSpotting(p).length >= 2);
  for (const p of candidates) {
    if (preStartSpotting(p).length === 1)
      ctx.skip('premenstrual-spotting', p.first, fact('single-spotting-day-is-onset'));
  }
  if (qualifying.length < 2) return;
  const last = qualifying[qualifying.length - 1]!;
  ctx.flag({
    rule: 'premenstrual-spotting',
    start: qualifying[0]!.first,
    end: last.start! - 1,
    facts: qualifying.map((p) =>
      dateFact('premenstrual-spotting-days', p.start!, { value: preStartSpotting(p).length }),
    ),
  });
}

function analyzePainfulPeriods(
  ctx: Context,
  since: number,
  heavyFired: boolean,
  painfulSexFired: boolean,
): void {
  const { tl, marks } = ctx;
  const lastThree = ctx.model.periods.filter((p) => p.start! >= since).slice(-3);
  const severeDays = (p: Episode) => {
    const days: number[] = [];
    for (let n = Math.min(p.first, p.start! - 2); n <= p.last; n++) {
      if (tl.at(n)?.cramps === 'severe') days.push(n);
    }
    return days;
  };
  const painful = lastThree.filter((p) => severeDays(p).length > 0);
  if (painful.length < 2) return;
  const escalations: Fact[] = [];
  if (heavyFired) escalations.push(fact('escalated-with-heavy-period'));
  if (painfulSexFired) escalations.push(fact('escalated-with-painful-sex'));
  let nonCyclic = 0;
  for (let n = ctx.E - 29; n <= ctx.E; n++) {
    const level = tl.at(n)?.pelvic_pain;
    if (level !== undefined && level !== 'none' && !marks.isInPeriodEpisode(n)) nonCyclic++;
  }
  if (nonCyclic >= 3) escalations.push(fact('escalated-non-cyclic-pain', { value: nonCyclic }));
  const last = painful[painful.length - 1]!;
  ctx.flag({
    rule: 'painful-periods-red-flags',
    tier: escalations.length > 0 ? 'soon' : 'next-visit',
    start: painful[0]!.start!,
    end: last.last,
    inProgress: ctx.inProgress(last),
    facts: [
      ...painful.map((p) =>
        dateFact('severe-cramps-in-period', severeDays(p)[0]!, { other: formatIsoDate(p.start!) }),
      ),
      ...escalations,
    ],
  });
}

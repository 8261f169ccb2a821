/**
 * Precedence step 7: cycle timing (rules 27–31). Only usable cycles (D6) count; not evaluated
 * after menopause; rules 27–29 only at ages 18–45; perimenopause lowers the tiers. A pregnancy is
 * no reason to skip them (§3 F names only menopause): the cycles it overlaps are unusable, and
 * rules 28 (Apple), 30 and 31 refuse a pregnancy in their own windows.
 */
import { dateFact, fact, type Context } from '../context.ts';
import type { Fact } from '../facts.ts';
import type { Cycle } from '../episodes.ts';
import type { Tier } from '../tiers.ts';
import type { RuleId } from './ids.ts';
import { MENOPAUSE_INFERENCE_AGE } from '../menopause.ts';
import { ABSENT_PERIOD_DAYS, CYCLE_YEAR_DAYS, LOOK_BACK_DAYS } from '../windows.ts';

/** FIGO 2018 shortest-to-longest limits by age band; unknown age takes the strictest band. */
function irregularLimit(age: number | undefined): number {
  if (age === undefined) return 7;
  if (age <= 25) return 9;
  if (age <= 41) return 7;
  return 9;
}

/** Perimenopause lowers a cycle-timing tier to info. */
type Lower = <T extends Tier>(tier: T) => T | 'info';

const TIMING_RULES: RuleId[] = [
  'irregular-cycles',
  'infrequent-periods',
  'frequent-periods',
  'absent-periods',
  'late-period',
];

export function analyzeCycleTiming(ctx: Context): void {
  const { states, model } = ctx;
  const E = ctx.E;
  if (states.postmenopausal) {
    for (const rule of TIMING_RULES) ctx.cannot(rule, ctx.menopauseFact());
    return;
  }
  const age = states.ageOn(E);
  const peri = states.perimenopausal;
  const lower: Lower = (tier) => (peri ? 'info' : tier);
  const ageFacts = age === undefined ? [fact('age-unknown-adult-limits')] : [];
  const periFacts = peri ? [fact('perimenopause-lowered')] : [];

  const usable = model.cycles.filter((c) => c.usable);
  const lastYear = usable.filter((c) => c.start >= E - CYCLE_YEAR_DAYS + 1);
  const lastHalf = usable.filter((c) => c.start >= E - LOOK_BACK_DAYS + 1);
  const inAgeBand = age === undefined || (age >= 18 && age <= 45);

  if (!inAgeBand) {
    for (const rule of ['irregular-cycles', 'infrequent-periods'] as const) {
      ctx.cannot(rule, fact('age-outside-18-45', { value: age! }));
    }
  } else {
    analyzeIrregular(ctx, lastYear, lastHalf, irregularLimit(age), lower, [
      ...ageFacts,
      ...periFacts,
    ]);
    analyzeInfrequent(ctx, lastYear, lower, [...ageFacts, ...periFacts]);
  }
  // Correction 5: over 45, bleeding that comes more often than every 24 days is not waved
  // through as perimenopause (bleeding between periods at 45+ is referred): rule 29 still runs.
  if (age !== undefined && age < 18) {
    ctx.cannot('frequent-periods', fact('age-outside-18-45', { value: age }));
  } else {
    analyzeFrequent(ctx, lastYear, lower, [...ageFacts, ...periFacts]);
  }

  analyzeAbsentOrLate(ctx, age, [...ageFacts, ...periFacts]);
}

/** Rules 30 and 31: no period for 90 days, or the next period 7+ days late. */
function analyzeAbsentOrLate(ctx: Context, age: number | undefined, extra: Fact[]): void {
  const { states, model, tl } = ctx;
  const E = ctx.E;
  const peri = states.perimenopausal;
  const adult = age === undefined || age >= 18;
  const last = model.starts[model.starts.length - 1];
  if (!adult) {
    ctx.cannot('absent-periods', fact('age-under-18', { value: age }));
    ctx.cannot('late-period', fact('age-under-18', { value: age }));
    return;
  }
  // No period start in the log: its first day stands in for one, so 90 days logged without a
  // period is absent periods too (one or two starts in 6 months already flag infrequent periods).
  // Not at 45 or over: months without any period there may be the menopause transition, which a
  // log without a single period cannot tell apart, so the rule is not evaluated.
  const from = last ?? tl.first;
  const gap = tl.hasNotTracked(from, E);
  const hormonal = states.hasHormonalBetween(from, E);
  const pregnant = states.hasPregnancyBetween(from, E);
  const since = last !== undefined ? E - last : E - tl.first + 1;
  const judged = last !== undefined || age === undefined || age < MENOPAUSE_INFERENCE_AGE;
  if (judged && since >= ABSENT_PERIOD_DAYS) {
    if (gap) ctx.cannot('absent-periods', fact('tracking-gap-since-last-period'));
    else if (hormonal) ctx.cannot('absent-periods', fact('hormonal-method-since-last-period'));
    else if (pregnant) ctx.cannot('absent-periods', fact('pregnancy-since-last-period'));
    else {
      ctx.flag({
        rule: 'absent-periods',
        tier: peri ? 'next-visit' : 'soon',
        start: from,
        end: E,
        facts: [
          dateFact(last === undefined ? 'no-period-since-log-start' : 'last-period-start', from, {
            value: since,
          }),
          ...extra,
        ],
      });
    }
    return;
  }
  if (last === undefined) {
    ctx.cannot('absent-periods', fact('no-period-logged'));
    ctx.cannot('late-period', fact('no-period-logged'));
    return;
  }
  const predicted = model.predict(E + 1);
  // A hormonal method since the last period leaves no prediction (D7): that is the reason to give.
  if (predicted === undefined) {
    ctx.cannot(
      'late-period',
      fact(hormonal ? 'hormonal-method-since-last-period' : 'no-prediction'),
    );
    return;
  }
  if (E < predicted + 7) return;
  if (gap || pregnant) {
    ctx.cannot(
      'late-period',
      fact(gap ? 'tracking-gap-since-last-period' : 'pregnancy-since-last-period'),
    );
    return;
  }
  ctx.flag({
    rule: 'late-period',
    start: predicted,
    end: E,
    facts: [
      dateFact('predicted-start', predicted, { value: E - predicted }),
      dateFact('last-period-start', last, { value: since }),
    ],
  });
}

function cycleFacts(cycles: Cycle[]) {
  return cycles.map((c) => dateFact('cycle', c.start, { value: c.length }));
}

function analyzeIrregular(
  ctx: Context,
  lastYear: Cycle[],
  lastHalf: Cycle[],
  limit: number,
  lower: Lower,
  extra: Fact[],
): void {
  const spread = (cycles: Cycle[]) =>
    Math.max(...cycles.map((c) => c.length)) - Math.min(...cycles.map((c) => c.length));
  const apple = lastHalf.length >= 2 && spread(lastHalf) >= 17;
  const figo = lastYear.length >= 3 && spread(lastYear) > limit;
  if (!apple && !figo) {
    if (lastYear.length < 3 && lastHalf.length < 2)
      ctx.cannot(
        'irregular-cycles',
        fact('too-few-usable-cycles', { value: lastYear.length, other: 3 }),
      );
    return;
  }
  const cycles = apple ? lastHalf : lastYear;
  const facts = apple
    ? [fact('apple-spread', { value: spread(lastHalf) }), ...cycleFacts(lastHalf)]
    : [fact('figo-spread', { value: spread(lastYear), other: limit }), ...cycleFacts(lastYear)];
  ctx.flag({
    rule: 'irregular-cycles',
    tier: lower(apple ? 'soon' : 'next-visit'),
    start: cycles[0]!.start,
    end: cycles[cycles.length - 1]!.next,
    facts: [...facts, ...extra],
  });
}

function analyzeInfrequent(ctx: Context, lastYear: Cycle[], lower: Lower, extra: Fact[]): void {
  const { model, tl, states } = ctx;
  const E = ctx.E;
  const lastThree = lastYear.slice(-3);
  const long = lastThree.filter((c) => c.length > 38);
  const figo = long.length >= 2;
  const from = E - LOOK_BACK_DAYS + 1;
  const startsInHalf = model.starts.filter((s) => s >= from && s <= E).length;
  const apple =
    (startsInHalf === 1 || startsInHalf === 2) &&
    tl.first <= from &&
    !tl.hasNotTracked(from, E) &&
    !states.hasHormonalBetween(from, E) &&
    !states.hasPregnancyBetween(from, E);
  if (!figo && !apple) {
    if (lastThree.length < 2 && tl.first > from)
      ctx.cannot(
        'infrequent-periods',
        fact('too-few-usable-cycles', { value: lastYear.length, other: 2 }),
      );
    return;
  }
  const facts = apple
    ? [fact('apple-few-periods', { value: startsInHalf }), ...cycleFacts(lastThree)]
    : [fact('figo-long-cycles', { value: long.length }), ...cycleFacts(lastThree)];
  ctx.flag({
    rule: 'infrequent-periods',
    tier: lower(apple ? 'soon' : 'next-visit'),
    start: apple ? from : lastThree[0]!.start,
    end: apple ? E : lastThree[lastThree.length - 1]!.next,
    facts: [...facts, ...extra],
  });
}

function analyzeFrequent(ctx: Context, lastYear: Cycle[], lower: Lower, extra: Fact[]): void {
  const lastThree = lastYear.slice(-3);
  const short = lastThree.filter((c) => c.length < 24);
  if (short.length < 2) {
    if (lastThree.length < 2)
      ctx.cannot(
        'frequent-periods',
        fact('too-few-usable-cycles', { value: lastThree.length, other: 2 }),
      );
    return;
  }
  ctx.flag({
    rule: 'frequent-periods',
    tier: lower('next-visit'),
    start: lastThree[0]!.start,
    end: lastThree[lastThree.length - 1]!.next,
    facts: [fact('short-cycles', { value: short.length }), ...cycleFacts(lastThree), ...extra],
  });
}

/**
 * Precedence step 8: rules that run in every state and are never suppressed — acute heavy
 * bleeding, missed period with pain, pain and infection signs, non-vaginal blood, postcoital
 * pain, painful sex, and pregnancy with an IUD in place.
 */
import { dateFact, fact, type Context } from '../context.ts';
import {
  IUD_INSERTION_INFECTION_DAYS,
  LOOK_BACK_DAYS,
  PAINFUL_SEX_WINDOW_DAYS,
  PID_SIGNS_WINDOW_DAYS,
} from '../windows.ts';
import { formatIsoDate } from '../dates.ts';
import { uniqueFacts, type Fact } from '../facts.ts';
import { isFever, isGenitalBleeding, severityRank } from '../timeline.ts';
import { maxPain, painWord, type BleedingOutcome } from './bleeding-episodes.ts';
import type { RuleTier } from './catalogue.ts';
import type { RuleId } from './ids.ts';

/** Days at most `gap` apart form one group, so a rule reports one flag per episode of symptoms. */
export function groupDays(days: number[], gap = 2): number[][] {
  const groups: number[][] = [];
  for (const n of days) {
    const last = groups[groups.length - 1];
    if (last && n - last[last.length - 1]! <= gap) last.push(n);
    else groups.push([n]);
  }
  return groups;
}

function flagGroups<R extends RuleId>(
  ctx: Context,
  rule: R,
  days: number[],
  describe: (group: number[]) => { tier?: RuleTier<R>; facts: Fact[] },
): void {
  for (const group of groupDays(days)) {
    const { tier, facts } = describe(group);
    ctx.flag({ rule, tier, start: group[0]!, end: group[group.length - 1]!, facts });
  }
}

export function analyzeIndependent(
  ctx: Context,
  bleeding: BleedingOutcome,
): { painfulSexFired: boolean } {
  analyzeAcuteHeavy(ctx);
  analyzeMissedPeriodWithPain(ctx);
  analyzeNonVaginal(ctx);
  analyzePregnancyWithIud(ctx);
  analyzePelvicInfection(ctx);
  analyzeInfectionSymptoms(ctx);
  analyzeSeverePelvicPain(ctx);
  analyzePersistentPelvicPain(ctx);
  analyzePostcoitalPain(ctx, bleeding);
  return { painfulSexFired: analyzePainfulSex(ctx, bleeding) };
}

function analyzeAcuteHeavy(ctx: Context): void {
  const days: number[] = [];
  for (const n of ctx.tl.loggedDays()) {
    const day = ctx.tl.at(n)!;
    // Dizziness counts with genital blood only: urine or rectal blood goes to rule 37 (§2.3 step 1).
    if (day.soaking === true || (isGenitalBleeding(day) && day.dizzy === true)) days.push(n);
  }
  flagGroups(ctx, 'acute-heavy-bleeding', days, (group) => ({
    facts: group.flatMap((n) => {
      const day = ctx.tl.at(n)!;
      const facts: Fact[] = [];
      if (day.soaking) facts.push(dateFact('soaking', n));
      if (day.dizzy) facts.push(dateFact('dizzy-while-bleeding', n));
      return facts;
    }),
  }));
}

function analyzeMissedPeriodWithPain(ctx: Context): void {
  const { states, model, tl } = ctx;
  for (const episode of ctx.episodes) {
    if (episode.isPeriod || states.isPregnant(episode.first)) continue;
    if (states.isPostmenopausalOn(episode.first)) continue;
    // A missed period is known only when no hormonal method was in use from the last period to
    // the day the next was due; a method started after that day does not explain the missed
    // period, and hormonal contraception does not rule out an ectopic pregnancy — so the rule is
    // not lowered day by day once the period was missed (a clinical decision, docs/rules.md).
    const last = model.lastStartOnOrBefore(episode.first);
    const predicted = last !== undefined ? model.predict(last + 1) : undefined;
    if (predicted === undefined || states.hasHormonalBetween(last!, predicted)) continue;
    if (ctx.E < predicted + 7 || model.hasStartBetween(predicted - 8, ctx.E)) continue;
    const day = episode.days.find((n) => n >= predicted - 8 && maxPain(ctx, n - 1, n + 1) >= 2);
    if (day === undefined) continue;
    const painDays: Fact[] = [];
    for (let n = day - 1; n <= day + 1; n++)
      if (tl.painRank(n) >= 2)
        painDays.push(dateFact('pain-level', n, { value: painWord(ctx, n) }));
    ctx.flag({
      rule: 'missed-period-bleeding-with-pain',
      start: episode.first,
      end: episode.last,
      inProgress: ctx.inProgress(episode),
      facts: [
        dateFact('predicted-start', predicted, { value: ctx.E - predicted }),
        dateFact('bleeding-day', day, { value: tl.at(day)!.bleeding! }),
        ...painDays,
      ],
    });
  }
}

function analyzeNonVaginal(ctx: Context): void {
  const { tl } = ctx;
  for (const source of ['urinary', 'rectal'] as const) {
    const days: number[] = [];
    for (const n of tl.loggedDays()) {
      const day = tl.at(n)!;
      if (day.bleeding !== undefined && day.bleeding !== 'none' && day.bleeding_source === source)
        days.push(n);
    }
    flagGroups(ctx, 'non-vaginal-bleeding-source', days, (group) => {
      const feverDay =
        source === 'urinary'
          ? group.flatMap((n) => [n - 1, n, n + 1]).find((n) => tl.hasFever(n))
          : undefined;
      return {
        tier: feverDay !== undefined ? 'urgent' : 'soon',
        facts: [
          ...group.map((n) =>
            dateFact('blood-source', n, { value: source, other: tl.at(n)!.bleeding! }),
          ),
          ...(feverDay !== undefined ? [dateFact('escalated-urinary-fever', feverDay)] : []),
        ],
      };
    });
  }
}

function analyzePregnancyWithIud(ctx: Context): void {
  const { states } = ctx;
  const pregnancy = states.pregnancy;
  if (!pregnancy) return;
  const to = Math.min(pregnancy.end, ctx.E);
  const iud = states.methods.find(
    (m) =>
      (m.method === 'copper-iud' || m.method === 'hormonal-iud' || m.method === 'iud') &&
      m.start <= to &&
      m.end > pregnancy.start,
  );
  if (!iud) return;
  const start = Math.max(pregnancy.start, iud.start);
  ctx.flag({
    rule: 'pregnancy-with-iud',
    start,
    end: Math.min(to, iud.end),
    facts: [
      fact('iud-in-place', {
        value: iud.method,
        ...(Number.isFinite(iud.start) ? { date: formatIsoDate(iud.start) } : {}),
      }),
      dateFact('pregnant-from', pregnancy.start),
    ],
  });
}

function analyzePelvicInfection(ctx: Context): void {
  const { tl, marks, states } = ctx;
  const days: number[] = [];
  const reasons = new Map<number, Fact[]>();
  for (const n of tl.loggedDays()) {
    const day = tl.at(n)!;
    const found: Fact[] = [];
    if (isFever(day)) {
      for (let d = n - 1; d <= n + 1; d++) {
        const near = tl.at(d);
        if (!near) continue;
        if (severityRank(near.pelvic_pain) >= 2)
          found.push(dateFact('pelvic-pain', d, { value: near.pelvic_pain! }));
        if (severityRank(near.cramps) >= 2 && !marks.isInPeriodEpisode(d))
          found.push(dateFact('cramps-outside-period', d, { value: near.cramps! }));
        if (near.discharge === 'unusual') found.push(dateFact('unusual-discharge', d));
        if (near.odor) found.push(dateFact('odor', d));
        if (near.pain_during_sex) found.push(dateFact('pain-during-sex', d));
        if (near.painful_urination) found.push(dateFact('painful-urination', d));
        if (marks.isNonPeriodBleeding(d)) found.push(dateFact('non-period-bleeding', d));
      }
      // Rule 12 says fever with pain after sex also fires this rule, even when the pain is mild.
      for (let s = n - 2; s <= n; s++) {
        if (tl.isSexDay(s) && Math.max(tl.painRank(s), tl.painRank(s + 1)) >= 1) {
          found.push(dateFact('pain-after-sex', s));
          break;
        }
      }
      if (found.length > 0)
        found.unshift(
          dateFact('fever', n, day.temperature !== undefined ? { value: day.temperature } : {}),
        );
    }
    found.push(...pidSignsWithoutFever(ctx, n));
    // iudOn(n) is an IUD in place on day n, so n − iud.start is never negative.
    const iud = states.iudOn(n);
    if (
      iud &&
      Number.isFinite(iud.start) &&
      n - iud.start <= IUD_INSERTION_INFECTION_DAYS &&
      (isFever(day) || day.pelvic_pain === 'severe')
    ) {
      found.push(
        dateFact('iud-inserted-recently', iud.start, {
          value: n - iud.start,
          other: isFever(day) ? 'fever' : 'severe pelvic pain',
        }),
      );
    }
    if (found.length > 0) {
      days.push(n);
      reasons.set(n, found);
    }
  }
  flagGroups(ctx, 'pelvic-infection-red-flags', days, (group) => ({
    facts: uniqueFacts(group.flatMap((n) => reasons.get(n)!)),
  }));
}

/**
 * Correction 3: pelvic pain or cramps of moderate or worse outside a period, or pain during sex,
 * with unusual discharge or odour within a few days of each other — signs of pelvic infection
 * without a fever (NHS PID: "ask for an urgent GP appointment"). Returns the facts for day n
 * when n is a discharge or odour day that meets it, else none.
 */
function pidSignsWithoutFever(ctx: Context, n: number): Fact[] {
  const { tl, marks } = ctx;
  const day = tl.at(n)!;
  if (day.discharge !== 'unusual' && day.odor !== true) return [];
  const pain: Fact[] = [];
  for (let d = n - PID_SIGNS_WINDOW_DAYS; d <= n + PID_SIGNS_WINDOW_DAYS; d++) {
    const near = tl.at(d);
    if (!near) continue;
    if (!marks.isPeriodRelated(d)) {
      if (severityRank(near.pelvic_pain) >= 2)
        pain.push(dateFact('pelvic-pain', d, { value: near.pelvic_pain! }));
      if (severityRank(near.cramps) >= 2)
        pain.push(dateFact('cramps-outside-period', d, { value: near.cramps! }));
    }
    if (near.pain_during_sex) pain.push(dateFact('pain-during-sex', d));
  }
  if (pain.length === 0) return [];
  const signs: Fact[] = [];
  if (day.discharge === 'unusual') signs.push(dateFact('unusual-discharge', n));
  if (day.odor) signs.push(dateFact('odor', n));
  return [fact('pid-signs-without-fever'), ...signs, ...pain];
}

function analyzeInfectionSymptoms(ctx: Context): void {
  const { tl, marks } = ctx;
  const symptomDays = [...tl.loggedDays()].filter((n) => tl.hasInfectionSymptom(n));
  const qualifying: number[] = [];
  for (let i = 0; i < symptomDays.length; i++) {
    const n = symptomDays[i]!;
    const prev = symptomDays[i - 1];
    const next = symptomDays[i + 1];
    let ok = (prev !== undefined && n - prev <= 6) || (next !== undefined && next - n <= 6);
    for (let d = n - 2; d <= n + 2 && !ok; d++) {
      if (marks.isNonPeriodBleeding(d) || severityRank(tl.at(d)?.pelvic_pain) >= 1) ok = true;
    }
    if (ok) qualifying.push(n);
  }
  for (const group of groupDays(qualifying, 6)) {
    ctx.flag({
      rule: 'infection-symptoms',
      start: group[0]!,
      end: group[group.length - 1]!,
      facts: group.flatMap((n) => symptomFacts(ctx, n)),
    });
  }
}

function symptomFacts(ctx: Context, n: number): Fact[] {
  const day = ctx.tl.at(n)!;
  const facts: Fact[] = [];
  if (day.discharge === 'unusual') facts.push(dateFact('unusual-discharge', n));
  if (day.odor) facts.push(dateFact('odor', n));
  if (day.painful_urination) facts.push(dateFact('painful-urination', n));
  return facts;
}

function analyzeSeverePelvicPain(ctx: Context): void {
  const { tl, marks } = ctx;
  const days: number[] = [];
  for (const n of tl.loggedDays()) {
    if (marks.isPeriodRelated(n)) continue;
    const day = tl.at(n)!;
    // Correction 4: severe cramps are severe pain whether or not there was sex the day before.
    if (day.pelvic_pain === 'severe' || day.cramps === 'severe') days.push(n);
  }
  flagGroups(ctx, 'severe-pelvic-pain', days, (group) => ({
    facts: group.map((n) => dateFact('pain-level', n, { value: painWord(ctx, n) })),
  }));
}

function analyzePersistentPelvicPain(ctx: Context): void {
  const { tl } = ctx;
  const first = Math.max(tl.first, ctx.E - LOOK_BACK_DAYS + 1);
  // Prefix counts of pelvic-pain days from `first` to E (spans run past E only over no entries).
  // analyzeLog ends the timeline at max(E, first − 1): size ≥ 0, and at 0 no window is found.
  const size = ctx.E - first + 1;
  const prefix = new Int32Array(size + 1);
  for (let i = 0; i < size; i++)
    prefix[i + 1] = prefix[i]! + (severityRank(tl.at(first + i)?.pelvic_pain) >= 1 ? 1 : 0);
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < size; i++) {
    const count = prefix[Math.min(size, i + 30)]! - prefix[i]!;
    if (count >= 13 && count > bestCount) {
      best = i;
      bestCount = count;
    }
  }
  if (best < 0) return;
  const from = first + best;
  const to = Math.min(ctx.E, from + 29);
  let start = from;
  while (severityRank(tl.at(start)?.pelvic_pain) === 0) start++;
  let end = to;
  while (severityRank(tl.at(end)?.pelvic_pain) === 0) end--;
  const age = ctx.states.ageOn(ctx.E);
  ctx.flag({
    rule: 'persistent-pelvic-pain',
    start,
    end,
    facts: [
      dateFact('pain-days-in-30', from, { value: bestCount, other: formatIsoDate(from + 29) }),
      ...(age !== undefined && age >= 50 ? [fact('age-50-concern', { value: age })] : []),
    ],
  });
}

interface PainEvent {
  sex: number;
  firstPain: number;
  lastPain: number;
  facts: Fact[];
  redFlags: Fact[];
}

function analyzePostcoitalPain(ctx: Context, bleeding: BleedingOutcome): void {
  const { tl, marks } = ctx;
  // Correction 6: cramps on period days (D14: from 2 days before the start) are period pain, not
  // pain after sex, exactly as severe-pelvic-pain leaves them out — unless the bleed itself
  // counts as bleeding after sex (D9), when its pain is pain after sex as well.
  const painAfter = (s: number) => (n: number) =>
    !bleeding.sexDaysWithLinkedBleeding.has(s) && marks.isPeriodRelated(n) ? 0 : tl.painRank(n);
  const hasPainEvent = (s: number) => painAfter(s)(s) >= 1 || painAfter(s)(s + 1) >= 1;
  const sexDays = [...tl.loggedDays()].filter((n) => tl.isSexDay(n));
  const events: PainEvent[] = [];
  for (let i = 0; i < sexDays.length; i++) {
    const s = sexDays[i]!;
    if (!hasPainEvent(s)) continue;
    const pain = painAfter(s);
    const firstPain = pain(s) >= 1 ? s : s + 1;
    const lastPain = pain(s + 1) >= 1 ? s + 1 : s;
    const facts: Fact[] = [dateFact('sex', s)];
    for (const d of [s, s + 1])
      if (pain(d) >= 1) facts.push(dateFact('pain-level', d, { value: painWord(ctx, d) }));
    const redFlags: Fact[] = [];
    if (Math.max(pain(s), pain(s + 1)) >= 3) redFlags.push(fact('red-flag-severe'));
    if (pain(firstPain + 1) >= 1 && pain(firstPain + 2) >= 1)
      redFlags.push(dateFact('red-flag-three-days', firstPain));
    // (c) pain after at least 3 of the last 4 sex days within 90 days.
    const recent = [];
    for (let j = i; j >= 0 && recent.length < 4 && s - sexDays[j]! < PAINFUL_SEX_WINDOW_DAYS; j--)
      recent.push(sexDays[j]!);
    const withPain = recent.filter(hasPainEvent).length;
    if (withPain >= 3)
      redFlags.push(fact('red-flag-repeated', { value: withPain, other: recent.length }));
    for (let d = s; d <= s + 2; d++) {
      const day = tl.at(d);
      if (!day) continue;
      if (isFever(day)) redFlags.push(dateFact('fever', d));
      if (day.discharge === 'unusual') redFlags.push(dateFact('unusual-discharge', d));
      if (day.odor) redFlags.push(dateFact('odor', d));
      if (day.painful_urination) redFlags.push(dateFact('painful-urination', d));
    }
    if (bleeding.sexDaysWithLinkedBleeding.has(s))
      redFlags.push(dateFact('red-flag-bleeding-after-sex', s));
    events.push({ sex: s, firstPain, lastPain, facts, redFlags });
  }
  // Consecutive sex days can describe the same pain; report them as one episode.
  const groups: PainEvent[][] = [];
  for (const event of events) {
    const last = groups[groups.length - 1];
    if (last && event.sex - last[last.length - 1]!.sex <= 1) last.push(event);
    else groups.push([event]);
  }
  for (const group of groups) {
    const red = group.some((e) => e.redFlags.length > 0);
    const lastEvent = group[group.length - 1]!;
    ctx.flag({
      rule: red ? 'postcoital-cramping-red-flags' : 'postcoital-cramping',
      tier: red ? 'soon' : 'info',
      start: group[0]!.sex,
      end: lastEvent.lastPain,
      facts: uniqueFacts(group.flatMap((e) => [...e.facts, ...e.redFlags])),
    });
    if (red) ctx.skip('postcoital-cramping', group[0]!.sex, fact('has-red-flags'));
  }
}

function analyzePainfulSex(ctx: Context, bleeding: BleedingOutcome): boolean {
  const { tl, states } = ctx;
  const days: number[] = [];
  for (let n = Math.max(tl.first, ctx.E - PAINFUL_SEX_WINDOW_DAYS + 1); n <= ctx.E; n++)
    if (tl.at(n)?.pain_during_sex === true) days.push(n);
  if (days.length === 0) return false;
  const withIud = days.filter((n) => states.iudOn(n));
  if (days.length < 2 && withIud.length === 0) {
    ctx.skip('painful-sex-recurrent', days[0]!, fact('single-painful-sex-day'));
    return false;
  }
  const escalations: Fact[] = [];
  for (const n of days) {
    if (bleeding.sexDaysWithLinkedBleeding.has(n))
      escalations.push(dateFact('escalated-bleeding-after-sex', n));
    for (let d = n - 2; d <= n + 2; d++) {
      if (tl.hasInfectionSymptom(d)) {
        escalations.push(dateFact('escalated-infection-sign', d));
        break;
      }
    }
  }
  if (withIud.length > 0)
    escalations.push(
      dateFact('iud-in-place-painful-sex', withIud[0]!, {
        value: states.iudOn(withIud[0]!)!.method,
      }),
    );
  ctx.flag({
    rule: 'painful-sex-recurrent',
    tier: escalations.length > 0 ? 'soon' : 'next-visit',
    start: days[0]!,
    end: days[days.length - 1]!,
    facts: [...days.map((n) => dateFact('pain-during-sex', n)), ...uniqueFacts(escalations)],
  });
  return true;
}

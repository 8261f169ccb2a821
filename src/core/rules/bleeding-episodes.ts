/**
 * Precedence steps 1–5 (docs/definitions.md, "Precedence") for every bleeding episode: pregnancy,
 * menopause, sex-linked episodes, then the other non-period episodes.
 */
import { dateFact, fact, type Context } from '../context.ts';
import { LOOK_BACK_DAYS, PERIOD_START_MAX_DAYS, PERIOD_START_TOLERANCE_DAYS } from '../windows.ts';
import { formatIsoDate } from '../dates.ts';
import { bleedingRank, type Episode } from '../episodes.ts';
import { uniqueFacts, type Fact } from '../facts.ts';
import { HORMONAL_METHODS } from '../log.ts';
import type { MethodInterval } from '../states.ts';
import type { RuleId } from './ids.ts';

/** A postcoital-bleeding event (D9) that the recurrence rule counts. */
export interface PcbEvent {
  sex: number;
  episode: Episode;
  rule: RuleId;
}

export interface BleedingOutcome {
  /** Events counted by `recurrent-postcoital-bleeding`. */
  pcbEvents: PcbEvent[];
  /**
   * Sex days with a PCB event (D9): a sex-linked episode other than a period that rule 10
   * accepts. Unlike `pcbEvents`, this includes first-sex bleeding and bleeding in pregnancy or
   * after menopause, which only rule 8 leaves out; rules 12 (d) and 32 read it.
   */
  sexDaysWithLinkedBleeding: Set<number>;
}

/** From this age any bleeding between periods is soon (corrections 2 and 5). */
const IMB_REFERRAL_AGE = 45;
/** Correction 1: from this completed gestational week, any bleeding in pregnancy is urgent. */
const URGENT_PREGNANCY_WEEK = 12;
const OVULATION_FIRST = 18;
const OVULATION_LAST = 12;

export function analyzeBleedingEpisodes(ctx: Context): BleedingOutcome {
  const outcome: BleedingOutcome = { pcbEvents: [], sexDaysWithLinkedBleeding: new Set() };
  const otherNpes: Episode[] = [];
  let earliestSex: number | undefined;
  for (const n of ctx.tl.loggedDays()) {
    if (ctx.tl.isSexDay(n)) {
      earliestSex = n;
      break;
    }
  }
  for (const episode of ctx.episodes) {
    const pregnantDays = ctx.states.isPregnantAfterStart(episode.first)
      ? episode.days.filter((n) => ctx.states.isPregnant(n))
      : [];
    const sex = findLinkedSexDay(ctx, episode);
    if (pregnantDays.length > 0) {
      analyzePregnancyBleeding(ctx, episode, pregnantDays, sex);
      if (sex !== undefined) {
        outcome.sexDaysWithLinkedBleeding.add(sex);
        ctx.skip('postcoital-bleeding', sex, fact('pregnant-handled-by-pregnancy-rules'));
      }
      continue;
    }
    if (ctx.states.isPostmenopausalOn(episode.first)) {
      analyzePostmenopausalBleeding(ctx, episode, sex);
      if (sex !== undefined) {
        outcome.sexDaysWithLinkedBleeding.add(sex);
        ctx.skip('postcoital-bleeding', sex, fact('postmenopausal-handled-by-pmb'));
      }
      continue;
    }
    if (sex !== undefined) {
      if (episode.isPeriod && isOnTimePeriodAfterSex(ctx, episode, sex)) continue;
      outcome.sexDaysWithLinkedBleeding.add(sex);
      classifyPcbEvent(ctx, episode, sex, outcome, earliestSex!);
      continue;
    }
    if (!episode.isPeriod && !isLateFirstSexBleeding(ctx, episode, earliestSex))
      otherNpes.push(episode);
  }
  recordSexDuringBleeding(ctx);
  analyzeRecurrentPcb(ctx, outcome.pcbEvents);
  analyzeOtherNpes(ctx, otherNpes);
  return outcome;
}

/** D8: the latest sex day S with the episode's first bleeding day in {S, S+1}. */
export function findLinkedSexDay(ctx: Context, episode: Episode): number | undefined {
  if (ctx.tl.isSexDay(episode.first)) return episode.first;
  if (ctx.tl.isSexDay(episode.first - 1)) return episode.first - 1;
  return undefined;
}

function episodeFacts(ctx: Context, episode: Episode): Fact[] {
  return episode.days.map((n) => dateFact('bleeding-day', n, { value: ctx.tl.at(n)!.bleeding! }));
}

// --- Pregnancy and menopause (steps 2 and 3) ---------------------------------------------

function analyzePregnancyBleeding(
  ctx: Context,
  episode: Episode,
  pregnantDays: number[],
  sex: number | undefined,
): void {
  const { tl, states } = ctx;
  const base = { start: episode.first, end: episode.last, inProgress: ctx.inProgress(episode) };
  const sexFacts = sex !== undefined ? [dateFact('sex-linked', sex)] : [];
  let handled = false;

  const heavy = pregnantDays.filter((n) => bleedingRank(tl.at(n)!.bleeding) >= 3);
  if (heavy.length > 0) {
    handled = true;
    ctx.flag({
      rule: 'pregnancy-bleeding-heavy',
      ...base,
      facts: [
        ...heavy.map((n) =>
          dateFact('pregnant-bleeding-amount', n, {
            value: tl.at(n)!.bleeding!,
            other: weekText(ctx, n),
          }),
        ),
        ...sexFacts,
      ],
    });
  }

  const painful = pregnantDays.filter(
    (n) => maxPain(ctx, n - 1, n + 1) >= 2 || hasFeverAround(ctx, n, 1),
  );
  if (painful.length > 0) {
    handled = true;
    const facts: Fact[] = [];
    for (const n of painful) {
      for (let d = n - 1; d <= n + 1; d++) {
        if (tl.painRank(d) >= 2) facts.push(dateFact('pain-level', d, { value: painWord(ctx, d) }));
        if (tl.hasFever(d)) facts.push(dateFact('fever', d));
      }
    }
    ctx.flag({
      rule: 'pregnancy-bleeding-with-pain',
      ...base,
      facts: [...uniqueFacts(facts), ...sexFacts],
    });
  }

  const late = pregnantDays.filter((n) => {
    const week = states.pregnancyWeek(n);
    return week === undefined || week >= 20;
  });
  if (late.length > 0) {
    handled = true;
    const first = late[0]!;
    const week = states.pregnancyWeek(first);
    ctx.flag({
      rule: 'pregnancy-bleeding-second-half',
      ...base,
      facts: [
        week === undefined
          ? fact('pregnancy-week-unknown')
          : dateFact('pregnancy-week', first, { value: week }),
        ...episodeFacts(ctx, episode),
        ...sexFacts,
      ],
    });
  }

  if (!handled) flagEarlyLight(ctx, episode, pregnantDays, sexFacts);
}

/**
 * Rule 4: spotting or light bleeding before week 20 without pain or fever. Correction 1: from
 * week 12+0 any bleeding, spotting included, is urgent (NHS maternity advice: "from 12 weeks …
 * phone straight away"); light bleeding before 12 weeks stays soon.
 */
function flagEarlyLight(
  ctx: Context,
  episode: Episode,
  pregnantDays: number[],
  sexFacts: Fact[],
): void {
  const { states } = ctx;
  const from12 = pregnantDays.find((n) => states.pregnancyWeek(n)! >= URGENT_PREGNANCY_WEEK);
  const shown = from12 ?? pregnantDays[0]!;
  ctx.flag({
    rule: 'pregnancy-bleeding-early-light',
    tier: from12 !== undefined ? 'urgent' : 'soon',
    start: episode.first,
    end: episode.last,
    inProgress: ctx.inProgress(episode),
    facts: [
      dateFact('pregnancy-week', shown, { value: states.pregnancyWeek(shown)! }),
      ...episodeFacts(ctx, episode),
      ...sexFacts,
      ...(from12 !== undefined ? [fact('escalated-week-12')] : []),
    ],
  });
}

function weekText(ctx: Context, n: number): string {
  const week = ctx.states.pregnancyWeek(n);
  return week === undefined ? 'unknown' : String(week);
}

function analyzePostmenopausalBleeding(
  ctx: Context,
  episode: Episode,
  sex: number | undefined,
): void {
  const heavy = episode.heavyDays > 0;
  const facts: Fact[] = [ctx.menopauseFact(), ...episodeFacts(ctx, episode)];
  if (sex !== undefined) facts.push(dateFact('sex-linked', sex));
  if (heavy) facts.push(fact('escalated-heavy-day'));
  const age = ctx.states.ageOn(episode.first);
  if (age !== undefined && age >= 55) facts.push(fact('age-55-fast-track', { value: age }));
  ctx.flag({
    rule: 'postmenopausal-bleeding',
    tier: heavy ? 'urgent' : 'soon',
    start: episode.first,
    end: episode.last,
    inProgress: ctx.inProgress(episode),
    facts,
  });
}

// --- Sex-linked episodes (step 4) -------------------------------------------------------

/**
 * Rule 10: a period that starts no more than 2 days before its predicted start (or is labelled
 * as a period when there is no prediction) is not bleeding after sex.
 */
function isOnTimePeriodAfterSex(ctx: Context, episode: Episode, sex: number): boolean {
  const start = episode.start!;
  const predicted = ctx.model.predict(episode.first);
  const accepted = predicted !== undefined ? start >= predicted - 2 : episode.labeled;
  if (!accepted) {
    ctx.skip(
      'period-onset-after-sex',
      sex,
      predicted !== undefined
        ? dateFact('period-too-early', predicted, { value: predicted - start })
        : fact('no-prediction-unlabelled'),
    );
    return false;
  }
  // an on-time period after sex is an explanation, not a concern — it is reported
  // among the events not flagged (and in --explain), never as a flag.
  ctx.skip(
    'postcoital-bleeding',
    sex,
    predicted !== undefined
      ? dateFact('period-on-time', predicted, { value: predicted - start })
      : fact('labelled-period-no-prediction'),
  );
  return true;
}

function classifyPcbEvent(
  ctx: Context,
  episode: Episode,
  sex: number,
  outcome: BleedingOutcome,
  earliestSex: number,
): void {
  const { states } = ctx;
  const base = { start: sex, end: episode.last, inProgress: ctx.inProgress(episode) };
  const facts = [dateFact('sex', sex), ...episodeFacts(ctx, episode)];

  const copper = states.copperIudOn(sex);
  if (copper) {
    ctx.flag({
      rule: 'copper-iud-postcoital-bleeding',
      ...base,
      facts: [...facts, ...iudFacts(copper)],
    });
    outcome.pcbEvents.push({ sex, episode, rule: 'copper-iud-postcoital-bleeding' });
    return;
  }

  const firstSex = ctx.tl.at(sex)!.first_sex === true;
  if (firstSex) {
    const failure = firstSexFailure(ctx, sex, earliestSex);
    if (failure === undefined) {
      ctx.flag({
        rule: 'first-sex-bleeding',
        ...base,
        facts: [...facts, fact('first-sex')],
      });
      ctx.skip('postcoital-bleeding', sex, fact('first-sex'));
      return;
    }
    ctx.skip('first-sex-bleeding', sex, failure);
    ctx.flag({ rule: 'postcoital-bleeding', tier: 'soon', ...base, facts: [...facts, failure] });
    outcome.pcbEvents.push({ sex, episode, rule: 'postcoital-bleeding' });
    return;
  }

  const stopped = meetsSingleDayQualifier(ctx, episode);
  const settling = states.hormonalSettlingOn(episode.first);
  if (settling?.method === 'hormonal-iud' && stopped) {
    ctx.flag({
      rule: 'hormonal-breakthrough-bleeding',
      ...base,
      facts: [...facts, ...methodFacts(settling, episode.first), fact('stopped-next-day')],
    });
    ctx.skip('postcoital-bleeding', sex, fact('hormonal-iud-settling-single-day'));
    outcome.pcbEvents.push({ sex, episode, rule: 'hormonal-breakthrough-bleeding' });
    return;
  }

  const hormonal = states.methodsOn(sex).find((m) => HORMONAL_METHODS.includes(m.method));
  const downgrade = hormonal !== undefined && stopped;
  if (downgrade) facts.push(fact('downgraded-hormonal-single-day', { value: hormonal.method }));
  ctx.flag({
    rule: 'postcoital-bleeding',
    tier: downgrade ? 'next-visit' : 'soon',
    ...base,
    facts,
  });
  outcome.pcbEvents.push({ sex, episode, rule: 'postcoital-bleeding' });
}

function iudFacts(iud: MethodInterval): Fact[] {
  const facts: Fact[] = [
    fact('iud-in-place', {
      value: iud.method,
      ...(Number.isFinite(iud.start) ? { date: formatIsoDate(iud.start) } : {}),
    }),
  ];
  if (iud.method === 'iud') facts.push(fact('iud-type-unknown'));
  return facts;
}

function methodFacts(method: MethodInterval, day: number): Fact[] {
  return [
    dateFact('method-since', method.start, { value: method.method, other: day - method.start }),
  ];
}

/**
 * Rule 9 looks at S..S+3 (ambiguity 3), wider than the sex link of D8: bleeding first seen two
 * days after first-ever sex is still the first-sex exemption when its other conditions hold.
 */
function isLateFirstSexBleeding(
  ctx: Context,
  episode: Episode,
  earliestSex: number | undefined,
): boolean {
  const sex = episode.first - 2;
  if (earliestSex !== sex || ctx.tl.at(sex)?.first_sex !== true) return false;
  if (ctx.states.copperIudOn(sex) || firstSexFailure(ctx, sex, earliestSex) !== undefined)
    return false;
  ctx.flag({
    rule: 'first-sex-bleeding',
    start: sex,
    end: episode.last,
    inProgress: ctx.inProgress(episode),
    facts: [dateFact('sex', sex), ...episodeFacts(ctx, episode), fact('first-sex')],
  });
  return true;
}

/** Rule 9's conditions; returns the first that fails, or undefined when all hold. */
function firstSexFailure(ctx: Context, sex: number, earliestSex: number): Fact | undefined {
  const { tl } = ctx;
  // Only the very first time is exempt (ambiguity 22): an earlier sex day means it was not.
  if (earliestSex < sex) return dateFact('first-sex-not-first', earliestSex);
  const bleeding = (n: number) => tl.isBleedingDay(n);
  // "Bleeding starts within S..S+2" always holds here: both callers pass an episode whose first
  // (bleeding) day is S, S+1 (D8) or S+2 (isLateFirstSexBleeding).
  for (let n = sex; n <= sex + 3; n++) {
    if (bleeding(n) && tl.at(n)!.bleeding === 'heavy') return dateFact('first-sex-heavy', n);
  }
  if (bleeding(sex + 3)) return dateFact('first-sex-bleeding-continues', sex + 3);
  for (let n = sex; n <= sex + 2; n++) {
    if (tl.painRank(n) >= 3) return dateFact('first-sex-severe-pain', n);
    if (tl.hasFever(n)) return dateFact('first-sex-fever', n);
  }
  return undefined;
}

/** D10: one spotting/light day, a logged day without bleeding after it, no red flag around it. */
export function meetsSingleDayQualifier(ctx: Context, episode: Episode): boolean {
  const { tl } = ctx;
  if (episode.isPeriod || episode.days.length !== 1) return false;
  if (episode.maxRank > 2) return false;
  // D10 asks for `bleeding = none` the next day (D0): urinary or rectal blood is not "stopped".
  const next = tl.at(episode.first + 1);
  if (next === undefined || (next.bleeding ?? 'none') !== 'none') return false;
  for (let n = episode.first - 1; n <= episode.first + 1; n++) if (tl.hasRedFlag(n)) return false;
  return true;
}

function recordSexDuringBleeding(ctx: Context): void {
  for (const episode of ctx.episodes) {
    for (let n = episode.first + 1; n <= episode.last; n++) {
      if (ctx.tl.isSexDay(n))
        ctx.skip('postcoital-bleeding', n, dateFact('bleeding-began-before-sex', episode.first));
    }
  }
}

function analyzeRecurrentPcb(ctx: Context, events: PcbEvent[]): void {
  const recent = events.filter((e) => e.sex >= ctx.E - LOOK_BACK_DAYS + 1);
  if (recent.length < 2) return;
  const first = recent[0]!.sex;
  const lastEvent = recent[recent.length - 1]!;
  const facts: Fact[] = recent.map((e) => dateFact('pcb-event', e.sex, { value: e.rule }));
  const age = ctx.states.ageOn(ctx.E);
  if (age !== undefined && age >= 35 && lastEvent.sex - first >= 28) {
    facts.push(fact('ask-about-referral', { value: age, other: lastEvent.sex - first }));
  }
  ctx.flag({
    rule: 'recurrent-postcoital-bleeding',
    start: first,
    end: lastEvent.episode.last,
    inProgress: ctx.inProgress(lastEvent.episode),
    facts,
  });
}

// --- Other non-period episodes (step 5) -------------------------------------------------

/**
 * The episodes a settling window, the period starting or possible implantation explains (each
 * flagged or set aside here); returns the rest, which the bleeding-between-periods rules judge.
 */
function flagExplainedNpes(ctx: Context, npes: Episode[]): Episode[] {
  const { states } = ctx;
  const remaining: Episode[] = [];
  for (const episode of npes) {
    if (isPeriodStarting(ctx, episode)) continue;
    const spotOrLight = episode.maxRank <= 2;
    const base = { start: episode.first, end: episode.last, inProgress: ctx.inProgress(episode) };
    const hormonal = states.hormonalSettlingOn(episode.first);
    if (hormonal && spotOrLight) {
      ctx.flag({
        rule: 'hormonal-breakthrough-bleeding',
        ...base,
        facts: [...episodeFacts(ctx, episode), ...methodFacts(hormonal, episode.first)],
      });
      continue;
    }
    const copper = states.copperSettlingOn(episode.first);
    if (copper && spotOrLight) {
      ctx.flag({
        rule: 'copper-iud-bleeding-changes',
        tier: 'info',
        ...base,
        facts: [
          ...episodeFacts(ctx, episode),
          ...methodFacts(copper, episode.first),
          ...(copper.method === 'iud' ? [fact('iud-type-unknown')] : []),
        ],
      });
      continue;
    }
    if (isPossibleImplantation(ctx, episode)) continue;
    remaining.push(episode);
  }
  return remaining;
}

function analyzeOtherNpes(ctx: Context, npes: Episode[]): void {
  const { states } = ctx;
  const remaining = flagExplainedNpes(ctx, npes);
  const recent = remaining.filter((e) => e.first >= ctx.E - LOOK_BACK_DAYS + 1);
  const recurrence = new Set<Episode>();
  if (passesRecurrence(ctx, recent)) {
    for (const e of recent) recurrence.add(e);
    const last = recent[recent.length - 1]!;
    ctx.flag({
      rule: 'recurrent-intermenstrual-spotting',
      start: recent[0]!.first,
      end: last.last,
      inProgress: ctx.inProgress(last),
      facts: recent.map((e) =>
        dateFact('npe', e.first, {
          value: e.last - e.first + 1,
          other: ctx.model.cycleDay(e.first) ?? 'unknown',
        }),
      ),
    });
  }
  const withCopper = recent.filter(
    (e) => states.copperIudOn(e.first) && !states.copperSettlingOn(e.first),
  );
  if (passesRecurrence(ctx, withCopper)) {
    const last = withCopper[withCopper.length - 1]!;
    ctx.flag({
      rule: 'copper-iud-bleeding-changes',
      tier: 'soon',
      start: withCopper[0]!.first,
      end: last.last,
      inProgress: ctx.inProgress(last),
      facts: [
        fact('copper-recurrent-spotting'),
        ...withCopper.map((e) =>
          dateFact('npe', e.first, {
            value: e.last - e.first + 1,
            other: ctx.model.cycleDay(e.first) ?? 'unknown',
          }),
        ),
      ],
    });
  }

  for (const episode of remaining) {
    if (recurrence.has(episode)) {
      ctx.skip('intermenstrual-bleeding', episode.first, fact('part-of-recurrence'));
      continue;
    }
    classifySingleNpe(ctx, episode);
  }
}

/**
 * A bleed of one or two days that began within 6 days of the predicted start and has not ended by
 * the evaluation date is most likely the period starting: one flow day is not yet a period (D4),
 * but calling it bleeding between periods would send everyone who runs the tool on day 1 to a
 * clinician. It is listed under not_flagged instead; once it ends, or goes on for a third day
 * without becoming a period, it is judged as usual. Fever, infection signs or severe pain around
 * it, or the person's own "not a period" label, keep it a finding (moderate cramps do not: they
 * are ordinary on the first day of a period).
 */
function isPeriodStarting(ctx: Context, episode: Episode): boolean {
  const { tl } = ctx;
  if (episode.last < ctx.E - 1 || tl.at(episode.last + 1) !== undefined) return false;
  if (episode.last - episode.first + 1 > PERIOD_START_MAX_DAYS) return false;
  const predicted = ctx.model.predict(episode.first);
  if (predicted === undefined || Math.abs(episode.first - predicted) > PERIOD_START_TOLERANCE_DAYS)
    return false;
  if (episode.days.some((n) => tl.at(n)!.period === false)) return false;
  // From the day before to the last day: the day after is not logged (checked above).
  for (let n = episode.first - 1; n <= episode.last; n++) {
    if (tl.hasFever(n) || tl.hasInfectionSymptom(n) || tl.painRank(n) >= 3) return false;
  }
  ctx.skip('intermenstrual-bleeding', episode.first, dateFact('period-may-be-starting', predicted));
  return true;
}

/** D16. */
function passesRecurrence(ctx: Context, npes: Episode[]): boolean {
  if (npes.length < 2) return false;
  const indices = new Set(npes.map((e) => ctx.model.cycleIndex(e.first)));
  if (indices.size >= 2) return true;
  return npes[npes.length - 1]!.first - npes[0]!.first >= 21;
}

/** D13. */
export function ovulationWindow(
  ctx: Context,
  episode: Episode,
): { from: number; to: number } | undefined {
  if (ctx.states.isHormonalOn(episode.first)) return undefined;
  const next = ctx.model.nextStartAfter(episode.last);
  if (next !== undefined) return { from: next - OVULATION_FIRST, to: next - OVULATION_LAST };
  const predicted = ctx.model.predict(episode.first);
  if (predicted !== undefined)
    return { from: predicted - OVULATION_FIRST, to: predicted - OVULATION_LAST };
  const start = ctx.model.lastStartOnOrBefore(episode.first);
  if (start !== undefined) return { from: start + 9, to: start + 15 };
  return undefined;
}

function classifySingleNpe(ctx: Context, episode: Episode): void {
  const { tl, states } = ctx;
  const base = { start: episode.first, end: episode.last, inProgress: ctx.inProgress(episode) };
  const facts = episodeFacts(ctx, episode);
  const window = ovulationWindow(ctx, episode);
  let redFlag: number | undefined;
  for (let n = episode.first - 1; n <= episode.last + 1 && redFlag === undefined; n++) {
    if (tl.hasRedFlag(n)) redFlag = n;
  }
  const span = episode.last - episode.first + 1;
  const inside = window !== undefined && episode.first >= window.from && episode.last <= window.to;
  const windowFact = window
    ? [
        fact('ovulation-window', {
          date: formatIsoDate(window.from),
          value: formatIsoDate(window.to),
        }),
      ]
    : [];

  const age = states.ageOn(episode.first);
  // Corrections 2 and 5: at 45 or over, any bleeding between periods is referred (Morgan &
  // Datta; NHS), so neither a single spot nor mid-cycle spotting is "usually not a concern".
  // Without an age, bleeding after 12 months without any is treated the same way: it may be
  // bleeding after menopause, so it is never waved through as a harmless spot.
  const unknownAfterYear =
    age === undefined &&
    ctx.yearWithoutBleedingAgeUnknown !== undefined &&
    episode.first >= ctx.yearWithoutBleedingAgeUnknown.from;
  const over45 = (age !== undefined && age >= IMB_REFERRAL_AGE) || unknownAfterYear;
  if (!over45 && inside && span <= 2 && episode.maxRank <= 2 && redFlag === undefined) {
    ctx.flag({
      rule: 'ovulation-spotting',
      ...base,
      facts: [...facts, ...windowFact],
    });
    return;
  }
  if (
    !over45 &&
    !inside &&
    episode.days.length === 1 &&
    episode.maxRank === 1 &&
    redFlag === undefined
  ) {
    ctx.flag({
      rule: 'isolated-spotting',
      ...base,
      facts: [...facts, ...windowFact],
    });
    return;
  }
  const escalations: Fact[] = [];
  if (unknownAfterYear)
    escalations.push(
      dateFact('escalated-after-year-without-bleeding', ctx.yearWithoutBleedingAgeUnknown!.from),
    );
  else if (over45) escalations.push(fact('escalated-age-45', { value: age! }));
  if (episode.maxRank >= 3) escalations.push(fact('escalated-medium-or-heavy'));
  if (redFlag !== undefined) facts.push(dateFact('red-flag', redFlag));
  if (inside) facts.push(...windowFact);
  ctx.flag({
    rule: 'intermenstrual-bleeding',
    tier: escalations.length > 0 ? 'soon' : 'next-visit',
    ...base,
    facts: [...facts, ...escalations],
  });
}

/** Rule 21; flags it and returns true when the episode qualifies. */
function isPossibleImplantation(ctx: Context, episode: Episode): boolean {
  const { states, model } = ctx;
  if (states.isHormonalOn(episode.first)) return false;
  const span = episode.last - episode.first + 1;
  if (span > 3 || episode.maxRank > 2) return false;
  const predicted = model.predict(episode.first);
  if (predicted === undefined) return false;
  if (episode.first < predicted - 8 || episode.first > predicted - 2) return false;
  if (model.hasStartBetween(episode.first + 1, ctx.E)) return false;
  if (ctx.E < predicted + 7) {
    ctx.skip(
      'possible-implantation-bleeding',
      episode.first,
      dateFact('too-early-to-tell', predicted + 7),
    );
    return false;
  }
  if (maxPain(ctx, episode.first - 1, episode.last + 1) >= 2) return false;
  ctx.flag({
    rule: 'possible-implantation-bleeding',
    start: episode.first,
    end: episode.last,
    inProgress: ctx.inProgress(episode),
    facts: [
      ...episodeFacts(ctx, episode),
      dateFact('predicted-start', predicted, { value: ctx.E - predicted }),
    ],
  });
  return true;
}

// --- Helpers -----------------------------------------------------------------------------

export function maxPain(ctx: Context, from: number, to: number): number {
  let max = 0;
  for (let n = from; n <= to; n++) max = Math.max(max, ctx.tl.painRank(n));
  return max;
}

function hasFeverAround(ctx: Context, n: number, radius: number): boolean {
  for (let d = n - radius; d <= n + radius; d++) if (ctx.tl.hasFever(d)) return true;
  return false;
}

/** The pain logged on day n ("cramps severe, pelvic pain mild"); every caller passes a day with pain. */
export function painWord(ctx: Context, n: number): string {
  const day = ctx.tl.at(n)!;
  const parts: string[] = [];
  if (day.cramps && day.cramps !== 'none') parts.push(`cramps ${day.cramps}`);
  if (day.pelvic_pain && day.pelvic_pain !== 'none') parts.push(`pelvic pain ${day.pelvic_pain}`);
  return parts.join(', ');
}

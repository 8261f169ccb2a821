import type { Analysis, DetectedPeriod, Finding } from './analysis.ts';
import { Context, dateFact, fact } from './context.ts';
import { formatIsoDate, toDay } from './dates.ts';
import { CycleModel, findEpisodes } from './episodes.ts';
import type { CycleLog } from './log.ts';
import { DayMarks } from './marks.ts';
import { inferMenopause } from './menopause.ts';
import { reclassifyMidCycleRuns } from './mid-cycle.ts';
import { analyzeBleedingEpisodes } from './rules/bleeding-episodes.ts';
import { ruleMeta } from './rules/catalogue.ts';
import { analyzeCycleTiming } from './rules/cycle-timing.ts';
import { analyzeIndependent } from './rules/independent.ts';
import { analyzePeriods } from './rules/periods.ts';
import { States } from './states.ts';
import { Timeline } from './timeline.ts';
import { tierRank } from './tiers.ts';

export interface AnalyzeOptions {
  /** Evaluation date (D14); default: profile.as_of, else the last logged date. */
  asOf?: string;
}

/**
 * The one shared analyzer: pure and deterministic, canonical log in → coded findings out.
 * Runs the precedence of docs/definitions.md, "Precedence" over the log up to the evaluation date.
 */
export function analyzeLog(log: CycleLog, options: AnalyzeOptions = {}): Analysis {
  const days = log.days;
  const asOfText = options.asOf ?? log.profile.as_of ?? days[days.length - 1]?.date;
  if (asOfText === undefined || days.length === 0) {
    return emptyAnalysis(log, asOfText ?? null);
  }
  const E = toDay(asOfText);
  const first = toDay(days[0]!.date);
  const tl = new Timeline(log, first, Math.max(E, first - 1));
  const recorded = new States(log.profile, E);
  const inferred = inferMenopause(log.profile, tl, recorded);
  const states = inferred ? new States(log.profile, E, inferred.from) : recorded;
  const episodes = reclassifyMidCycleRuns(findEpisodes(tl, states), tl, states);
  const model = new CycleModel(episodes, tl, states);
  // Without an age nothing is inferred, but a year without bleeding is kept: the rules treat
  // later bleeding between periods as they would at 45 or over, and the report asks for the age.
  const noAgeYear =
    !inferred && states.ageOn(E) === undefined
      ? inferMenopause(log.profile, tl, states, true)
      : undefined;
  const marks = new DayMarks(tl, episodes);
  const ctx = new Context(tl, states, episodes, model, marks, inferred, noAgeYear);

  const bleeding = analyzeBleedingEpisodes(ctx);
  const { painfulSexFired } = analyzeIndependent(ctx, bleeding);
  analyzePeriods(ctx, painfulSexFired);
  analyzeCycleTiming(ctx);
  noteMenopauseNotInferred(ctx);
  if (states.methods.some((m) => m.method === 'iud')) {
    ctx.cannot('hormonal-breakthrough-bleeding', fact('iud-type-unknown'));
  }

  let logged = 0;
  let lastLogged: number | undefined;
  for (const n of tl.loggedDays()) {
    logged++;
    lastLogged = n;
  }
  return {
    as_of: formatIsoDate(E),
    first_date: formatIsoDate(first),
    last_date: lastLogged !== undefined ? formatIsoDate(lastLogged) : null,
    days_logged: logged,
    profile: { ...log.profile, as_of: formatIsoDate(E) },
    age: states.ageOn(E) ?? null,
    periods: model.periods.map((p, i): DetectedPeriod => {
      const next = model.starts[i + 1];
      return {
        start: formatIsoDate(p.start!),
        end: formatIsoDate(p.last),
        days: p.last - p.start! + 1,
        cycle_length: next !== undefined ? next - p.start! : null,
        pre_start_spotting: p.days.filter((n) => n < p.start!).length,
        heavy_days: p.heavyDays,
      };
    }),
    findings: sortFindings(ctx.findings),
    not_flagged: [...ctx.notFlagged].sort(
      (a, b) => compare(a.date, b.date) || compare(a.rule, b.rule),
    ),
    not_evaluated: ctx.notEvaluated,
  };
}

/**
 * Correction 2: without an age nothing is inferred, but a log with 12 months without bleeding
 * says so (with the dates), so the report can ask for the age and the menopause status.
 */
function noteMenopauseNotInferred(ctx: Context): void {
  const stretch = ctx.yearWithoutBleedingAgeUnknown;
  if (!stretch) return;
  ctx.cannot(
    'postmenopausal-bleeding',
    dateFact('menopause-not-inferred-no-age', stretch.from, {
      value: formatIsoDate(stretch.noBleedingFrom),
      other: formatIsoDate(stretch.from - 1),
    }),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      tierRank(a.tier) - tierRank(b.tier) ||
      compare(a.start, b.start) ||
      ruleMeta(a.rule).number - ruleMeta(b.rule).number ||
      compare(a.end, b.end),
  );
}

function emptyAnalysis(log: CycleLog, asOf: string | null): Analysis {
  return {
    as_of: asOf,
    first_date: null,
    last_date: null,
    days_logged: 0,
    profile: asOf !== null ? { ...log.profile, as_of: asOf } : { ...log.profile },
    age: null,
    periods: [],
    findings: [],
    not_flagged: [],
    not_evaluated: [{ rule: 'irregular-cycles', reason: fact('no-days-logged') }],
  };
}

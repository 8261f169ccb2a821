/**
 * What every rule module receives: the laid-out log, the derived states and cycle model, and
 * the collectors for findings, non-findings and rules that could not be evaluated.
 */
import type { Finding, NotEvaluated, NotFlagged } from './analysis.ts';
import { formatIsoDate } from './dates.ts';
import type { CycleModel, Episode } from './episodes.ts';
import type { Fact, FactCode } from './facts.ts';
import type { DayMarks } from './marks.ts';
import type { InferredMenopause } from './menopause.ts';
import type { ChecklistCode } from './rules/checklist-codes.ts';
import { ruleMeta, type RuleTier } from './rules/catalogue.ts';
import type { RuleId } from './rules/ids.ts';
import type { States } from './states.ts';
import type { Tier } from './tiers.ts';
import type { Timeline } from './timeline.ts';

export interface FlagInput<R extends RuleId = RuleId> {
  rule: R;
  /**
   * One of the tiers the catalogue lists for this rule (a type error otherwise); omitted, the
   * rule's base tier. Rules with one tier never pass it.
   */
  tier?: RuleTier<R>;
  start: number;
  end: number;
  facts: Fact[];
  /** For bleeding episodes: the episode reaches the evaluation date. */
  inProgress?: boolean;
  /** Checklist codes beyond the rule's own (rare). */
  extraChecklist?: ChecklistCode[];
}

export class Context {
  readonly findings: Finding[] = [];
  readonly notFlagged: NotFlagged[] = [];
  readonly notEvaluated: NotEvaluated[] = [];

  constructor(
    readonly tl: Timeline,
    readonly states: States,
    readonly episodes: Episode[],
    readonly model: CycleModel,
    readonly marks: DayMarks,
    readonly inferredMenopause?: InferredMenopause,
    /** Correction 2: 12 months without bleeding in a log without an age (nothing inferred). */
    readonly yearWithoutBleedingAgeUnknown?: InferredMenopause,
  ) {}

  /** Why the person counts as postmenopausal: recorded, or inferred from the log with its dates. */
  menopauseFact(): Fact {
    const inferred = this.inferredMenopause;
    if (inferred === undefined) return fact('postmenopausal');
    return dateFact('menopause-inferred', inferred.from, {
      value: formatIsoDate(inferred.noBleedingFrom),
      other: formatIsoDate(inferred.from - 1),
    });
  }

  /** The evaluation date E. */
  get E(): number {
    return this.tl.end;
  }

  flag<R extends RuleId>(input: FlagInput<R>): void {
    const meta = ruleMeta(input.rule);
    const tier: Tier = input.tier ?? meta.tier;
    // The type already forbids it; this guards casts and keeps the catalogue the one source.
    if (!meta.tiers.includes(tier)) throw new Error(`${input.rule} cannot be ${tier}`);
    this.findings.push({
      rule: input.rule,
      tier,
      start: formatIsoDate(input.start),
      end: formatIsoDate(input.end),
      // After menopause there are no cycles: a day count from the last period is not a cycle day.
      cycle_day: this.states.isPostmenopausalOn(input.start)
        ? null
        : this.model.cycleDay(input.start),
      facts: input.facts,
      checklist: [...meta.checklist, ...(input.extraChecklist ?? [])],
      sources: [...meta.sources],
      in_progress: input.inProgress ?? false,
    });
  }

  skip(rule: RuleId, day: number, reason: Fact): void {
    this.notFlagged.push({ rule, date: formatIsoDate(day), reason });
  }

  cannot(rule: RuleId, reason: Fact): void {
    this.notEvaluated.push({ rule, reason });
  }

  /**
   * Whether an episode may still grow after the evaluation date (ambiguity 17): by D3 a bleeding
   * day on E + 1 would join it when it bled on E or E − 1, whatever E's entry says.
   */
  inProgress(episode: Episode): boolean {
    return episode.last >= this.E - 1;
  }
}

export function fact(code: FactCode, extra: Omit<Fact, 'code'> = {}): Fact {
  return { code, ...extra };
}

export function dateFact(
  code: FactCode,
  day: number,
  extra: Omit<Fact, 'code' | 'date'> = {},
): Fact {
  return { code, date: formatIsoDate(day), ...extra };
}

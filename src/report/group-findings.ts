/**
 * Flags become findings: one finding per kind of event, so two bleeds after sex read as one
 * "Bleeding after sex — 2 times" with the recurrence folded in, and one event (the same first day)
 * is shown once, at its highest tier; what else it matched becomes a line of that finding. The
 * JSON report keeps every flag; this is a presentation shared by every human format.
 */
import type { IsoDate } from '../core/dates.ts';
import { toDay } from '../core/dates.ts';
import type { CycleLog } from '../core/log.ts';
import type { RuleId } from '../core/rules/ids.ts';
import { tierRank, type Tier } from '../core/tiers.ts';
import { LONG_FLAG_DAYS } from './calendar-data.ts';
import { countNoun, formatDateSpan, joinWithAnd } from './date-words.ts';
import { RULE_TEXT } from './rule-text.ts';
import { sanitizeInline } from '../text/sanitize.ts';
import { sortByAuthority } from './sources.ts';
import { TIER_WORD } from './tier-labels.ts';
import type { ReportFlag } from './types.ts';

/** A rule whose flag says "this happened more than once", and the rules it counts. */
const RECURRENCE_OF: Partial<Record<RuleId, readonly RuleId[]>> = {
  'recurrent-postcoital-bleeding': ['postcoital-bleeding', 'copper-iud-postcoital-bleeding'],
  'recurrent-intermenstrual-spotting': [
    'isolated-spotting',
    'ovulation-spotting',
    'intermenstrual-bleeding',
  ],
};

/** Findings a recurrence folds into, when it counts events of one kind. */
const KIND_OF: Partial<Record<RuleId, RuleId>> = {
  'recurrent-postcoital-bleeding': 'postcoital-bleeding',
};

export interface GroupedOccurrence {
  start: IsoDate;
  end: IsoDate;
  cycleDay: number | null;
  inProgress: boolean;
  tier: Tier;
  when: string;
  why: string[];
  notes: { date: IsoDate; text: string }[];
}

export interface GroupedFinding {
  tier: Tier;
  title: string;
  heading: string;
  occurrences: GroupedOccurrence[];
  summary: string;
  why: string[];
  /** Source tags, by authority. */
  sourceTags: string[];
  rules: RuleId[];
}

interface Group {
  kind: RuleId;
  flags: ReportFlag[];
}

function collectGroups(flags: readonly ReportFlag[]): Group[] {
  const groups = new Map<RuleId, Group>();
  for (const flag of flags) {
    const kind = KIND_OF[flag.rule] ?? flag.rule;
    const group = groups.get(kind) ?? { kind, flags: [] };
    group.flags.push(flag);
    groups.set(kind, group);
  }
  // A recurrence that is its own kind takes in the single events it counted (within its span).
  for (const group of groups.values()) {
    const bases = RECURRENCE_OF[group.kind];
    if (bases === undefined || KIND_OF[group.kind] !== undefined) continue;
    const span = group.flags[0]!;
    for (const base of bases) {
      const other = groups.get(base);
      if (other === undefined) continue;
      const inside = other.flags.filter((f) => f.start >= span.start && f.start <= span.end);
      group.flags.push(...inside);
      other.flags = other.flags.filter((f) => !inside.includes(f));
    }
  }
  return [...groups.values()].filter((g) => g.flags.length > 0);
}

function highestTier(flags: readonly { tier: Tier }[]): Tier {
  return flags.reduce<Tier>((t, f) => (tierRank(f.tier) < tierRank(t) ? f.tier : t), 'info');
}

function notesBetween(log: CycleLog, start: IsoDate, end: IsoDate): GroupedOccurrence['notes'] {
  if (toDay(end) - toDay(start) + 1 > LONG_FLAG_DAYS) return [];
  return log.days
    .filter((d) => d.date >= start && d.date <= end && d.notes !== undefined)
    .map((d) => ({ date: d.date, text: sanitizeInline(d.notes ?? '').trim() }))
    .filter((n) => n.text !== '');
}

function toOccurrence(flag: ReportFlag, log: CycleLog, refYear: number | null): GroupedOccurrence {
  return {
    start: flag.start,
    end: flag.end,
    cycleDay: flag.cycle_day,
    inProgress: flag.in_progress,
    tier: flag.tier,
    when: formatDateSpan(flag.start, flag.end, refYear),
    why: flag.why.map(sanitizeInline),
    notes: notesBetween(log, flag.start, flag.end),
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function buildFinding(group: Group, log: CycleLog, refYear: number | null): GroupedFinding {
  const flags = [...group.flags].sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
  const recurrences = flags.filter((f) => RECURRENCE_OF[f.rule] !== undefined);
  const events = flags.filter((f) => RECURRENCE_OF[f.rule] === undefined);
  const shown = events.length > 0 ? events : recurrences;
  const byStart = new Map<string, GroupedOccurrence>();
  for (const flag of [...shown].sort((a, b) => (a.start < b.start ? -1 : 1))) {
    const key = flag.start;
    const existing = byStart.get(key);
    if (existing === undefined) byStart.set(key, toOccurrence(flag, log, refYear));
    else existing.why = unique([...existing.why, ...flag.why.map(sanitizeInline)]);
  }
  const occurrences = [...byStart.values()];
  const tier = highestTier(flags);
  const title = RULE_TEXT[group.kind].title;
  const times = occurrences.length > 1 ? ` — ${countNoun(occurrences.length, 'time')}` : '';
  const why: string[] = [];
  if (events.length > 0) {
    for (const r of recurrences)
      why.push(`Counted as recurring: ${lowerFirst(RULE_TEXT[r.rule].trigger)}`);
  }
  return {
    tier,
    title,
    heading: `${title}${times}: ${occurrences.map((o) => o.when).join(', ')}`,
    occurrences,
    summary: unique(flags.map((f) => sanitizeInline(f.summary))).join(' '),
    why,
    sourceTags: sortByAuthority(unique(flags.flatMap((f) => f.sources))),
    rules: unique(flags.map((f) => f.rule)),
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * One event (the same first day) at two tiers is shown once, in the more urgent finding; the
 * other match becomes a line there, and its sources are kept.
 */
function foldSameEvents(findings: GroupedFinding[], refYear: number | null): GroupedFinding[] {
  const ordered = [...findings].sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
  for (const [i, lower] of ordered.entries()) {
    for (const higher of ordered.slice(0, i)) {
      if (tierRank(higher.tier) >= tierRank(lower.tier) || higher.occurrences.length === 0)
        continue;
      const starts = new Set(higher.occurrences.map((o) => o.start));
      const same = lower.occurrences.filter((o) => starts.has(o.start) && o.tier !== higher.tier);
      if (same.length === 0) continue;
      lower.occurrences = lower.occurrences.filter((o) => !same.includes(o));
      for (const o of same) {
        const kept = higher.occurrences.find((h) => h.start === o.start)!;
        kept.why = unique([...kept.why, ...o.why]);
      }
      const dates = joinWithAnd(same.map((o) => formatDateSpan(o.start, o.end, refYear)));
      higher.why.push(
        `On ${dates} this also matched "${lower.title}" (${TIER_WORD[lower.tier].toLowerCase()}): ${lower.summary}`,
      );
      higher.sourceTags = sortByAuthority(unique([...higher.sourceTags, ...lower.sourceTags]));
      higher.rules = unique([...higher.rules, ...lower.rules]);
    }
  }
  return ordered.filter((f) => f.occurrences.length > 0).map((f) => ({ ...f, ...retitle(f) }));
}

function retitle(f: GroupedFinding): Pick<GroupedFinding, 'heading' | 'tier'> {
  const times = f.occurrences.length > 1 ? ` — ${countNoun(f.occurrences.length, 'time')}` : '';
  return {
    heading: `${f.title}${times}: ${f.occurrences.map((o) => o.when).join(', ')}`,
    tier: f.tier,
  };
}

/** Findings, most urgent first; within a tier, in the order the analyzer reported them. */
export function groupFindings(
  flags: readonly ReportFlag[],
  log: CycleLog,
  refYear: number | null,
): GroupedFinding[] {
  const findings = collectGroups(flags).map((g) => buildFinding(g, log, refYear));
  return foldSameEvents(findings, refYear);
}

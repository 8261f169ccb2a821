/**
 * The visit document: what every human format (text, Markdown, HTML, PDF) shows, in the order it
 * shows it. Built once from the report by `buildVisitDocument`; renderers only lay it out, so the
 * formats cannot drift apart. Every string here is plain, sanitized, person-facing text: no rule
 * ids, no checklist codes, no markup. Machine fields (`rules`) are for anchors and `--explain`.
 *
 * Section order (a renderer keeps it): header → warnings → summary (person, read, cycles,
 * headline) → findings → explain (only with --explain) → checklist → calendar → cycle chart →
 * questions → notes → sources → disclaimer.
 */
import type { IsoDate } from '../core/dates.ts';
import type { RuleId } from '../core/rules/ids.ts';
import type { Tier } from '../core/tiers.ts';
import type { CalendarMonth, LegendEntry } from './calendar-data.ts';

export interface LabelledValue {
  label: string;
  value: string;
}

export interface VisitDocument {
  /** "cyclecheck report for a clinician visit". */
  title: string;
  /** The evaluation date, printed on every page of a paged format. */
  evaluatedOn: IsoDate | null;
  /** The producer line, e.g. "cyclecheck 0.2.0". */
  producer: string;
  /**
   * Warnings that change what was read (ignored columns, dates read day-first, skipped rows):
   * shown before anything else, so a report never looks complete when it is not.
   */
  warnings: string[];
  summary: DocumentSummary;
  /** One finding per kind of event, urgent first; an event never appears at two tiers. */
  findings: DocumentFinding[];
  /** Candidates set aside and rules that could not run: shown only when `explain` is set. */
  explain: { notFlagged: DocumentExplainItem[]; notEvaluated: DocumentExplainItem[] } | null;
  checklist: DocumentChecklist;
  /**
   * The months from the first logged date to the evaluation date, the last 12 at most (option
   * `calendarMonths`); empty when nothing was logged. Days carry the person's `note`.
   */
  calendar: { months: CalendarMonth[]; legend: readonly LegendEntry[]; note: string | null };
  /** Added: the most recent periods for a table (ISO dates), oldest first, and how many were left out. */
  periods: {
    rows: {
      number: number;
      start: IsoDate;
      end: IsoDate;
      days: number;
      cycleLength: number | null;
    }[];
    omitted: number;
  };
  /** One bar per cycle; `band` is the usual range shaded in charts. */
  cycleChart: {
    cycles: { start: IsoDate; length: number }[];
    band: { min: number; max: number };
  } | null;
  /** Facts the log could not tell, each with how to supply it. */
  questions: string[];
  /** The person's and the app's notes not already shown beside a finding. */
  notes: { date: IsoDate | null; text: string }[];
  /** Numbered in order of first citation; findings cite them by `number`. */
  sources: DocumentSource[];
  /** Added: the tier words and symbols a renderer prints for a finding's tier. */
  tiers: Record<Tier, { word: string; symbol: string; label: string }>;
  disclaimer: string;
}

export interface DocumentSummary {
  /** The profile field `name`, or null: printed formats then leave a line to write it on. */
  name: string | null;
  age: number | null;
  /** "About you": age, menopause, contraception, pregnancy, medicines, screening, not tracked. */
  person: LabelledValue[];
  /** "What was read": files and formats, dates, days logged, evaluation date. */
  read: LabelledValue[];
  /** Null when the log holds fewer than two periods. */
  cycles: {
    counted: number;
    averageLength: number | null;
    shortest: number | null;
    longest: number | null;
    averagePeriodDays: number | null;
    lastPeriodStart: IsoDate | null;
  } | null;
  /** Counts of findings by tier, most urgent first, zero tiers left out. */
  headline: { tier: Tier; count: number }[];
  /** One plain sentence for the top of the page ("2 findings: 1 urgent, 1 soon."). */
  headlineText: string;
}

export interface DocumentOccurrence {
  start: IsoDate;
  end: IsoDate;
  cycleDay: number | null;
  inProgress: boolean;
  /** "8 Nov", "8–10 Nov 2026": how this occurrence is written in prose. */
  when: string;
  /** The person's own notes on the days of this occurrence, sanitized. */
  notes: { date: IsoDate; text: string }[];
  /** Added: the tier of this occurrence (a finding's tier is the highest of them). */
  tier: Tier;
  /** Added: the facts behind this occurrence ("Sex on 2026-11-08."), sanitized. */
  why: string[];
}

export interface DocumentFinding {
  /** The highest tier among the grouped flags. */
  tier: Tier;
  /** Plain title, e.g. "Bleeding after sex". */
  title: string;
  /** "Bleeding after sex — 2 times: 8 Nov, 21 Nov". */
  heading: string;
  occurrences: DocumentOccurrence[];
  /** What it may mean and what to do, in plain sentences. */
  summary: string;
  /**
   * Lines about the finding as a whole: the recurrence ("Counted as recurring: …") and what a
   * folded event also matched. Each occurrence carries its own facts in `why`.
   */
  why: string[];
  /** Numbers into `VisitDocument.sources`, by authority. */
  sources: number[];
  /** The rule ids grouped here (for anchors and --explain; never printed in prose). */
  rules: RuleId[];
}

export interface DocumentExplainItem {
  rule: RuleId;
  date: IsoDate | null;
  text: string;
}

export interface DocumentChecklist {
  /**
   * The sentence after "Start the visit with:" (the renderer writes that label): "age 34;
   * bleeding after sex (soon) on 8 Nov (cycle day 8) and 21 Nov (cycle day 21); …". Empty when
   * there is nothing to prepare (no findings and no items).
   */
  startWith: string;
  /** `quotes`: the person's own words for this item (notes on flagged days, medicines). */
  items: { text: string; details: string[]; quotes: string[] }[];
}

export interface DocumentSource {
  number: number;
  /** Added: 1 guideline, 2 peer-reviewed or clinical reference, 3 patient page, 4 consumer. */
  authority: number;
  /** Short title and publisher. */
  short: string;
  title: string;
  urls: string[];
}

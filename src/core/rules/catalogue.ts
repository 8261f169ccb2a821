/**
 * The rule catalogue as data (docs/rules.md, generated from it, with the corrections of the README's
 * "Clinical decisions"): per rule its group, the tiers it can report (the first is its base
 * tier), checklist codes and source tags. This object is the single source of rule ids
 * (`RuleId` is its key set) and of each rule's tiers: `Context.flag` only accepts a tier listed
 * here for that rule. The analyzer, the checklist and `cyclecheck rules` read this one table,
 * so the printed catalogue cannot drift from what runs. Sentences live in src/report.
 */
import type { Tier } from '../tiers.ts';
import type { ChecklistCode } from './checklist-codes.ts';

const GROUP = {
  pregnancyMenopause: 'Bleeding in pregnancy and after menopause',
  sex: 'Bleeding and pain after sex',
  contraception: 'Contraception-related bleeding',
  betweenPeriods: 'Bleeding between periods',
  periods: 'Period duration, volume and pain',
  cycleTiming: 'Cycle timing',
  painInfection: 'Pain and infection signs',
  other: 'Other',
} as const;

interface CatalogueEntry {
  group: string;
  /** Every tier the rule can report; the first is the tier when neither raised nor lowered. */
  tiers: readonly [Tier, ...Tier[]];
  checklist: readonly ChecklistCode[];
  sources: readonly string[];
}

export const CATALOGUE = {
  'pregnancy-bleeding-heavy': {
    group: GROUP.pregnancyMenopause,
    tiers: ['urgent'],
    checklist: ['K1', 'K2', 'K4', 'K5', 'K7'],
    sources: ['S1', 'X-NHSPREG', 'X-AAFP-LPB'],
  },
  'pregnancy-bleeding-with-pain': {
    group: GROUP.pregnancyMenopause,
    tiers: ['urgent'],
    checklist: ['K1', 'K4', 'K5', 'K7'],
    sources: ['X-NHS-IMB', 'X-NHSPREG', 'S1', 'S2'],
  },
  'pregnancy-bleeding-second-half': {
    group: GROUP.pregnancyMenopause,
    tiers: ['urgent'],
    checklist: ['K1', 'K3', 'K4', 'K7'],
    sources: ['S1', 'X-AAFP-LPB', 'X-NHSPREG'],
  },
  'pregnancy-bleeding-early-light': {
    group: GROUP.pregnancyMenopause,
    tiers: ['soon', 'urgent'],
    checklist: ['K1', 'K3', 'K6', 'K7'],
    sources: ['S1', 'S3', 'X-NHS-IMB', 'X-NHSPREG'],
  },
  'pregnancy-with-iud': {
    group: GROUP.pregnancyMenopause,
    tiers: ['urgent'],
    checklist: ['K6', 'K7'],
    sources: ['X-PARAGARD', 'X-MIRENA'],
  },
  'postmenopausal-bleeding': {
    group: GROUP.pregnancyMenopause,
    tiers: ['soon', 'urgent'],
    checklist: ['K1', 'K2', 'K3', 'K8', 'K9', 'K10'],
    sources: ['S1', 'X-ACOG-PMB', 'X-NHS-PMB', 'X-NICE-NG12', 'X-NICE-NG23'],
  },
  'postcoital-bleeding': {
    group: GROUP.sex,
    tiers: ['soon', 'next-visit'],
    checklist: ['K1', 'K2', 'K3', 'K5', 'K6', 'K7', 'K9', 'K13'],
    sources: ['S1', 'X-TARNEY', 'X-CMAJ', 'X-NHS-IMB', 'X-HRD'],
  },
  'recurrent-postcoital-bleeding': {
    group: GROUP.sex,
    tiers: ['soon'],
    checklist: ['K1', 'K3', 'K9'],
    sources: ['S1', 'X-MD', 'X-NHS-PCB-LOCAL', 'X-TARNEY'],
  },
  'first-sex-bleeding': {
    group: GROUP.sex,
    tiers: ['info'],
    checklist: [],
    sources: ['S1', 'X-CC'],
  },
  'period-onset-after-sex': {
    group: GROUP.sex,
    tiers: ['info'],
    checklist: [],
    sources: ['S1', 'X-CC'],
  },
  'postcoital-cramping': {
    group: GROUP.sex,
    tiers: ['info'],
    checklist: [],
    sources: ['S2'],
  },
  'postcoital-cramping-red-flags': {
    group: GROUP.sex,
    tiers: ['soon'],
    checklist: ['K3', 'K4', 'K5', 'K6', 'K7', 'K13'],
    sources: ['S2', 'X-MAYO-PID'],
  },
  'copper-iud-postcoital-bleeding': {
    group: GROUP.contraception,
    tiers: ['urgent'],
    checklist: ['K1', 'K3', 'K4', 'K5', 'K6', 'K7'],
    sources: ['S1', 'X-PARAGARD'],
  },
  'hormonal-breakthrough-bleeding': {
    group: GROUP.contraception,
    tiers: ['info'],
    checklist: ['K6'],
    sources: ['S1', 'X-ACOG-BTB', 'X-NHS-PER', 'X-MIRENA', 'S3'],
  },
  'copper-iud-bleeding-changes': {
    group: GROUP.contraception,
    tiers: ['info', 'soon'],
    checklist: ['K1', 'K6', 'K12'],
    sources: ['X-PARAGARD', 'X-MAYO-COPPER'],
  },
  'ovulation-spotting': {
    group: GROUP.betweenPeriods,
    tiers: ['info'],
    checklist: [],
    sources: ['S3', 'X-WS', 'X-BULL'],
  },
  'isolated-spotting': {
    group: GROUP.betweenPeriods,
    tiers: ['info'],
    checklist: [],
    sources: ['S3'],
  },
  'intermenstrual-bleeding': {
    group: GROUP.betweenPeriods,
    tiers: ['next-visit', 'soon'],
    checklist: ['K1', 'K5', 'K6', 'K7', 'K9', 'K11'],
    sources: ['X-NHS-IMB', 'X-MD', 'X-FIGO18', 'S3'],
  },
  'recurrent-intermenstrual-spotting': {
    group: GROUP.betweenPeriods,
    tiers: ['soon'],
    checklist: ['K1', 'K6', 'K7', 'K9', 'K11'],
    sources: ['X-APPLE', 'S3', 'X-MD'],
  },
  'premenstrual-spotting': {
    group: GROUP.betweenPeriods,
    tiers: ['next-visit'],
    checklist: ['K1', 'K4', 'K11'],
    sources: ['S3', 'X-FIGO11', 'X-HEITMANN'],
  },
  'possible-implantation-bleeding': {
    group: GROUP.betweenPeriods,
    tiers: ['info'],
    checklist: ['K7'],
    sources: ['S1', 'S3', 'X-WILCOX'],
  },
  'missed-period-bleeding-with-pain': {
    group: GROUP.betweenPeriods,
    tiers: ['urgent'],
    checklist: ['K1', 'K4', 'K6', 'K7'],
    sources: ['X-NHS-IMB'],
  },
  'prolonged-period': {
    group: GROUP.periods,
    tiers: ['next-visit', 'soon'],
    checklist: ['K1', 'K6', 'K11', 'K12'],
    sources: ['X-FIGO18', 'X-NICHD', 'X-APPLE', 'X-CDC-HMB'],
  },
  'heavy-period': {
    group: GROUP.periods,
    tiers: ['next-visit', 'soon'],
    checklist: ['K1', 'K10', 'K12'],
    sources: ['X-NICE-NG88', 'X-CDC-HMB', 'X-FIGO18', 'S1'],
  },
  'acute-heavy-bleeding': {
    group: GROUP.periods,
    tiers: ['urgent'],
    checklist: ['K1', 'K7', 'K12'],
    sources: ['X-CDC-HMB', 'X-NHSPREG'],
  },
  'painful-periods-red-flags': {
    group: GROUP.periods,
    tiers: ['next-visit', 'soon'],
    checklist: ['K4', 'K11', 'K12'],
    sources: ['X-AAFP-DYS', 'X-MEDSCAPE-DYS', 'S1'],
  },
  'irregular-cycles': {
    group: GROUP.cycleTiming,
    tiers: ['next-visit', 'soon', 'info'],
    checklist: ['K11', 'K7', 'K10'],
    sources: ['X-FIGO18', 'X-APPLE', 'X-NICHD'],
  },
  'infrequent-periods': {
    group: GROUP.cycleTiming,
    tiers: ['next-visit', 'soon', 'info'],
    checklist: ['K11', 'K7'],
    sources: ['X-FIGO18', 'X-FIGO11', 'X-APPLE'],
  },
  'frequent-periods': {
    group: GROUP.cycleTiming,
    tiers: ['next-visit', 'info'],
    checklist: ['K1', 'K11'],
    sources: ['X-FIGO18'],
  },
  'absent-periods': {
    group: GROUP.cycleTiming,
    tiers: ['soon', 'next-visit'],
    checklist: ['K7', 'K10', 'K11'],
    sources: ['X-NICHD', 'X-NHS-PER', 'X-FIGO11'],
  },
  'late-period': {
    group: GROUP.cycleTiming,
    tiers: ['info'],
    checklist: ['K7'],
    sources: ['X-NHS-PER'],
  },
  'painful-sex-recurrent': {
    group: GROUP.painInfection,
    tiers: ['next-visit', 'soon'],
    checklist: ['K3', 'K4', 'K5', 'K6', 'K8'],
    sources: ['X-AAFP-DYSP', 'X-PARAGARD', 'S1', 'S2'],
  },
  'pelvic-infection-red-flags': {
    group: GROUP.painInfection,
    tiers: ['urgent'],
    checklist: ['K4', 'K5', 'K6', 'K13'],
    sources: ['X-NHS-PID', 'X-MAYO-PID', 'X-PARAGARD', 'S1', 'S2'],
  },
  'infection-symptoms': {
    group: GROUP.painInfection,
    tiers: ['soon'],
    checklist: ['K3', 'K5', 'K13'],
    sources: ['S1', 'X-CDC-PID', 'X-MAYO-PID'],
  },
  'severe-pelvic-pain': {
    group: GROUP.painInfection,
    tiers: ['urgent'],
    checklist: ['K4', 'K5', 'K7'],
    sources: ['X-MAYO-PID', 'X-NHS-IMB'],
  },
  'persistent-pelvic-pain': {
    group: GROUP.painInfection,
    tiers: ['soon'],
    checklist: ['K4'],
    sources: ['X-NICE-NG12', 'X-AAFP-DYS'],
  },
  'non-vaginal-bleeding-source': {
    group: GROUP.other,
    tiers: ['soon', 'urgent'],
    checklist: ['K2', 'K5'],
    sources: ['S1'],
  },
} as const satisfies Record<string, CatalogueEntry>;

/** The 37 rule ids, in catalogue order. */
export type RuleId = keyof typeof CATALOGUE;

/** The tiers rule `R` may report (a type error anywhere else). */
export type RuleTier<R extends RuleId> = (typeof CATALOGUE)[R]['tiers'][number];

export interface RuleMeta {
  id: RuleId;
  /** Catalogue number (1–37). */
  number: number;
  group: string;
  /** The tier when neither escalated nor downgraded. */
  tier: Tier;
  /** Every tier the rule can report. */
  tiers: Tier[];
  checklist: ChecklistCode[];
  sources: string[];
}

export const RULES: readonly RuleMeta[] = (
  Object.entries(CATALOGUE) as [RuleId, CatalogueEntry][]
).map(([id, entry], i) => ({
  id,
  number: i + 1,
  group: entry.group,
  tier: entry.tiers[0],
  tiers: [...entry.tiers],
  checklist: [...entry.checklist],
  sources: [...entry.sources],
}));

export function ruleMeta(id: RuleId): RuleMeta {
  return RULES.find((r) => r.id === id)!;
}

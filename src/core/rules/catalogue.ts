/**
 * The rule catalogue as data (clinical-rules.md §3): base tier, possible tiers, checklist codes
 * and source tags per rule. The analyzer, the checklist and `cyclecheck rules` all read this one
 * table, so the printed catalogue cannot drift from what runs. Sentences live in src/report.
 */
import type { Tier } from '../tiers.ts';
import type { ChecklistCode } from './checklist-codes.ts';
import type { RuleId } from './ids.ts';

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

type Row = [RuleId, Tier, Tier[], ChecklistCode[], string[]];

const GROUPS: [string, Row[]][] = [
  [
    'Bleeding in pregnancy and after menopause',
    [
      [
        'pregnancy-bleeding-heavy',
        'urgent',
        [],
        ['K1', 'K2', 'K4', 'K5', 'K7'],
        ['S1', 'X-NHSPREG', 'X-AAFP-LPB'],
      ],
      [
        'pregnancy-bleeding-with-pain',
        'urgent',
        [],
        ['K4', 'K5', 'K7'],
        ['X-NHS-IMB', 'X-NHSPREG', 'S1', 'S2'],
      ],
      [
        'pregnancy-bleeding-second-half',
        'urgent',
        [],
        ['K1', 'K3', 'K4', 'K7'],
        ['S1', 'X-AAFP-LPB', 'X-NHSPREG'],
      ],
      [
        'pregnancy-bleeding-early-light',
        'soon',
        [],
        ['K1', 'K3', 'K6', 'K7'],
        ['S1', 'S3', 'X-NHS-IMB', 'X-NHSPREG'],
      ],
      ['pregnancy-with-iud', 'urgent', [], ['K6', 'K7'], ['X-PARAGARD', 'X-MIRENA']],
      [
        'postmenopausal-bleeding',
        'soon',
        ['urgent'],
        ['K1', 'K2', 'K3', 'K8', 'K9', 'K10'],
        ['S1', 'X-ACOG-PMB', 'X-NHS-PMB', 'X-NICE-NG12'],
      ],
    ],
  ],
  [
    'Bleeding and pain after sex',
    [
      [
        'postcoital-bleeding',
        'soon',
        ['next-visit'],
        ['K1', 'K2', 'K3', 'K5', 'K6', 'K7', 'K9', 'K13'],
        ['S1', 'X-TARNEY', 'X-CMAJ', 'X-NHS-IMB', 'X-HRD'],
      ],
      [
        'recurrent-postcoital-bleeding',
        'soon',
        [],
        ['K1', 'K3', 'K9'],
        ['S1', 'X-MD', 'X-NHS-PCB-LOCAL', 'X-TARNEY'],
      ],
      ['first-sex-bleeding', 'info', [], [], ['S1', 'X-CC']],
      ['period-onset-after-sex', 'info', [], [], ['S1', 'X-CC']],
      ['postcoital-cramping', 'info', [], [], ['S2']],
      [
        'postcoital-cramping-red-flags',
        'soon',
        [],
        ['K3', 'K4', 'K5', 'K6', 'K7', 'K13'],
        ['S2', 'X-MAYO-PID'],
      ],
    ],
  ],
  [
    'Contraception-related bleeding',
    [
      [
        'copper-iud-postcoital-bleeding',
        'urgent',
        [],
        ['K1', 'K3', 'K4', 'K5', 'K6', 'K7'],
        ['S1', 'X-PARAGARD'],
      ],
      [
        'hormonal-breakthrough-bleeding',
        'info',
        [],
        ['K6'],
        ['S1', 'X-ACOG-BTB', 'X-NHS-PER', 'X-MIRENA', 'S3'],
      ],
      [
        'copper-iud-bleeding-changes',
        'info',
        ['soon'],
        ['K1', 'K6', 'K12'],
        ['X-PARAGARD', 'X-MAYO-COPPER'],
      ],
    ],
  ],
  [
    'Bleeding between periods',
    [
      ['ovulation-spotting', 'info', [], [], ['S3', 'X-WS', 'X-BULL']],
      ['isolated-spotting', 'info', [], [], ['S3']],
      [
        'intermenstrual-bleeding',
        'next-visit',
        ['soon'],
        ['K1', 'K5', 'K6', 'K7', 'K9', 'K11'],
        ['X-NHS-IMB', 'X-MD', 'X-FIGO18', 'S3'],
      ],
      [
        'recurrent-intermenstrual-spotting',
        'soon',
        [],
        ['K1', 'K6', 'K7', 'K9', 'K11'],
        ['X-APPLE', 'S3', 'X-MD'],
      ],
      [
        'premenstrual-spotting',
        'next-visit',
        [],
        ['K1', 'K4', 'K11'],
        ['S3', 'X-FIGO11', 'X-HEITMANN'],
      ],
      ['possible-implantation-bleeding', 'info', [], ['K7'], ['S1', 'S3', 'X-WILCOX']],
      ['missed-period-bleeding-with-pain', 'urgent', [], ['K4', 'K6', 'K7'], ['X-NHS-IMB']],
    ],
  ],
  [
    'Period duration, volume and pain',
    [
      [
        'prolonged-period',
        'next-visit',
        ['soon'],
        ['K1', 'K6', 'K11', 'K12'],
        ['X-FIGO18', 'X-NICHD', 'X-APPLE', 'X-CDC-HMB'],
      ],
      [
        'heavy-period',
        'next-visit',
        ['soon'],
        ['K1', 'K10', 'K12'],
        ['X-NICE-NG88', 'X-CDC-HMB', 'X-FIGO18', 'S1'],
      ],
      ['acute-heavy-bleeding', 'urgent', [], ['K1', 'K7', 'K12'], ['X-CDC-HMB', 'X-NHSPREG']],
      [
        'painful-periods-red-flags',
        'next-visit',
        ['soon'],
        ['K4', 'K11', 'K12'],
        ['X-AAFP-DYS', 'X-MEDSCAPE-DYS', 'S1'],
      ],
    ],
  ],
  [
    'Cycle timing',
    [
      [
        'irregular-cycles',
        'next-visit',
        ['soon', 'info'],
        ['K11', 'K7', 'K10'],
        ['X-FIGO18', 'X-APPLE', 'X-NICHD'],
      ],
      [
        'infrequent-periods',
        'next-visit',
        ['soon', 'info'],
        ['K11', 'K7'],
        ['X-FIGO18', 'X-FIGO11', 'X-APPLE'],
      ],
      ['frequent-periods', 'next-visit', ['info'], ['K1', 'K11'], ['X-FIGO18']],
      [
        'absent-periods',
        'soon',
        ['next-visit'],
        ['K7', 'K10', 'K11'],
        ['X-NICHD', 'X-NHS-PER', 'X-FIGO11'],
      ],
      ['late-period', 'info', [], ['K7'], ['X-NHS-PER']],
    ],
  ],
  [
    'Pain and infection signs',
    [
      [
        'painful-sex-recurrent',
        'next-visit',
        ['soon'],
        ['K3', 'K4', 'K5', 'K6', 'K8'],
        ['X-AAFP-DYSP', 'X-PARAGARD', 'S1', 'S2'],
      ],
      [
        'pelvic-infection-red-flags',
        'urgent',
        [],
        ['K4', 'K5', 'K6', 'K13'],
        ['X-MAYO-PID', 'X-PARAGARD', 'S1', 'S2'],
      ],
      ['infection-symptoms', 'soon', [], ['K3', 'K5', 'K13'], ['S1', 'X-CDC-PID', 'X-MAYO-PID']],
      ['severe-pelvic-pain', 'urgent', [], ['K4', 'K5', 'K7'], ['X-MAYO-PID', 'X-NHS-IMB']],
      ['persistent-pelvic-pain', 'soon', [], ['K4'], ['X-NICE-NG12', 'X-AAFP-DYS']],
    ],
  ],
  ['Other', [['non-vaginal-bleeding-source', 'soon', ['urgent'], ['K2', 'K5'], ['S1']]]],
];

export const RULES: readonly RuleMeta[] = GROUPS.flatMap(([group, rows]) =>
  rows.map(([id, tier, others, checklist, sources]) => ({
    id,
    number: 0,
    group,
    tier,
    tiers: [tier, ...others],
    checklist,
    sources,
  })),
).map((rule, i) => ({ ...rule, number: i + 1 }));

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleMeta(id: RuleId): RuleMeta {
  return BY_ID.get(id)!;
}

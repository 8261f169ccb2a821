import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeLog } from '../../src/core/analyze.ts';
import type { CycleLog } from '../../src/core/log.ts';
import { higherTier, type Tier } from '../../src/core/tiers.ts';

interface Example {
  id: string;
  title: string;
  must: Record<string, Tier>;
  must_not: string[];
  /** Events the analysis must report as not flagged (rule and date), e.g. an on-time period after sex. */
  not_flagged?: { rule: string; date: string }[];
  /** Which correction changed the scenario's expectation, and how (a note for readers). */
  changed_by?: string;
  log: CycleLog;
}

const EXAMPLES_PATH = new URL('../fixtures/scenarios.json', import.meta.url);
const examples = (JSON.parse(readFileSync(EXAMPLES_PATH, 'utf8')) as { examples: Example[] })
  .examples;

/** The highest tier each rule reached, as the examples state them. */
export function highestTiers(log: CycleLog): Map<string, Tier> {
  const tiers = new Map<string, Tier>();
  for (const f of analyzeLog(log).findings) {
    const seen = tiers.get(f.rule);
    tiers.set(f.rule, seen ? higherTier(seen, f.tier) : f.tier);
  }
  return tiers;
}

describe('spec/examples.json through the analyzer', () => {
  it.each(examples.map((e) => [e.id, e] as const))('%s', (_id, example) => {
    const tiers = highestTiers(example.log);
    for (const [rule, tier] of Object.entries(example.must)) {
      expect({ rule, tier: tiers.get(rule) }).toEqual({ rule, tier });
    }
    for (const rule of example.must_not) {
      expect({ rule, fired: tiers.has(rule) }).toEqual({ rule, fired: false });
    }
    const notFlagged = analyzeLog(example.log).not_flagged.map((n) => ({
      rule: n.rule,
      date: n.date,
    }));
    for (const expected of example.not_flagged ?? []) expect(notFlagged).toContainEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { TIERS } from '../../src/core/tiers.ts';
import { TIER_LABEL, TIER_SYMBOL, TIER_WORD } from '../../src/report/tier-labels.ts';

describe('tier labels', () => {
  it.each(TIERS)('%s: the label starts with the tier word', (tier) => {
    expect(TIER_LABEL[tier].startsWith(`${TIER_WORD[tier]} — `)).toBe(true);
  });

  it('gives each tier a distinct plain-ASCII symbol of at most 3 characters', () => {
    const symbols = TIERS.map((t) => TIER_SYMBOL[t]);
    expect(new Set(symbols).size).toBe(TIERS.length);
    for (const s of symbols) expect(s).toMatch(/^[!-~]{1,3}$/);
  });

  it('uses more marks for more urgent tiers', () => {
    expect(TIER_SYMBOL.urgent.length).toBeGreaterThan(TIER_SYMBOL.soon.length);
    expect(TIER_SYMBOL.soon.length).toBeGreaterThan(TIER_SYMBOL['next-visit'].length);
  });
});

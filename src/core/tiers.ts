/** Urgency tiers, most urgent first (docs/rules.md). */
export const TIERS = ['urgent', 'soon', 'next-visit', 'info'] as const;
export type Tier = (typeof TIERS)[number];

/** Lower is more urgent. */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

export function higherTier(a: Tier, b: Tier): Tier {
  return tierRank(a) <= tierRank(b) ? a : b;
}

/** Whether `tier` is at or above `threshold` in urgency. */
export function isAtOrAbove(tier: Tier, threshold: Tier): boolean {
  return tierRank(tier) <= tierRank(threshold);
}

/**
 * The rule catalogue's derived tables (catalogue.ts, ids.ts): rules are numbered 1–37 in
 * catalogue order, as docs/rules.md numbers them, `ruleMeta` finds each rule by id, and
 * `isRuleId` accepts exactly the catalogue's ids (what `cyclecheck rules <id>` checks).
 */
import { describe, expect, it } from 'vitest';
import { RULES, ruleMeta } from '../../src/core/rules/catalogue.ts';
import { isRuleId, RULE_IDS } from '../../src/core/rules/ids.ts';

describe('the rule catalogue', () => {
  it('numbers the 37 rules 1–37 in catalogue order', () => {
    expect(RULES.map((r) => r.number)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  it.each([
    ['pregnancy-bleeding-heavy', 1],
    ['prolonged-period', 23],
    ['irregular-cycles', 27],
    ['late-period', 31],
    ['non-vaginal-bleeding-source', 37],
  ] as const)('ruleMeta(%s) is rule %i, with its base tier first among its tiers', (id, number) => {
    const meta = ruleMeta(id);
    expect(meta).toMatchObject({ id, number });
    expect(meta.tiers[0]).toBe(meta.tier);
  });

  it('late-period is info only; irregular-cycles is next-visit, can be soon or info', () => {
    expect(ruleMeta('late-period')).toMatchObject({
      tier: 'info',
      tiers: ['info'],
      group: 'Cycle timing',
    });
    expect(ruleMeta('irregular-cycles').tiers).toEqual(['next-visit', 'soon', 'info']);
  });
});

describe('isRuleId', () => {
  it.each(['irregular-cycles', 'late-period', 'pregnancy-bleeding-heavy'])('%s → true', (id) => {
    expect(isRuleId(id)).toBe(true);
  });

  it.each(['', 'late', 'Late-Period', 'toString', 'constructor', '__proto__'])(
    '"%s" → false (not an id, even if every object has it)',
    (text) => {
      expect(isRuleId(text)).toBe(false);
    },
  );
});

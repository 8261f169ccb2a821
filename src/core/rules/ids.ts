/** Rule ids, derived from the catalogue (its keys, in catalogue order). */
import { CATALOGUE, type RuleId } from './catalogue.ts';

export type { RuleId };

export const RULE_IDS = Object.keys(CATALOGUE) as readonly RuleId[];

export function isRuleId(text: string): text is RuleId {
  return Object.hasOwn(CATALOGUE, text);
}

import { type RuleSet, ruleSetSchema } from './rule-set';
import { RULE_SET_000_LEADER, RULE_SET_000_WORKER } from './rule-sets-000';
import { RULE_SET_002_COMMUNITY, RULE_SET_002_DEPARTMENT, RULE_SET_002_GRID_HEAD, RULE_SET_002_ZHANQIAN } from './rule-sets-002';

/** The seeds' tables, parsed once: a street starts from a copy of one of these. */
export const SHIPPED_RULE_SETS: readonly RuleSet[] = Object.freeze(
  [RULE_SET_000_LEADER, RULE_SET_000_WORKER, RULE_SET_002_GRID_HEAD, RULE_SET_002_COMMUNITY, RULE_SET_002_DEPARTMENT, RULE_SET_002_ZHANQIAN].map((s) =>
    ruleSetSchema.parse(s),
  ),
);

export function shippedRuleSet(id: string): RuleSet | undefined {
  return SHIPPED_RULE_SETS.find((s) => s.id === id);
}

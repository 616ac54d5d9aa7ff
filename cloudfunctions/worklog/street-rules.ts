import { DEFAULT_WORKING_CALENDAR, type WorkingCalendarConfig } from '../../src/domain/calendar';
import { configRecordSchema, slaConfigRecordSchema, type ConfigRecord } from '../../src/domain/case/records';
import { patrolConfigId, patrolConfigRecordSchema } from '../../src/domain/patrol/records';
import { DEFAULT_PATROL_RULES, patrolRuleOverridesSchema } from '../../src/domain/patrol/rules';
import { resolveWorkRules, workRulesConfigId, workRulesConfigRecordSchema, type WorkRule, type WorkRules } from '../../src/domain/worklog';
import { collectionOf, type Database } from '../_lib';

/**
 * A street's work rules (`configs/worklog-rules-<street>`, defaults in src/domain/worklog), its working
 * calendar (the one cases use, `configs/sla-<street>`) and the patrol context's daily minimum
 * (`configs/patrol-<street>`, 002 L23), read in ONE query.
 */
export interface StreetWorkConfig {
  rules: WorkRules;
  rulesVersion: number;
  calendar: WorkingCalendarConfig;
  patrolMinutesPerDay: WorkRule;
}

const configIdsOf = (streetId: string) => ({ rules: workRulesConfigId(streetId), sla: `sla-${streetId}`, patrol: patrolConfigId(streetId) });
/** The `configs` ids a street's work configuration is made of (for a caller reading them with other things). */
export const streetWorkConfigIds = (streetId: string): string[] => Object.values(configIdsOf(streetId));

export async function loadStreetWorkConfig(db: Database, streetId: string): Promise<StreetWorkConfig> {
  return streetWorkConfigFrom(streetId, await collectionOf(db, 'configs', configRecordSchema).loadMany(streetWorkConfigIds(streetId)));
}

/** The street's work configuration from its `configs` documents as read (others among them are ignored). */
export function streetWorkConfigFrom(streetId: string, docs: readonly ConfigRecord[]): StreetWorkConfig {
  const ids = configIdsOf(streetId);
  const doc = (id: string) => docs.find((d) => d._id === id);
  const stored = doc(ids.rules) ? workRulesConfigRecordSchema.parse(doc(ids.rules)) : null;
  const sla = doc(ids.sla);
  const patrol = doc(ids.patrol) ? patrolConfigRecordSchema.parse(doc(ids.patrol)) : null;
  const patrolOverride = patrol?.rules ? patrolRuleOverridesSchema.parse(patrol.rules).dailyMinimumMinutes : undefined;
  const patrolDefault = DEFAULT_PATROL_RULES.dailyMinimumMinutes;
  return {
    rules: resolveWorkRules(stored ?? undefined),
    rulesVersion: stored?.version ?? 0,
    calendar: (sla ? slaConfigRecordSchema.parse(sla).calendar : undefined) ?? DEFAULT_WORKING_CALENDAR,
    patrolMinutesPerDay: patrolOverride
      ? { amount: patrolOverride.value, reason: `${patrolOverride.reason}（默认 ${patrolDefault.value}：${patrolDefault.reason}）` }
      : { amount: patrolDefault.value, reason: patrolDefault.reason },
  };
}

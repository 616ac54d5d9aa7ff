import { DEFAULT_WORKING_CALENDAR, type WorkingCalendarConfig } from '../../src/domain/calendar';
import { configRecordSchema, slaConfigRecordSchema } from '../../src/domain/case/records';
import { resolveWorkRules, workRulesConfigId, workRulesConfigRecordSchema, type WorkRules } from '../../src/domain/worklog';
import { collectionOf, type Database } from '../_lib';

/**
 * A street's work rules (`configs/worklog-rules-<street>`, defaults from src/domain/worklog) and its
 * working calendar (the one cases use, `configs/sla-<street>`), read in ONE query.
 */
export interface StreetWorkConfig {
  rules: WorkRules;
  rulesVersion: number;
  calendar: WorkingCalendarConfig;
}

export async function loadStreetWorkConfig(db: Database, streetId: string): Promise<StreetWorkConfig> {
  const rulesId = workRulesConfigId(streetId);
  const slaId = `sla-${streetId}`;
  const docs = await collectionOf(db, 'configs', configRecordSchema).loadMany([rulesId, slaId]);
  const rulesDoc = docs.find((d) => d._id === rulesId);
  const slaDoc = docs.find((d) => d._id === slaId);
  const stored = rulesDoc ? workRulesConfigRecordSchema.parse(rulesDoc) : null;
  return {
    rules: resolveWorkRules(stored ?? undefined),
    rulesVersion: stored?.version ?? 0,
    calendar: (slaDoc ? slaConfigRecordSchema.parse(slaDoc).calendar : undefined) ?? DEFAULT_WORKING_CALENDAR,
  };
}

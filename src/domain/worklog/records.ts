import { z } from 'zod';
import { PARTNER_KINDS, SIX_MUST_GROUPS, VISIT_KINDS } from './visit';
import { workRulesConfigSchema } from './work-rules';

/** Stored records of the worklog context (issue 14 items 3–6). One schema per collection. */

const id = z.string().min(1);

/** `visits`: one document per visit, `_id` derived from the worker and the client's request id. */
export const visitRecordSchema = z.object({
  _id: id,
  streetId: id,
  communityId: id,
  gridId: id,
  /** The worker's `users` id (the caller who recorded it). */
  workerId: id,
  kind: z.enum(VISIT_KINDS),
  /** For kind six_must: which of the six groups. */
  group: z.enum(SIX_MUST_GROUPS).optional(),
  householdId: id.optional(),
  buildingId: id.optional(),
  door: z.string(),
  /** What the target is called on screen (building name and door, or the household's label). */
  targetLabel: z.string(),
  /** `household:…` or `building:…:door` (visit.ts targetKeyOf): what rules count by. */
  targetKey: z.string(),
  notes: z.string(),
  photoFileIds: z.array(z.string()),
  partner: z.object({ kind: z.enum(PARTNER_KINDS), userId: id.optional(), name: z.string().optional() }),
  visitedAt: z.date(),
  requestId: z.string(),
  version: z.number().int().nonnegative(),
  createdAt: z.date(),
});
export type VisitRecord = z.infer<typeof visitRecordSchema>;

/** `configs/worklog-rules-<street>`: the street's overrides of the work rules. */
export const workRulesConfigRecordSchema = workRulesConfigSchema.extend({
  _id: id,
  streetId: id,
  version: z.number().int().nonnegative(),
  updatedAt: z.date().optional(),
  updatedBy: z.string().optional(),
});
export type WorkRulesConfigRecord = z.infer<typeof workRulesConfigRecordSchema>;

/** Deterministic per worker and request: a retried or double-tapped save makes one visit. */
export const visitIdFor = (workerId: string, requestId: string) => `visit-${workerId}-${requestId}`;

import * as z from 'zod';
import { PARTNER_KINDS, SIX_MUST_GROUPS, VISIT_KINDS } from './visit';
import { workRulesConfigSchema } from './work-rules';
import { dayLogSummarySchema } from './daily-log';

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
  /** The draft register change this visit noted (issue 15 item 5), written in the same transaction. */
  registerChangeId: id.optional(),
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

/** `grid_logs`: one per worker and day, `_id` `log-<workerId>-<date>` (日清: one log a day, edited in place). */
export const gridLogRecordSchema = z.object({
  _id: id,
  streetId: id,
  communityId: id,
  gridIds: z.array(id),
  workerId: id,
  workerName: z.string(),
  /** China date `YYYY-MM-DD` the log is for. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  summary: dayLogSummarySchema,
  lines: z.array(z.string()),
  notes: z.string(),
  submittedAt: z.date(),
  /** Submitted after the day it is for had ended (补交). */
  late: z.boolean(),
  version: z.number().int().nonnegative(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type GridLogRecord = z.infer<typeof gridLogRecordSchema>;
export const gridLogIdFor = (workerId: string, date: string) => `log-${workerId}-${date}`;

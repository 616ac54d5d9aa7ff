import * as z from 'zod';

/**
 * Stored records of the patrol context (issue 14 item 1): ONE `patrols` document per patrol, holding its
 * track as an array of points (never one document per point), its building check-ins and the problems
 * found on the way. Read and write them only through `collectionOf` (cloudfunctions/_lib/records.ts).
 */

// The SDK hands dates back as Date; documents written by other tools may hold ISO strings.
const storedDate = z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v));

export const PATROL_STATES = ['active', 'ended'] as const;
export type PatrolState = (typeof PATROL_STATES)[number];
export const PATROL_STATE_LABELS: Record<PatrolState, string> = { active: '巡查中', ended: '已结束' };

/** Who ended it: the worker, or the street's maximum length ran out (a forgotten patrol). */
export const PATROL_END_CAUSES = ['worker', 'timeout'] as const;

export const trackPointRecordSchema = z.object({ at: storedDate, lat: z.number(), lng: z.number(), acc: z.number().optional() });

export const checkInRecordSchema = z.object({
  requestId: z.string(),
  buildingId: z.string(),
  buildingName: z.string(),
  at: storedDate,
});
export type CheckInRecord = z.infer<typeof checkInRecordSchema>;

/** A problem found on the patrol: filed as a case, or 当场处置 (handled on the spot). */
export const FINDING_KINDS = ['case', 'on_spot'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_KIND_LABELS: Record<FindingKind, string> = { case: '上报事件', on_spot: '当场处置' };

export const VERIFICATION_RESULTS = ['confirmed', 'rejected'] as const;
export const VERIFICATION_LABELS: Record<(typeof VERIFICATION_RESULTS)[number], string> = { confirmed: '核实属实', rejected: '核实不符' };

export const findingRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(FINDING_KINDS),
  requestId: z.string(),
  at: storedDate,
  categoryId: z.string(),
  categoryLabel: z.string(),
  description: z.string(),
  /** kind case: the case filed through the case report path. */
  caseId: z.string().optional(),
  /** kind on_spot: the photos before and after handling it. */
  beforePhotos: z.array(z.string()).default([]),
  afterPhotos: z.array(z.string()).default([]),
  location: z.object({ lat: z.number().optional(), lng: z.number().optional(), address: z.string().optional() }).default({}),
  /** kind on_spot: picked for the grid chief's 抽查 (004 L41). */
  sampled: z.boolean().default(false),
  verification: z.object({ by: z.string(), byName: z.string(), at: storedDate, result: z.enum(VERIFICATION_RESULTS), note: z.string() }).optional(),
});
export type FindingRecord = z.infer<typeof findingRecordSchema>;

export const patrolRecordSchema = z.object({
  _id: z.string(),
  streetId: z.string(),
  communityId: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  state: z.enum(PATROL_STATES),
  /** The start's request id: the `_id` is derived from it (a retried start starts one patrol). */
  requestId: z.string(),
  startedAt: storedDate,
  endedAt: storedDate.optional(),
  endCause: z.enum(PATROL_END_CAUSES).optional(),
  /** Whole minutes, fixed at the end (minutesPatrolled). */
  minutes: z.number().int().nonnegative().optional(),
  track: z.array(trackPointRecordSchema),
  /** Points ever stored; stays when the track is purged. */
  pointCount: z.number().int().nonnegative(),
  /** Request ids of the newest point batches, so a replay answers "already stored". */
  batchIds: z.array(z.string()),
  checkIns: z.array(checkInRecordSchema),
  findings: z.array(findingRecordSchema),
  /** On-the-spot findings picked for 抽查 and not yet checked: the chief's list queries this. */
  pendingSamples: z.number().int().nonnegative(),
  /** When the track's points are deleted (retention, rules.trackRetentionDays). */
  trackPurgeAt: storedDate,
  trackPurgedAt: storedDate.optional(),
  version: z.number().int(),
  createdAt: storedDate,
  updatedAt: storedDate,
});
export type PatrolRecord = z.infer<typeof patrolRecordSchema>;

/** `configs/patrol-<street>`: the street's overrides of the patrol rules and the 八必报 mapping (parsed in the function). */
export const patrolConfigRecordSchema = z
  .object({ _id: z.string(), rules: z.unknown().optional(), eightReports: z.unknown().optional(), version: z.number().int().nonnegative() })
  .passthrough();

export const patrolConfigId = (streetId: string) => `patrol-${streetId}`;

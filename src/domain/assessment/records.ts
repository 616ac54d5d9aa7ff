import * as z from 'zod';
import { factSchema, manualEntrySchema } from './facts';
import { ruleSetSchema } from './rule-set';

/**
 * Stored records of the assessment context: a street's rule sets (copied from a shipped table and
 * adjusted, every change with a reason), the runs of a period, and the published sheets (frozen).
 * Read them only through `collectionOf` (cloudfunctions/_lib/records.ts).
 */

const storedDate = z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v));
const id = z.string().min(1);
const stamps = { version: z.number().int().nonnegative(), createdAt: storedDate, updatedAt: storedDate };

export const ruleSetChangeSchema = z.object({
  version: z.number().int().positive(),
  reason: z.string(),
  /** What changed, in Chinese, worked out by comparing the two versions (edit.ts). */
  summary: z.array(z.string()),
  byUserId: id,
  byName: z.string(),
  at: storedDate,
});
export type RuleSetChange = z.infer<typeof ruleSetChangeSchema>;

/** `assessment_rule_sets/<street>-<id>`: a street's own table. */
export const ruleSetRecordSchema = z.object({
  _id: id,
  streetId: id,
  /** The shipped table it was copied from. */
  copiedFrom: id,
  ruleSet: ruleSetSchema,
  changes: z.array(ruleSetChangeSchema),
  ...stamps,
});
export type RuleSetRecord = z.infer<typeof ruleSetRecordSchema>;

export const SUBJECT_KINDS = ['worker', 'community', 'department'] as const;
export const runSubjectSchema = z.object({
  /** A user id (worker), a community id or a department id. */
  id: id,
  kind: z.enum(SUBJECT_KINDS),
  name: z.string(),
  /** The worker's or community's own community; a street department belongs to none. */
  communityId: id.optional(),
  /** The grids the subject answers for: an assessor holding any of them may not score it (002 L135). */
  gridIds: z.array(id),
  /** A department's people who sign in, as the run opened: none of them may score it (002 L135 回避). */
  memberUserIds: z.array(id).optional(),
});
export type RunSubject = z.infer<typeof runSubjectSchema>;

export const RUN_STATES = ['open', 'published'] as const;
export type RunState = (typeof RUN_STATES)[number];
export const RUN_STATE_LABELS: Record<RunState, string> = { open: '评分中', published: '已公布' };

export const coverTransferRecordSchema = z.object({ absentPersonId: id, coverPersonId: id, reason: z.string(), byUserId: id, at: storedDate });

/** `assessment_runs/<street>-<ruleSet>-<month>-<scope>`: one period's assessment of one scope. */
export const runRecordSchema = z.object({
  _id: id,
  streetId: id,
  /** Worker runs are per community; community and department runs cover the street (absent). */
  communityId: id.optional(),
  scopeName: z.string(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  ruleSetId: id,
  ruleSetVersion: z.number().int(),
  /** The table as it was when the run opened: later edits to the street's copy do not move a run. */
  ruleSet: ruleSetSchema,
  subjects: z.array(runSubjectSchema),
  facts: z.array(z.object({ subjectId: id, itemId: id, fact: factSchema })),
  factsAt: storedDate,
  entries: z.array(manualEntrySchema.extend({ subjectId: id, revision: z.number().int().positive() })),
  covers: z.array(coverTransferRecordSchema),
  state: z.enum(RUN_STATES),
  /** 1 for the first publication; a correction opens revision + 1 with a reason. */
  revision: z.number().int().positive(),
  publishedRevision: z.number().int().positive().nullable(),
  publishedAt: storedDate.nullable(),
  corrections: z.array(z.object({ revision: z.number().int(), reason: z.string(), byUserId: id, at: storedDate })),
  openedBy: id,
  ...stamps,
});
export type RunRecord = z.infer<typeof runRecordSchema>;

const lineSchema = z.object({
  itemId: z.string(),
  title: z.string(),
  kind: z.string(),
  role: z.enum(['base', 'bonus', 'penalty', 'veto']),
  points: z.number(),
  max: z.number(),
  formula: z.string(),
  evidence: z.array(z.object({ kind: z.string(), id: z.string(), label: z.string() })),
  source: z.string(),
  pending: z.boolean(),
});

/** `assessment_sheets/<run>-r<revision>-<subject>`: a published sheet, never changed afterwards except `current`. */
export const sheetRecordSchema = z.object({
  _id: id,
  runId: id,
  revision: z.number().int().positive(),
  /** False once a corrected revision is published; the old sheet stays as it was. */
  current: z.boolean(),
  streetId: id,
  /** Absent on a department's sheet: a street department belongs to no community. */
  communityId: id.optional(),
  month: z.string(),
  ruleSetId: id,
  ruleSetName: z.string(),
  unit: z.enum(['分', '元']),
  subjectId: id,
  subjectKind: z.enum(SUBJECT_KINDS),
  subjectName: z.string(),
  gridIds: z.array(id),
  lines: z.array(lineSchema),
  max: z.number(),
  bonus: z.number(),
  total: z.number(),
  vetoed: z.boolean(),
  rank: z.number().int().positive(),
  grade: z.string().nullable(),
  payout: z.object({ percent: z.number(), yuan: z.number(), formula: z.string() }).nullable(),
  /** After AB岗 transfers (000 L45): what is actually paid to this person for the month. */
  paidYuan: z.number().nullable(),
  payoutNotes: z.array(z.string()),
  flags: z.array(z.object({ id: z.string(), label: z.string(), formula: z.string() })),
  correctionReason: z.string().optional(),
  publishedAt: storedDate,
  publishedBy: id,
});
export type SheetRecord = z.infer<typeof sheetRecordSchema>;

export const runIdOf = (streetId: string, ruleSetId: string, month: string, scopeId: string) => `${streetId}-${ruleSetId}-${month}-${scopeId}`.slice(0, 120);
export const sheetIdOf = (runId: string, revision: number, subjectId: string) => `${runId}-r${revision}-${subjectId}`;

import * as z from 'zod';

/**
 * What a sheet's points rest on. An automatic fact comes from the data with the ids of the records behind
 * it (a late case, a missed patrol day, an absent meeting); a manual entry is an assessor's act with a
 * reason. Both are plain data so a published sheet can be re-scored and explained years later.
 */

export const EVIDENCE_KINDS = ['case', 'patrolDay', 'meeting', 'visit', 'info', 'entry'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  case: '案件',
  patrolDay: '巡查日',
  meeting: '会议',
  visit: '走访',
  info: '信息',
  entry: '评分记录',
};

export const evidenceRefSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  id: z.string().min(1).max(80),
  /** Short Chinese description shown beside the link ("案件 A0101-2026-0042 超期"). */
  label: z.string().max(80),
});
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

/** Evidence lists are bounded so a sheet stays one small document; the count stays exact. */
export const MAX_EVIDENCE_PER_FACT = 50;

export const countFactSchema = z.object({
  kind: z.literal('count'),
  count: z.number().int().nonnegative(),
  evidence: z.array(evidenceRefSchema).max(MAX_EVIDENCE_PER_FACT),
});
export const rateFactSchema = z
  .object({
    kind: z.literal('rate'),
    numerator: z.number().int().nonnegative(),
    denominator: z.number().int().nonnegative(),
    /** The records that fell short (late cases, dissatisfied ballots). */
    evidence: z.array(evidenceRefSchema).max(MAX_EVIDENCE_PER_FACT),
  })
  .refine((f) => f.numerator <= f.denominator, { message: '分子不能大于分母', path: ['numerator'] });
export const factSchema = z.union([countFactSchema, rateFactSchema]);
export type Fact = z.infer<typeof factSchema>;
export type CountFact = z.infer<typeof countFactSchema>;
export type RateFact = z.infer<typeof rateFactSchema>;

const reason = z.string().trim().min(2, '请写明评分理由').max(200, '理由最多200字');

/** What an assessor enters for one item; the item's kind decides which value it must be. */
export const entryValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('points'), points: z.number().finite().nonnegative() }),
  z.object({ kind: z.literal('count'), count: z.number().int().nonnegative().max(1000) }),
  z.object({ kind: z.literal('options'), optionIds: z.array(z.string().min(1)).max(20) }),
  z.object({ kind: z.literal('veto'), vetoed: z.boolean() }),
]);
export type EntryValue = z.infer<typeof entryValueSchema>;

export const manualEntrySchema = z.object({
  entryId: z.string().min(1),
  itemId: z.string().min(1),
  value: entryValueSchema,
  reason,
  byUserId: z.string().min(1),
  byName: z.string().max(40),
  at: z.date(),
});
export type ManualEntry = z.infer<typeof manualEntrySchema>;

/** The latest entry per item is the one that counts; earlier ones stay as the trail. */
export function latestEntries(entries: readonly ManualEntry[]): Map<string, ManualEntry> {
  const latest = new Map<string, ManualEntry>();
  for (const e of [...entries].sort((a, b) => a.at.getTime() - b.at.getTime())) latest.set(e.itemId, e);
  return latest;
}

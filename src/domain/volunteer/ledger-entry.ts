import * as z from 'zod';
import { chinaYear } from './period';

/** What moved the points; each id is optional because a correction or a lead report has no activity. */
export const ledgerSourceSchema = z.object({
  activityId: z.string().min(1).optional(),
  caseId: z.string().min(1).optional(),
  redemptionId: z.string().min(1).optional(),
});
export type LedgerSource = z.infer<typeof ledgerSourceSchema>;

const common = {
  id: z.string().min(1),
  volunteerId: z.string().min(1),
  communityId: z.string().min(1),
  streetId: z.string().min(1),
  /** The China-time year whose points this entry moves (see the refinement below). */
  year: z.number().int().min(2000).max(2100),
  by: z.string().min(1),
  at: z.date(),
};

const redemptionSource = ledgerSourceSchema.extend({ redemptionId: z.string().min(1) });

/**
 * An append-only ledger line (001 L883 积分台账). Signs are fixed by kind, so only corrections and
 * redemptions can take points away.
 */
export const ledgerEntrySchema = z
  .discriminatedUnion('kind', [
    z.object({ ...common, kind: z.literal('award'), points: z.number().int().positive(), ruleId: z.string().min(1), source: ledgerSourceSchema, reason: z.string().optional() }),
    // 001 L885: 确认后的积分情景不得修改 — a wrong award is reversed by a new, reasoned entry.
    z.object({ ...common, kind: z.literal('correction'), points: z.number().int().negative(), correctsEntryId: z.string().min(1), reason: z.string().trim().min(1, '冲正须写明理由'), source: ledgerSourceSchema }),
    z.object({ ...common, kind: z.literal('redemption'), points: z.number().int().negative(), source: redemptionSource, reason: z.string().optional() }),
    z.object({ ...common, kind: z.literal('redemption_refund'), points: z.number().int().positive(), source: redemptionSource, reason: z.string().trim().min(1, '退回须写明理由') }),
  ])
  .superRefine((entry, ctx) => {
    const yearOfAt = chinaYear(entry.at);
    // Awards and redemptions belong to the year they happen in (001 L889 凭当年度积分). A correction or a
    // refund restores the year of the entry it undoes, which may be earlier than its own date.
    const ok = entry.kind === 'award' || entry.kind === 'redemption' ? entry.year === yearOfAt : entry.year <= yearOfAt;
    if (!ok) ctx.addIssue({ code: 'custom', message: '积分年度与记账时间不符', path: ['year'] });
  });
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type LedgerEntryKind = LedgerEntry['kind'];
export type LedgerEntryOf<K extends LedgerEntryKind> = Extract<LedgerEntry, { kind: K }>;

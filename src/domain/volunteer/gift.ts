import * as z from 'zod';
import { DomainError } from '../errors';
import type { VolunteerPlace } from './award';
import { checkRedemption } from './ledger';
import { ledgerEntrySchema, type LedgerEntry, type LedgerEntryOf } from './ledger-entry';
import { chinaYear } from './period';

/** A gift in a community's catalogue (001 L889 具体兑换方案由各社区制定). */
export const giftItemSchema = z.object({
  id: z.string().min(1),
  communityId: z.string().min(1),
  name: z.string().trim().min(1).max(50),
  pointsCost: z.number().int().positive(),
  stock: z.number().int().nonnegative(),
  active: z.boolean().default(true),
});
export type GiftItem = z.infer<typeof giftItemSchema>;

/** Six digits, leading zeros kept. `random` is injected (a CSPRNG at the edge, a fixed sequence in tests). */
export function pickupCode(random: () => number): string {
  const r = random();
  if (!(r >= 0 && r < 1)) throw new RangeError(`random source must return [0, 1), got ${r}`);
  return String(Math.floor(r * 1_000_000)).padStart(6, '0');
}

/** Throws CONFLICT '礼品库存不足' unless `quantity` can come out of stock now. */
export function checkStock(item: GiftItem, quantity = 1): void {
  if (!Number.isInteger(quantity) || quantity <= 0) throw new DomainError('INVALID_INPUT', '兑换数量须为正整数', { quantity: '兑换数量须为正整数' });
  if (!item.active) throw new DomainError('CONFLICT', '该礼品已下架');
  if (item.stock < quantity) throw new DomainError('CONFLICT', '礼品库存不足');
}

export interface GiftRedemptionInput {
  /** The volunteer's own entries. */
  entries: readonly LedgerEntry[];
  item: GiftItem;
  volunteer: VolunteerPlace;
  quantity?: number;
  redemptionId: string;
  by: string;
  at: Date;
}

/**
 * The ledger entry of a gift redemption, after every check: own community's catalogue (到所在社区兑换),
 * stock, and this year's points only (凭当年度积分, 001 L889). The caller decrements stock with a condition.
 */
export function giftRedemption(input: GiftRedemptionInput): LedgerEntryOf<'redemption'> {
  const { item, volunteer, quantity = 1, at } = input;
  if (item.communityId !== volunteer.communityId) throw new DomainError('FORBIDDEN', '只能在所在社区兑换礼品');
  checkStock(item, quantity);
  const year = chinaYear(at);
  const cost = item.pointsCost * quantity;
  checkRedemption(input.entries, year, cost);
  return ledgerEntrySchema.parse({
    id: `redemption:${input.redemptionId}`,
    kind: 'redemption',
    ...volunteer,
    year,
    points: -cost,
    source: { redemptionId: input.redemptionId },
    reason: `${item.name} × ${quantity}`,
    by: input.by,
    at,
  }) as LedgerEntryOf<'redemption'>;
}

import { DomainError } from '../errors';
import { ledgerEntrySchema, type LedgerEntry, type LedgerEntryOf } from './ledger-entry';

/*
 * Every function here takes the entries of ONE volunteer (the caller queries by volunteerId), except where
 * a name says otherwise. Nothing is ever edited or removed: the ledger only grows through `appendEntry`.
 */

const sum = (entries: readonly LedgerEntry[]): number => entries.reduce((total, e) => total + e.points, 0);

/** All-time running total; 001 L889 "总积分不清零", so no year boundary resets it. */
export function balance(entries: readonly LedgerEntry[]): number {
  return sum(entries);
}

/** Awards and their corrections count as earned (the ranking); redemptions only move what is available. */
export const isEarnedEntry = (e: LedgerEntry): boolean => e.kind === 'award' || e.kind === 'correction';

/** Points earned in a year, net of corrections: what the yearly ranking counts (001 L889 当年度完成的积分数). */
export function yearEarned(entries: readonly LedgerEntry[], year: number): number {
  return sum(entries.filter((e) => e.year === year && (e.kind === 'award' || e.kind === 'correction')));
}

/** What a volunteer can still redeem from that year's points (001 L889 "凭当年度积分...兑换礼品"). */
export function yearAvailable(entries: readonly LedgerEntry[], year: number): number {
  return sum(entries.filter((e) => e.year === year));
}

/** Throws CONFLICT '本年度积分不足' if redeeming `cost` would overdraw that year's points. */
export function checkRedemption(entries: readonly LedgerEntry[], year: number, cost: number): void {
  if (!Number.isInteger(cost) || cost <= 0) throw new DomainError('INVALID_INPUT', '兑换所需积分须为正整数', { cost: '兑换所需积分须为正整数' });
  if (yearAvailable(entries, year) < cost) throw new DomainError('CONFLICT', '本年度积分不足');
}

/**
 * Throws unless `target` may be reversed now: only an award, only once, and only while its year still has
 * the points — if they were spent, refund the redemption first, so no year ever goes below zero.
 */
export function checkCorrection(entries: readonly LedgerEntry[], target: LedgerEntry): void {
  if (target.kind !== 'award') throw new DomainError('CONFLICT', '只能冲正积分奖励;兑换请走退回');
  if (!entries.some((e) => e.id === target.id)) throw new DomainError('NOT_FOUND', '要冲正的积分记录不存在');
  if (entries.some((e) => e.kind === 'correction' && e.correctsEntryId === target.id)) throw new DomainError('CONFLICT', '该积分记录已冲正');
  const shortfall = target.points - yearAvailable(entries, target.year);
  if (shortfall > 0) throw new DomainError('CONFLICT', spentMessage(spentBy(entries, target.year, shortfall)));
}

/**
 * The redemptions that used the points a correction would take back: the year's live (not refunded)
 * redemptions, newest first, until they cover the shortfall. Naming them tells staff exactly which gift
 * to take back first (issue 9 item 3; 001 L889 gives no rule for spent points, so nothing goes negative).
 */
export function spentBy(entries: readonly LedgerEntry[], year: number, shortfall: number): LedgerEntryOf<'redemption'>[] {
  const refunded = new Set(entries.flatMap((e) => (e.kind === 'redemption_refund' ? [e.source.redemptionId] : [])));
  const live = entries
    .filter((e): e is LedgerEntryOf<'redemption'> => e.kind === 'redemption' && e.year === year && !refunded.has(e.source.redemptionId))
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1));
  const named: LedgerEntryOf<'redemption'>[] = [];
  let covered = 0;
  for (const r of live) {
    if (covered >= shortfall) break;
    named.push(r);
    covered += -r.points;
  }
  return named;
}

const redemptionName = (r: LedgerEntryOf<'redemption'>) => `${r.reason ? `「${r.reason}」` : ''}(兑换编号 ${r.source.redemptionId})`;

function spentMessage(redemptions: readonly LedgerEntryOf<'redemption'>[]): string {
  const names = redemptions.map(redemptionName).join('、');
  return `不能冲正：这笔奖励的积分已用于兑换${names || '礼品'}，冲正后本年度积分会变为负数。请先退回该兑换再冲正`;
}

/** The reversing entry for a confirmed award; its id is derived from the award's, so a retry is idempotent. */
export function correctionFor(entry: LedgerEntry, reason: string, by: string, at: Date): LedgerEntryOf<'correction'> {
  if (entry.kind !== 'award') throw new DomainError('CONFLICT', '只能冲正积分奖励;兑换请走退回');
  if (at.getTime() < entry.at.getTime()) throw new DomainError('INVALID_INPUT', '冲正时间不能早于原记录');
  return ledgerEntrySchema.parse({
    id: `${entry.id}~correction`,
    kind: 'correction',
    volunteerId: entry.volunteerId,
    communityId: entry.communityId,
    streetId: entry.streetId,
    year: entry.year,
    points: -entry.points,
    correctsEntryId: entry.id,
    source: entry.source,
    reason,
    by,
    at,
  }) as LedgerEntryOf<'correction'>;
}

/** The entry that gives a redemption's points back (gift out of stock, not collected); idempotent by id. */
export function refundFor(redemption: LedgerEntry, reason: string, by: string, at: Date): LedgerEntryOf<'redemption_refund'> {
  if (redemption.kind !== 'redemption') throw new DomainError('CONFLICT', '只能退回兑换记录');
  return ledgerEntrySchema.parse({
    id: `${redemption.id}~refund`,
    kind: 'redemption_refund',
    volunteerId: redemption.volunteerId,
    communityId: redemption.communityId,
    streetId: redemption.streetId,
    year: redemption.year,
    points: -redemption.points,
    source: redemption.source,
    reason,
    by,
    at,
  }) as LedgerEntryOf<'redemption_refund'>;
}

function checkRefund(entries: readonly LedgerEntry[], refund: LedgerEntryOf<'redemption_refund'>): void {
  const redemptionId = refund.source.redemptionId;
  const redeemed = entries.filter((e) => e.kind === 'redemption' && e.source.redemptionId === redemptionId);
  const refunded = entries.filter((e) => e.kind === 'redemption_refund' && e.source.redemptionId === redemptionId);
  if (-sum(redeemed) - sum(refunded) < refund.points) throw new DomainError('CONFLICT', '退回积分超过兑换所用积分');
}

/**
 * The one way into the ledger: validates the entry and every rule above against the volunteer's existing
 * entries, then returns the grown ledger. A repeated id is CONFLICT, which makes derived ids idempotent.
 */
export function appendEntry(entries: readonly LedgerEntry[], candidate: LedgerEntry): LedgerEntry[] {
  const entry = ledgerEntrySchema.parse(candidate);
  if (entries.some((e) => e.id === entry.id)) throw new DomainError('CONFLICT', '积分记录已存在');
  if (entries.some((e) => e.volunteerId !== entry.volunteerId)) throw new DomainError('INVALID_INPUT', '只能追加到同一志愿者的台账');
  if (entry.kind === 'redemption') checkRedemption(entries, entry.year, -entry.points);
  if (entry.kind === 'redemption_refund') checkRefund(entries, entry);
  if (entry.kind === 'correction') {
    const target = entries.find((e) => e.id === entry.correctsEntryId);
    if (!target) throw new DomainError('NOT_FOUND', '要冲正的积分记录不存在');
    checkCorrection(entries, target);
    if (entry.points !== -target.points || entry.year !== target.year) throw new DomainError('INVALID_INPUT', '冲正须与原记录分值、年度相抵');
  }
  return [...entries, entry];
}

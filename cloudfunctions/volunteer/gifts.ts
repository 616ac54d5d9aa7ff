import { createHash, randomInt } from 'node:crypto';
import type { z } from 'zod';
import { DomainError } from '../../src/domain/errors';
import { chinaYear, giftItemSchema, giftRedemption, pickupCode } from '../../src/domain/volunteer';
import { pageOptionsOf } from '../../src/domain/paging';
import { takeLimit } from '../_lib/rate-limit';
import type { giftInputSchema } from '../../src/domain/volunteer/api';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { atomically, ledgerIn, moveAccountIn, WouldGoNegative } from './atomic';
import { volunteerEntries } from './ledger-store';
import { recordOfEntry } from '../../src/domain/volunteer/records';
import { accountId, communitiesOf, giftRecordSchema, redemptionRecordSchema, volunteerCollection, type GiftRecord, type RedemptionRecord } from './records';
import { canOverseeCommunity, findVolunteer, isOrganiser, placeOf, requireVolunteer, staffCommunityIds, streetOf } from './scope';

const giftView = (g: GiftRecord) => ({ giftId: g._id, communityId: g.communityId, name: g.name, pointsCost: g.pointsCost, stock: g.stock, active: g.active, version: g.version });

/**
 * A community's catalogue (到所在社区兑换): volunteers see their own community's gifts on the shelf, staff
 * every gift. One cursor page by id (fixed at creation), with the total.
 */
export async function gifts(input: { communityId?: string; after?: string; limit?: number }, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  const own = await findVolunteer(call, caller.userId);
  const communityId = input.communityId ?? own?.communityId ?? staffCommunityIds(caller.roles, streetId)[0];
  if (!communityId) return { gifts: [], next: null, total: 0 };
  const staff = canOverseeCommunity(caller.roles, streetId, communityId);
  if (!staff) authorize(own?.communityId === communityId);
  // Off-shelf gifts are left out by the query, not after it, so a volunteer's pages stay full.
  const where = staff ? { streetId, communityId } : { streetId, communityId, active: true };
  const store = volunteerCollection(call, 'rewards');
  const [page, total] = await Promise.all([store.page(where, { orderBy: ['_id', 'asc'], ...pageOptionsOf(input) }), store.count(where)]);
  return { gifts: page.items.map(giftView), next: page.next, total };
}

export async function saveGift(input: z.infer<typeof giftInputSchema>, call: Invocation) {
  const caller = await requireCaller(call);
  const community = await communitiesOf(call).load(input.communityId);
  if (!community) throw new DomainError('NOT_FOUND', '社区不存在');
  const streetId = community.streetId;
  authorize(isOrganiser(caller.roles, streetId, input.communityId));
  const fields = { name: input.name, pointsCost: input.pointsCost, stock: input.stock, active: input.active };
  if (!input.giftId) {
    if (!input.requestId) throw new DomainError('INVALID_INPUT', '输入有误：新建时需要请求编号', { requestId: '新建时需要请求编号' });
    const _id = `gift-${createHash('sha256').update(`${streetId}:${input.requestId}`).digest('hex').slice(0, 20)}`;
    const { doc: found, created } = await volunteerCollection(call, 'rewards').insertOnce({ _id, streetId, communityId: input.communityId, ...fields, version: 1, createdAt: call.now });
    // The retry finds its own gift; someone else's requestId reveals nothing.
    if (!created && found.communityId !== input.communityId) throw new DomainError('CONFLICT', '请求编号已被使用，请刷新后重试');
    return { id: _id, version: found.version };
  }
  const gift = await volunteerCollection(call, 'rewards').require(input.giftId, '礼品');
  authorize(isOrganiser(caller.roles, gift.streetId, gift.communityId) && gift.communityId === input.communityId);
  if (input.expectedVersion === undefined) throw new DomainError('INVALID_INPUT', '输入有误：修改时需要版本号', { expectedVersion: '修改时需要版本号' });
  return { id: gift._id, version: await volunteerCollection(call, 'rewards').update({ _id: gift._id, version: input.expectedVersion }, { ...fields, updatedAt: call.now }) };
}

/**
 * 凭当年度积分兑换 (001 L889) in ONE transaction (issue 9 item 2): the redemption record (id derived from the
 * client's requestId), its ledger entry, the year's account and the gift's stock move together or not at
 * all. A retry — also after a crash — finds the record and returns it: never charged twice; stock used
 * always equals the redemptions, and the account the sum of its ledger.
 */
export async function redeem(input: { giftId: string; requestId: string }, call: Invocation) {
  const { caller, volunteer } = await requireVolunteer(call);
  const redemptionId = `red-${createHash('sha256').update(`${volunteer._id}:${input.requestId}`).digest('hex').slice(0, 20)}`;
  const done = await volunteerCollection(call, 'redemptions').load(redemptionId);
  if (done) return answer(call, done);
  const giftDoc = await volunteerCollection(call, 'rewards').require(input.giftId, '礼品');
  const year = chinaYear(call.now);
  // The pure checks first, for the right message (own community, on the shelf, stock, this year's points).
  const entry = giftRedemption({
    entries: await volunteerEntries(call, volunteer._id, year),
    item: giftItemSchema.parse({ ...giftDoc, id: giftDoc._id }),
    volunteer: placeOf(volunteer), redemptionId, by: caller.userId, at: call.now,
  });
  const cost = -entry.points;
  const pickup = pickupCode(() => randomInt(0, 1_000_000) / 1_000_000);
  const record = await atomically(call, async (tx) => {
    const redemptions = tx.collectionOf('redemptions', redemptionRecordSchema);
    const existing = await redemptions.load(redemptionId);
    if (existing) return existing;
    const rewards = tx.collectionOf('rewards', giftRecordSchema);
    const gift = await rewards.require(giftDoc._id, '礼品');
    if (!gift.active) throw new DomainError('CONFLICT', '该礼品已下架');
    if (gift.stock < 1) throw new DomainError('CONFLICT', '礼品库存不足');
    try {
      await moveAccountIn(tx, entry, 0, entry.points);
    } catch (err) {
      if (err instanceof WouldGoNegative) throw new DomainError('CONFLICT', '本年度积分不足');
      throw err;
    }
    // Stock only: the gift's version belongs to staff edits (saveGift), which a redemption must not invalidate.
    await rewards.set({ ...gift, stock: gift.stock - 1 });
    await ledgerIn(tx).insert(recordOfEntry(entry));
    const created: RedemptionRecord = {
      _id: redemptionId, volunteerId: volunteer._id, volunteerName: volunteer.name, giftId: gift._id, giftName: gift.name, communityId: gift.communityId,
      streetId: gift.streetId, points: cost, year, state: 'awaiting_pickup', pickupCode: pickup, at: call.now, requestId: input.requestId,
    };
    await redemptions.insert(created);
    return created;
  });
  return answer(call, record);
}

async function answer(call: Invocation, r: RedemptionRecord) {
  const account = await volunteerCollection(call, 'points_accounts').load(accountId(r.volunteerId, r.year));
  return { redemptionId: r._id, pickupCode: r.pickupCode, points: r.points, yearAvailable: account?.available ?? 0 };
}

/** Own redemptions, or a community's for its staff: newest first, one cursor page, with the total. */
export async function redemptions(input: { communityId?: string; state?: RedemptionRecord['state']; after?: string; limit?: number }, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  const where: Record<string, unknown> = input.communityId ? { streetId, communityId: input.communityId } : { volunteerId: caller.userId };
  if (input.communityId) authorize(canOverseeCommunity(caller.roles, streetId, input.communityId));
  if (input.state) where.state = input.state;
  const store = volunteerCollection(call, 'redemptions');
  const [page, total] = await Promise.all([store.page(where, { orderBy: ['at', 'desc'], ...pageOptionsOf(input) }), store.count(where)]);
  return {
    next: page.next,
    total,
    redemptions: page.items.map((r) => ({
      redemptionId: r._id, volunteerId: r.volunteerId, volunteerName: r.volunteerName, giftId: r.giftId, giftName: r.giftName, communityId: r.communityId, points: r.points, state: r.state,
      pickupCode: r.volunteerId === caller.userId ? r.pickupCode : undefined, at: r.at.toISOString(), pickedUpAt: r.pickedUpAt?.toISOString(),
    })),
  };
}

export async function markPickedUp(input: { redemptionId: string; pickupCode: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const r = await volunteerCollection(call, 'redemptions').require(input.redemptionId, '兑换记录');
  authorize(isOrganiser(caller.roles, r.streetId, r.communityId));
  // Six digits can be guessed: wrong codes are counted per redemption (DEFAULT_LIMITS.pickupCodeWrong); a right one costs nothing.
  const attempt = await takeLimit(call.db, caller, 'pickupCodeWrong', call.now, { subject: r._id });
  if (r.pickupCode !== input.pickupCode) throw new DomainError('INVALID_INPUT', '取货码不正确', { pickupCode: '取货码不正确' });
  await attempt.release();
  const updated = await volunteerCollection(call, 'redemptions').updateWhere({ _id: r._id, state: 'awaiting_pickup' }, { state: 'picked_up', pickedUpAt: call.now, pickedUpBy: caller.userId });
  if (!updated) throw new DomainError('CONFLICT', '该礼品已领取');
  return { redemptionId: r._id, pickedUpAt: call.now.toISOString() };
}

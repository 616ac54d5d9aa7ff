import type { z } from 'zod';
import { canManageStreet } from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';
import { leadCategoryIds, POINTS_CATEGORIES, POINTS_CATEGORY_LABELS, streetPointsRulesSchema, type LeadCategoriesOverride } from '../../src/domain/volunteer';
import type { saveProfileInputSchema, volunteerFlagsSchema, VolunteerProfile } from '../../src/domain/volunteer/api';
import { pageOptionsOf } from '../../src/domain/paging';
import { parseInput } from '../../src/domain/validation';
import { authorize, CONFLICT_MESSAGE, requireCaller, type Invocation } from '../_lib';
import { loadRulesConfig, rulesConfigId } from './ledger-store';
import { communitiesOf, configsOf, volunteerCollection, type VolunteerRecord } from './records';
import { canOverseeCommunity, communityNames, findVolunteer, isOrganiser, loadVolunteer, streetOf } from './scope';

const NO_FLAGS = { buildingHead: false, unitHead: false, infoAssistant: false };

function profileView(v: VolunteerRecord, names: Map<string, string>): VolunteerProfile {
  return { volunteerId: v._id, name: v.name, phone: v.phone, communityId: v.communityId, communityName: names.get(v.communityId) ?? '', building: v.building, skills: v.skills, flags: v.flags, version: v.version };
}

export async function profile(_input: unknown, call: Invocation) {
  const caller = await requireCaller(call);
  const v = await findVolunteer(call, caller.userId);
  return { profile: v ? profileView(v, await communityNames(call, v.streetId)) : null };
}

/** The caller's own profile, keyed by their user id; the community must be one of their street's. */
export async function saveProfile(input: z.infer<typeof saveProfileInputSchema>, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  const community = await communitiesOf(call).load(input.communityId);
  if (!community || community.streetId !== streetId) throw new DomainError('INVALID_INPUT', '输入有误：所在社区不存在', { communityId: '所在社区不存在' });
  const fields = { name: input.name, phone: input.phone, communityId: input.communityId, building: input.building, skills: input.skills };
  const existing = await findVolunteer(call, caller.userId);
  if (!existing) {
    const doc = { _id: caller.userId, userId: caller.userId, streetId, ...fields, flags: NO_FLAGS, version: 1, createdAt: call.now, updatedAt: call.now };
    // Someone (the same person on a second phone) made it first: they should see it before changing it.
    if (!(await volunteerCollection(call, 'volunteers').insertOnce(doc)).created) throw new DomainError('CONFLICT', CONFLICT_MESSAGE);
    return { id: caller.userId, version: 1 };
  }
  if (input.expectedVersion === undefined) throw new DomainError('INVALID_INPUT', '输入有误：修改时需要版本号', { expectedVersion: '修改时需要版本号' });
  return { id: caller.userId, version: await bump(call, existing._id, input.expectedVersion, fields) };
}

/** 楼栋长 / 单元长 / 信息协管员 are set by the volunteer's community staff. */
export async function setFlags(input: { volunteerId: string; expectedVersion: number; flags: z.infer<typeof volunteerFlagsSchema> }, call: Invocation) {
  const caller = await requireCaller(call);
  const v = await loadVolunteer(call, input.volunteerId);
  authorize(isOrganiser(caller.roles, v.streetId, v.communityId));
  return { id: v._id, version: await bump(call, v._id, input.expectedVersion, { flags: input.flags }) };
}

/** One cursor page of a community's volunteers, by id (their user id: fixed for good, so a page never shifts). */
export async function volunteers(input: { communityId: string; after?: string; limit?: number }, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  authorize(canOverseeCommunity(caller.roles, streetId, input.communityId));
  const where = { streetId, communityId: input.communityId };
  const store = volunteerCollection(call, 'volunteers');
  const [page, total, names] = await Promise.all([store.page(where, { orderBy: ['_id', 'asc'], ...pageOptionsOf(input) }), store.count(where), communityNames(call, streetId)]);
  return { volunteers: page.items.map((d) => profileView(d, names)), next: page.next, total };
}

async function bump(call: Invocation, id: string, version: number, patch: Record<string, unknown>): Promise<number> {
  return volunteerCollection(call, 'volunteers').update({ _id: id, version }, { ...patch, updatedAt: call.now });
}

// ---------- rules ----------

export async function rules(_input: unknown, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  const { config, version, rules } = await loadRulesConfig(call, streetId);
  const categories = POINTS_CATEGORIES.map((id) => ({ id, label: POINTS_CATEGORY_LABELS[id] }));
  return { streetId, rules, categories, overrides: config.overrides, added: config.added, leadCategoryIds: [...leadCategoryIds(config.leadCategories)], leadCategories: config.leadCategories, version, canManage: canManageStreet(caller.roles, streetId) };
}

/** The administrator's overrides, each with a reason (STYLE 9); version 0 = never saved. */
export async function saveRules(input: { expectedVersion: number; overrides: unknown[]; added: unknown[]; leadCategories?: LeadCategoriesOverride }, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  authorize(canManageStreet(caller.roles, streetId));
  const config = parseInput(streetPointsRulesSchema, { streetId, overrides: input.overrides, added: input.added, leadCategories: input.leadCategories });
  const _id = rulesConfigId(streetId);
  const doc = { streetId, overrides: config.overrides, added: config.added, leadCategories: config.leadCategories ?? null, updatedAt: call.now, updatedBy: caller.userId };
  if (input.expectedVersion === 0) {
    if (!(await configsOf(call).insertOnce({ _id, ...doc, version: 1 })).created) throw new DomainError('CONFLICT', CONFLICT_MESSAGE);
    return { id: _id, version: 1 };
  }
  return { id: _id, version: await configsOf(call).update({ _id, version: input.expectedVersion }, doc) };
}

import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { registerApi } from '../../src/domain/register/api';
import { DomainError } from '../../src/domain/errors';
import {
  careGroupLabel,
  flagsVisibleAt,
  householdSummary,
  mayAt,
  personView,
  RELATION_LABELS,
  type HouseholdRecord,
  type ResidentRecord,
} from '../../src/domain/register';
import type { GridRecord } from '../../src/domain/org/records';
import type { Invocation } from '../_lib';
import { idFromRequest } from '../_lib/register';
import { auditRead } from './audit-reads';
import { actingIn, actingInOwnStreet, authorizeAt, placeOf, requireRequestId, type Acting, type RegisterCall } from './context';
import { maskedOf } from './people-masking';
import { careGroupWhere, scopedListing, scopedWhere } from './scope-where';

type Input<A extends keyof typeof registerApi> = z.infer<(typeof registerApi)[A]['input']>;

/** saveHousehold: a new household in a grid the caller may write, or an edit of one (versioned). */
export async function saveHousehold(input: Input<'saveHousehold'>, call: Invocation) {
  const acting0 = await actingInOwnStreet(call);
  const grid = await acting0.stores.grids.require(input.gridId, '网格');
  const acting = grid.streetId === acting0.streetId ? acting0 : await actingIn(call, grid.streetId);
  authorizeAt(acting, { streetId: grid.streetId, communityId: grid.communityId, gridId: grid._id }, 'write');
  const building = input.buildingName ? await ensureBuilding(call, acting, grid, input.buildingName) : undefined;
  const fields = {
    streetId: grid.streetId,
    communityId: grid.communityId,
    gridId: grid._id,
    ...(building ? { buildingId: building } : {}),
    buildingName: input.buildingName,
    unit: input.unit,
    room: input.room,
    address: input.address,
    tenure: input.tenure,
    note: input.note,
  };
  if (input.householdId) {
    const existing = await acting.stores.households.require(input.householdId, '户');
    authorizeAt(acting, placeOf(existing), 'write');
    if (input.expectedVersion === undefined) throw new DomainError('INVALID_INPUT', '输入有误：修改时需要数据版本', { expectedVersion: '修改时需要数据版本' });
    const version = await acting.stores.households.update({ _id: existing._id, version: input.expectedVersion }, { ...fields, updatedAt: call.now });
    return { id: existing._id, version };
  }
  const _id = idFromRequest('hh', grid.streetId, requireRequestId(input.requestId));
  const { doc } = await acting.stores.households.insertOnce({ _id, ...fields, memberCount: 0, careFlags: [], version: 1, createdAt: call.now, updatedAt: call.now });
  // A retried create answers with the stored household only to someone who may write it.
  authorizeAt(acting, placeOf(doc), 'write');
  return { id: doc._id, version: doc.version };
}

/** The org `buildings` record of that name in the grid (one per grid and name), made on first use. */
export const buildingIdOf = (gridId: string, name: string) => `building-${createHash('sha256').update(`${gridId}:${name}`).digest('hex').slice(0, 20)}`;

export async function ensureBuilding(call: Invocation, acting: Acting, grid: GridRecord, name: string): Promise<string> {
  const _id = buildingIdOf(grid._id, name);
  await acting.stores.buildings.insertOnce({
    _id,
    streetId: grid.streetId,
    communityId: grid.communityId,
    gridId: grid._id,
    name,
    kind: 'building',
    version: 1,
    createdAt: call.now,
    updatedAt: call.now,
  });
  return _id;
}

/** households: the caller's grids (or a grid, building or care group of them), a page at a time. */
export async function households(input: Input<'households'>, call: Invocation) {
  const { acting, scopes, grid } = await scopedListing(call, 'read', input.gridId);
  const extra: Record<string, unknown> = {
    ...grid,
    ...(input.buildingId ? { buildingId: input.buildingId } : {}),
    ...(input.careGroup ? careGroupWhere(acting, input.careGroup, '您没有查看该群体名单的权限') : {}),
  };
  const where = scopedWhere(call, acting.streetId, scopes, extra);
  const page = await acting.stores.households.page(where, { orderBy: ['address', 'asc'], after: input.after ?? null, limit: input.limit });
  const items = await summariesOf(call, acting, page.items);
  const shown = [...new Set(items.flatMap((i) => i.flags))];
  await auditRead(call, {
    caller: acting.caller,
    streetId: acting.streetId,
    action: 'register.readCareGroups',
    target: { collection: 'households', id: `list:${input.careGroup ?? input.gridId ?? 'all'}`, label: input.careGroup ? `${careGroupLabel(acting.rules.careGroups, input.careGroup)}名单` : '户况列表' },
    fields: shown,
  });
  return { items: items.map((i) => i.summary), next: page.next };
}

async function summariesOf(call: Invocation, acting: Acting, list: HouseholdRecord[]) {
  const heads = await acting.stores.residents.loadMany(list.flatMap((h) => (h.headResidentId ? [h.headResidentId] : [])));
  const headName = new Map(heads.map((r) => [r._id, r.name]));
  void call;
  return list
    .map((h) => ({ h, flags: flagsVisibleAt(acting.caller.roles, placeOf(h), acting.rules, h.careFlags) }))
    .map(({ h, flags }) => ({ flags, summary: householdSummary(h, h.headResidentId ? headName.get(h.headResidentId) : undefined, flags, acting.rules.careGroups) }));
}

/** household: one household with its people (masked), history and tenancies; special-group reads logged. */
export async function household(input: Input<'household'>, call: RegisterCall) {
  const stores0 = await actingInOwnStreet(call);
  const h = await stores0.stores.households.require(input.householdId, '户');
  const acting = h.streetId === stores0.streetId ? stores0 : await actingIn(call, h.streetId);
  authorizeAt(acting, placeOf(h), 'read');
  const [everyone, tenancies] = await Promise.all([
    acting.stores.residents.all({ 'memberships.householdId': h._id }, { max: 500 }),
    acting.stores.tenancies.all({ householdId: h._id }, { max: 100 }),
  ]);
  const current = everyone.filter((r) => r.householdId === h._id && r.status === 'active');
  const place = placeOf(h);
  const people = current.map((r) => {
    const flags = flagsVisibleAt(acting.caller.roles, place, acting.rules, r.careFlags);
    return { view: personView(r, maskedOf(call.keys(), r), flags, acting.rules.careGroups), flags };
  });
  await auditRead(call, {
    caller: acting.caller,
    streetId: h.streetId,
    action: 'register.readCareGroups',
    target: { collection: 'households', id: h._id, label: h.address },
    fields: [...new Set(people.flatMap((p) => p.flags))],
  });
  const names = new Map(everyone.map((r) => [r._id, r.name]));
  return {
    household: { ...householdSummary(h, h.headResidentId ? names.get(h.headResidentId) : undefined, flagsVisibleAt(acting.caller.roles, place, acting.rules, h.careFlags), acting.rules.careGroups), note: h.note, communityId: h.communityId },
    people: people.map((p) => p.view),
    history: historyOf(everyone, h._id),
    tenancies: tenancies.filter((t) => !t.moveOutOn).map((t) => ({
      tenancyId: t._id,
      landlordName: t.landlordName,
      tenantNames: t.tenantResidentIds.map((id) => names.get(id) ?? '已迁出人员'),
      moveInOn: t.moveInOn,
      lastContactOn: t.lastContactOn,
      contactDueAt: t.contactDueAt.toISOString(),
      version: t.version,
    })),
    pastTenancies: tenancies
      .flatMap((t) => (t.moveOutOn ? [{ tenancyId: t._id, landlordName: t.landlordName, tenantNames: t.tenantResidentIds.map((id) => names.get(id) ?? '已迁出人员'), moveInOn: t.moveInOn, moveOutOn: t.moveOutOn }] : []))
      .sort((a, b) => b.moveOutOn.localeCompare(a.moveOutOn)),
    careGroups: acting.rules.careGroups
      .filter((g) => g.enabled && g.visibleTo.some((role) => acting.caller.roles.some((r) => r.role === role)))
      .map((g) => ({ id: g.id, label: g.label })),
    canWrite: mayAt(acting.caller.roles, place, acting.rules, 'write'),
    canReveal: mayAt(acting.caller.roles, place, acting.rules, 'reveal'),
  };
}

/** Everyone who ever lived here, with when they came and left ("history kept", issue 15 item 1). */
function historyOf(everyone: ResidentRecord[], householdId: string) {
  return everyone
    .flatMap((r) => r.memberships.filter((m) => m.householdId === householdId).map((m) => ({ residentId: r._id, name: r.name, from: m.from, ...(m.to ? { to: m.to } : {}), relationLabel: RELATION_LABELS[m.relation] })))
    .sort((a, b) => a.from.localeCompare(b.from));
}

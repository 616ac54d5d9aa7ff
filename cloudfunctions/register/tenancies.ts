import type { z } from 'zod';
import { chinaDateOf, dueDateOf, dueInstantOf, householdRecordSchema, tenancyRecordSchema, type TenancyRecord } from '../../src/domain/register';
import type { registerApi } from '../../src/domain/register/api';
import { changeRecordSchema } from '../../src/domain/register';
import { inTransaction } from '../_lib';
import { buildChange, idFromRequest } from '../_lib/register';
import { actingIn, actingInOwnStreet, authorizeAt, calendarOf, invalid, placeOf, type RegisterCall } from './context';
import { sealContext } from './people-masking';

type Input<A extends keyof typeof registerApi> = z.infer<(typeof registerApi)[A]['input']>;

/**
 * saveTenancy: a household let to tenants of the register (流动人口和房屋出租, 000 L20): the landlord,
 * the tenants, the move-in date; the household becomes 出租, a 新租户 change is recorded, and the first
 * monthly meeting falls due a month after moving in (000 L34).
 */
export async function saveTenancy(input: Input<'saveTenancy'>, call: RegisterCall) {
  const own = await actingInOwnStreet(call);
  const h = await own.stores.households.require(input.householdId, '户');
  const acting = own.streetId === h.streetId ? own : await actingIn(call, h.streetId);
  authorizeAt(acting, placeOf(h), 'write');
  const today = chinaDateOf(call.now);
  if (input.moveInOn > today) throw invalid('moveInOn', '入住日期不能晚于今天');
  const tenants = await acting.stores.residents.loadMany(input.tenantResidentIds);
  if (tenants.length !== new Set(input.tenantResidentIds).size || tenants.some((t) => t.householdId !== h._id || t.status !== 'active')) {
    throw invalid('tenantResidentIds', '租户须先登记为本户在册人员');
  }
  const _id = idFromRequest('ten', h.streetId, input.requestId);
  const again = await acting.stores.tenancies.load(_id);
  if (again) return { id: again._id, version: again.version };
  const tenancy: TenancyRecord = {
    _id,
    ...placeOf(h),
    householdId: h._id,
    landlordName: input.landlordName,
    ...(input.landlordPhone ? { landlordPhoneSealed: call.keys().seal(input.landlordPhone, sealContext.landlordPhone(_id)) } : {}),
    tenantResidentIds: input.tenantResidentIds,
    moveInOn: input.moveInOn,
    lastContactOn: input.moveInOn,
    contactDueAt: dueInstantOf(dueDateOf(input.moveInOn, acting.rules.deadlines.renter_contact, await calendarOf(call, h.streetId))),
    contacts: [],
    version: 1,
    createdAt: call.now,
    updatedAt: call.now,
  };
  const change = buildChange(
    { ...placeOf(h), householdId: h._id, kind: 'new_tenant', occurredOn: input.moveInOn, subject: tenants.map((t) => t.name).join('、'), source: 'worker', sourceId: _id, by: { userId: acting.caller.userId, name: acting.caller.name } },
    acting.rules,
    await calendarOf(call, h.streetId),
    call.now,
  );
  await inTransaction(call.db, async (tx) => {
    const households = tx.collectionOf('households', householdRecordSchema);
    const fresh = await households.require(h._id, '户');
    await tx.collectionOf('tenancies', tenancyRecordSchema).insert(tenancy);
    if (fresh.tenure !== 'rented') await households.update(fresh, { tenure: 'rented', updatedAt: call.now });
    await tx.collectionOf('register_changes', changeRecordSchema).insert(change);
  });
  return { id: _id, version: 1 };
}

/** recordRenterContact: this month's meeting with the renters (000 L34 "记录见面时间和相关情况"). */
export async function recordRenterContact(input: Input<'recordRenterContact'>, call: RegisterCall) {
  const own = await actingInOwnStreet(call);
  const t = await own.stores.tenancies.require(input.tenancyId, '租房登记');
  const acting = own.streetId === t.streetId ? own : await actingIn(call, t.streetId);
  authorizeAt(acting, placeOf(t), 'write');
  const today = chinaDateOf(call.now);
  if (input.on > today) throw invalid('on', '见面日期不能晚于今天');
  if (input.on < t.moveInOn) throw invalid('on', '见面日期不能早于入住日期');
  const last = input.on > t.lastContactOn ? input.on : t.lastContactOn;
  const contactDueAt = dueInstantOf(dueDateOf(last, acting.rules.deadlines.renter_contact, await calendarOf(call, t.streetId)));
  const contacts = [...t.contacts, { on: input.on, note: input.note, by: { userId: acting.caller.userId, name: acting.caller.name } }].slice(-400);
  const version = await acting.stores.tenancies.update({ _id: t._id, version: input.expectedVersion }, { lastContactOn: last, contactDueAt, contacts, updatedAt: call.now });
  return { id: t._id, version };
}

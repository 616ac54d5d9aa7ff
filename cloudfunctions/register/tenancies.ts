import type { z } from 'zod';
import { chinaDateOf, dueDateOf, dueInstantOf, householdRecordSchema, tenancyRecordSchema, type TenancyRecord } from '../../src/domain/register';
import type { registerApi } from '../../src/domain/register/api';
import { changeRecordSchema } from '../../src/domain/register';
import { DomainError } from '../../src/domain/errors';
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
  // Renters who left are no longer met monthly (000 L34 applies to 租房户 living in the grid).
  if (t.moveOutOn) throw new DomainError('CONFLICT', `这条租房登记已于 ${t.moveOutOn} 退租，不再记录见面`);
  const today = chinaDateOf(call.now);
  if (input.on > today) throw invalid('on', '见面日期不能晚于今天');
  if (input.on < t.moveInOn) throw invalid('on', '见面日期不能早于入住日期');
  const last = input.on > t.lastContactOn ? input.on : t.lastContactOn;
  const contactDueAt = dueInstantOf(dueDateOf(last, acting.rules.deadlines.renter_contact, await calendarOf(call, t.streetId)));
  const contacts = [...t.contacts, { on: input.on, note: input.note, by: { userId: acting.caller.userId, name: acting.caller.name } }].slice(-400);
  const version = await acting.stores.tenancies.update({ _id: t._id, version: input.expectedVersion }, { lastContactOn: last, contactDueAt, contacts, updatedAt: call.now });
  return { id: t._id, version };
}

/**
 * endTenancy: the renters moved out (退租). The tenancy is kept as the household's rental history with its
 * move-out date — no longer due a monthly meeting — and a dated 退租 change with its 交接单 goes to the
 * community like every other change (000 L34–35). The date lies between the move-in and today (China
 * date, the street's calendar day). A retry of the same request (the answer lost) is answered as done;
 * another request on an ended tenancy is refused. The tenants themselves stay registered until the worker
 * records where they went (迁出登记), as a tenancy can end with the renter staying on, e.g. buying the flat.
 */
export async function endTenancy(input: Input<'endTenancy'>, call: RegisterCall) {
  const own = await actingInOwnStreet(call);
  const t = await own.stores.tenancies.require(input.tenancyId, '租房登记');
  const acting = own.streetId === t.streetId ? own : await actingIn(call, t.streetId);
  authorizeAt(acting, placeOf(t), 'write');
  if (t.moveOut?.requestId === input.requestId) return { id: t._id, version: t.version, changeId: t.moveOut.changeId };
  if (t.moveOutOn) throw new DomainError('CONFLICT', `这条租房登记已于 ${t.moveOutOn} 退租`);
  if (t.version !== input.expectedVersion) throw new DomainError('CONFLICT', '这条租房登记已被其他人修改，请刷新后重试');
  if (input.moveOutOn > chinaDateOf(call.now)) throw invalid('moveOutOn', '退租日期不能晚于今天');
  if (input.moveOutOn < t.moveInOn) throw invalid('moveOutOn', `退租日期不能早于入住日期 ${t.moveInOn}`);
  const tenants = await acting.stores.residents.loadMany(t.tenantResidentIds);
  const by = { userId: acting.caller.userId, name: acting.caller.name };
  const change = buildChange(
    { ...placeOf(t), householdId: t.householdId, kind: 'tenancy_end', occurredOn: input.moveOutOn, subject: tenants.map((r) => r.name).join('、') || `房东${t.landlordName}的租户`, source: 'worker', sourceId: t._id, by },
    acting.rules,
    await calendarOf(call, t.streetId),
    call.now,
  );
  const version = await inTransaction(call.db, async (tx) => {
    const v = await tx.collectionOf('tenancies', tenancyRecordSchema).update(
      { _id: t._id, version: input.expectedVersion },
      { moveOutOn: input.moveOutOn, moveOut: { requestId: input.requestId, changeId: change._id, by, at: call.now }, updatedAt: call.now },
    );
    const log = tx.collectionOf('register_changes', changeRecordSchema);
    if (!(await log.load(change._id))) await log.insert(change);
    return v;
  });
  return { id: t._id, version, changeId: change._id };
}

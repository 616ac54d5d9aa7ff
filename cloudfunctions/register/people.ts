import type { z } from 'zod';
import { changeRecordSchema, chinaDateOf, householdRecordSchema, nameFields, residentRecordSchema, type HouseholdRecord, type ResidentRecord } from '../../src/domain/register';
import type { registerApi } from '../../src/domain/register/api';
import { DomainError } from '../../src/domain/errors';
import { appendAudit, inTransaction, isDuplicate, type Invocation } from '../_lib';
import { buildChange, idFromRequest, refreshGridCounts } from '../_lib/register';
import { auditRead } from './audit-reads';
import { actingIn, actingInOwnStreet, authorizeAt, calendarOf, invalid, placeOf, requireRequestId, requireVersion, type Acting, type RegisterCall } from './context';
import { identityOf } from './identity';
import { openedOf, sealedFields } from './people-masking';

type Input<A extends keyof typeof registerApi> = z.infer<(typeof registerApi)[A]['input']>;

/** The acting caller in the street of a stored record (one rules read when it is their own street). */
async function actingFor(call: Invocation, streetId: string): Promise<Acting> {
  const own = await actingInOwnStreet(call).catch(() => null);
  return own && own.streetId === streetId ? own : actingIn(call, streetId);
}

const by = (acting: Acting) => ({ userId: acting.caller.userId, name: acting.caller.name });
export const unionFlags = (members: ResidentRecord[]) => [...new Set(members.flatMap((m) => m.careFlags))].sort();

function notFuture(occurredOn: string, today: string): string {
  if (occurredOn > today) throw invalid('occurredOn', '发生日期不能晚于今天');
  return occurredOn;
}

/** savePerson: a new person of a household (with a change record unless already living there) or an edit. */
export async function savePerson(input: Input<'savePerson'>, call: RegisterCall) {
  const stores = (await actingInOwnStreet(call)).stores;
  const h = await stores.households.require(input.householdId, '户');
  const acting = await actingFor(call, h.streetId);
  authorizeAt(acting, placeOf(h), 'write');
  const today = chinaDateOf(call.now);
  const who = identityOf(input, today);
  if (input.residentId) return updatePerson(input, call, acting, h, who);
  const _id = idFromRequest('res', h.streetId, requireRequestId(input.requestId));
  const again = await acting.stores.residents.load(_id);
  if (again) {
    authorizeAt(acting, placeOf(again), 'write');
    return { id: again._id, version: again.version };
  }
  await refuseDuplicate(call, acting, h.streetId, who.idNumber, _id);
  const occurredOn = notFuture(input.occurredOn ?? today, today);
  const resident: ResidentRecord = {
    _id,
    ...placeOf(h),
    householdId: h._id,
    ...nameFields(input.name),
    sex: who.sex,
    birthDate: who.birthDate,
    ...sealedFields(call.keys(), _id, who.idNumber, input.phone),
    relation: input.relation,
    partyMember: input.partyMember,
    job: input.job,
    skills: input.skills,
    careFlags: [],
    status: 'active',
    ...(input.arrival === 'new_arrival' ? { arrivedOn: occurredOn } : {}),
    memberships: [{ householdId: h._id, relation: input.relation, from: occurredOn }],
    version: 1,
    createdAt: call.now,
    updatedAt: call.now,
  };
  const change =
    input.arrival === 'existing'
      ? null
      : buildChange({ ...placeOf(h), householdId: h._id, residentId: _id, kind: input.arrival, occurredOn, subject: input.name, source: 'worker', sourceId: _id, by: by(acting) }, acting.rules, await calendarOf(call, h.streetId), call.now);
  try {
    await inTransaction(call.db, async (tx) => {
      const households = tx.collectionOf('households', householdRecordSchema);
      const fresh = await households.require(h._id, '户');
      await tx.collectionOf('residents', residentRecordSchema).insert(resident);
      await households.update(fresh, { memberCount: fresh.memberCount + 1, ...(input.relation === 'head' ? { headResidentId: _id } : {}), updatedAt: call.now });
      if (change) await tx.collectionOf('register_changes', changeRecordSchema).insert(change);
    });
  } catch (err) {
    // Two tries of one request at once: the other one created it.
    if (!isDuplicate(err)) throw err;
    const made = await acting.stores.residents.require(_id, '人员');
    return { id: made._id, version: made.version };
  }
  await appendAudit(call.db, { caller: acting.caller, streetId: h.streetId, now: call.now, action: 'register.savePerson', target: { collection: 'residents', id: _id, label: input.name }, before: null, after: auditedFields(resident) });
  await refreshGridCounts(call.db, h.gridId, call.now);
  return { id: _id, version: 1 };
}

async function updatePerson(input: Input<'savePerson'>, call: RegisterCall, acting: Acting, h: HouseholdRecord, who: ReturnType<typeof identityOf>) {
  const r = await acting.stores.residents.require(input.residentId!, '人员');
  authorizeAt(acting, placeOf(r), 'write');
  if (r.householdId !== h._id) throw invalid('householdId', '换户请使用"迁移"，以便留下迁出迁入记录');
  await refuseDuplicate(call, acting, r.streetId, who.idNumber, r._id);
  const expected = requireVersion(input.expectedVersion);
  const patch = {
    ...nameFields(input.name),
    sex: who.sex,
    birthDate: who.birthDate,
    ...sealedFields(call.keys(), r._id, who.idNumber, input.phone),
    relation: input.relation,
    partyMember: input.partyMember,
    job: input.job,
    skills: input.skills,
    updatedAt: call.now,
  };
  const today = chinaDateOf(call.now);
  const change = buildChange(
    { ...placeOf(r), householdId: h._id, residentId: r._id, kind: 'info_change', occurredOn: notFuture(input.occurredOn ?? today, today), subject: input.name, source: 'worker', sourceId: `${r._id}-v${expected}`, by: by(acting) },
    acting.rules,
    await calendarOf(call, r.streetId),
    call.now,
  );
  const version = await inTransaction(call.db, async (tx) => {
    const v = await tx.collectionOf('residents', residentRecordSchema).update({ _id: r._id, version: expected }, patch);
    await tx.collectionOf('register_changes', changeRecordSchema).insert(change);
    return v;
  });
  if (input.relation === 'head' && h.headResidentId !== r._id) await acting.stores.households.updateWhere({ _id: h._id }, { headResidentId: r._id, updatedAt: call.now });
  await appendAudit(call.db, { caller: acting.caller, streetId: r.streetId, now: call.now, action: 'register.savePerson', target: { collection: 'residents', id: r._id, label: input.name }, before: auditedFields(r), after: auditedFields({ ...r, ...patch }) });
  return { id: r._id, version };
}

/** The fields the audit hashes: keyed hashes stand for the ID number and phone, never the values. */
export const auditedFields = (r: Pick<ResidentRecord, 'name' | 'birthDate' | 'relation' | 'job' | 'skills' | 'partyMember' | 'idKey' | 'phoneTailKey'>) => ({
  name: r.name,
  birthDate: r.birthDate,
  relation: r.relation,
  job: r.job,
  skills: r.skills,
  partyMember: r.partyMember,
  idNumber: r.idKey,
  phone: r.phoneTailKey,
});

/** One person, one record per street: a second registration of the same ID number is refused. */
export async function refuseDuplicate(call: RegisterCall, acting: Acting, streetId: string, idNumber: string | undefined, selfId: string): Promise<void> {
  if (!idNumber) return;
  // Under every configured key: a row not yet moved by rotateKeys is still the same person.
  const found = await acting.stores.residents.page({ streetId, idKey: call.db.command.in(call.keys().keyedHashes('id', idNumber)), status: 'active' }, { limit: 2 });
  if (found.items.some((r) => r._id !== selfId)) {
    throw new DomainError('CONFLICT', '该身份证号已登记在本街道的其他户中，请使用"迁移"把此人迁到本户', { idNumber: '该身份证号已登记' });
  }
}

/** setCareFlags: the groups the caller may see are set as given; groups hidden from the caller are kept. */
export async function setCareFlags(input: Input<'setCareFlags'>, call: RegisterCall) {
  const stores = (await actingInOwnStreet(call)).stores;
  const r = await stores.residents.require(input.residentId, '人员');
  const acting = await actingFor(call, r.streetId);
  authorizeAt(acting, placeOf(r), 'write');
  if (r.status !== 'active') throw invalid('residentId', '此人已迁出或死亡，不能再标记');
  const today = chinaDateOf(call.now);
  const flags = flagsAfter(acting, r, input.flags);
  const members = (await acting.stores.residents.all({ householdId: r.householdId, status: 'active' }, { max: 500 })).map((m) => (m._id === r._id ? { ...m, careFlags: flags } : m));
  const change = buildChange(
    { ...placeOf(r), householdId: r.householdId, residentId: r._id, kind: 'flag_change', occurredOn: notFuture(input.occurredOn, today), subject: r.name, source: 'worker', sourceId: `${r._id}-v${input.expectedVersion}`, by: by(acting) },
    acting.rules,
    await calendarOf(call, r.streetId),
    call.now,
  );
  const version = await inTransaction(call.db, async (tx) => {
    const v = await tx.collectionOf('residents', residentRecordSchema).update({ _id: r._id, version: input.expectedVersion }, { careFlags: flags, updatedAt: call.now });
    const households = tx.collectionOf('households', householdRecordSchema);
    const h = await households.require(r.householdId, '户');
    await households.update(h, { careFlags: unionFlags(members), updatedAt: call.now });
    await tx.collectionOf('register_changes', changeRecordSchema).insert(change);
    return v;
  });
  await appendAudit(call.db, { caller: acting.caller, streetId: r.streetId, now: call.now, action: 'register.setCareFlags', target: { collection: 'residents', id: r._id, label: r.name }, before: { careFlags: r.careFlags }, after: { careFlags: flags } });
  return { id: r._id, version };
}

/** A person's groups after the caller sets `asked`: the groups the caller may see are as asked, the hidden ones kept. */
export function flagsAfter(acting: Acting, r: ResidentRecord, asked: readonly string[]): string[] {
  const roles = acting.caller.roles.map((g) => g.role);
  const settable = acting.rules.careGroups.filter((g) => g.enabled && g.visibleTo.some((role) => roles.includes(role))).map((g) => g.id);
  if (asked.some((f) => !settable.includes(f))) throw invalid('flags', '包含不存在或您无权标记的群体');
  return [...new Set([...asked, ...r.careFlags.filter((f) => !settable.includes(f))])].sort();
}

/** revealPerson: the full ID number and phone, for permitted roles only, and logged. */
export async function revealPerson(input: Input<'revealPerson'>, call: RegisterCall) {
  const stores = (await actingInOwnStreet(call)).stores;
  const r = await stores.residents.require(input.residentId, '人员');
  const acting = await actingFor(call, r.streetId);
  authorizeAt(acting, placeOf(r), 'reveal');
  const opened = openedOf(call.keys(), r);
  await auditRead(call, { caller: acting.caller, streetId: r.streetId, action: 'register.revealIdentity', target: { collection: 'residents', id: r._id, label: `${r.name}（${input.reason}）` }, fields: Object.keys(opened) });
  return opened;
}

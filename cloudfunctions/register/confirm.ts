import {
  CHANGE_APPLICATION,
  CHANGE_DEADLINE,
  CHANGE_KIND_LABELS,
  changeRecordSchema,
  chinaDateOf,
  dueDateOf,
  dueInstantOf,
  householdRecordSchema,
  nameFields,
  residentRecordSchema,
  tenancyRecordSchema,
  type ChangeKind,
  type ChangeRecord,
  type ConfirmChangeInput,
  type HouseholdRecord,
  type ResidentRecord,
  type TenancyRecord,
} from '../../src/domain/register';
import { DomainError } from '../../src/domain/errors';
import { inTransaction, type Tx } from '../_lib';
import { appendAuditInTransaction, type AuditEntry } from '../_lib/audit';
import { idFromRequest } from '../_lib/register';
import { actingIn, actingInOwnStreet, authorizeAt, calendarOf, invalid, placeOf, type Acting, type RegisterCall } from './context';
import { identityOf } from './identity';
import { join, leave, purgeAtOf, refreshCountsOf } from './move';
import { sealedFields } from './people-masking';
import { auditedFields, flagsAfter, refuseDuplicate, unionFlags } from './people';

/** What confirming writes besides the change record: done inside its transaction, reading what it decides on there. */
interface Application {
  /** Who the change is about, in words for the summary ("李明"). */
  subject: string;
  residentId?: string;
  write(tx: Tx): Promise<void>;
  audit: Pick<AuditEntry, 'target' | 'before' | 'after'>;
  /** Grids whose counts a confirmed change moves (recounted after the commit, like movePerson). */
  grids: string[];
}

const CONFIRM_KEY = (changeId: string) => `confirm:${changeId}`;
const filled = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/**
 * confirmChange (issue 15 item 5): a drafted change (from a case, visit or patrol) confirmed by the worker
 * AND applied to the household — a new member added, a person leaving as by `movePerson`, a tenancy, care
 * groups — in ONE transaction with the change record (now recorded, its 交接单 to the community, due from
 * today) and the audit entry; then the grid's counts. What the draft lacks the worker gives (the household
 * for a resident's report, the person's name and ID number …), each missing field refused in Chinese
 * before anything is written. The same request again (a double tap, a retry after a lost answer or a
 * crash) is answered as done and applies nothing twice: what is written gets ids from the draft.
 */
export async function confirmChange(input: ConfirmChangeInput, call: RegisterCall) {
  const own = await actingInOwnStreet(call);
  const c = await own.stores.changes.require(input.changeId, '变动记录');
  const acting = own.streetId === c.streetId ? own : await actingIn(call, c.streetId);
  authorizeAt(acting, placeOf(c), 'write');
  const done = await alreadyConfirmed(call, c, input.requestId);
  if (done) return done;
  if (c.state === 'recorded') throw new DomainError('CONFLICT', '这条变动已经登记过了');
  if (c.state === 'dismissed') throw new DomainError('CONFLICT', '这条变动已经忽略了');
  if (c.version !== input.expectedVersion) throw new DomainError('CONFLICT', '这条变动已被其他人处理，请刷新后重试');

  const householdId = c.householdId ?? (filled(input.householdId) ? input.householdId : undefined);
  if (!householdId) throw invalid('householdId', '请选择发生变动的住户');
  if (c.householdId && input.householdId && input.householdId !== c.householdId) throw invalid('householdId', '这条变动已关联住户，不能改为其他住户');
  const h = await acting.stores.households.require(householdId, '户');
  authorizeAt(acting, placeOf(h), 'write');
  const today = chinaDateOf(call.now);
  const occurredOn = input.occurredOn ?? c.occurredOn;
  if (occurredOn > today) throw invalid('occurredOn', '发生日期不能晚于今天');
  const kind: ChangeKind = input.kind ?? c.kind;
  const applied = await applicationOf(kind, { input, call, acting, c, h, occurredOn, today });

  const calendar = await calendarOf(call, h.streetId);
  const by = { userId: acting.caller.userId, name: acting.caller.name };
  const patch: Partial<ChangeRecord> = {
    ...placeOf(h),
    householdId: h._id,
    ...(applied.residentId ? { residentId: applied.residentId } : {}),
    kind,
    occurredOn,
    summary: `${applied.subject}：${CHANGE_KIND_LABELS[kind]}`,
    // The registration deadline ran from the day it happened (late when confirmed after it); the 交接单 goes from now.
    dueAt: dueInstantOf(dueDateOf(occurredOn, acting.rules.deadlines[CHANGE_DEADLINE[kind]], calendar)),
    state: 'recorded',
    recordedAt: call.now,
    recordedBy: by,
    ...(input.requestId ? { confirmRequestId: input.requestId } : {}),
    handover: { state: 'pending', dueAt: dueInstantOf(dueDateOf(today, acting.rules.deadlines.handover_ack, calendar)) },
    updatedAt: call.now,
  };
  const audit: AuditEntry = { caller: acting.caller, streetId: h.streetId, now: call.now, action: 'register.confirmChange', ...applied.audit };
  let version: number;
  try {
    version = await inTransaction(call.db, async (tx) => {
      const v = await tx.collectionOf('register_changes', changeRecordSchema).update({ _id: c._id, version: input.expectedVersion }, patch);
      await applied.write(tx);
      await appendAuditInTransaction(tx, audit);
      return v;
    });
  } catch (err) {
    // The other of two taps (or a concurrent retry) committed first: answered as done, applied once.
    const fresh = await acting.stores.changes.load(c._id);
    const again = fresh && (await alreadyConfirmed(call, fresh, input.requestId));
    if (again) return again;
    throw err;
  }
  await refreshCountsOf(call, [c.gridId, ...applied.grids]);
  return { id: c._id, version, ...(applied.residentId ? { residentId: applied.residentId } : {}) };
}

/** The draft was confirmed by this very request: what follows the commit (the counts) is done again, idempotently. */
async function alreadyConfirmed(call: RegisterCall, c: ChangeRecord, requestId: string | undefined) {
  if (!requestId || c.state !== 'recorded' || c.confirmRequestId !== requestId) return null;
  await refreshCountsOf(call, [c.gridId]);
  return { id: c._id, version: c.version, ...(c.residentId ? { residentId: c.residentId } : {}) };
}

interface Facts {
  input: ConfirmChangeInput;
  call: RegisterCall;
  acting: Acting;
  c: ChangeRecord;
  h: HouseholdRecord;
  occurredOn: string;
  today: string;
}

function applicationOf(kind: ChangeKind, f: Facts): Promise<Application> {
  switch (CHANGE_APPLICATION[kind].apply) {
    case 'add_person':
      return addPerson(kind, f);
    case 'person_leaves':
      return personLeaves(kind, f);
    case 'tenancy':
      return tenancy(f);
    case 'care_flags':
      return careFlags(f);
    case 'record_only':
      return Promise.resolve({ subject: subjectOf(f.c), ...(f.c.residentId ? { residentId: f.c.residentId } : {}), write: async () => {}, audit: changeAudit(f.c, kind), grids: [] });
  }
}

/** The words a draft was noted with ("李明：迁入" → "李明"). */
const subjectOf = (c: ChangeRecord) => c.summary.split('：')[0] || c.summary;
const changeAudit = (c: ChangeRecord, kind: ChangeKind) => ({ target: { collection: 'register_changes', id: c._id, label: c.summary }, before: { state: c.state }, after: { state: 'recorded', kind } });

/** The active member of this household the change is about: named by the draft, else picked by the worker. */
async function memberOf(f: Facts, missing: string): Promise<ResidentRecord> {
  const residentId = f.c.residentId ?? (filled(f.input.residentId) ? f.input.residentId : undefined);
  if (!residentId) throw invalid('residentId', missing);
  const r = await f.acting.stores.residents.load(residentId);
  if (!r || r.householdId !== f.h._id || r.status !== 'active') throw invalid('residentId', '此人不是这一户的在册人员');
  return r;
}

/** A new member from the form: one id per draft, so confirming again never adds the person twice. */
async function newMember(f: Facts, kind: ChangeKind, relation: ResidentRecord['relation'] | undefined): Promise<ResidentRecord> {
  const { input, call, acting, h } = f;
  if (!filled(input.name)) throw invalid('name', '请填写新登记人员的姓名');
  const rel = relation ?? input.relation;
  if (!rel) throw invalid('relation', '请选择与户主关系');
  if (!input.job) throw invalid('job', '请选择就业状况');
  const who = identityOf({ ...(filled(input.idNumber) ? { idNumber: input.idNumber } : {}), ...(input.sex ? { sex: input.sex } : {}), ...(input.birthDate ? { birthDate: input.birthDate } : {}) }, f.today);
  // Only a newborn may be registered without a number (the 户况登记表 records everyone else's, 000 L16).
  if (!who.idNumber && kind !== 'birth') {
    throw invalid('idNumber', '请填写身份证号（只有新生儿可以暂不填写）');
  }
  const _id = idFromRequest('res', h.streetId, CONFIRM_KEY(f.c._id));
  await refuseDuplicate(call, acting, h.streetId, who.idNumber, _id);
  return {
    _id,
    ...placeOf(h),
    householdId: h._id,
    ...nameFields(input.name.trim()),
    sex: who.sex,
    birthDate: who.birthDate,
    ...sealedFields(call.keys(), _id, who.idNumber, filled(input.phone) ? input.phone : undefined),
    relation: rel,
    partyMember: false,
    job: input.job,
    skills: '',
    careFlags: [],
    status: 'active',
    ...(kind === 'new_arrival' || kind === 'new_tenant' ? { arrivedOn: f.occurredOn } : {}),
    memberships: [{ householdId: h._id, relation: rel, from: f.occurredOn }],
    version: 1,
    createdAt: call.now,
    updatedAt: call.now,
  };
}

/** Inserts the new member once and counts them in the household (its groups: the union of everyone living there). */
async function insertMember(tx: Tx, r: ResidentRecord, h: HouseholdRecord, stayers: ResidentRecord[], now: Date): Promise<void> {
  const residents = tx.collectionOf('residents', residentRecordSchema);
  if (await residents.load(r._id)) return;
  await residents.insert(r);
  await join(tx, h, [...stayers, r], r.relation === 'head' ? r._id : undefined, now);
}

const membersOf = (f: Facts) => f.acting.stores.residents.all({ householdId: f.h._id, status: 'active' }, { max: 500 });

async function addPerson(kind: ChangeKind, f: Facts): Promise<Application> {
  // A visit noted an arrival of someone already on the household's list: nothing to add, the change is recorded.
  if (f.c.residentId) return { subject: subjectOf(f.c), residentId: f.c.residentId, write: async () => {}, audit: changeAudit(f.c, kind), grids: [] };
  const r = await newMember(f, kind, kind === 'birth' ? (f.input.relation ?? 'child') : undefined);
  const stayers = await membersOf(f);
  return {
    subject: r.name,
    residentId: r._id,
    write: (tx) => insertMember(tx, r, f.h, stayers, f.call.now),
    audit: { target: { collection: 'residents', id: r._id, label: r.name }, before: null, after: auditedFields(r) },
    grids: [f.h.gridId],
  };
}

async function personLeaves(kind: ChangeKind, f: Facts): Promise<Application> {
  const r = await memberOf(f, kind === 'death' ? '请选择去世的人员' : '请选择迁出的人员');
  const current = r.memberships.at(-1);
  if (current && f.occurredOn < current.from) throw invalid('occurredOn', '迁出日期不能早于迁入本户的日期');
  const status: ResidentRecord['status'] = kind === 'death' ? 'deceased' : 'moved_away';
  const patch: Partial<ResidentRecord> = {
    status,
    leftOn: f.occurredOn,
    purgeAt: purgeAtOf(f.occurredOn, f.acting.rules.retention.days),
    memberships: [...r.memberships.slice(0, -1), ...(current ? [{ ...current, to: f.occurredOn }] : [])],
    lastMove: { key: CONFIRM_KEY(f.c._id), changeId: f.c._id },
    updatedAt: f.call.now,
  };
  const stayers = (await membersOf(f)).filter((m) => m._id !== r._id);
  return {
    subject: r.name,
    residentId: r._id,
    write: async (tx) => {
      await tx.collectionOf('residents', residentRecordSchema).update(r, patch);
      await leave(tx, f.h, r, stayers, f.call.now);
    },
    audit: { target: { collection: 'residents', id: r._id, label: r.name }, before: { householdId: r.householdId, status: r.status }, after: { householdId: r.householdId, status } },
    grids: [f.h.gridId],
  };
}

/** 新租户: the tenant (a member already, or added now as 租户) and the landlord; the household becomes 出租, renters met monthly. */
async function tenancy(f: Facts): Promise<Application> {
  const { input, call, acting, h, c } = f;
  if (!filled(input.landlordName)) throw invalid('landlordName', '请填写房东姓名');
  const existing = filled(input.residentId) || c.residentId ? await memberOf(f, '请选择租户') : null;
  const tenant = existing ?? (await newMember(f, 'new_tenant', 'tenant'));
  const stayers = await membersOf(f);
  const _id = idFromRequest('ten', h.streetId, CONFIRM_KEY(c._id));
  const lease: TenancyRecord = {
    _id,
    ...placeOf(h),
    householdId: h._id,
    landlordName: input.landlordName.trim(),
    tenantResidentIds: [tenant._id],
    moveInOn: f.occurredOn,
    lastContactOn: f.occurredOn,
    contactDueAt: dueInstantOf(dueDateOf(f.occurredOn, acting.rules.deadlines.renter_contact, await calendarOf(call, h.streetId))),
    contacts: [],
    version: 1,
    createdAt: call.now,
    updatedAt: call.now,
  };
  return {
    subject: tenant.name,
    residentId: tenant._id,
    write: async (tx) => {
      if (!existing) await insertMember(tx, tenant, h, stayers, call.now);
      const leases = tx.collectionOf('tenancies', tenancyRecordSchema);
      if (!(await leases.load(_id))) await leases.insert(lease);
      const households = tx.collectionOf('households', householdRecordSchema);
      const fresh = await households.require(h._id, '户');
      if (fresh.tenure !== 'rented') await households.update(fresh, { tenure: 'rented', updatedAt: call.now });
    },
    audit: existing
      ? { target: { collection: 'tenancies', id: _id, label: `房东${lease.landlordName}的出租户` }, before: null, after: { tenants: lease.tenantResidentIds } }
      : { target: { collection: 'residents', id: tenant._id, label: tenant.name }, before: null, after: auditedFields(tenant) },
    grids: existing ? [] : [h.gridId],
  };
}

async function careFlags(f: Facts): Promise<Application> {
  const r = await memberOf(f, '请选择特殊群体有变化的人员');
  if (!f.input.flags) throw invalid('flags', '请选择此人现在属于的特殊群体（都不属于时，把已选的群体取消后再确认）');
  const flags = flagsAfter(f.acting, r, f.input.flags);
  const members = (await membersOf(f)).map((m) => (m._id === r._id ? { ...m, careFlags: flags } : m));
  return {
    subject: r.name,
    residentId: r._id,
    write: async (tx) => {
      await tx.collectionOf('residents', residentRecordSchema).update(r, { careFlags: flags, updatedAt: f.call.now });
      const households = tx.collectionOf('households', householdRecordSchema);
      const fresh = await households.require(f.h._id, '户');
      await households.update(fresh, { careFlags: unionFlags(members), updatedAt: f.call.now });
    },
    audit: { target: { collection: 'residents', id: r._id, label: r.name }, before: { careFlags: r.careFlags }, after: { careFlags: flags } },
    grids: [],
  };
}

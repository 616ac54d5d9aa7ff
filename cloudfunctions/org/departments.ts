import type { z } from 'zod';
import { canManageStreet } from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';
import type { departmentInputSchema } from '../../src/domain/org/api';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { createdStamps, createOnce, deterministicId, requireExpectedVersion, requireRequestId } from './create-once';
import { listRecords, loadRecord, orgCollection, type RecordOf } from './records';
import { streetOfGrants } from './scope';

type DepartmentInput = z.infer<typeof departmentInputSchema>;

/**
 * The street's 职能部门 (002 L51–56 assesses them): street staff read them (an assessment run takes them as
 * subjects), the street admin adds, renames and deactivates them.
 */
export async function departments(call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOfGrants(caller, ['admin', 'street_staff']);
  const list = await listRecords(call, 'departments', { streetId });
  const people = await orgCollection(call, 'persons').loadMany([...new Set(list.flatMap((d) => [d.responsiblePersonId, ...d.memberPersonIds]))]);
  const nameOf = (personId: string) => people.find((p) => p._id === personId)?.name ?? '(已删除)';
  return {
    canManage: canManageStreet(caller.roles, streetId),
    departments: list
      // Active ones first, then by name: a deactivated department is history, not gone.
      .sort((a, b) => Number(b.enabled) - Number(a.enabled) || a.name.localeCompare(b.name, 'zh-CN'))
      .map((d) => ({
        departmentId: d._id,
        name: d.name,
        responsiblePersonId: d.responsiblePersonId,
        responsibleName: nameOf(d.responsiblePersonId),
        memberPersonIds: d.memberPersonIds,
        memberNames: d.memberPersonIds.map(nameOf),
        enabled: d.enabled,
        version: d.version,
      })),
  };
}

/** saveDepartment: the street admin only; create is idempotent by requestId, update is conditional on the version. */
export async function saveDepartment(input: DepartmentInput, call: Invocation): Promise<{ id: string; version: number }> {
  const caller = await requireCaller(call);
  const existing = input.departmentId ? await loadRecord(call, 'departments', input.departmentId) : null;
  const streetId = existing?.streetId ?? streetOfGrants(caller, ['admin']);
  authorize(canManageStreet(caller.roles, streetId));
  const memberPersonIds = [...new Set(input.memberPersonIds.filter((p) => p !== input.responsiblePersonId))];
  await requireStreetPeople(call, streetId, input.responsiblePersonId, memberPersonIds);
  const selfId = existing?._id ?? deterministicId('dept', streetId, requireRequestId(input.requestId));
  await ensureNameFree(call, streetId, input.name, selfId);
  const fields = { name: input.name, responsiblePersonId: input.responsiblePersonId, memberPersonIds, enabled: input.enabled };
  if (!existing) {
    const doc: RecordOf<'departments'> = { _id: selfId, streetId, ...fields, ...createdStamps(call.now) };
    const { id, version } = await createOnce(call, 'departments', doc, (stored) => stored.streetId === streetId);
    return { id, version };
  }
  const version = await orgCollection(call, 'departments').update({ _id: existing._id, version: requireExpectedVersion(input.expectedVersion) }, { ...fields, memberPersonIds: call.db.command.set(memberPersonIds), updatedAt: call.now });
  return { id: existing._id, version };
}

/** The responsible person and the members must be people of this street (a payload's ids are not trusted). */
async function requireStreetPeople(call: Invocation, streetId: string, responsibleId: string, memberIds: string[]): Promise<void> {
  const found = await orgCollection(call, 'persons').loadMany([responsibleId, ...memberIds]);
  const ofStreet = (personId: string) => found.some((p) => p._id === personId && p.streetId === streetId);
  if (!ofStreet(responsibleId)) throw new DomainError('INVALID_INPUT', '输入有误：负责人不是本街道登记的人员', { responsiblePersonId: '负责人不是本街道登记的人员' });
  const stranger = memberIds.find((m) => !ofStreet(m));
  if (stranger) throw new DomainError('INVALID_INPUT', '输入有误：成员中有不是本街道登记的人员', { memberPersonIds: '成员中有不是本街道登记的人员' });
}

/** Two departments of one name would make a ranking ambiguous. */
async function ensureNameFree(call: Invocation, streetId: string, name: string, selfId: string): Promise<void> {
  const same = await listRecords(call, 'departments', { streetId, name });
  if (same.some((d) => d._id !== selfId)) throw new DomainError('CONFLICT', '本街道已有同名部门', { name: '本街道已有同名部门' });
}

import * as z from 'zod';
import { canManageCommunity } from '../../src/domain/access';
import { DomainError, type FieldErrors } from '../../src/domain/errors';
import type { gridMembersInputSchema } from '../../src/domain/org/api';
import type { GridMember } from '../../src/domain/org/records';
import { appendAudit, authorize, requireCaller, type Caller, type Invocation } from '../_lib';
import { listRecords, loadRecord, type RecordOf, orgCollection } from './records';
import { ownsPerson, placesOf } from './scope';

/**
 * setGridMembers: replaces the grid's named people. Every person must exist in the grid's street; a
 * person may serve several grids; an AB岗 cover must be the 网格员 of another grid (001 L151).
 */
export async function setGridMembers(input: z.infer<typeof gridMembersInputSchema>, call: Invocation): Promise<{ id: string; version: number }> {
  const caller = await requireCaller(call);
  const grid = await loadRecord(call, 'grids', input.gridId);
  authorize(canManageCommunity(caller.roles, grid.streetId, grid.communityId));
  const fields = await memberProblems(call, grid, input.members);
  const first = Object.values(fields)[0];
  if (first) {
    const more = Object.keys(fields).length - 1;
    throw new DomainError('INVALID_INPUT', `输入有误：${first}${more ? `（另有 ${more} 处）` : ''}`, fields);
  }
  await requireRightsOverNewcomers(call, caller, grid, input.members);
  const _ = call.db.command;
  const version = await orgCollection(call, 'grids').update({ _id: grid._id, version: input.expectedVersion }, {
    // _.set: the list replaces the stored one as a whole, never merged element by element.
    members: _.set(input.members.map(storedMember)),
    updatedAt: call.now,
  });
  await appendAudit(call.db, {
    caller,
    streetId: grid.streetId,
    now: call.now,
    action: 'org.setGridMembers',
    target: { collection: 'grids', id: grid._id, label: `${grid.code} ${grid.name}` },
    before: { members: grid.members.map(storedMember) },
    after: { members: input.members.map(storedMember) },
  });
  return { id: grid._id, version };
}

/**
 * Adding someone to a grid makes the grid's community a co-owner of their record, so it needs rights
 * over the communities they already serve (or an unattached person): otherwise community B could adopt
 * community A's officer and then rewrite her phone (issue 10 item 1). People already in this grid and
 * AB岗 covers (who gain nothing by being named) are not newcomers.
 */
async function requireRightsOverNewcomers(call: Invocation, caller: Caller, grid: RecordOf<'grids'>, members: GridMember[]): Promise<void> {
  const present = new Set(grid.members.map((m) => m.personId));
  const newcomers = [...new Set(members.map((m) => m.personId).filter((id) => !present.has(id)))];
  if (!newcomers.length) return;
  const _ = call.db.command;
  const persons = await listRecords(call, 'persons', { streetId: grid.streetId, _id: _.in(newcomers) });
  for (const person of persons) {
    authorize(ownsPerson(caller, person, await placesOf(call, person)), `您没有权限将“${person.name}”加入本网格：其所在社区不归您管理`);
  }
}

/** Field path → Chinese message for every member that cannot be saved. */
async function memberProblems(call: Invocation, grid: RecordOf<'grids'>, members: GridMember[]): Promise<FieldErrors> {
  const _ = call.db.command;
  const personIds = [...new Set(members.flatMap((m) => [m.personId, ...(m.coverPersonId ? [m.coverPersonId] : [])]))];
  const [persons, otherGrids, buildings] = await Promise.all([
    personIds.length ? listRecords(call, 'persons', { streetId: grid.streetId, _id: _.in(personIds) }) : Promise.resolve([]),
    members.some((m) => m.coverPersonId) ? listRecords(call, 'grids', { streetId: grid.streetId, _id: _.neq(grid._id) }) : Promise.resolve([]),
    members.some((m) => m.buildingId) ? listRecords(call, 'buildings', { gridId: grid._id }) : Promise.resolve([]),
  ]);
  const known = new Set(persons.map((p) => p._id));
  const officersElsewhere = new Set(otherGrids.flatMap((g) => g.members.filter((m) => m.role === 'grid_officer').map((m) => m.personId)));
  const buildingIds = new Set(buildings.map((b) => b._id));
  const fields: FieldErrors = {};
  const seen = new Set<string>();
  members.forEach((m, i) => {
    const at = `members.${i}`;
    if (!known.has(m.personId)) fields[`${at}.personId`] = '人员不存在或不属于本街道';
    else if (seen.has(`${m.personId}|${m.role}`)) fields[`${at}.personId`] = '同一人员在本网格重复担任同一职务';
    seen.add(`${m.personId}|${m.role}`);
    if (m.coverPersonId) {
      if (!known.has(m.coverPersonId)) fields[`${at}.coverPersonId`] = 'AB岗顶岗人员不存在或不属于本街道';
      else if (m.coverPersonId === m.personId || !officersElsewhere.has(m.coverPersonId)) {
        fields[`${at}.coverPersonId`] = 'AB岗顶岗人员应为其他网格的网格员';
      }
    }
    if (m.buildingId && !buildingIds.has(m.buildingId)) fields[`${at}.buildingId`] = '楼栋不属于本网格';
  });
  return fields;
}

/** Only the fields the record schema names, so nothing else a client sends is stored. */
function storedMember(m: GridMember): GridMember {
  return {
    personId: m.personId,
    role: m.role,
    ...(m.employment ? { employment: m.employment } : {}),
    ...(m.coverPersonId ? { coverPersonId: m.coverPersonId } : {}),
    ...(m.buildingId ? { buildingId: m.buildingId } : {}),
  };
}

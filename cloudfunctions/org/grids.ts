import * as z from 'zod';
import { canEditGridInfo, canManageCommunity } from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';
import type { gridInfoInputSchema, gridInputSchema } from '../../src/domain/org/api';
import { checkGridCode } from '../../src/domain/org/grid-code';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { createdStamps, createOnce, deterministicId, requireExpectedVersion, requireRequestId } from './create-once';
import { listRecords, loadRecord, type RecordOf, orgCollection } from './records';

type GridInput = z.infer<typeof gridInputSchema>;
type Saved = { id: string; version: number };

/** saveGrid: manage rights on the grid's community (and, for a move, on the community it leaves too). */
export async function saveGrid(input: GridInput, call: Invocation): Promise<Saved> {
  const caller = await requireCaller(call);
  const existing = input.gridId ? await loadRecord(call, 'grids', input.gridId) : null;
  if (existing) authorize(canManageCommunity(caller.roles, existing.streetId, existing.communityId));
  const community = await loadRecord(call, 'communities', input.communityId);
  authorize(canManageCommunity(caller.roles, community.streetId, community._id));
  // Each grid belongs to exactly one community of one street: a move across streets is not a move.
  if (existing && existing.streetId !== community.streetId) authorize(false);
  const street = await loadRecord(call, 'streets', community.streetId);
  ensureCodeValid(street, community, input);
  // On create the id is the one a retry would find, so a retry does not clash with its own record.
  const selfId = existing?._id ?? deterministicId('grid', street._id, requireRequestId(input.requestId));
  await ensureCodeUnique(call, street._id, input.code, selfId);
  const fields = {
    communityId: community._id,
    code: input.code,
    name: input.name,
    type: input.type,
    households: input.households,
    population: input.population,
    boundary: input.boundary,
    enabled: input.enabled,
    communityName: community.name,
    // The board shows the community's and the street's duty people ("上下级网格联系人", 000 L81).
    upperDuty: { community: community.dutyPersonIds, street: street.dutyPersonIds },
  };
  if (!existing) {
    const doc = { _id: selfId, streetId: street._id, ...fields, members: [], ...createdStamps(call.now) };
    const { id, version } = await createOnce(call, 'grids', doc, (g) => canManageCommunity(caller.roles, g.streetId, g.communityId));
    return { id, version };
  }
  const expectedVersion = requireExpectedVersion(input.expectedVersion);
  const version = await orgCollection(call, 'grids').update({ _id: existing._id, version: expectedVersion }, { ...fields, updatedAt: call.now });
  // Buildings carry their grid's community for scope checks; a moved grid takes its buildings along.
  if (existing.communityId !== community._id) {
    await orgCollection(call, 'buildings').updateWhere({ gridId: existing._id }, { communityId: community._id, updatedAt: call.now, version: call.db.command.inc(1) });
  }
  return { id: existing._id, version };
}

function ensureCodeValid(street: RecordOf<'streets'>, community: RecordOf<'communities'>, input: GridInput): void {
  const check = checkGridCode(street.gridCodeScheme, input.code, community, input.type);
  if (!check.ok) throw new DomainError('INVALID_INPUT', `输入有误：${check.message}`, { code: check.message });
}

/** Codes are unique within the street (deploy index streetId_1_code_1_unique enforces it in CloudBase too). */
async function ensureCodeUnique(call: Invocation, streetId: string, code: string, selfId: string | null): Promise<void> {
  const same = await listRecords(call, 'grids', { streetId, code });
  if (same.some((g) => g._id !== selfId)) throw new DomainError('CONFLICT', '网格编号已存在', { code: '网格编号已存在' });
}

/** updateGridInfo: the grid's own officers and chiefs (and its community's managers) keep its details. */
export async function updateGridInfo(input: z.infer<typeof gridInfoInputSchema>, call: Invocation): Promise<Saved> {
  const caller = await requireCaller(call);
  const grid = await loadRecord(call, 'grids', input.gridId);
  authorize(canEditGridInfo(caller.roles, gridScope(grid)));
  const version = await orgCollection(call, 'grids').update({ _id: grid._id, version: input.expectedVersion }, {
    households: input.households,
    population: input.population,
    boundary: input.boundary,
    updatedAt: call.now,
  });
  return { id: grid._id, version };
}

export const gridScope = (grid: RecordOf<'grids'>) => ({ streetId: grid.streetId, communityId: grid.communityId, gridId: grid._id });

/** gridDetail: what the members editor needs — the members as stored and the grid's buildings. */
export async function gridDetail({ gridId }: { gridId: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const grid = await loadRecord(call, 'grids', gridId);
  authorize(canEditGridInfo(caller.roles, gridScope(grid)));
  const buildings = await listRecords(call, 'buildings', { gridId: grid._id });
  return {
    gridId: grid._id,
    communityId: grid.communityId,
    code: grid.code,
    name: grid.name,
    version: grid.version,
    members: grid.members,
    buildings: buildings.map((b) => ({ buildingId: b._id, name: b.name, kind: b.kind })),
  };
}

import * as z from 'zod';
import { canManageCommunity } from '../../src/domain/access';
import type { buildingInputSchema } from '../../src/domain/org/api';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { createdStamps, createOnce, deterministicId, requireRequestId } from './create-once';
import { loadRecord, orgCollection } from './records';

/** saveBuilding: manage rights on the community of the grid the building is (or moves) in. */
export async function saveBuilding(input: z.infer<typeof buildingInputSchema>, call: Invocation): Promise<{ id: string; version: number }> {
  const caller = await requireCaller(call);
  const existing = input.buildingId ? await loadRecord(call, 'buildings', input.buildingId) : null;
  if (existing) authorize(canManageCommunity(caller.roles, existing.streetId, existing.communityId));
  const grid = await loadRecord(call, 'grids', input.gridId);
  authorize(canManageCommunity(caller.roles, grid.streetId, grid.communityId));
  if (existing && existing.streetId !== grid.streetId) authorize(false);
  const fields = { streetId: grid.streetId, communityId: grid.communityId, gridId: grid._id, name: input.name, kind: input.kind };
  if (!existing) {
    const _id = deterministicId('building', grid.streetId, requireRequestId(input.requestId));
    const { id, version } = await createOnce(call, 'buildings', { _id, ...fields, ...createdStamps(call.now) }, (b) =>
      canManageCommunity(caller.roles, b.streetId, b.communityId),
    );
    return { id, version };
  }
  // The contract carries no expectedVersion for buildings: the write is conditional on the version just read.
  const version = await orgCollection(call, 'buildings').update(existing, { ...fields, updatedAt: call.now });
  return { id: existing._id, version };
}

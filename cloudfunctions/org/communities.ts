import * as z from 'zod';
import { canManageStreet } from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';
import type { communityInputSchema } from '../../src/domain/org/api';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { createdStamps, createOnce, deterministicId, requireExpectedVersion, requireRequestId } from './create-once';
import { listRecords, loadRecord, type RecordOf, orgCollection } from './records';
import { streetOfGrants } from './scope';

type CommunityInput = z.infer<typeof communityInputSchema>;

/** saveCommunity: street administrators only; create is idempotent by requestId, update is conditional. */
export async function saveCommunity(input: CommunityInput, call: Invocation): Promise<{ id: string; version: number }> {
  const caller = await requireCaller(call);
  if (!input.communityId) {
    const streetId = streetOfGrants(caller, ['admin']);
    authorize(canManageStreet(caller.roles, streetId));
    const street = await loadRecord(call, 'streets', streetId);
    const code = codePartFor(street, input);
    const _id = deterministicId('community', streetId, requireRequestId(input.requestId));
    // A retry finds its own record under this id: that is not a clash with another community.
    await ensureCodePartFree(call, streetId, code, _id);
    const doc = { _id, streetId, name: input.name, ...code, dutyPersonIds: [], enabled: input.enabled, ...createdStamps(call.now) };
    const { id, version } = await createOnce(call, 'communities', doc, (existing) => existing.streetId === streetId);
    return { id, version };
  }
  const community = await loadRecord(call, 'communities', input.communityId);
  authorize(canManageStreet(caller.roles, community.streetId));
  const expectedVersion = requireExpectedVersion(input.expectedVersion);
  const street = await loadRecord(call, 'streets', community.streetId);
  const code = codePartFor(street, input);
  await ensureCodePartFree(call, street._id, code, community._id);
  await ensureCodeKeptWhileGridsExist(call, community, code);
  const version = await orgCollection(call, 'communities').update({ _id: community._id, version: expectedVersion }, {
    name: input.name,
    ...code,
    enabled: input.enabled,
    updatedAt: call.now,
  });
  // Grids carry the community's name so a board costs two reads; keep it in step on a rename.
  if (input.name !== community.name) {
    await orgCollection(call, 'grids').updateWhere({ communityId: community._id }, { communityName: input.name, updatedAt: call.now, version: call.db.command.inc(1) });
  }
  return { id: community._id, version };
}

/** The code part the street's scheme needs (000 L6 letter; 004 L364 village digits), and only that one. */
function codePartFor(street: RecordOf<'streets'>, input: CommunityInput): { letter: string } | { villageCode: string } {
  if (street.gridCodeScheme === 'letter') {
    if (!input.letter) throw new DomainError('INVALID_INPUT', '输入有误：本街道按字母编号，请填写社区字母', { letter: '本街道按字母编号，请填写社区字母（如 A）' });
    return { letter: input.letter };
  }
  if (!input.villageCode) {
    throw new DomainError('INVALID_INPUT', '输入有误：本街道按6位数字编号，请填写3位社区代码', { villageCode: '本街道按6位数字编号，请填写3位社区代码' });
  }
  return { villageCode: input.villageCode };
}

/** Two communities with one letter (or village code) would make grid codes ambiguous. */
async function ensureCodePartFree(call: Invocation, streetId: string, code: { letter?: string; villageCode?: string }, selfId: string | null): Promise<void> {
  const same = await listRecords(call, 'communities', { streetId, ...code });
  if (same.some((c) => c._id !== selfId)) {
    const field = code.letter ? 'letter' : 'villageCode';
    throw new DomainError('CONFLICT', code.letter ? '社区字母已被本街道其他社区使用' : '社区代码已被本街道其他社区使用', { [field]: '已被本街道其他社区使用' });
  }
}

/** Existing grid codes start with the community's letter or digits; changing it would invalidate them. */
async function ensureCodeKeptWhileGridsExist(call: Invocation, community: RecordOf<'communities'>, code: { letter?: string; villageCode?: string }): Promise<void> {
  const changed = (code.letter !== undefined && code.letter !== community.letter) || (code.villageCode !== undefined && code.villageCode !== community.villageCode);
  if (!changed) return;
  const grids = await listRecords(call, 'grids', { communityId: community._id });
  if (grids.length) {
    const field = code.letter !== undefined ? 'letter' : 'villageCode';
    throw new DomainError('INVALID_INPUT', '输入有误：社区已有网格，不能修改社区编号', { [field]: '社区已有网格，不能修改社区编号' });
  }
}

import { DomainError } from '../../src/domain/errors';
import { userRecordSchema } from '../../src/domain/user';
import { canSeeWorker, workerPlaces } from '../../src/domain/worklog';
import { authorize, collectionOf, requireCaller, type Caller, type Invocation } from '../_lib';

/** The worker a view is about: the caller, or (`workerId`) someone whose grid the caller supervises. */
export interface Worker {
  userId: string;
  name: string;
  streetId: string;
  communityId: string;
  gridIds: string[];
}

export const usersOf = (call: Invocation) => collectionOf(call.db, 'users', userRecordSchema);

function workerOf(user: { userId: string; name: string; roles: Caller['roles'] }): Worker | null {
  const places = workerPlaces(user.roles);
  if (!places.length) return null;
  return { userId: user.userId, name: user.name, streetId: places[0].streetId, communityId: places[0].communityId, gridIds: [...new Set(places.map((p) => p.gridId))] };
}

export async function resolveWorker(call: Invocation, workerId: string | undefined): Promise<{ caller: Caller; worker: Worker }> {
  const caller = await requireCaller(call);
  if (!workerId || workerId === caller.userId) {
    const self = workerOf(caller);
    authorize(self !== null, '只有网格员和网格长有工作日志');
    return { caller, worker: self! };
  }
  const user = await usersOf(call).load(workerId);
  const worker = user ? workerOf({ userId: user._id, name: user.name, roles: user.roles }) : null;
  // Someone outside the caller's supervision is refused the same whether or not they exist.
  authorize(worker !== null && canSeeWorker(caller, { userId: user!._id, roles: user!.roles }), '只能查看自己所管网格的网格员');
  if (!worker) throw new DomainError('NOT_FOUND', '网格员不存在');
  return { caller, worker };
}

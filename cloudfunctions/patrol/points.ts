import type { z } from 'zod';
import type { patrolApi } from '../../src/domain/patrol/api';
import { buildingRecordSchema } from '../../src/domain/org/records';
import { buildingIdOfScene } from '../../src/domain/patrol/building-code';
import { DomainError } from '../../src/domain/errors';
import { thinIntoTrack } from '../../src/domain/patrol/track';
import { collectionOf, requireCaller, type Invocation } from '../_lib';
import { requireWorker } from './scope';
import { loadPatrolConfig, patrolsOf, runningPatrolOf, updatePatrol } from './store';

type Input<A extends keyof typeof patrolApi> = z.infer<(typeof patrolApi)[A]['input']>;

/** How many batch request ids a patrol remembers; older replays are caught by time (thinIntoTrack drops points not after the last). */
const REMEMBERED_BATCHES = 200;

/**
 * appendPoints: a batch from the device (live, or the offline queue catching up). Points inside the
 * patrol's window, thinned to the street's interval and capped, are pushed onto the ONE patrol
 * document; the batch's request id makes a replay store nothing. Accepted after the end too, for points
 * taken before it (a weak network delays them), never for later ones.
 */
export async function appendPoints(input: Input<'appendPoints'>, call: Invocation) {
  const caller = await requireCaller(call);
  const patrol = await patrolsOf(call.db).require(input.patrolId, '巡查');
  requireWorker(caller, patrol);
  const { rules } = await loadPatrolConfig(call.db, patrol.streetId);
  if (input.points.length > rules.maxPointsPerBatch) {
    const why = `一次最多上传 ${rules.maxPointsPerBatch} 个轨迹点`;
    throw new DomainError('INVALID_INPUT', `输入有误：${why}`, { points: why });
  }
  const _ = call.db.command;
  return updatePatrol(call, patrol._id, (p) => {
    if (p.batchIds.includes(input.requestId)) {
      return { patch: null, result: { stored: 0, thinned: 0, outOfWindow: 0, overCap: 0, duplicate: true, pointCount: p.pointCount } };
    }
    const thin = thinIntoTrack(p.track, input.points, { startedAt: p.startedAt, endedAt: p.endedAt, now: call.now }, rules);
    const batchIds = [...p.batchIds, input.requestId].slice(-REMEMBERED_BATCHES);
    const result = { stored: thin.kept.length, thinned: thin.thinned, outOfWindow: thin.outOfWindow, overCap: thin.overCap, duplicate: false, pointCount: p.pointCount + thin.kept.length };
    const points = thin.kept.map((k) => ({ at: k.at, lat: k.lat, lng: k.lng, ...(k.acc !== undefined ? { acc: k.acc } : {}) }));
    return { patch: { track: _.push(points), pointCount: result.pointCount, batchIds }, result };
  });
}

/**
 * checkIn: the worker scanned a building's QR code during their running patrol. The building must be in
 * the patrol's grid; the same request again records nothing twice.
 */
export async function checkIn(input: Input<'checkIn'>, call: Invocation) {
  const caller = await requireCaller(call);
  const buildingId = buildingIdOfScene(input.scene);
  if (!buildingId) throw new DomainError('INVALID_INPUT', '输入有误：这不是楼栋码，请扫描贴在楼栋的巡查码', { scene: '这不是楼栋码，请扫描贴在楼栋的巡查码' });
  const running = await runningPatrolOf(call, caller.userId);
  if (!running) throw new DomainError('NOT_FOUND', '没有进行中的巡查，请先在工作台点“开始巡查”');
  const building = await collectionOf(call.db, 'buildings', buildingRecordSchema).require(buildingId, '楼栋');
  if (building.gridId !== running.gridId) {
    const why = `这栋楼不在本次巡查的网格（${running.gridName}）`;
    throw new DomainError('INVALID_INPUT', `输入有误：${why}`, { scene: why });
  }
  const { rules } = await loadPatrolConfig(call.db, running.streetId);
  const _ = call.db.command;
  return updatePatrol(call, running._id, (p) => {
    const done = p.checkIns.find((c) => c.requestId === input.requestId);
    if (done) return { patch: null, result: { patrolId: p._id, buildingId: done.buildingId, buildingName: done.buildingName, at: done.at.toISOString(), duplicate: true } };
    if (p.state !== 'active') throw new DomainError('CONFLICT', '这次巡查已经结束，请重新开始巡查后再打卡');
    if (p.checkIns.length >= rules.maxCheckInsPerPatrol) throw new DomainError('CONFLICT', `一次巡查最多打卡 ${rules.maxCheckInsPerPatrol} 次`);
    const entry = { requestId: input.requestId, buildingId: building._id, buildingName: building.name, at: call.now };
    return { patch: { checkIns: _.push([entry]) }, result: { patrolId: p._id, buildingId: building._id, buildingName: building.name, at: call.now.toISOString(), duplicate: false } };
  });
}

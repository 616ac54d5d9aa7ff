import type { z } from 'zod';
import type { patrolApi } from '../../src/domain/patrol/api';
import { reportInputSchema } from '../../src/domain/case/api';
import { DomainError } from '../../src/domain/errors';
import type { FindingRecord, PatrolRecord } from '../../src/domain/patrol/records';
import { isSampled } from '../../src/domain/patrol/sampling';
import type { PatrolRules } from '../../src/domain/patrol/rules';
import { requireCaller, requireOwnUploads, type Caller, type getApp, type Invocation } from '../_lib';
import { loadStreetConfig } from '../_lib/cases/street-config';
import { report } from '../case/report';
import { requireCategory } from '../case/records';
import { requireSupervisor, requireWorker } from './scope';
import { findingIdFor, loadEnabledGrid, loadPatrolConfig, patrolsOf, updatePatrol } from './store';
import { findingViewOf, photoUrlsOf } from './views';

type Input<A extends keyof typeof patrolApi> = z.infer<(typeof patrolApi)[A]['input']>;
type App = ReturnType<typeof getApp>;

/** The worker's running patrol, by id: findings are recorded during a patrol, by the one patrolling. */
async function patrolForFinding(call: Invocation, patrolId: string): Promise<{ caller: Caller; patrol: PatrolRecord; rules: PatrolRules }> {
  const caller = await requireCaller(call);
  const patrol = await patrolsOf(call.db).require(patrolId, '巡查');
  requireWorker(caller, patrol);
  if (patrol.state !== 'active') throw new DomainError('CONFLICT', '这次巡查已经结束，发现的问题请从工作台上报');
  const { rules } = await loadPatrolConfig(call.db, patrol.streetId);
  return { caller, patrol, rules };
}

/** Adds the finding once (by its id); the street's cap counts only new ones. */
async function addFinding(call: Invocation, patrolId: string, finding: FindingRecord, rules: PatrolRules): Promise<boolean> {
  const _ = call.db.command;
  return updatePatrol(call, patrolId, (p) => {
    if (p.findings.some((f) => f.id === finding.id)) return { patch: null, result: false };
    if (p.findings.length >= rules.maxFindingsPerPatrol) throw new DomainError('CONFLICT', `一次巡查最多记录 ${rules.maxFindingsPerPatrol} 个问题，请结束本次巡查后再开始新的巡查`);
    return { patch: { findings: _.push([finding]), ...(finding.sampled ? { pendingSamples: _.inc(1) } : {}) }, result: true };
  });
}

/**
 * fileCase: a problem found on the patrol, filed through the case report path itself (same category
 * check, class from the category, SLA, notifications, idempotent by request id) in the patrol's grid,
 * then linked to the patrol. A retry finds the case and the link already there.
 */
export async function fileCase(input: Input<'fileCase'>, call: Invocation) {
  const { patrol, rules } = await patrolForFinding(call, input.patrolId);
  const reportInput = reportInputSchema.parse({
    requestId: input.requestId,
    gridId: patrol.gridId,
    categoryId: input.categoryId,
    urgent: input.urgent,
    description: input.description,
    photos: input.photos,
    location: input.location,
    ...(input.register ? { register: input.register } : {}),
  });
  const filed = await report(reportInput, call);
  const config = await loadStreetConfig(call.db, patrol.streetId);
  const category = requireCategory(config.categories, input.categoryId);
  const findingId = findingIdFor(patrol._id, input.requestId);
  const finding: FindingRecord = {
    id: findingId,
    kind: 'case',
    requestId: input.requestId,
    at: call.now,
    categoryId: category.id,
    categoryLabel: category.label,
    description: input.description,
    caseId: filed.caseId,
    beforePhotos: [],
    afterPhotos: [],
    location: input.location,
    sampled: false,
  };
  await addFinding(call, patrol._id, finding, rules);
  return { caseId: filed.caseId, findingId, created: filed.created };
}

/**
 * handleOnSpot: 当场处置 — handled there and then, with a photo before and after; closed at once (no
 * case workflow), and picked for the grid chief's 抽查 at the street's rate (004 L41).
 */
export async function handleOnSpot(input: Input<'handleOnSpot'>, call: Invocation) {
  const { caller, patrol, rules } = await patrolForFinding(call, input.patrolId);
  const config = await loadStreetConfig(call.db, patrol.streetId);
  const category = requireCategory(config.categories, input.categoryId);
  await requireOwnUploads(call.db, input.beforePhotos, caller.userId, 'beforePhotos');
  await requireOwnUploads(call.db, input.afterPhotos, caller.userId, 'afterPhotos');
  const findingId = findingIdFor(patrol._id, input.requestId);
  const sampled = isSampled(findingId, rules.onSpotSamplePercent);
  const finding: FindingRecord = {
    id: findingId,
    kind: 'on_spot',
    requestId: input.requestId,
    at: call.now,
    categoryId: category.id,
    categoryLabel: category.label,
    description: input.description,
    beforePhotos: input.beforePhotos,
    afterPhotos: input.afterPhotos,
    location: input.location,
    sampled,
  };
  const created = await addFinding(call, patrol._id, finding, rules);
  return { findingId, sampled, created };
}

/** samples: the grid's on-the-spot findings picked for 抽查, unchecked ones first, for the grid's supervisors. */
export async function samples(input: Input<'samples'>, call: Invocation, app: App) {
  const caller = await requireCaller(call);
  const grid = await loadEnabledGrid(call.db, input.gridId);
  requireSupervisor(caller, grid);
  const page = await patrolsOf(call.db).page({ gridId: grid._id, 'findings.sampled': true }, { orderBy: ['startedAt', 'desc'], after: input.after, limit: input.limit ?? 20 });
  const picked = page.items.flatMap((p) => p.findings.filter((f) => f.sampled).map((f) => ({ p, f })));
  const urls = await photoUrlsOf(app, picked.map(({ f }) => f));
  const rows = picked
    .sort((a, b) => Number(a.f.verification !== undefined) - Number(b.f.verification !== undefined))
    .map(({ p, f }) => ({ patrolId: p._id, workerName: p.workerName, gridName: p.gridName, finding: findingViewOf(f, urls) }));
  return { rows, next: page.next };
}

/** verifySample: a supervisor records the check of a sampled finding — never the worker who handled it (001 L323). */
export async function verifySample(input: Input<'verifySample'>, call: Invocation) {
  const caller = await requireCaller(call);
  const patrol = await patrolsOf(call.db).require(input.patrolId, '巡查');
  const grid = await loadEnabledGrid(call.db, patrol.gridId);
  requireSupervisor(caller, grid);
  if (patrol.workerId === caller.userId) throw new DomainError('FORBIDDEN', '不能核实自己当场处置的问题');
  const _ = call.db.command;
  return updatePatrol(call, patrol._id, (p) => {
    const finding = p.findings.find((f) => f.id === input.findingId);
    if (!finding || !finding.sampled) throw new DomainError('NOT_FOUND', '抽查记录不存在');
    if (finding.verification) throw new DomainError('CONFLICT', '这条记录已经核实过了');
    const verification = { by: caller.userId, byName: caller.name, at: call.now, result: input.result, note: input.note };
    const findings = p.findings.map((f) => (f.id === finding.id ? { ...f, verification } : f));
    const pendingSamples = Math.max(0, p.pendingSamples - 1);
    return { patch: { findings: _.set(findings), pendingSamples }, result: { pendingSamples } };
  });
}

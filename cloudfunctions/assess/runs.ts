import type { z } from 'zod';
import { canRunAssessments, canSeeRanking, canSeeUnpublished, scoreRefusal } from '../../src/domain/assessment/access';
import type { assessApi } from '../../src/domain/assessment/api';
import { payoutFor, gradeFor } from '../../src/domain/assessment/grading';
import { runIdOf, type RunRecord, type RunSubject, type SheetRecord } from '../../src/domain/assessment/records';
import { itemMax, type RuleSet } from '../../src/domain/assessment/rule-set';
import { scoreRun } from '../../src/domain/assessment/publish';
import { DomainError } from '../../src/domain/errors';
import { communityRecordSchema } from '../../src/domain/org/records';
import { authorize, collectionOf, requireCaller, type Caller, type Invocation } from '../_lib';
import { resolveRuleSet, streetOf } from './rule-sets';
import { automaticFacts, communitiesOf, departmentsOf, runsOf, sheetsOf, workersOf } from './store';

type In<A extends keyof typeof assessApi> = z.infer<(typeof assessApi)[A]['input']>;

/** What a street-wide run of each kind of subject covers, and where its subjects come from. */
const SCOPE_NAMES: Record<RuleSet['subject'], string> = { worker: '全街道', community: '全街道', department: '街道职能部门' };
const SUBJECTS_OF: Record<RuleSet['subject'], (db: Invocation['db'], streetId: string, communityId: string | undefined) => Promise<RunSubject[]>> = {
  worker: (db, streetId, communityId) => workersOf(db, streetId, communityId!),
  community: communitiesOf,
  department: departmentsOf,
};
const NO_SUBJECTS: Record<RuleSet['subject'], Record<string, string>> = {
  worker: { communityId: '该社区没有登记网格员' },
  community: { ruleSetId: '本街道没有启用的社区' },
  department: { ruleSetId: '本街道没有启用的职能部门,请先在管理中添加部门' },
};

/** Street staff open a period's run: the table is frozen into it and the facts filled from the data. */
export async function openRun(input: In<'openRun'>, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  authorize(canRunAssessments(caller.roles, streetId), '只有街道工作人员可以发起考核');
  const { ruleSet, version } = await resolveRuleSet(call, streetId, input.ruleSetId);
  const byWorker = ruleSet.subject === 'worker';
  if (byWorker && !input.communityId) throw new DomainError('INVALID_INPUT', '个人考核请选择社区', { communityId: '请选择社区' });
  let scopeName = SCOPE_NAMES[ruleSet.subject];
  if (byWorker) {
    const community = await collectionOf(call.db, 'communities', communityRecordSchema).load(input.communityId!);
    if (!community || community.streetId !== streetId) throw new DomainError('NOT_FOUND', '社区不存在', { communityId: '社区不存在' });
    scopeName = community.name;
  }
  const communityId = byWorker ? input.communityId : undefined;
  const runId = runIdOf(streetId, ruleSet.id, input.month, communityId ?? 'street');
  const subjects = await SUBJECTS_OF[ruleSet.subject](call.db, streetId, communityId);
  if (!subjects.length) throw new DomainError('INVALID_INPUT', '该范围内没有可考核的对象', NO_SUBJECTS[ruleSet.subject]);
  const scope = { streetId, communityId, month: input.month };
  const run: RunRecord = {
    _id: runId,
    streetId,
    ...(communityId ? { communityId } : {}),
    scopeName,
    month: input.month,
    ruleSetId: ruleSet.id,
    ruleSetVersion: version,
    ruleSet,
    subjects,
    facts: await automaticFacts(call.db, scope, ruleSet, subjects, call.now),
    factsAt: call.now,
    entries: [],
    covers: [],
    state: 'open',
    revision: 1,
    publishedRevision: null,
    publishedAt: null,
    corrections: [],
    openedBy: caller.userId,
    version: 1,
    createdAt: call.now,
    updatedAt: call.now,
  };
  const { created } = await runsOf(call.db).insertOnce(run);
  return { runId, created };
}

/** Runs the caller may see: all of the street's for runners; published ones of their community for its staff. */
export async function runs(input: In<'runs'>, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  const all = await runsOf(call.db).all({ streetId, ...(input.month ? { month: input.month } : {}) }, { max: 2000 });
  const visible = all.filter((r) => canSeeUnpublished(caller.roles, caller.userId, r) || (r.publishedRevision !== null && canSeeRanking(caller.roles, r)));
  authorize(visible.length > 0 || caller.roles.some((g) => ['street_staff', 'admin', 'community_staff'].includes(g.role)));
  const runner = canRunAssessments(caller.roles, streetId);
  const communities = runner ? await collectionOf(call.db, 'communities', communityRecordSchema).all({ streetId, enabled: true }) : [];
  const sorted = communities.sort((a, b) => (a.letter ?? a.name).localeCompare(b.letter ?? b.name)).map((c) => ({ id: c._id, name: c.name }));
  return {
    communities: sorted,
    patrolBulletinScopes: runner ? [{ communityId: null, name: '全街道' }, ...sorted.map((c) => ({ communityId: c.id, name: c.name }))] : await ownCommunities(call, caller.roles, streetId),
    runs: visible
      .sort((a, b) => b.month.localeCompare(a.month) || a.scopeName.localeCompare(b.scopeName))
      .map((r) => ({ runId: r._id, month: r.month, scopeName: r.scopeName, ruleSetName: r.ruleSet.name, state: r.state, revision: r.revision, subjects: r.subjects.length })),
  };
}

/** A community's staff make their own community's 巡查通报 (patrol-bulletins.ts): its name for the page. */
async function ownCommunities(call: Invocation, roles: Caller['roles'], streetId: string) {
  const ids = [...new Set(roles.filter((g) => g.role === 'community_staff' && g.streetId === streetId && g.communityId).map((g) => g.communityId!))];
  const found = ids.length ? await collectionOf(call.db, 'communities', communityRecordSchema).loadMany(ids) : [];
  return found.map((c) => ({ communityId: c._id, name: c.name }));
}

export async function loadRun(call: Invocation, runId: string): Promise<RunRecord> {
  return runsOf(call.db).require(runId, '考核');
}

/** Unpublished: the provisional ranking to assessors. Published: the frozen sheets to the street and the community. */
export async function run(input: In<'run'>, call: Invocation) {
  const caller = await requireCaller(call);
  const r = await loadRun(call, input.runId);
  const assessor = canSeeUnpublished(caller.roles, caller.userId, r);
  const published = r.publishedRevision !== null;
  // 002 L133 保密: until published, only the assessors know a run's numbers.
  authorize(assessor || (published && canSeeRanking(caller.roles, r)), published ? '您没有权限查看该考核' : '考核结果公布前不能查看');
  const ranking = assessor && r.state === 'open' ? provisionalRanking(r) : publishedRanking(await currentSheets(call, r));
  return {
    runId: r._id,
    month: r.month,
    scopeName: r.scopeName,
    communityId: r.communityId ?? null,
    ruleSetId: r.ruleSetId,
    ruleSetName: r.ruleSet.name,
    unit: r.ruleSet.unit,
    state: r.state,
    revision: r.revision,
    publishedRevision: r.publishedRevision,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    version: r.version,
    factsAt: r.factsAt.toISOString(),
    canManage: canRunAssessments(caller.roles, r.streetId),
    items: r.ruleSet.items.map((item) => ({
      id: item.id,
      title: item.title,
      kind: item.kind,
      max: itemMax(item),
      entry: entryKindOf(item),
      options: item.kind === 'listed' ? item.options : [],
    })),
    subjects: r.subjects.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      gridIds: s.gridIds,
      scorableItems: r.state === 'open' ? r.ruleSet.items.filter((item) => entryKindOf(item) && !scoreRefusal(caller.roles, caller.userId, r, item, s)).map((i) => i.id) : [],
    })),
    ranking,
    covers: r.covers.map((c) => ({ absentPersonId: c.absentPersonId, coverPersonId: c.coverPersonId, reason: c.reason })),
    corrections: r.corrections.map((c) => ({ revision: c.revision, reason: c.reason, at: c.at.toISOString() })),
  };
}

function entryKindOf(item: RunRecord['ruleSet']['items'][number]): string | null {
  if (item.kind === 'manual') return 'points';
  if (item.kind === 'listed') return 'options';
  if (item.kind === 'veto') return 'veto';
  if ('from' in item && 'enteredBy' in item.from) return 'count';
  return null;
}

function provisionalRanking(r: RunRecord) {
  return scoreRun(r).map(({ subjectId, sheet, rank }) => ({
    subjectId,
    subjectName: r.subjects.find((s) => s.id === subjectId)!.name,
    rank,
    total: sheet.total,
    grade: gradeFor(r.ruleSet, sheet.total, sheet.vetoed),
    payoutYuan: payoutFor(r.ruleSet, sheet.total, sheet.vetoed)?.yuan ?? null,
    paidYuan: null,
    payoutNotes: [],
    flags: [],
    pendingItems: sheet.pendingItems,
    vetoed: sheet.vetoed,
    sheetId: null,
  }));
}

export async function currentSheets(call: Invocation, r: RunRecord): Promise<SheetRecord[]> {
  if (r.publishedRevision === null) return [];
  return sheetsOf(call.db).all({ runId: r._id, revision: r.publishedRevision }, { max: 5000 });
}

export function publishedRanking(sheets: SheetRecord[]) {
  return [...sheets]
    .sort((a, b) => a.rank - b.rank || a.subjectName.localeCompare(b.subjectName))
    .map((s) => ({
      subjectId: s.subjectId,
      subjectName: s.subjectName,
      rank: s.rank,
      total: s.total,
      grade: s.grade,
      payoutYuan: s.payout?.yuan ?? null,
      paidYuan: s.paidYuan,
      payoutNotes: s.payoutNotes,
      flags: s.flags.map((f) => f.label),
      pendingItems: s.lines.filter((l) => l.pending).map((l) => l.itemId),
      vetoed: s.vetoed,
      sheetId: s._id,
    }));
}

/** Re-reads the data into an open run (cases change state after the run was opened). */
export async function refreshFacts(input: In<'refreshFacts'>, call: Invocation) {
  const caller = await requireCaller(call);
  const r = await loadRun(call, input.runId);
  authorize(canRunAssessments(caller.roles, r.streetId), '只有街道工作人员可以更新考核数据');
  requireOpen(r, input.expectedVersion);
  const facts = await automaticFacts(call.db, r, r.ruleSet, r.subjects, call.now);
  return { version: await runsOf(call.db).update(r, { facts, factsAt: call.now, updatedAt: call.now }) };
}

export function requireOpen(r: RunRecord, expectedVersion: number): void {
  if (r.state !== 'open') throw new DomainError('CONFLICT', '考核已公布,结果不能再改;如需更正请发起更正');
  if (r.version !== expectedVersion) throw new DomainError('CONFLICT', '考核已被他人修改,请刷新后重试');
}

export type { Caller };

import type { z } from 'zod';
import { canRunAssessments, scoreRefusal } from '../../src/domain/assessment/access';
import type { assessApi } from '../../src/domain/assessment/api';
import { buildSheets, type History } from '../../src/domain/assessment/publish';
import { runRecordSchema, sheetRecordSchema, type RunRecord } from '../../src/domain/assessment/records';
import { checkEntryValue, rolesThatScore } from '../../src/domain/assessment/score';
import { DomainError } from '../../src/domain/errors';
import { authorize, inTransaction, requireCaller, type Invocation } from '../_lib';
import { loadRun, requireOpen } from './runs';
import { requireSubject, runsOf, sheetsOf } from './store';

type In<A extends keyof typeof assessApi> = z.infer<(typeof assessApi)[A]['input']>;

const REFUSALS = {
  role: '您不能为这一项评分',
  // 002 L135: 回避原则.
  conflict: '按回避原则,不能为本人或本人负责网格的对象评分',
} as const;

/** An assessor enters a manual item (or a counted item the table leaves to assessors) with a reason. */
export async function enterScore(input: In<'enterScore'>, call: Invocation) {
  const caller = await requireCaller(call);
  const r = await loadRun(call, input.runId);
  const subject = requireSubject(r, input.subjectId);
  const item = r.ruleSet.items.find((i) => i.id === input.itemId);
  if (!item) throw new DomainError('NOT_FOUND', '考核条目不存在', { itemId: '考核条目不存在' });
  // An item the data fills is refused as input, whoever asks: nobody may type over the figures.
  if (!rolesThatScore(item).length) checkEntryValue(item, input.value);
  const refusal = scoreRefusal(caller.roles, caller.userId, r, item, subject);
  if (refusal) throw new DomainError('FORBIDDEN', REFUSALS[refusal]);
  requireOpen(r, input.expectedVersion);
  checkEntryValue(item, input.value);
  const entryId = `${r._id}-e${r.entries.length + 1}`;
  const entry = { entryId, itemId: item.id, subjectId: subject.id, value: input.value, reason: input.reason, byUserId: caller.userId, byName: caller.name, at: call.now, revision: r.revision };
  const version = await runsOf(call.db).update(r, { entries: call.db.command.set([...r.entries, entry]), updatedAt: call.now });
  return { version, entryId };
}

/** 000 L45: a month or more of sick leave — the absent person's incentive goes to the AB岗 cover. */
export async function setCover(input: In<'setCover'>, call: Invocation) {
  const caller = await requireCaller(call);
  const r = await loadRun(call, input.runId);
  authorize(canRunAssessments(caller.roles, r.streetId), '只有街道工作人员可以登记顶岗');
  requireOpen(r, input.expectedVersion);
  if (r.ruleSet.payout?.per !== 'month') throw new DomainError('INVALID_INPUT', '该考核不按月发放激励,无需登记顶岗', { runId: '该考核不按月发放激励' });
  requireSubject(r, input.absentPersonId);
  requireSubject(r, input.coverPersonId);
  if (input.absentPersonId === input.coverPersonId) throw new DomainError('INVALID_INPUT', '顶岗人员不能是病假人员本人', { coverPersonId: '顶岗人员不能是病假人员本人' });
  const covers = [...r.covers.filter((c) => c.absentPersonId !== input.absentPersonId), { absentPersonId: input.absentPersonId, coverPersonId: input.coverPersonId, reason: input.reason, byUserId: caller.userId, at: call.now }];
  return { version: await runsOf(call.db).update(r, { covers: call.db.command.set(covers), updatedAt: call.now }) };
}

/** Earlier published totals of each subject under the same table, oldest first (for 000 L42–43's flags). */
async function historyOf(call: Invocation, r: RunRecord): Promise<History> {
  const _ = call.db.command;
  const earlier = await sheetsOf(call.db).all({ streetId: r.streetId, ruleSetId: r.ruleSetId, current: true, month: _.lt(r.month) }, { max: 20_000 });
  const out: History = new Map();
  for (const s of earlier.sort((a, b) => a.month.localeCompare(b.month))) out.set(s.subjectId, [...(out.get(s.subjectId) ?? []), s.total]);
  return out;
}

/**
 * Publishes the run: every sheet written and the run marked published in ONE transaction, so nobody
 * ever sees half a ranking; the previous revision's sheets stay as they were, no longer current.
 */
export async function publish(input: In<'publish'>, call: Invocation) {
  const caller = await requireCaller(call);
  const before = await loadRun(call, input.runId);
  authorize(canRunAssessments(caller.roles, before.streetId), '只有街道工作人员可以公布考核结果');
  requireOpen(before, input.expectedVersion);
  const history = await historyOf(call, before);
  const previous = before.publishedRevision === null ? [] : await sheetsOf(call.db).all({ runId: before._id, revision: before.publishedRevision });
  return inTransaction(call.db, async (tx) => {
    const runs = tx.collectionOf('assessment_runs', runRecordSchema);
    const sheets = tx.collectionOf('assessment_sheets', sheetRecordSchema);
    const r = await runs.require(before._id, '考核');
    requireOpen(r, input.expectedVersion);
    const fresh = buildSheets(r, history, caller.userId, call.now);
    for (const old of previous) await sheets.set({ ...old, current: false });
    for (const sheet of fresh) await sheets.insert(sheet);
    const version = await runs.update(r, { state: 'published', publishedRevision: r.revision, publishedAt: call.now, updatedAt: call.now });
    return { version, revision: r.revision, sheets: fresh.length };
  });
}

/** A published run is frozen; a correction opens the next revision with a reason, entries carried over. */
export async function correct(input: In<'correct'>, call: Invocation) {
  const caller = await requireCaller(call);
  const r = await loadRun(call, input.runId);
  authorize(canRunAssessments(caller.roles, r.streetId), '只有街道工作人员可以发起更正');
  if (r.state !== 'published') throw new DomainError('CONFLICT', '考核尚未公布,直接修改评分即可');
  if (r.version !== input.expectedVersion) throw new DomainError('CONFLICT', '考核已被他人修改,请刷新后重试');
  const revision = r.revision + 1;
  const corrections = [...r.corrections, { revision, reason: input.reason, byUserId: caller.userId, at: call.now }];
  const version = await runsOf(call.db).update(r, { state: 'open', revision, corrections: call.db.command.set(corrections), updatedAt: call.now });
  return { version, revision };
}

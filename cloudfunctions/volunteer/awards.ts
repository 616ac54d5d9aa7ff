import { DomainError } from '../../src/domain/errors';
import { activeRule, appendEntry, completionAwards, correctionFor, leadReportAward } from '../../src/domain/volunteer';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { loadOwnActivity } from './activities';
import { appendToLedger, loadEntry, loadRules, volunteerEntries } from './ledger-store';
import { findDoc, readAll } from './records';
import { isOrganiser, loadVolunteer, placeOf } from './scope';

/** The lead-report rule of the points table (001 L873); the only rule that needs a confirmed case. */
const LEAD_RULE_ID = 'governance.lead_report';

/**
 * The organiser confirms completion: the activity moves to `completed` (conditional on its version) with
 * the attendance list, then one award per attendee goes in under derived ids. A second call — a retry
 * after a timeout — re-applies the STORED list, so it adds only what a crash left out, never twice.
 */
export async function complete(input: { activityId: string; attendedVolunteerIds: string[] }, call: Invocation) {
  const caller = await requireCaller(call);
  let stored = await loadOwnActivity(call, caller, input.activityId);
  let attended = [...new Set(input.attendedVolunteerIds)];
  let at = call.now;
  if (stored.activity.state === 'completed') {
    const doc = (await findDoc(call, 'activities', stored.activity.id))!;
    attended = (doc.attendedVolunteerIds as string[]) ?? [];
    at = doc.completedAt as Date;
  } else {
    if (stored.activity.state !== 'published') throw new DomainError('CONFLICT', '只能确认已发布活动的完成');
    if (at.getTime() < stored.activity.startAt.getTime()) throw new DomainError('CONFLICT', '活动尚未开始,不能确认完成');
    const _ = call.db.command;
    const signed = new Set((await readAll(call, 'signups', { activityId: stored.activity.id, volunteerId: _.in(attended) })).map((d) => String(d.volunteerId)));
    const stranger = attended.find((id) => !signed.has(id));
    if (stranger) throw new DomainError('INVALID_INPUT', '输入有误：到场名单中有未报名本活动的志愿者', { attendedVolunteerIds: `${stranger} 未报名本活动` });
    const { updated } = await call.db
      .collection('activities')
      .where({ _id: stored.activity.id, version: stored.version, state: 'published' })
      .update({ state: 'completed', completedAt: at, completedBy: caller.userId, attendedVolunteerIds: attended, version: stored.version + 1, updatedAt: at });
    if (!updated) throw new DomainError('CONFLICT', '数据已被其他操作修改，请刷新后重试');
    stored = { ...stored, activity: { ...stored.activity, state: 'completed' } };
  }
  const entries = completionAwards({ ...stored.activity, state: 'completed' }, attended, caller.userId, at);
  const entryIds = await appendToLedger(call, entries);
  return { activityId: stored.activity.id, awarded: entryIds.length, entryIds };
}

/**
 * 001 L873 经确认属实后,计5分次: staff of the case's community confirm that the lead reported in the case
 * was true; the case's reporter (who must be the volunteer named) gets the lead-report award, once per case.
 */
export async function confirmLead(input: { caseId: string; volunteerId: string; note: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const found = await findDoc(call, 'cases', input.caseId);
  if (!found) throw new DomainError('NOT_FOUND', '事件不存在');
  const theCase = found as { streetId: string; communityId: string; reporterId: string };
  authorize(isOrganiser(caller.roles, theCase.streetId, theCase.communityId));
  if (theCase.reporterId !== input.volunteerId) throw new DomainError('CONFLICT', '该志愿者不是此事件的上报人');
  const volunteer = await loadVolunteer(call, input.volunteerId);
  const rule = activeRule(await loadRules(call, theCase.streetId), LEAD_RULE_ID);
  const entry = leadReportAward(placeOf(volunteer), { caseId: input.caseId, confirmed: true }, rule, caller.userId, call.now);
  const note = input.note ? { ...entry, reason: input.note } : entry;
  const written = await appendToLedger(call, [note]);
  return { entryId: entry.id, points: entry.points, created: written.length === 1 };
}

/** 001 L885 确认后的积分情景不得修改: a new reversing entry with a reason; the original stays as it was. */
export async function correct(input: { entryId: string; reason: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const target = await loadEntry(call, input.entryId);
  authorize(isOrganiser(caller.roles, target.streetId, target.communityId));
  const correction = correctionFor(target, input.reason, caller.userId, call.now);
  // The pure rules decide (award only, once, points not yet spent) against the volunteer's whole ledger.
  appendEntry(await volunteerEntries(call, target.volunteerId), correction);
  const written = await appendToLedger(call, [correction]);
  if (!written.length) throw new DomainError('CONFLICT', '该积分记录已冲正');
  return { entryId: correction.id, points: correction.points };
}

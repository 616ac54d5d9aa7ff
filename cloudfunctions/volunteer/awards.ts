import { DomainError } from '../../src/domain/errors';
import { activeRule, appendEntry, assertAllowed, canConfirmLead, completionAwards, correctionFor, isStaff, leadCategoryIds, leadReportAward } from '../../src/domain/volunteer';
import { authorize, requireCaller, usersOf, type Invocation } from '../_lib';
import { checkActivityAction, loadActivity, loadOwnActivity } from './activities';
import { WouldGoNegative } from './atomic';
import { appendToLedger, loadEntry, loadRulesConfig, volunteerEntries } from './ledger-store';
import { leadCasesOf, signupId, volunteerCollection } from './records';
import { isOrganiser, loadVolunteer, placeOf } from './scope';

/** The lead-report rule of the points table (001 L873); the only rule that needs a confirmed case. */
const LEAD_RULE_ID = 'governance.lead_report';

/** Which of these people hold a staff role: their own points need another staff member (issue 10 item 4). */
async function staffAmong(call: Invocation, userIds: readonly string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const users = await usersOf(call.db).loadMany(userIds);
  return users.filter((u) => isStaff(u.roles)).map((u) => u._id);
}

/**
 * The organiser confirms completion: the activity moves to `completed` (conditional on its version) with
 * the attendance list and which attendees are staff, then one award per non-staff attendee goes in under
 * derived ids; staff attendees' sign-ups are marked to wait for another staff member. A second call — a
 * retry after a timeout — re-applies the STORED lists, so it adds only what a crash left out, never twice.
 */
export async function complete(input: { activityId: string; attendedVolunteerIds: string[] }, call: Invocation) {
  const caller = await requireCaller(call);
  let stored = await loadOwnActivity(call, caller, input.activityId);
  await checkActivityAction(call, caller, stored, 'complete');
  let attended = [...new Set(input.attendedVolunteerIds)];
  let staff: string[];
  let at = call.now;
  if (stored.activity.state === 'completed') {
    attended = stored.record.attendedVolunteerIds ?? [];
    staff = stored.record.staffAttendeeIds ?? [];
    at = stored.record.completedAt ?? at;
  } else {
    const _ = call.db.command;
    const signed = new Set((await volunteerCollection(call, 'signups').all({ activityId: stored.activity.id, volunteerId: _.in(attended) })).map((d) => d.volunteerId));
    const stranger = attended.find((id) => !signed.has(id));
    if (stranger) throw new DomainError('INVALID_INPUT', '输入有误：到场名单中有未报名本活动的志愿者', { attendedVolunteerIds: `${stranger} 未报名本活动` });
    staff = await staffAmong(call, attended);
    await volunteerCollection(call, 'activities').update(
      { _id: stored.activity.id, version: stored.version },
      { state: 'completed', completedAt: at, completedBy: caller.userId, attendedVolunteerIds: attended, staffAttendeeIds: staff, updatedAt: at },
      { state: 'published' },
    );
    stored = { ...stored, activity: { ...stored.activity, state: 'completed' } };
  }
  const staffSet = new Set(staff);
  if (staff.length) {
    const _ = call.db.command;
    const ids = staff.map((v) => signupId(stored.activity.id, v));
    await volunteerCollection(call, 'signups').updateWhere({ _id: _.in(ids), staffAward: _.neq('confirmed') }, { staffAward: 'awaiting_confirmation' });
  }
  const entries = completionAwards({ ...stored.activity, state: 'completed' }, attended.filter((v) => !staffSet.has(v)), caller.userId, at);
  const entryIds = await appendToLedger(call, entries);
  return { activityId: stored.activity.id, awarded: entryIds.length, entryIds };
}

/** Issue 10 item 4: a staff participant's points, confirmed by a staff member who neither took part nor completed the activity. */
export async function confirmStaffAward(input: { activityId: string; volunteerId: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const stored = await loadActivity(call, input.activityId);
  await checkActivityAction(call, caller, stored, 'confirmStaffAward', { participantId: input.volunteerId });
  const signup = await volunteerCollection(call, 'signups').load(signupId(stored.activity.id, input.volunteerId));
  if (!signup?.staffAward) throw new DomainError('NOT_FOUND', '该志愿者没有待确认的积分');
  const [entry] = completionAwards(stored.activity, [input.volunteerId], caller.userId, call.now);
  const written = await appendToLedger(call, [entry]);
  await volunteerCollection(call, 'signups').updateWhere({ _id: signup._id }, { staffAward: 'confirmed', staffAwardConfirmedBy: signup.staffAwardConfirmedBy ?? caller.userId });
  return { entryId: entry.id, points: entry.points, created: written.length === 1 };
}

/** The stored case as the lead rule reads it, and the street's lead categories. */
async function leadFacts(call: Invocation, caseId: string) {
  const theCase = await leadCasesOf(call).load(caseId);
  if (!theCase) throw new DomainError('NOT_FOUND', '事件不存在');
  const { config, rules } = await loadRulesConfig(call, theCase.streetId);
  return { theCase, leadCategories: leadCategoryIds(config.leadCategories), rules };
}

/**
 * 001 L873 经确认属实后,计5分次: a staff member of the case's community, who neither reported nor handled
 * it, confirms a verified lead-category case; its reporter (the volunteer named) gets the award, once per case.
 */
export async function confirmLead(input: { caseId: string; volunteerId: string; note: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const { theCase, leadCategories, rules } = await leadFacts(call, input.caseId);
  assertAllowed(canConfirmLead(theCase, caller, leadCategories));
  if (theCase.reporterId !== input.volunteerId) throw new DomainError('CONFLICT', '该志愿者不是此事件的上报人');
  const volunteer = await loadVolunteer(call, input.volunteerId);
  const rule = activeRule(rules, LEAD_RULE_ID);
  const entry = leadReportAward(placeOf(volunteer), { caseId: input.caseId, confirmed: true }, rule, caller.userId, call.now);
  const note = input.note ? { ...entry, reason: input.note } : entry;
  const written = await appendToLedger(call, [note]);
  return { entryId: entry.id, points: entry.points, created: written.length === 1 };
}

/** For the staff case page: may the caller confirm this lead now, and if not, why (the same rule as confirmLead). */
export async function leadStatus(input: { caseId: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const { theCase, leadCategories, rules } = await leadFacts(call, input.caseId);
  authorize(isOrganiser(caller.roles, theCase.streetId, theCase.communityId));
  const verdict = canConfirmLead(theCase, caller, leadCategories);
  const awarded = (await volunteerCollection(call, 'ledger').load(`award:case:${input.caseId}:${theCase.reporterId}`)) !== null;
  const points = rules.find((r) => r.id === LEAD_RULE_ID)?.points ?? 0;
  return { isLead: leadCategories.includes(theCase.categoryId), confirmable: verdict.ok, message: verdict.ok ? undefined : verdict.message, awarded, points };
}

/**
 * 001 L885 确认后的积分情景不得修改: a new reversing entry with a reason; the original stays as it was. The
 * entry and the account move in one transaction that refuses to take the year below zero, so a correction
 * racing a redemption can never leave negative points (issue 9 item 3).
 */
export async function correct(input: { entryId: string; reason: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const target = await loadEntry(call, input.entryId);
  authorize(isOrganiser(caller.roles, target.streetId, target.communityId));
  const correction = correctionFor(target, input.reason, caller.userId, call.now);
  // The pure rules decide first (award only, once, points not yet spent), for the message naming the redemption.
  appendEntry(await volunteerEntries(call, target.volunteerId), correction);
  let written: string[];
  try {
    written = await appendToLedger(call, [correction]);
  } catch (err) {
    if (!(err instanceof WouldGoNegative)) throw err;
    // A redemption got in between: the fresh ledger names it.
    appendEntry(await volunteerEntries(call, target.volunteerId), correction);
    throw new DomainError('CONFLICT', '不能冲正：这笔奖励的积分已被兑换使用，请先退回兑换再冲正');
  }
  if (!written.length) throw new DomainError('CONFLICT', '该积分记录已冲正');
  return { entryId: correction.id, points: correction.points };
}

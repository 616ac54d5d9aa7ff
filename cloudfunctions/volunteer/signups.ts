import { DomainError } from '../../src/domain/errors';
import { requireCaller, type Invocation } from '../_lib';
import { checkActivityAction, loadActivity, loadOwnActivity } from './activities';
import { signupId, volunteerCollection, type SignupRecord, type StoredActivity } from './records';
import { requireVolunteer } from './scope';

/*
 * 001 L881 以报名先后顺序确定人员, exactly, without transactions: the activity keeps `taken`, and a place
 * is claimed by one conditional update (`taken < headcount` → `taken + 1`), which the database applies
 * atomically to one document. The sign-up then goes in under `<activityId>:<volunteerId>`, so a double
 * tap cannot hold two places; if that insert collides, the claimed place is given back.
 */

async function findSignup(call: Invocation, activityId: string, volunteerId: string): Promise<SignupRecord | null> {
  return volunteerCollection(call, 'signups').load(signupId(activityId, volunteerId));
}

async function stateOf(call: Invocation, activityId: string, mine: 'none' | 'signed_up' | 'checked_in') {
  const { activity, taken } = await loadActivity(call, activityId);
  return { activityId, taken, headcount: activity.headcount, mine };
}

export async function signUp(input: { activityId: string }, call: Invocation) {
  const { caller, volunteer } = await requireVolunteer(call);
  const stored = await loadActivity(call, input.activityId);
  const { activity } = stored;
  // Who (own community, never the organiser), state and time from the rule table; the headcount is settled by the conditional claim below.
  await checkActivityAction(call, caller, stored, 'signUp', { volunteer });
  const _ = call.db.command;
  const claimed = await volunteerCollection(call, 'activities').updateWhere({ _id: activity.id, state: 'published', taken: _.lt(activity.headcount) }, { taken: _.inc(1) });
  if (!claimed) throw new DomainError('CONFLICT', '名额已满');
  const doc: SignupRecord = { _id: signupId(activity.id, volunteer._id), activityId: activity.id, volunteerId: volunteer._id, communityId: activity.communityId, signedAt: call.now };
  let created: boolean;
  try {
    created = (await volunteerCollection(call, 'signups').insertOnce(doc)).created;
  } catch (err) {
    await release(call, activity.id);
    throw err;
  }
  if (!created) {
    await release(call, activity.id);
    throw new DomainError('CONFLICT', '您已报名');
  }
  return stateOf(call, activity.id, 'signed_up');
}

async function release(call: Invocation, activityId: string): Promise<void> {
  await volunteerCollection(call, 'activities').updateWhere({ _id: activityId }, { taken: call.db.command.inc(-1) });
}

/** Before the start only; the place goes back only if this call removed the sign-up (two cancels free one place). */
export async function cancelSignUp(input: { activityId: string }, call: Invocation) {
  const { caller, volunteer } = await requireVolunteer(call);
  const stored = await loadActivity(call, input.activityId);
  const { activity } = stored;
  const signup = await findSignup(call, activity.id, volunteer._id);
  if (!signup) throw new DomainError('NOT_FOUND', '没有有效的报名');
  await checkActivityAction(call, caller, stored, 'cancelSignUp', { volunteer });
  const deleted = await volunteerCollection(call, 'signups').removeWhere({ _id: signup._id });
  if (deleted) await release(call, activity.id);
  return stateOf(call, activity.id, 'none');
}

async function markCheckedIn(call: Invocation, signup: SignupRecord, by: string): Promise<{ checkedInAt: string }> {
  if (signup.checkedInAt) return { checkedInAt: signup.checkedInAt.toISOString() };
  await volunteerCollection(call, 'signups').updateWhere({ _id: signup._id }, { checkedInAt: call.now, checkedInBy: by });
  return { checkedInAt: call.now.toISOString() };
}

/** A six-digit code is guessable by trying; after this many wrong ones only the organiser can check the volunteer in. */
export const MAX_WRONG_CHECK_IN_CODES = 5;

/** The volunteer scans the activity's QR at the place (or types its code): it must match, inside the window. */
export async function checkIn(input: { activityId: string; code: string }, call: Invocation) {
  const { caller, volunteer } = await requireVolunteer(call);
  const stored: StoredActivity = await loadActivity(call, input.activityId);
  const signup = await findSignup(call, stored.activity.id, volunteer._id);
  await checkActivityAction(call, caller, stored, 'checkIn', { volunteer });
  if ((signup!.wrongCodes ?? 0) >= MAX_WRONG_CHECK_IN_CODES) {
    throw new DomainError('RATE_LIMITED', '签到码输错次数过多，请找活动组织者帮您签到');
  }
  if (input.code.replace(/\s+/g, '') !== stored.checkInCode) {
    await volunteerCollection(call, 'signups').updateWhere({ _id: signup!._id }, { wrongCodes: call.db.command.inc(1) });
    throw new DomainError('INVALID_INPUT', '签到码不正确，请扫描活动现场的二维码', { code: '签到码不正确' });
  }
  return markCheckedIn(call, signup!, volunteer._id);
}

/** The organiser checks in someone on the list (no phone, scanner trouble). */
export async function checkInFor(input: { activityId: string; volunteerId: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const stored = await loadOwnActivity(call, caller, input.activityId);
  const { activity } = stored;
  await checkActivityAction(call, caller, stored, 'checkInFor');
  const signup = await findSignup(call, activity.id, input.volunteerId);
  if (!signup) throw new DomainError('NOT_FOUND', '该志愿者没有报名本次活动');
  return markCheckedIn(call, signup, caller.userId);
}

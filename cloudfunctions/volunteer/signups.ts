import { checkInCodeMatches, MAX_WRONG_CHECK_IN_CODES } from '../../src/domain/check-in/code';
import { DomainError } from '../../src/domain/errors';
import { requireCaller, type Invocation } from '../_lib';
import { claimPlace, finishRelease, markReleasing } from '../_lib/volunteer/places';
import { checkActivityAction, loadActivity, loadOwnActivity } from './activities';
import { signupId, volunteerCollection, type SignupRecord, type StoredActivity } from './records';
import { requireVolunteer } from './scope';

/*
 * 001 L881 以报名先后顺序确定人员, exactly: the activity document is the truth of who holds a place. A
 * place is claimed by ONE conditional update of that one document — `taken < headcount` and the
 * volunteer not among `holders` → `taken + 1`, `holders` + volunteer — which the database applies
 * atomically, so 50 at once for 10 places give exactly 10 with no transaction conflicts to retry. The
 * sign-up document (`<activityId>:<volunteerId>`, what rosters, check-in and awards read) is the
 * idempotent completion: whoever finds the volunteer among the holders without their document inserts
 * it (a retry after a crash, the second of two taps, or the reconciler). A call answers "signed up" only
 * if its insert made the document; the place is never given back by a sign-up, so a double tap holds one place.
 * Cancelling first moves the volunteer from `holders` to `releasing` (the place still counted), then
 * removes the document, then frees the place — so a holder without a document can only be an
 * interrupted sign-up and `releasing` only an interrupted cancel, and the reconciler completes each
 * (cloudfunctions/_lib/volunteer/places.ts, docs/decisions.md).
 */

async function findSignup(call: Invocation, activityId: string, volunteerId: string): Promise<SignupRecord | null> {
  return volunteerCollection(call, 'signups').load(signupId(activityId, volunteerId));
}

async function stateOf(call: Invocation, activityId: string, mine: 'none' | 'signed_up' | 'checked_in') {
  const { activity, taken } = await loadActivity(call, activityId);
  return { activityId, taken, headcount: activity.headcount, mine };
}

/**
 * Claims a place for the volunteer; true also when they held it already (an interrupted sign-up). A
 * cancellation of theirs left unfinished (`releasing`) is finished first: it was asked before this sign-up.
 */
async function claimPlaceFor(call: Invocation, stored: StoredActivity, volunteerId: string): Promise<boolean> {
  const { id, headcount } = stored.activity;
  if (await claimPlace(call.db, id, headcount, volunteerId)) return true;
  const now = await volunteerCollection(call, 'activities').load(id);
  if ((now?.holders ?? []).includes(volunteerId)) return true;
  if (!(now?.releasing ?? []).includes(volunteerId)) return false;
  await finishRelease(call.db, id, volunteerId);
  return claimPlace(call.db, id, headcount, volunteerId);
}

export async function signUp(input: { activityId: string }, call: Invocation) {
  const { caller, volunteer } = await requireVolunteer(call);
  let stored = await loadActivity(call, input.activityId);
  if ((stored.record.releasing ?? []).includes(volunteer._id)) {
    // Their cancellation was asked first and stopped half-way: finish it, then this is a sign-up afresh.
    await finishRelease(call.db, stored.activity.id, volunteer._id);
    stored = await loadActivity(call, input.activityId);
  }
  const { activity } = stored;
  // Who (own community, never the organiser), state and time from the rule table; the headcount is settled by the conditional claim.
  await checkActivityAction(call, caller, stored, 'signUp', { volunteer });
  if (!(await claimPlaceFor(call, stored, volunteer._id))) throw new DomainError('CONFLICT', '名额已满');
  const doc: SignupRecord = { _id: signupId(activity.id, volunteer._id), activityId: activity.id, volunteerId: volunteer._id, communityId: activity.communityId, signedAt: call.now };
  if (!(await volunteerCollection(call, 'signups').insertOnce(doc)).created) throw new DomainError('CONFLICT', '您已报名');
  return stateOf(call, activity.id, 'signed_up');
}

/**
 * Before the start only (the rule check, for a whole sign-up). Out of `holders` into `releasing`, then
 * the document, then the place. A held place without a document (an interrupted sign-up) or a
 * cancellation left unfinished is given back without the rule check: the volunteer is on no roster, or
 * asked already, and releasing it is what was asked.
 */
export async function cancelSignUp(input: { activityId: string }, call: Invocation) {
  const { caller, volunteer } = await requireVolunteer(call);
  const stored = await loadActivity(call, input.activityId);
  const { activity, record } = stored;
  const holding = (record.holders ?? []).includes(volunteer._id);
  const releasing = (record.releasing ?? []).includes(volunteer._id);
  const signup = await findSignup(call, activity.id, volunteer._id);
  if (!holding && !releasing && !signup) throw new DomainError('NOT_FOUND', '没有有效的报名');
  if (signup && !releasing) await checkActivityAction(call, caller, stored, 'cancelSignUp', { volunteer });
  if (holding) await markReleasing(call.db, activity.id, volunteer._id);
  if (holding || releasing) await finishRelease(call.db, activity.id, volunteer._id);
  // A document without a place was written before `holders` existed: its place cannot be told, so only the document goes.
  else await volunteerCollection(call, 'signups').removeWhere({ _id: signupId(activity.id, volunteer._id) });
  return stateOf(call, activity.id, 'none');
}

async function markCheckedIn(call: Invocation, signup: SignupRecord, by: string): Promise<{ checkedInAt: string }> {
  if (signup.checkedInAt) return { checkedInAt: signup.checkedInAt.toISOString() };
  await volunteerCollection(call, 'signups').updateWhere({ _id: signup._id }, { checkedInAt: call.now, checkedInBy: by });
  return { checkedInAt: call.now.toISOString() };
}

/** A six-digit code is guessable by trying; after this many wrong ones only the organiser can check the volunteer in. */
export { MAX_WRONG_CHECK_IN_CODES } from '../../src/domain/check-in/code';

/** The volunteer scans the activity's QR at the place (or types its code): it must match, inside the window. */
export async function checkIn(input: { activityId: string; code: string }, call: Invocation) {
  const { caller, volunteer } = await requireVolunteer(call);
  const stored: StoredActivity = await loadActivity(call, input.activityId);
  const signup = await findSignup(call, stored.activity.id, volunteer._id);
  await checkActivityAction(call, caller, stored, 'checkIn', { volunteer });
  if ((signup!.wrongCodes ?? 0) >= MAX_WRONG_CHECK_IN_CODES) {
    throw new DomainError('RATE_LIMITED', '签到码输错次数过多，请找活动组织者帮您签到');
  }
  if (!checkInCodeMatches(input.code, stored.checkInCode)) {
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

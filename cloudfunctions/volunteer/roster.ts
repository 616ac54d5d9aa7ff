import { activityVerdict } from '../../src/domain/volunteer';
import { pageOptionsOf } from '../../src/domain/paging';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { loadActivityRecord, volunteerCollection } from './records';
import { isOrganiser, isStreetStaff, volunteerNames } from './scope';

/**
 * 报名名单 of one activity for its organisers and street staff (issue 8 item 9): one cursor page in sign-up
 * order (signedAt then id, so a page never skips or repeats someone), how many hold a place and how many
 * have checked in (two counts), and for each staff participant whether the caller may confirm their points.
 */
export async function signups(input: { activityId: string; after?: string; limit?: number }, call: Invocation) {
  const caller = await requireCaller(call);
  const stored = await loadActivityRecord(call, input.activityId);
  const a = stored.activity;
  authorize(isOrganiser(caller.roles, a.streetId, a.communityId) || isStreetStaff(caller.roles, a.streetId));
  const _ = call.db.command;
  const store = volunteerCollection(call, 'signups');
  const [page, total, checkedIn] = await Promise.all([
    store.page({ activityId: a.id }, { orderBy: ['signedAt', 'asc'], ...pageOptionsOf(input) }),
    store.count({ activityId: a.id }),
    store.count({ activityId: a.id, checkedInAt: _.exists(true) }),
  ]);
  const people = await volunteerNames(call, page.items.map((s) => s.volunteerId));
  const confirmable = (volunteerId: string) =>
    activityVerdict('confirmStaffAward', { activity: a, completedBy: stored.record.completedBy }, { userId: caller.userId, roles: caller.roles }, { now: call.now, participantId: volunteerId }).ok;
  return {
    signups: page.items.map((s) => ({
      volunteerId: s.volunteerId, name: people.get(s.volunteerId) ?? '', signedAt: s.signedAt.toISOString(), checkedInAt: s.checkedInAt?.toISOString(), staffAward: s.staffAward,
      canConfirmAward: s.staffAward === 'awaiting_confirmation' && confirmable(s.volunteerId),
    })),
    checkedIn,
    next: page.next,
    total,
  };
}

import { attendanceIdFor, canManageMeeting, managedScopes } from '../../src/domain/meeting';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { attendanceOf, meetingsOf, requireMeeting } from './store';
import { myView, organisedView, summaryView } from './views';

/** What staff and attendees read: the lists (newest first, paged) and one meeting in the caller's role. */

type PageInput = { after?: string; limit?: number };

export async function organised(input: PageInput, call: Invocation) {
  const caller = await requireCaller(call);
  const scopes = managedScopes(caller.roles);
  authorize(scopes.length > 0, '只有社区和街道工作人员可以查看所组织的会议');
  // The widest scope wins: street staff see every meeting of the street, community staff their community's.
  const scope = scopes.find((s) => !s.communityId) ?? scopes[0];
  const where = scope.communityId ? { streetId: scope.streetId, communityId: scope.communityId } : { streetId: scope.streetId };
  const { items, next } = await meetingsOf(call).page(where, { orderBy: ['startAt', 'desc'], after: input.after, limit: input.limit ?? 20 });
  return { meetings: items.map((m) => summaryView(m, call.now)), next };
}

export async function mine(input: PageInput, call: Invocation) {
  const caller = await requireCaller(call);
  const { items, next } = await attendanceOf(call).page({ userId: caller.userId }, { orderBy: ['startAt', 'desc'], after: input.after, limit: input.limit ?? 20 });
  const meetings = await meetingsOf(call).loadMany(items.map((a) => a.meetingId));
  return {
    meetings: items.flatMap((a) => {
      const m = meetings.find((x) => x._id === a.meetingId);
      return m ? [myView(m, a, call.now)] : [];
    }),
    next,
  };
}

export async function meeting(input: { meetingId: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const own = await attendanceOf(call).load(attendanceIdFor(input.meetingId, caller.userId));
  const m = await requireMeeting(call, input.meetingId);
  const manages = canManageMeeting(caller.roles, m);
  authorize(manages || own !== null, '您不在这次会议的参会名单中');
  const attendance = manages ? await attendanceOf(call).all({ meetingId: m._id }, { max: 1000 }) : [];
  return {
    ...(manages ? { organised: organisedView(m, attendance, call.now) } : {}),
    ...(own ? { mine: myView(m, own, call.now) } : {}),
  };
}

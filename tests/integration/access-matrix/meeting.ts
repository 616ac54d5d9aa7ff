import { newRequestId } from '../../support/org-builders';
import { allow, SIGNED_IN, userIdOf, type CallerKey, type FunctionMatrix, type MatrixContext } from './types';

/**
 * `meeting` (issue 14 item 5, src/domain/meeting/access.ts): community staff organise their community's
 * meetings, street staff the street's; an attendee sees, signs in to and asks leave for only the meetings
 * they are invited to, and only for themself; the organising staff (and the street) decide leave.
 */
interface MeetingFixtures {
  /** Community A's Friday meeting starting in ten minutes (sign-in open): 张丽, 李强, 王秀兰 and the 信息协管员 invited. */
  meeting: string;
  /** Another of A's meetings, tomorrow, where 张丽 has asked leave. */
  leaveMeeting: string;
  /** A third, to call off. */
  toCancel: string;
}

const MIN = 60_000;
const INVITED: CallerKey[] = ['officer', 'officerA2', 'chief', 'assistant'];

const aMeeting = (ctx: MatrixContext, startInMin: number, over: Record<string, unknown> = {}) => ({
  requestId: newRequestId('meeting'),
  kind: 'community_dispatch',
  place: '社区二楼会议室',
  startAt: new Date(ctx.now() + startInMin * MIN).toISOString(),
  endAt: new Date(ctx.now() + (startInMin + 60) * MIN).toISOString(),
  attendeeIds: INVITED.map(userIdOf),
  ...over,
});

const codeOf = async (ctx: MatrixContext, meetingId: string) => ((await ctx.db.collection('meetings').doc(meetingId).get()).data[0] as { checkInCode: string }).checkInCode;

export const meetingMatrix: FunctionMatrix<'meeting', MeetingFixtures> = {
  setup: async (ctx) => {
    const meeting = (await ctx.must('staff', 'meeting', 'schedule', aMeeting(ctx, 10))).meeting.meetingId;
    const leaveMeeting = (await ctx.must('staff', 'meeting', 'schedule', aMeeting(ctx, 24 * 60))).meeting.meetingId;
    const toCancel = (await ctx.must('staff', 'meeting', 'schedule', aMeeting(ctx, 48 * 60))).meeting.meetingId;
    await ctx.must('officer', 'meeting', 'requestLeave', { meetingId: leaveMeeting, reason: '入户走访约好了时间' });
    return { meeting, leaveMeeting, toCancel };
  },
  actions: {
    invitees: [
      { variant: 'community meeting', payload: () => ({ kind: 'community_dispatch' }), who: allow('staff', 'staffB'), why: 'community staff, each listing their own community\'s grid workers' },
      { variant: 'street meeting', payload: () => ({ kind: 'street_dispatch' }), who: allow('street'), why: 'street staff call the first-Monday street meeting (002 L27)' },
    ],
    schedule: [
      {
        variant: 'community meeting',
        payload: (_fx, caller, ctx) => aMeeting(ctx, 120, caller === 'staffB' ? { attendeeIds: [userIdOf('officerB1')] } : {}),
        who: allow('staff', 'staffB'),
        why: 'community staff for their own community (staffB invites B\'s officer); the street calls street meetings',
      },
      { variant: 'street meeting', payload: (_fx, _c, ctx) => aMeeting(ctx, 120, { kind: 'street_dispatch', attendeeIds: ['user-officer-a1', 'user-officer-b1'] }), who: allow('street') },
    ],
    organised: { payload: () => ({}), who: allow('staff', 'staffB', 'street'), why: 'the organising levels, each in its own scope' },
    mine: { payload: () => ({}), who: allow(...SIGNED_IN), why: 'one\'s own invitations (none for most): keyed by the caller' },
    meeting: { payload: (fx) => ({ meetingId: fx.meeting }), who: allow('staff', 'street', ...INVITED), why: 'its organisers (community A, the street) and the people invited' },
    signIn: { payload: async (fx, _c, ctx) => ({ meetingId: fx.meeting, code: await codeOf(ctx, fx.meeting) }), who: allow(...INVITED), why: 'only an invited person, for themself, with the code' },
    requestLeave: { payload: (fx) => ({ meetingId: fx.leaveMeeting, reason: '入户走访约好了时间' }), who: allow(...INVITED), why: 'only an invited person, for themself (张丽\'s repeat answers her stored request)' },
    decideLeave: {
      payload: (fx) => ({ meetingId: fx.leaveMeeting, attendeeId: userIdOf('officer'), decision: 'approved' }),
      who: allow('staff', 'street'),
      why: 'the organising community\'s staff or the street; the same decision again answers the first',
    },
    cancel: { payload: (fx) => ({ meetingId: fx.toCancel, reason: '与区里会议冲突' }), who: allow('staff', 'street'), why: 'the organising community\'s staff or the street (a repeat answers cancelled)' },
  },
};

import * as z from 'zod';
import { ATTENDANCE_STATUSES, LEAVE_DECISIONS } from './attendance';
import { MAX_ATTENDEES, MAX_MEETING_HOURS, MEETING_KINDS } from './kinds';

/**
 * Contract of the `meeting` function (issue 14 item 5). Outputs are allow-lists; times travel as ISO
 * strings. The attendee is always the caller (platform identity): nobody signs in or asks leave for another.
 */
const id = z.string().min(1).max(120);
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确').describe('请求编号');
const wireDate = (what: string) => z.union([z.date(), z.iso.datetime({ offset: true, error: `${what}格式不正确` })]).transform((v) => new Date(v));
const page = { after: z.string().min(1).max(400).optional().describe('翻页位置'), limit: z.number().int().min(1).max(100).optional().describe('每页条数') };

export const scheduleMeetingInputSchema = z
  .object({
    requestId,
    kind: z.enum(MEETING_KINDS, { error: '请选择会议类型' }).describe('会议类型'),
    title: z.string().trim().max(40, '会议名称最多 40 字').optional().describe('会议名称'),
    place: z.string().trim().min(1, '请填写会议地点').max(60, '会议地点最多 60 字').describe('会议地点'),
    startAt: wireDate('开始时间').describe('开始时间'),
    endAt: wireDate('结束时间').describe('结束时间'),
    attendeeIds: z.array(id).min(1, '请至少选择 1 位参会人').max(MAX_ATTENDEES, `参会人最多 ${MAX_ATTENDEES} 位`).describe('参会人'),
    note: z.string().trim().max(300, '会议说明最多 300 字').default('').describe('会议说明'),
  })
  .strict()
  .superRefine((v, ctx) => {
    const minutes = (v.endAt.getTime() - v.startAt.getTime()) / 60_000;
    if (minutes <= 0) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间须晚于开始时间' });
    else if (minutes > MAX_MEETING_HOURS * 60) ctx.addIssue({ code: 'custom', path: ['endAt'], message: `会议最长 ${MAX_MEETING_HOURS} 小时，请检查结束时间` });
    if (new Set(v.attendeeIds).size !== v.attendeeIds.length) ctx.addIssue({ code: 'custom', path: ['attendeeIds'], message: '参会人有重复' });
  });

const meetingBase = {
  meetingId: z.string(),
  kind: z.enum(MEETING_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  place: z.string(),
  note: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  organiserName: z.string(),
  communityId: z.string().optional(),
  cancelled: z.boolean(),
  /** Sign-in window, for the "签到 opens at …" text. */
  signInOpensAt: z.string(),
  signInClosesAt: z.string(),
  /** Over by the server's clock (the phone's may be wrong). */
  ended: z.boolean(),
};

const leaveView = z.object({ reason: z.string(), requestedAt: z.string(), decision: z.enum(LEAVE_DECISIONS).optional(), decidedAt: z.string().optional(), note: z.string().optional() });

export const attendeeViewSchema = z.object({
  userId: z.string(),
  name: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  statusLabel: z.string(),
  signedInAt: z.string().optional(),
  leave: leaveView.optional(),
});
export type AttendeeView = z.infer<typeof attendeeViewSchema>;

/** A meeting as its organising staff see it: the code and everyone's attendance. */
export const organisedMeetingViewSchema = z.object({
  ...meetingBase,
  checkInCode: z.string(),
  attendees: z.array(attendeeViewSchema),
  counts: z.object({ invited: z.number(), present: z.number(), leavePending: z.number(), onLeave: z.number(), absent: z.number(), expected: z.number() }),
});
export type OrganisedMeetingView = z.infer<typeof organisedMeetingViewSchema>;

/** A meeting as an attendee sees it: their own attendance, never the code or the others'. */
export const myMeetingViewSchema = z.object({ ...meetingBase, mine: attendeeViewSchema });
export type MyMeetingView = z.infer<typeof myMeetingViewSchema>;

export const meetingSummarySchema = z.object({ ...meetingBase, attendeeCount: z.number() });
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingApi = {
  /** The people a staff member may invite to a meeting of this kind (grid work in their community, or the street). */
  invitees: {
    input: z.object({ kind: z.enum(MEETING_KINDS, { error: '请选择会议类型' }).describe('会议类型') }).strict(),
    output: z.object({
      people: z.array(z.object({ userId: z.string(), name: z.string(), roles: z.string(), communityId: z.string().optional() })),
      /** When such a meeting usually is, from the server's clock: the form's default (China date and times). */
      suggested: z.object({ date: z.string(), start: z.string(), end: z.string() }),
    }),
  },
  /** Community staff (their community's meetings) and street staff (the street's): schedule a meeting. Same requestId → the same meeting. */
  schedule: { input: scheduleMeetingInputSchema, output: z.object({ meeting: organisedMeetingViewSchema, created: z.boolean() }) },
  /** The meetings the caller's scope organises, newest first. */
  organised: { input: z.object({ ...page }).strict(), output: z.object({ meetings: z.array(meetingSummarySchema), next: z.string().nullable() }) },
  /** The meetings the caller is invited to, newest first, each with their own attendance. */
  mine: { input: z.object({ ...page }).strict(), output: z.object({ meetings: z.array(myMeetingViewSchema), next: z.string().nullable() }) },
  /** One meeting: the organising staff get `organised`, an attendee gets `mine`; anyone else is refused. */
  meeting: {
    input: z.object({ meetingId: id.describe('会议') }).strict(),
    output: z.object({ organised: organisedMeetingViewSchema.optional(), mine: myMeetingViewSchema.optional() }),
  },
  /** The attendee signs themself in with the meeting's 6-digit code (typed, or read from its QR). */
  signIn: {
    input: z.object({ meetingId: id.describe('会议'), code: z.string().trim().min(1, '请输入签到码').max(20, '签到码应为6位数字').describe('签到码') }).strict(),
    output: z.object({ signedInAt: z.string() }),
  },
  /** The attendee asks the organiser for leave, with a reason. */
  requestLeave: {
    input: z.object({ meetingId: id.describe('会议'), reason: z.string().trim().min(2, '请写明请假理由').max(200, '请假理由最多 200 字').describe('请假理由') }).strict(),
    output: z.object({ mine: attendeeViewSchema }),
  },
  /** The organising staff approve or refuse a leave request. */
  decideLeave: {
    input: z
      .object({
        meetingId: id.describe('会议'),
        attendeeId: id.describe('参会人'),
        decision: z.enum(LEAVE_DECISIONS, { error: '请选择准假或不准假' }).describe('审批结果'),
        note: z.string().trim().max(100, '审批意见最多 100 字').optional().describe('审批意见'),
      })
      .strict(),
    output: z.object({ attendee: attendeeViewSchema }),
  },
  /** The organising staff call a meeting off (before it ends): nobody is held to it any more. */
  cancel: {
    input: z.object({ meetingId: id.describe('会议'), reason: z.string().trim().min(2, '请写明取消原因').max(100, '取消原因最多 100 字').describe('取消原因') }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;

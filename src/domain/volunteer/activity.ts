import * as z from 'zod';
import { checkInOpeningOf } from '../check-in/code';
import { DomainError } from '../errors';
import { ledgerEntrySchema, type LedgerEntryOf } from './ledger-entry';
import { chinaYear } from './period';
import type { PointsRule } from './rules';
import { ALLOWED, refuse, type Verdict } from './verdict';

export const ACTIVITY_STATES = ['draft', 'published', 'cancelled', 'completed'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

/** 001 L877: for 其他 the community proposes the points and the street's leading group agrees. */
export const streetApprovalSchema = z.object({ points: z.number().int().positive(), by: z.string().min(1), at: z.date() });

/** 001 L881: 活动资料、预计积分数和所需人数 are published before each activity. */
export const activitySchema = z
  .object({
    id: z.string().min(1),
    title: z.string().trim().min(1).max(50),
    content: z.string().trim().min(1).max(2000),
    ruleId: z.string().min(1),
    expectedPoints: z.number().int().positive(),
    headcount: z.number().int().positive().max(1000),
    startAt: z.date(),
    endAt: z.date(),
    place: z.string().trim().min(1).max(100),
    communityId: z.string().min(1),
    streetId: z.string().min(1),
    state: z.enum(ACTIVITY_STATES),
    streetApproval: streetApprovalSchema.optional(),
  })
  .refine((a) => a.endAt.getTime() > a.startAt.getTime(), { message: '结束时间须晚于开始时间', path: ['endAt'] });
export type Activity = z.infer<typeof activitySchema>;

export const signUpSchema = z.object({
  activityId: z.string().min(1),
  volunteerId: z.string().min(1),
  signedAt: z.date(),
  cancelledAt: z.date().optional(),
});
export type SignUp = z.infer<typeof signUpSchema>;

/** PRODUCT.md §8 example ("30 min before start to end"); no source number, so each street may change it. */
export const checkInWindowSchema = z.object({
  opensMinutesBeforeStart: z.number().int().nonnegative().default(30),
  closesMinutesAfterEnd: z.number().int().nonnegative().default(0),
});
export type CheckInWindow = z.infer<typeof checkInWindowSchema>;
export const DEFAULT_CHECK_IN_WINDOW: CheckInWindow = checkInWindowSchema.parse({});

const isBefore = (a: Date, b: Date) => a.getTime() < b.getTime();

/** The activity's points must be the rule's, or for a variable rule the street's approved number. */
export function checkActivityPoints(activity: Activity, rules: readonly PointsRule[]): Verdict {
  const rule = rules.find((r) => r.id === activity.ruleId);
  if (!rule) return refuse('NOT_FOUND', '积分规则不存在');
  if (!rule.active) return refuse('CONFLICT', '该积分规则已停用');
  if (rule.requiresConfirmedCase) return refuse('CONFLICT', '线索按事件确认属实后计分,不作为活动发布');
  if (rule.points !== null) return activity.expectedPoints === rule.points ? ALLOWED : refuse('INVALID_INPUT', `该类活动每次计${rule.points}分`);
  const approval = activity.streetApproval;
  if (!approval) return refuse('CONFLICT', '该活动分值须经街道同意后方可发布');
  return approval.points === activity.expectedPoints ? ALLOWED : refuse('INVALID_INPUT', '预计积分与街道同意的分值不一致');
}

export function canPublish(activity: Activity, rules: readonly PointsRule[], now: Date): Verdict {
  if (activity.state !== 'draft') return refuse('CONFLICT', '只能发布草稿活动');
  if (!isBefore(now, activity.startAt)) return refuse('CONFLICT', '活动开始时间已过');
  return checkActivityPoints(activity, rules);
}

const activeSignUps = (activity: Activity, signups: readonly SignUp[]) =>
  signups.filter((s) => s.activityId === activity.id && s.cancelledAt === undefined);

/**
 * 001 L881 以报名先后顺序确定人员: the first `headcount` live sign-ups by time (then id, so two writes in the
 * same millisecond still settle the same way). Anyone after them is over the headcount.
 */
export function acceptedSignUps(activity: Activity, signups: readonly SignUp[]): SignUp[] {
  return activeSignUps(activity, signups)
    .sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime() || (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0))
    .slice(0, activity.headcount);
}

export function canSignUp(activity: Activity, signups: readonly SignUp[], volunteerId: string, now: Date): Verdict {
  if (activity.state !== 'published') return refuse('CONFLICT', '活动未开放报名');
  if (!isBefore(now, activity.startAt)) return refuse('CONFLICT', '活动已开始,报名已截止');
  const live = activeSignUps(activity, signups);
  if (live.some((s) => s.volunteerId === volunteerId)) return refuse('CONFLICT', '您已报名');
  if (live.length >= activity.headcount) return refuse('CONFLICT', '名额已满');
  return ALLOWED;
}

export function canCancel(activity: Activity, signup: SignUp, now: Date): Verdict {
  if (signup.activityId !== activity.id || signup.cancelledAt !== undefined) return refuse('NOT_FOUND', '没有有效的报名');
  if (!isBefore(now, activity.startAt)) return refuse('CONFLICT', '活动已开始,不能取消报名');
  return ALLOWED;
}

export function checkInOpening(activity: Activity, window: CheckInWindow = DEFAULT_CHECK_IN_WINDOW): { opensAt: Date; closesAt: Date } {
  return checkInOpeningOf(activity, window);
}

/** Scanning the activity code: only an accepted sign-up, only inside the window (closing instant excluded). */
export function canCheckIn(activity: Activity, signups: readonly SignUp[], volunteerId: string, now: Date, window: CheckInWindow = DEFAULT_CHECK_IN_WINDOW): Verdict {
  if (activity.state !== 'published') return refuse('CONFLICT', '活动不在进行中');
  if (!acceptedSignUps(activity, signups).some((s) => s.volunteerId === volunteerId)) return refuse('FORBIDDEN', '您不在本次活动名单中');
  const { opensAt, closesAt } = checkInOpening(activity, window);
  if (isBefore(now, opensAt)) return refuse('CONFLICT', '签到尚未开始');
  if (!isBefore(now, closesAt)) return refuse('CONFLICT', '签到已结束');
  return ALLOWED;
}

/**
 * 001 L883 积分登记: one award per attendee once the organiser has marked the activity completed. It pays the
 * points published with the activity (checked against the rules by `canPublish`), so a later rule change
 * never alters what volunteers were promised. Ids are derived, so recording twice is a CONFLICT, not a double pay.
 */
export function completionAwards(activity: Activity, attendedVolunteerIds: readonly string[], by: string, at: Date): LedgerEntryOf<'award'>[] {
  if (activity.state !== 'completed') throw new DomainError('CONFLICT', '活动确认完成后才能登记积分');
  if (isBefore(at, activity.startAt)) throw new DomainError('INVALID_INPUT', '登记时间早于活动开始');
  return [...new Set(attendedVolunteerIds)].map(
    (volunteerId) =>
      ledgerEntrySchema.parse({
        id: `award:activity:${activity.id}:${volunteerId}`,
        kind: 'award',
        volunteerId,
        communityId: activity.communityId,
        streetId: activity.streetId,
        year: chinaYear(at),
        points: activity.expectedPoints,
        ruleId: activity.ruleId,
        source: { activityId: activity.id },
        by,
        at,
      }) as LedgerEntryOf<'award'>,
  );
}

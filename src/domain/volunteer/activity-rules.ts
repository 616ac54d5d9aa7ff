import { canManageCommunity, canManageStreet } from '../access';
import type { Role, RoleGrant } from '../user';
import { canCancel, canCheckIn, canPublish, canSignUp, type Activity, type ActivityState } from './activity';
import type { PointsRule } from './rules';
import { ALLOWED, refuse, type Verdict } from './verdict';

/**
 * The activity workflow in one table (issue 10 item 4), like the case's ACTION_RULES:
 * `state × action → who, precondition`. The function checks every action with `activityVerdict`, and the
 * pages show a button only for the actions the server lists for the caller (`allowedActivityActions`), so
 * no page compares state strings.
 */
export const ACTIVITY_ACTIONS = [
  'edit',
  'approvePoints',
  'publish',
  'cancel',
  'signUp',
  'cancelSignUp',
  'checkIn',
  'checkInFor',
  'complete',
  'confirmStaffAward',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

/** Who is looking or acting, with what the server knows of them for this activity. */
export interface ActivityActor {
  userId: string;
  roles: readonly RoleGrant[];
  /** The community of the actor's volunteer profile, if they have one. */
  volunteerCommunityId?: string;
  /** The actor's own sign-up for this activity. */
  signup?: { signedAt: Date; checkedIn: boolean };
}

/** The stored facts a rule may need beyond the domain activity. */
export interface ActivityFacts {
  activity: Activity;
  /** Who marked it completed (never the one who confirms a staff participant's points). */
  completedBy?: string;
}

export interface ActivityContext {
  now: Date;
  rules?: readonly PointsRule[];
  /** For confirmStaffAward: the participant whose points wait for confirmation. */
  participantId?: string;
}

type Who = (facts: ActivityFacts, actor: ActivityActor, ctx: ActivityContext) => boolean;
type Precondition = (facts: ActivityFacts, actor: ActivityActor, ctx: ActivityContext) => Verdict;

export interface ActivityActionRule {
  /** States the action is valid in; anything else is CONFLICT with `wrongState`. */
  from: readonly ActivityState[];
  wrongState: string;
  who: Who;
  /** Shown when `who` refuses (FORBIDDEN). */
  forbidden: string;
  precondition?: Precondition;
}

/** Staff roles: people paid to run the grid. Their own points need a second staff member (issue 10 item 4). */
export const STAFF_ROLES: readonly Role[] = ['grid_officer', 'grid_chief', 'community_staff', 'street_staff', 'admin'];
export const isStaff = (roles: readonly RoleGrant[]): boolean => roles.some((g) => STAFF_ROLES.includes(g.role));

/** Community staff of the activity's community, or the street's administrator. */
export const organises: Who = ({ activity: a }, actor) => canManageCommunity(actor.roles, a.streetId, a.communityId);
const streetStaff: Who = ({ activity: a }, actor) => canManageStreet(actor.roles, a.streetId) || actor.roles.some((g) => g.role === 'street_staff' && g.streetId === a.streetId);
/** A volunteer of the activity's community who does not organise it: organisers never sign up for their own activity. */
const participant: Who = (facts, actor, ctx) => facts.activity.communityId === actor.volunteerCommunityId && !organises(facts, actor, ctx);
const signedUp: Who = (facts, actor, ctx) => participant(facts, actor, ctx) && actor.signup !== undefined;
/** Another staff member: oversees the activity, and is neither the participant nor who completed it. */
const anotherStaffMember: Who = (facts, actor, ctx) =>
  (organises(facts, actor, ctx) || streetStaff(facts, actor, ctx)) && actor.userId !== ctx.participantId && actor.userId !== facts.completedBy;

const LIVE: readonly ActivityState[] = ['draft', 'published'];
const before = (a: Date, b: Date) => a.getTime() < b.getTime();

export const ACTIVITY_RULES: Record<ActivityAction, ActivityActionRule> = {
  edit: { from: ['draft'], wrongState: '只能修改草稿活动', who: organises, forbidden: '只有本社区工作人员可以修改活动' },
  approvePoints: { from: ['draft'], wrongState: '只能审批草稿活动的分值', who: streetStaff, forbidden: '只有街道工作人员可以审批分值' },
  publish: {
    from: ['draft'], wrongState: '只能发布草稿活动', who: organises, forbidden: '只有本社区工作人员可以发布活动',
    precondition: ({ activity }, _actor, ctx) => canPublish(activity, ctx.rules ?? [], ctx.now),
  },
  cancel: { from: LIVE, wrongState: '活动已完成或已取消', who: organises, forbidden: '只有本社区工作人员可以取消活动' },
  signUp: {
    from: ['published'], wrongState: '活动未开放报名', who: participant, forbidden: '只能报名本社区的活动,组织者不能报名自己组织的活动',
    // The headcount is settled by the conditional claim at the edge (first come, first served, 001 L881).
    precondition: ({ activity }, actor, ctx) => (actor.signup ? refuse('CONFLICT', '您已报名') : canSignUp({ ...activity, headcount: Number.MAX_SAFE_INTEGER }, [], actor.userId, ctx.now)),
  },
  cancelSignUp: {
    from: ['published'], wrongState: '活动不在报名中', who: signedUp, forbidden: '您没有报名本次活动',
    precondition: ({ activity }, actor, ctx) => {
      if (actor.signup?.checkedIn) return refuse('CONFLICT', '已签到,不能取消报名');
      return canCancel(activity, { activityId: activity.id, volunteerId: actor.userId, signedAt: actor.signup!.signedAt }, ctx.now);
    },
  },
  checkIn: {
    from: ['published'], wrongState: '活动不在进行中', who: signedUp, forbidden: '您不在本次活动名单中',
    precondition: ({ activity }, actor, ctx) =>
      canCheckIn({ ...activity, headcount: Number.MAX_SAFE_INTEGER }, [{ activityId: activity.id, volunteerId: actor.userId, signedAt: actor.signup!.signedAt }], actor.userId, ctx.now),
  },
  checkInFor: { from: ['published'], wrongState: '活动不在进行中', who: organises, forbidden: '只有本社区工作人员可以代为签到' },
  complete: {
    // A retry of a completion re-applies the stored attendance (idempotent), so `completed` is allowed too.
    from: ['published', 'completed'], wrongState: '只能确认已发布活动的完成', who: organises, forbidden: '只有本社区工作人员可以确认活动完成',
    precondition: ({ activity }, _actor, ctx) => (before(ctx.now, activity.startAt) ? refuse('CONFLICT', '活动尚未开始,不能确认完成') : ALLOWED),
  },
  confirmStaffAward: {
    from: ['completed'], wrongState: '活动确认完成后才能确认积分', who: anotherStaffMember,
    forbidden: '工作人员参加活动的积分须由另一名工作人员确认(不能是本人,也不能是确认活动完成的人)',
  },
};

/** FORBIDDEN if the actor may not, CONFLICT if the state or the precondition says no. */
export function activityVerdict(action: ActivityAction, facts: ActivityFacts, actor: ActivityActor, ctx: ActivityContext): Verdict {
  const rule = ACTIVITY_RULES[action];
  if (!rule.who(facts, actor, ctx)) return refuse('FORBIDDEN', rule.forbidden);
  if (!rule.from.includes(facts.activity.state)) return refuse('CONFLICT', rule.wrongState);
  return rule.precondition?.(facts, actor, ctx) ?? ALLOWED;
}

/**
 * The actions the actor may take now, for the pages. `confirmStaffAward` depends on a participant and is
 * offered per row by the server instead.
 */
export function allowedActivityActions(facts: ActivityFacts, actor: ActivityActor, ctx: ActivityContext): ActivityAction[] {
  return ACTIVITY_ACTIONS.filter((action) => action !== 'confirmStaffAward' && activityVerdict(action, facts, actor, ctx).ok);
}

/** Labels for the pages: one table, so a new state cannot go unlabelled. */
export const ACTIVITY_STATE_LABELS: Record<ActivityState, string> = {
  draft: '草稿(未发布)',
  published: '报名中',
  cancelled: '已取消',
  completed: '已完成',
};

/** States grouped by what they mean to a page (fixmystreet's habit): pages ask these, never compare strings. */
export const ACTIVITY_STATE_GROUP: Record<ActivityState, 'preparing' | 'open' | 'over' | 'cancelled'> = {
  draft: 'preparing',
  published: 'open',
  completed: 'over',
  cancelled: 'cancelled',
};
type HasActivityState = { state: ActivityState };
export const isDraftActivity = (a: HasActivityState): boolean => ACTIVITY_STATE_GROUP[a.state] === 'preparing';
export const isOpenActivity = (a: HasActivityState): boolean => ACTIVITY_STATE_GROUP[a.state] === 'open';
export const isCompletedActivity = (a: HasActivityState): boolean => ACTIVITY_STATE_GROUP[a.state] === 'over';
export const isCancelledActivity = (a: HasActivityState): boolean => ACTIVITY_STATE_GROUP[a.state] === 'cancelled';

/** The state half of a rule, for showing a section whose buttons the server may still refuse with a reason. */
export const stateAllows = (action: ActivityAction, a: HasActivityState): boolean => ACTIVITY_RULES[action].from.includes(a.state);

import { anActivity, aStoredCase, newRequestId, withVolunteerProfile } from '../../support/volunteer-builders';
import { allow, refuse, SIGNED_IN, userIdOf, versionOf, type CallerKey, type FunctionMatrix, type MatrixContext } from './types';

interface VolunteerFixtures {
  /** Drafts of community A: one to publish, one to cancel, one 其他 activity whose points the street approves. */
  draft: string;
  draftToCancel: string;
  adhoc: string;
  /** Published, starting tomorrow: open for sign-up; `withSignups` has 黄志明 and 张丽 on its list. */
  open: string;
  withSignups: string;
  /** Published, started ten minutes ago, 黄志明 on its list: check-in and completion. */
  running: string;
  /** Completed by the staff of A with 黄志明 and 张丽 (staff, awaiting another staff member's confirmation). */
  completed: string;
  /** 黄志明's award for `completed`: what a correction reverses. */
  awardEntryId: string;
  /** A one-point gift of A, and 黄志明's redemption of it waiting for pickup. */
  gift: string;
  redemption: { id: string; pickupCode: string };
  /** A verified 治安 case of grid A1 reported by 黄志明, handled by 张丽: a lead to confirm. */
  leadCase: string;
}

const HOUR = 3600_000;
const A = 'community-a';
const YEAR = 2026;

/**
 * Who besides the seeded 黄志明 has a volunteer profile (so the rules about profiles can bite): 张丽
 * (officer of A1, staff who may take part), 刘建国 (community A staff: organiser, never a participant of
 * A's activities) and 孙伟 (officer of B1, a volunteer of community B). The rest have none, and a step
 * that needs one answers CONFLICT ("请先填写志愿者资料": anyone may fill it in, so it is a step, not a right).
 */
const WITH_PROFILE: Array<[CallerKey, string]> = [['officer', A], ['staff', A], ['officerB1', 'community-b']];
const NO_PROFILE: CallerKey[] = ['resident', 'residentB1', 'officerA2', 'assistant', 'chief', 'staffB', 'street', 'admin'];

async function published(ctx: MatrixContext, over: Record<string, unknown> = {}): Promise<string> {
  const saved = await ctx.must('staff', 'volunteer', 'saveActivity', anActivity(ctx.now(), over));
  await ctx.must('staff', 'volunteer', 'publishActivity', { activityId: saved.id, expectedVersion: saved.version });
  return saved.id;
}

const startsSoon = (now: number) => ({ startAt: new Date(now + 10 * 60_000).toISOString(), endAt: new Date(now + 2 * HOUR).toISOString() });

/**
 * `volunteer` (PRODUCT.md §8, issue 10 item 4): the activity rule table (src/domain/volunteer/activity-rules.ts)
 * decides who acts on an activity; organisers are the community's staff and the street admin; street
 * staff approve 其他 points and oversee; volunteers see and join their own community's activities.
 */
export const volunteerMatrix: FunctionMatrix<'volunteer', VolunteerFixtures> = {
  setup: async (ctx) => {
    for (const [caller, communityId] of WITH_PROFILE) await withVolunteerProfile(ctx.db, userIdOf(caller), communityId);
    const draft = (await ctx.must('staff', 'volunteer', 'saveActivity', anActivity(ctx.now()))).id;
    const draftToCancel = (await ctx.must('staff', 'volunteer', 'saveActivity', anActivity(ctx.now(), { title: '待取消的活动' }))).id;
    const adhoc = (await ctx.must('staff', 'volunteer', 'saveActivity', anActivity(ctx.now(), { ruleId: 'other.adhoc', expectedPoints: 3 }))).id;
    const open = await published(ctx);
    const withSignups = await published(ctx, { title: '已有报名的活动' });
    const running = await published(ctx, { title: '进行中的活动', ...startsSoon(ctx.now()) });
    const completed = await published(ctx, { title: '已完成的活动', ...startsSoon(ctx.now()) });
    for (const activityId of [withSignups, running, completed]) await ctx.must('volunteer', 'volunteer', 'signUp', { activityId });
    for (const activityId of [withSignups, completed]) await ctx.must('officer', 'volunteer', 'signUp', { activityId });
    await ctx.advanceClock(20 * 60_000);
    const done = await ctx.must('staff', 'volunteer', 'complete', { activityId: completed, attendedVolunteerIds: ['user-volunteer-1', 'user-officer-a1'] });
    const gift = (await ctx.must('staff', 'volunteer', 'saveGift', { requestId: newRequestId('gift'), communityId: A, name: '肥皂一块', pointsCost: 1, stock: 50 })).id;
    const redeemed = await ctx.must('volunteer', 'volunteer', 'redeem', { giftId: gift, requestId: newRequestId('redeem') });
    const leadCase = await aStoredCase(ctx.db, 'case-matrix-lead');
    return { draft, draftToCancel, adhoc, open, withSignups, running, completed, awardEntryId: done.entryIds[0], gift, redemption: { id: redeemed.redemptionId, pickupCode: redeemed.pickupCode }, leadCase };
  },
  actions: {
    profile: { payload: () => ({}), who: allow(...SIGNED_IN), why: 'one\'s own profile' },
    saveProfile: {
      payload: async (_fx, caller, ctx) => {
        const mine = (await ctx.db.collection('volunteers').doc(userIdOf(caller)).get()).data[0] as { version: number } | undefined;
        return { name: '志愿者', phone: '13600000009', communityId: A, ...(mine ? { expectedVersion: mine.version } : {}) };
      },
      who: allow(...SIGNED_IN),
      why: 'any registered user may become a volunteer of their street (their own record, keyed by their id)',
    },
    setFlags: {
      payload: async (_fx, _c, ctx) => ({ volunteerId: 'user-volunteer-1', expectedVersion: await versionOf(ctx, 'volunteers', 'user-volunteer-1'), flags: { buildingHead: true, unitHead: false, infoAssistant: false } }),
      who: allow('staff', 'admin'),
    },
    volunteers: { payload: () => ({ communityId: A }), who: allow('staff', 'street', 'admin') },
    rules: { payload: () => ({}), who: allow(...SIGNED_IN), why: 'the points table is public to the street' },
    saveRules: {
      payload: async (_fx, _c, ctx) => ({ expectedVersion: (await ctx.must('admin', 'volunteer', 'rules', {})).version, overrides: [], added: [] }),
      who: allow('admin'),
    },
    activities: { payload: () => ({ communityId: A }), who: allow(...SIGNED_IN), why: 'filtered: volunteers their community\'s published ones, organisers theirs, street staff all' },
    activity: { payload: (fx) => ({ activityId: fx.open }), who: allow('volunteer', 'officer', 'staff', 'street', 'admin'), why: 'a volunteer of A (profile), its organisers, street staff' },
    signups: { payload: (fx) => ({ activityId: fx.withSignups, limit: 10 }), who: allow('staff', 'street', 'admin'), why: '报名名单 only to its organisers and street staff; a volunteer of A or community B staff are refused' },
    saveActivity: { payload: (_fx, caller, ctx) => anActivity(ctx.now(), { title: `${caller}的活动` }), who: allow('staff', 'admin') },
    approvePoints: {
      payload: async (fx, _c, ctx) => ({ activityId: fx.adhoc, expectedVersion: await versionOf(ctx, 'activities', fx.adhoc), points: 3 }),
      who: allow('street', 'admin'),
      why: '001 L877: the street agrees the points of a 其他 activity',
    },
    publishActivity: {
      payload: async (fx, _c, ctx) => ({ activityId: fx.draft, expectedVersion: await versionOf(ctx, 'activities', fx.draft) }),
      who: allow('staff', 'admin'),
      allowedErrors: { codes: ['CONFLICT'], why: 'once the staff published it, the admin finds it no longer a draft' },
    },
    cancelActivity: {
      payload: async (fx, _c, ctx) => ({ activityId: fx.draftToCancel, expectedVersion: await versionOf(ctx, 'activities', fx.draftToCancel), reason: '天气原因' }),
      who: allow('staff', 'admin'),
      allowedErrors: { codes: ['CONFLICT'], why: 'once the staff cancelled it, the admin finds it cancelled' },
    },
    signUp: {
      payload: (fx) => ({ activityId: fx.open }),
      who: refuse(allow('volunteer', 'officer'), 'CONFLICT', ...NO_PROFILE),
      why: 'a volunteer of the activity\'s community; never its organiser (刘建国) nor one of another community (孙伟)',
    },
    cancelSignUp: {
      payload: (fx) => ({ activityId: fx.withSignups }),
      who: refuse(refuse(allow('volunteer', 'officer'), 'CONFLICT', ...NO_PROFILE), 'NOT_FOUND', 'staff', 'officerB1'),
      why: 'one\'s own sign-up only (keyed by the caller\'s id)',
    },
    checkIn: {
      payload: async (fx, _c, ctx) => ({ activityId: fx.running, code: ((await ctx.db.collection('activities').doc(fx.running).get()).data[0] as { checkInCode: string }).checkInCode }),
      who: refuse(allow('volunteer'), 'CONFLICT', ...NO_PROFILE),
      why: 'only someone on the list, with the code shown at the place',
    },
    checkInFor: { payload: (fx) => ({ activityId: fx.running, volunteerId: 'user-volunteer-1' }), who: allow('staff', 'admin') },
    complete: {
      payload: (fx) => ({ activityId: fx.running, attendedVolunteerIds: ['user-volunteer-1'] }),
      who: allow('staff', 'admin'),
      why: 'a repeated completion re-applies the stored attendance (idempotent), so the admin\'s is ok too',
    },
    confirmStaffAward: {
      payload: (fx) => ({ activityId: fx.completed, volunteerId: 'user-officer-a1' }),
      who: allow('street', 'admin'),
      allowedErrors: { codes: ['CONFLICT'], why: 'confirmed once by the street staff, the admin finds it confirmed' },
      why: 'issue 10 item 4: another staff member — not the participant (张丽), not who completed it (刘建国)',
    },
    leadStatus: { payload: (fx) => ({ caseId: fx.leadCase }), who: allow('staff', 'admin') },
    confirmLead: {
      payload: (fx) => ({ caseId: fx.leadCase, volunteerId: 'user-volunteer-1', note: '' }),
      who: allow('staff', 'admin'),
      why: 'staff of the case\'s community who neither reported nor handled it (issue 10 item 4); the second confirmation is the same award (created: false)',
    },
    ledger: { payload: () => ({ volunteerId: 'user-volunteer-1', year: YEAR }), who: allow('volunteer', 'staff', 'street', 'admin'), why: 'one\'s own, or overseers of the volunteer\'s community' },
    correct: {
      payload: (fx) => ({ entryId: fx.awardEntryId, reason: '活动人数统计有误' }),
      who: allow('staff', 'admin'),
      allowedErrors: { codes: ['CONFLICT'], why: 'an award is reversed once: the admin finds it reversed' },
    },
    myPoints: { payload: () => ({}), who: allow(...SIGNED_IN), why: 'one\'s own account' },
    ranking: { payload: () => ({ scope: 'community', year: YEAR, communityId: A }), who: allow('volunteer', 'officer', 'staff', 'street', 'admin'), why: 'volunteers of the community and its overseers' },
    publication: { payload: () => ({ communityId: A }), who: allow('volunteer', 'officer', 'staff', 'street', 'admin'), why: '公示: volunteers of the community and its overseers' },
    quarterly: { payload: () => ({ year: YEAR, quarter: 4 }), who: allow('street', 'admin') },
    top: { payload: () => ({ year: YEAR }), who: allow(...SIGNED_IN), why: 'the street\'s top volunteers (health-check list) is published to the street' },
    gifts: { payload: () => ({ communityId: A }), who: allow('volunteer', 'officer', 'staff', 'street', 'admin') },
    saveGift: { payload: () => ({ requestId: newRequestId('gift'), communityId: A, name: '毛巾一条', pointsCost: 5, stock: 10 }), who: allow('staff', 'admin') },
    redeem: {
      payload: (fx) => ({ giftId: fx.gift, requestId: newRequestId('redeem') }),
      who: refuse(allow('volunteer', 'officer', 'staff'), 'CONFLICT', ...NO_PROFILE),
      allowedErrors: { codes: ['CONFLICT'], why: '本年度积分不足: 张丽\'s points wait for confirmation, 刘建国 earned none' },
      why: 'a volunteer of the gift\'s community, with this year\'s points',
    },
    redemptions: { payload: () => ({ communityId: A }), who: allow('staff', 'street', 'admin') },
    markPickedUp: {
      payload: (fx) => ({ redemptionId: fx.redemption.id, pickupCode: fx.redemption.pickupCode }),
      who: allow('staff', 'admin'),
      allowedErrors: { codes: ['CONFLICT'], why: 'handed over once: the admin finds it picked up' },
    },
    export: { payload: () => ({ kind: 'ledger', communityId: A, year: YEAR }), who: allow('staff', 'street', 'admin') },
  },
};

import * as z from 'zod';
import { phoneSchema } from '../org/phone';
import { cursorPageInput, cursorPageOutput } from '../paging';
import { ACTIVITY_STATES } from './activity';
import { ACTIVITY_ACTIONS } from './activity-rules';
import { leadCategoriesOverrideSchema } from './lead-rule';
import { STAFF_AWARD_STATES } from './records';
import { POINTS_CATEGORIES, pointsRuleOverrideSchema, pointsRuleSchema } from './rules';

/**
 * Contract of the `volunteer` function (PRODUCT.md §8, issue 5). Outputs are allow-lists: a stored field
 * reaches a client only if named here. Dates travel as ISO strings (JSON has no Date). The volunteer is
 * always the caller (from the platform identity) unless an input names one for a staff action.
 */

const id = z.string().min(1).max(64);
/** Client-made id that makes a create idempotent: a retry or a double tap creates one record. */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确').describe('请求编号');
const expectedVersion = z.number().int().nonnegative().describe('版本号');
const iso = z.string();
/** A date from the wire: ISO 8601 with offset (or a Date when called in-process). */
const wireDate = z.union([z.date(), z.iso.datetime({ offset: true, error: '日期格式不正确' })]).transform((v) => new Date(v));
const year = z.number().int().min(2000).max(2100).describe('年度');
const activityIdInput = z.object({ activityId: id.describe('活动') }).strict();
const saved = z.object({ id: z.string(), version: z.number() });

// ---------- profile ----------

/** 楼栋长 / 单元长 / 信息协管员 (PRODUCT.md §8 "are volunteers too"): set by community staff, never by the volunteer. */
export const volunteerFlagsSchema = z.object({
  buildingHead: z.boolean().default(false).describe('楼栋长'),
  unitHead: z.boolean().default(false).describe('单元长'),
  infoAssistant: z.boolean().default(false).describe('信息协管员'),
});

export const volunteerProfileSchema = z.object({
  volunteerId: z.string(),
  name: z.string(),
  phone: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  building: z.string(),
  skills: z.array(z.string()),
  flags: z.object({ buildingHead: z.boolean(), unitHead: z.boolean(), infoAssistant: z.boolean() }),
  version: z.number(),
});
export type VolunteerProfile = z.infer<typeof volunteerProfileSchema>;

export const saveProfileInputSchema = z
  .object({
    expectedVersion: expectedVersion.optional(),
    name: z.string().trim().min(1).max(20).describe('姓名'),
    phone: phoneSchema,
    communityId: id.describe('所在社区'),
    building: z.string().trim().max(30).default('').describe('楼栋'),
    skills: z.array(z.string().trim().min(1).max(20)).max(10).default([]).describe('特长'),
  })
  .strict();

// ---------- rules ----------

export const rulesViewSchema = z.object({
  streetId: z.string(),
  rules: z.array(pointsRuleSchema),
  categories: z.array(z.object({ id: z.enum(POINTS_CATEGORIES), label: z.string() })),
  overrides: z.array(pointsRuleOverrideSchema),
  added: z.array(pointsRuleSchema),
  /** The categories whose cases count as leads (001 L873), and the street's override if any. */
  leadCategoryIds: z.array(z.string()),
  leadCategories: leadCategoriesOverrideSchema.optional(),
  version: z.number(),
  canManage: z.boolean(),
});

// ---------- activities ----------

export const activitySummarySchema = z.object({
  activityId: z.string(),
  title: z.string(),
  ruleId: z.string(),
  ruleLabel: z.string(),
  expectedPoints: z.number(),
  headcount: z.number(),
  taken: z.number(),
  startAt: iso,
  endAt: iso,
  place: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  state: z.enum(ACTIVITY_STATES),
  /** The caller's own sign-up: none, signed up (a place is held), checked in. */
  mine: z.enum(['none', 'signed_up', 'checked_in']),
  version: z.number(),
  /** What the caller may do now, from the activity rule table: the pages show buttons from this, never from `state`. */
  actions: z.array(z.enum(ACTIVITY_ACTIONS)),
});

export const activityDetailSchema = activitySummarySchema.extend({
  content: z.string(),
  canManage: z.boolean(),
  /** Organisers only: the code inside the activity's QR, scanned at the place to check in. */
  checkInCode: z.string().optional(),
  opensAt: iso,
  closesAt: iso,
  streetApprovalPoints: z.number().optional(),
});

/** One line of 报名名单: who holds a place, when they signed up and checked in. */
export const signupRowSchema = z.object({
  volunteerId: z.string(), name: z.string(), signedAt: iso, checkedInAt: iso.optional(),
  /** A staff participant's points wait for another staff member (issue 10 item 4). */
  staffAward: z.enum(STAFF_AWARD_STATES).optional(),
  canConfirmAward: z.boolean(),
});

export const activityInputSchema = z
  .object({
    activityId: id.optional(),
    requestId: requestId.optional(),
    expectedVersion: expectedVersion.optional(),
    communityId: id.describe('所属社区'),
    title: z.string().trim().min(1).max(50).describe('活动名称'),
    content: z.string().trim().min(1).max(2000).describe('活动内容'),
    ruleId: z.string().min(1).max(64).describe('积分规则'),
    expectedPoints: z.number().int().positive().max(100).describe('预计积分'),
    headcount: z.number().int().positive().max(1000).describe('所需人数'),
    startAt: wireDate.describe('开始时间'),
    endAt: wireDate.describe('结束时间'),
    place: z.string().trim().min(1).max(100).describe('活动地点'),
  })
  .strict();

const signupState = z.object({ activityId: z.string(), taken: z.number(), headcount: z.number(), mine: z.enum(['none', 'signed_up', 'checked_in']) });

// ---------- ledger ----------

export const ledgerEntryViewSchema = z.object({
  entryId: z.string(),
  kind: z.enum(['award', 'correction', 'redemption', 'redemption_refund']),
  points: z.number(),
  year: z.number(),
  ruleId: z.string().optional(),
  ruleLabel: z.string().optional(),
  reason: z.string().optional(),
  activityId: z.string().optional(),
  caseId: z.string().optional(),
  redemptionId: z.string().optional(),
  correctsEntryId: z.string().optional(),
  /** Set on an award that has been reversed. */
  correctedBy: z.string().optional(),
  byName: z.string(),
  at: iso,
});

const pointsRow = z.object({ volunteerId: z.string(), name: z.string(), communityId: z.string(), points: z.number() });
const rankedRow = pointsRow.extend({ rank: z.number() });
const monthInput = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2025-03').describe('月份');

// ---------- gifts ----------

export const giftViewSchema = z.object({
  giftId: z.string(),
  communityId: z.string(),
  name: z.string(),
  pointsCost: z.number(),
  stock: z.number(),
  active: z.boolean(),
  version: z.number(),
});

export const giftInputSchema = z
  .object({
    giftId: id.optional(),
    requestId: requestId.optional(),
    expectedVersion: expectedVersion.optional(),
    communityId: id.describe('所属社区'),
    name: z.string().trim().min(1).max(50).describe('礼品名称'),
    pointsCost: z.number().int().positive().max(100000).describe('所需积分'),
    stock: z.number().int().nonnegative().max(100000).describe('库存'),
    active: z.boolean().default(true).describe('上架'),
  })
  .strict();

export const redemptionViewSchema = z.object({
  redemptionId: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  giftId: z.string(),
  giftName: z.string(),
  communityId: z.string(),
  points: z.number(),
  state: z.enum(['awaiting_pickup', 'picked_up']),
  /** Only to the volunteer who redeemed: staff ask for it at the counter. */
  pickupCode: z.string().optional(),
  at: iso,
  pickedUpAt: iso.optional(),
});

// ---------- export ----------

export const exportInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ledger'), communityId: id.describe('社区'), year }).strict(),
  z.object({ kind: z.literal('publication'), communityId: id.describe('社区'), month: monthInput }).strict(),
  z.object({ kind: z.literal('quarterly'), year, quarter: z.number().int().min(1).max(4).describe('季度') }).strict(),
]);

export const volunteerApi = {
  /** The caller's volunteer profile, or null before they fill it in. */
  profile: { input: z.object({}).strict(), output: z.object({ profile: volunteerProfileSchema.nullable() }) },
  /** Any registered user; community must be in their street. Create without expectedVersion, update with it. */
  saveProfile: { input: saveProfileInputSchema, output: saved },
  /** Community staff of the volunteer's community (or the street admin): 楼栋长 / 单元长 / 信息协管员. */
  setFlags: { input: z.object({ volunteerId: id.describe('志愿者'), expectedVersion, flags: volunteerFlagsSchema }).strict(), output: saved },
  /**
   * Staff: the volunteers of a community (staff: their own; street staff/admin: any of the street), a cursor
   * page at a time in a fixed order (issue 8 item 9): `after` is the previous page's `next`, null at the end.
   */
  volunteers: {
    input: z.object({ communityId: id.describe('社区'), ...cursorPageInput }).strict(),
    output: z.object({ volunteers: z.array(volunteerProfileSchema), ...cursorPageOutput }),
  },

  /** Anyone of the street: the effective points table. */
  rules: { input: z.object({}).strict(), output: rulesViewSchema },
  /** Street admin: overrides (each with a reason) and added rules. */
  saveRules: {
    input: z.object({ expectedVersion, overrides: z.array(pointsRuleOverrideSchema).max(100), added: z.array(pointsRuleSchema).max(50), leadCategories: leadCategoriesOverrideSchema.optional() }).strict(),
    output: saved,
  },

  /**
   * Volunteers: their community's published activities; community staff: their community's, any state;
   * street staff/admin: all. A cursor page at a time by start time (`order`: 最近开始的在前 `soonest`, for
   * signing up, or 最新的在前 `latest`, the default), ties by id, with the total. `signedUp`: only the ones
   * the caller holds a place in (签到 lists them).
   */
  activities: {
    input: z.object({ communityId: id.optional(), state: z.enum(ACTIVITY_STATES).optional(), order: z.enum(['soonest', 'latest']).optional().describe('排序'), signedUp: z.boolean().optional().describe('只看我报名的'), ...cursorPageInput }).strict(),
    output: z.object({ activities: z.array(activitySummarySchema), ...cursorPageOutput }),
  },
  activity: { input: activityIdInput, output: activityDetailSchema },
  /**
   * Organisers and street staff: 报名名单, in sign-up order (signedAt then id), a cursor page at a time (issue 8
   * item 9), with how many hold a place (`total`) and how many have checked in (`checkedIn`).
   */
  signups: {
    input: z.object({ activityId: id.describe('活动'), ...cursorPageInput }).strict(),
    output: z.object({ signups: z.array(signupRowSchema), checkedIn: z.number().int().nonnegative(), ...cursorPageOutput }),
  },
  /** Community staff of that community: create (requestId) or edit a draft (expectedVersion). */
  saveActivity: { input: activityInputSchema, output: saved },
  /** Street staff/admin: the points of a 其他 (variable) activity, 001 L877. */
  approvePoints: { input: z.object({ activityId: id, expectedVersion, points: z.number().int().positive().max(100).describe('分值') }).strict(), output: saved },
  publishActivity: { input: z.object({ activityId: id, expectedVersion }).strict(), output: saved },
  cancelActivity: { input: z.object({ activityId: id, expectedVersion, reason: z.string().trim().min(1).max(200).describe('取消原因') }).strict(), output: saved },
  /** Volunteer of the activity's community: first come first served, exactly up to the headcount. */
  signUp: { input: activityIdInput, output: signupState },
  /** Before the start only; frees the place. */
  cancelSignUp: { input: activityIdInput, output: signupState },
  /** The volunteer scans the activity's QR at the place; `code` is the check-in code inside it. */
  checkIn: { input: z.object({ activityId: id, code: z.string().min(1).max(64).describe('签到码') }).strict(), output: z.object({ checkedInAt: iso }) },
  /** Organiser checks in a signed-up volunteer. */
  checkInFor: { input: z.object({ activityId: id, volunteerId: id.describe('志愿者') }).strict(), output: z.object({ checkedInAt: iso }) },
  /** Organiser: marks the activity completed and writes one award per attendee; calling again adds nothing. */
  complete: {
    input: z.object({ activityId: id, attendedVolunteerIds: z.array(id).max(1000).describe('到场志愿者') }).strict(),
    output: z.object({ activityId: z.string(), awarded: z.number(), entryIds: z.array(z.string()) }),
  },
  /** Another staff member confirms the points of a staff participant (issue 10 item 4); idempotent. */
  confirmStaffAward: {
    input: z.object({ activityId: id, volunteerId: id.describe('志愿者') }).strict(),
    output: z.object({ entryId: z.string(), points: z.number(), created: z.boolean() }),
  },
  /** Staff: whether the case's lead can be confirmed by the caller now, and why not (the page shows it). */
  leadStatus: {
    input: z.object({ caseId: id.describe('事件') }).strict(),
    output: z.object({ isLead: z.boolean(), confirmable: z.boolean(), message: z.string().optional(), awarded: z.boolean(), points: z.number() }),
  },
  /** Staff of the case's community, neither its reporter nor its handler: a verified lead category case → 5 points to its reporter (001 L873). */
  confirmLead: {
    input: z.object({ caseId: id.describe('事件'), volunteerId: id.describe('志愿者'), note: z.string().trim().max(200).default('').describe('确认说明') }).strict(),
    output: z.object({ entryId: z.string(), points: z.number(), created: z.boolean() }),
  },

  /**
   * Own ledger; staff: a volunteer of their community. Entries newest first, a cursor page at a time (issue 8
   * item 9); `total` counts the entries shown by the filter, `allTime` and `yearAvailable` sum the whole ledger.
   */
  ledger: {
    input: z.object({ volunteerId: id.optional().describe('志愿者'), year: year.optional(), ...cursorPageInput }).strict(),
    output: z.object({ volunteerId: z.string(), name: z.string(), entries: z.array(ledgerEntryViewSchema), allTime: z.number(), yearAvailable: z.number(), year: z.number(), ...cursorPageOutput }),
  },
  /** Staff of the entry's community: a new reversing entry with a reason; the original stays untouched. */
  correct: {
    input: z.object({ entryId: id.max(200).describe('积分记录'), reason: z.string().trim().min(1).max(200).describe('冲正理由') }).strict(),
    output: z.object({ entryId: z.string(), points: z.number() }),
  },
  /** This year's earned and redeemable points, and the all-time total (总积分不清零). */
  myPoints: {
    input: z.object({}).strict(),
    output: z.object({ year: z.number(), yearEarned: z.number(), yearAvailable: z.number(), allTime: z.number() }),
  },
  /** The year's ranking of the caller's community or street: the first 100 rows and the caller's own row. */
  ranking: {
    input: z.object({ scope: z.enum(['community', 'street']), year, communityId: id.optional() }).strict(),
    output: z.object({ scope: z.enum(['community', 'street']), year: z.number(), total: z.number(), rows: z.array(rankedRow), me: rankedRow.nullable() }),
  },
  /** 一月一公示: each volunteer's points in a community in a month. */
  /** Without a month: the current month on the server's clock (pages never guess "this month" from the phone). */
  publication: {
    input: z.object({ communityId: id.describe('社区'), month: monthInput.optional() }).strict(),
    output: z.object({ communityId: z.string(), communityName: z.string(), month: z.string(), rows: z.array(pointsRow) }),
  },
  /** Street staff/admin: 一季一汇总. */
  quarterly: {
    input: z.object({ year, quarter: z.number().int().min(1).max(4).describe('季度') }).strict(),
    output: z.object({
      year: z.number(),
      quarter: z.number(),
      communities: z.array(z.object({ communityId: z.string(), communityName: z.string(), points: z.number(), volunteers: z.array(pointsRow) })),
    }),
  },
  /** The year's top 50 (ties at the cut kept whole): 免费体检 (001 L889). */
  top: { input: z.object({ year }).strict(), output: z.object({ year: z.number(), rows: z.array(rankedRow) }) },

  /** A community's gift catalogue (volunteers: their own community's active gifts), a cursor page at a time. */
  gifts: {
    input: z.object({ communityId: id.optional().describe('社区'), ...cursorPageInput }).strict(),
    output: z.object({ gifts: z.array(giftViewSchema), ...cursorPageOutput }),
  },
  /** Community staff of that community. */
  saveGift: { input: giftInputSchema, output: saved },
  /** Volunteer: this year's points only; never overdraws, never oversells; idempotent by requestId. */
  redeem: {
    input: z.object({ giftId: id.describe('礼品'), requestId }).strict(),
    output: z.object({ redemptionId: z.string(), pickupCode: z.string(), points: z.number(), yearAvailable: z.number() }),
  },
  /** Own redemptions; staff: their community's (with `state`). Newest first, a cursor page at a time, with the total. */
  redemptions: {
    input: z.object({ communityId: id.optional().describe('社区'), state: z.enum(['awaiting_pickup', 'picked_up']).optional().describe('领取状态'), ...cursorPageInput }).strict(),
    output: z.object({ redemptions: z.array(redemptionViewSchema), ...cursorPageOutput }),
  },
  /** Community staff: the volunteer shows the pickup code at the counter. */
  markPickedUp: {
    input: z.object({ redemptionId: id.max(100), pickupCode: z.string().regex(/^\d{6}$/, '取货码应为6位数字').describe('取货码') }).strict(),
    output: z.object({ redemptionId: z.string(), pickedUpAt: iso }),
  },

  /** Staff: an Excel file in storage, a temporary download URL. */
  export: { input: exportInputSchema, output: z.object({ url: z.string(), fileId: z.string(), rows: z.number() }) },
} as const;

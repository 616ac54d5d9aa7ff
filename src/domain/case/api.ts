import * as z from 'zod';
import { noticedChangeSchema } from '../register/noticed-change';
import { phoneSchema } from '../org/phone';
import { caseCommandSchema } from './case-command';
import { CASE_CLASSES, CASE_STATES, RATINGS } from './case-state';
import { workingCalendarConfigSchema } from '../calendar/config';
import { deadlineOverrideSchema, ESCALATION_LEVELS, slaConfigSchema } from './sla-config';
import { streetTemplatesSchema, templateConfigSchema } from '../notification/templates';
import { NOTIFICATION_STATUSES } from '../notification/records';

/**
 * Contract of the `case` function (PRODUCT.md §4–§6, §11; issue 4). Outputs are allow-lists: a stored
 * field reaches a client only if named here. Dates travel as ISO strings (JSON has no Date).
 */

const id = z.string().min(1).max(64);
/** Client-made id that makes `report` idempotent: a retry or a double tap files one case (PRODUCT.md §4). */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确').describe('请求编号');
const expectedVersion = z.number().int().nonnegative().describe('版本号');
const caseIdInput = z.object({ caseId: id.describe('事件') }).strict();
/** Photos are uploaded first (`uploadPhoto`) and referenced by file id: 9 × 2 MB do not fit one call. */
const photoIds = z.array(z.string().min(1).max(300)).max(9, '照片最多 9 张');

/** A date from the wire: ISO 8601 with offset (or a Date when called in-process). */
const wireDate = z.union([z.date(), z.iso.datetime({ offset: true, error: '日期格式不正确' })]).transform((v) => new Date(v));

// The domain's command schema uses Date for deadlines; over JSON they arrive as strings.
const [accept, start, escalateToCommunity, dispatch, escalateToStreet, transfer, resolve, verify, rate, archive, ret, supervise, reclassify] =
  caseCommandSchema.options;
export const caseCommandInputSchema = z.discriminatedUnion('type', [
  accept,
  start,
  escalateToCommunity,
  dispatch.extend({ dueAt: wireDate }),
  escalateToStreet,
  transfer,
  resolve,
  verify,
  rate,
  archive,
  ret,
  supervise.extend({ dueAt: wireDate }),
  reclassify,
]);

// ---------- categories (PRODUCT.md §4 default tree, editable per street) ----------

const categoryLeafSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/, '分类编号只能是小写字母、数字、下划线'),
  label: z.string().trim().min(1).max(20).describe('分类名称'),
  /** "Emergency categories (fire, gas, building safety …) default to 突发性" (PRODUCT.md §4). */
  defaultClass: z.enum(CASE_CLASSES).optional(),
  /** Kept for old cases but no longer offered to reporters (the administrator 停用 it). */
  disabled: z.boolean().optional(),
});
export const categorySchema = categoryLeafSchema.extend({ children: z.array(categoryLeafSchema).max(30).default([]) });
export type Category = z.infer<typeof categorySchema>;
export const categoryTreeSchema = z.array(categorySchema).min(1).max(40);

// ---------- street configuration (PRODUCT.md §5: deadlines per street, category and class) ----------

/** An override saved for the caller's street: no streetId (the document is the street's), a written reason. */
const streetOverrideSchema = deadlineOverrideSchema
  .omit({ streetId: true })
  .extend({ reason: z.string().trim().min(1, '请写明调整依据').max(100, '依据不能超过 100 字').describe('依据') })
  .strict();
export const streetSlaSchema = slaConfigSchema.extend({ overrides: z.array(streetOverrideSchema).max(50, '调整最多 50 条').default([]) });
const streetIdInput = id.optional().describe('街道');

// ---------- inputs ----------

/**
 * A picked or GPS point, or just a typed address: a resident who refuses location access (or whose
 * stairwell has no signal) can still say where the problem is.
 */
export const locationSchema = z
  .object({
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    address: z.string().trim().max(100).optional().describe('地址'),
  })
  .strict()
  // No point and no address means "somewhere in this grid": the grid is known from the QR code (issue 8 item 2).
  .refine((l) => (l.lat !== undefined) === (l.lng !== undefined), { message: '位置的经纬度须同时提供', path: ['lng'] });

export const reportInputSchema = z
  .object({
    requestId,
    gridId: id.describe('网格'),
    /** A leaf of the street's tree (or a top-level category without children). */
    categoryId: z.string().min(1).max(40).describe('分类'),
    /**
     * Residents never choose a class: the category decides (PRODUCT.md §4). "有危险/很紧急" makes it
     * 突发性 until the officer confirms or downgrades it when signing.
     */
    urgent: z.boolean().default(false).describe('有危险/很紧急'),
    description: z.string().trim().min(1, '请填写问题描述').max(500, '问题描述不能超过 500 字').describe('问题描述'),
    photos: photoIds.default([]).describe('照片'),
    location: locationSchema.default({}).describe('位置'),
    phone: phoneSchema.optional().describe('联系电话'),
    /** Hides the reporter from other residents, never from staff (PRODUCT.md §11). */
    anonymous: z.boolean().default(false).describe('匿名'),
    /**
     * The grid's worker filing a 人口房屋变动 case (or a 八必报 rental report) names the household and what
     * changed: a draft change lands in the register for them to confirm (issue 15 item 5). Residents never
     * name a household (they never see the register).
     */
    register: noticedChangeSchema.extend({ householdId: z.string().min(1).max(64).describe('住户') }).strict().optional().describe('户况变动'),
  })
  .strict();

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const casePhotoInputSchema = z
  .object({
    mimeType: z.enum(['image/jpeg', 'image/png']).describe('图片类型'),
    dataBase64: z.string().min(1).max(Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 4).describe('照片'),
  })
  .strict();

export const QUEUE_LEVELS = ['community', 'street', 'department'] as const;
export const OVERDUE_LEVELS = ['community', 'street'] as const;

// ---------- outputs ----------

const iso = z.string();

export const caseSummarySchema = z.object({
  caseId: z.string(),
  state: z.enum(CASE_STATES),
  stateLabel: z.string(),
  caseClass: z.enum(CASE_CLASSES),
  classLabel: z.string(),
  categoryId: z.string(),
  categoryLabel: z.string(),
  /** First 60 characters of the description. */
  summary: z.string(),
  gridId: z.string(),
  communityId: z.string(),
  createdAt: iso,
  /** The next SLA deadline, absent when none runs. */
  dueAt: iso.optional(),
  /** The highest level the case was escalated to by the timer (督办), if any. */
  overdueLevel: z.enum(ESCALATION_LEVELS).optional(),
  supervised: z.boolean(),
  version: z.number(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;
const caseList = z.object({ cases: z.array(caseSummarySchema) });
/** A cursor page: `after` is the previous page's `next` (null only at the end). */
const pageInput = {
  after: z.string().min(1).max(400).optional().describe('翻页位置'),
  limit: z.number().int().min(1).max(100).optional().describe('每页条数'),
};
const workList = caseList.extend({ next: z.string().nullable(), total: z.number(), overdueCount: z.number() });

export const timelineEventSchema = z.object({
  /** A state-machine action, or `report` / `escalate` / `near_due` written by the system. */
  type: z.string(),
  typeLabel: z.string(),
  from: z.enum(CASE_STATES).optional(),
  to: z.enum(CASE_STATES).optional(),
  at: iso,
  /** Name and role label; for residents other staff names are masked (张**), and the anonymous reporter is "匿名". */
  by: z.object({ name: z.string(), roleLabel: z.string() }),
  note: z.string().optional(),
  /** For `escalate`: the level it went to. */
  level: z.enum(ESCALATION_LEVELS).optional(),
  photoUrls: z.array(z.string()),
});

export const caseDetailSchema = caseSummarySchema.extend({
  description: z.string(),
  photoUrls: z.array(z.string()),
  location: locationSchema,
  anonymous: z.boolean(),
  /** Absent for an anonymous case seen by another resident. */
  reporter: z.object({ name: z.string(), phone: z.string().optional() }).optional(),
  isReporter: z.boolean(),
  /** Staff only: the reporter's user id and whether they have a volunteer profile (to confirm a lead, PRODUCT.md §8). */
  reporterId: z.string().optional(),
  reporterIsVolunteer: z.boolean().optional(),
  returnReason: z.string().optional(),
  rating: z.enum(RATINGS).optional(),
  ratingComment: z.string().optional(),
  reworkCount: z.number(),
  departmentId: z.string().optional(),
  transfer: z.object({ agency: z.string(), record: z.string() }).optional(),
  supervision: z.object({ dueAt: iso, note: z.string() }).optional(),
  deadline: z.object({ kind: z.string(), dueAt: iso, nearDueAt: iso, escalatesTo: z.enum(ESCALATION_LEVELS), reason: z.string() }).optional(),
  /** The actions (CASE_ACTIONS) the caller may take now: the page shows only these buttons. */
  allowedActions: z.array(z.string()),
  timeline: z.array(timelineEventSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const notificationItemSchema = z.object({
  id: z.string(),
  /** A NotificationKind (src/domain/notification/kinds.ts). */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  caseId: z.string().optional(),
  /** A volunteer's reminder is about an activity instead of a case. */
  activityId: z.string().optional(),
  status: z.enum(NOTIFICATION_STATUSES),
  /** Seen in the in-app 消息 list (case.readNotifications). */
  read: z.boolean(),
  createdAt: iso,
});

const moved = z.object({ caseId: z.string(), state: z.enum(CASE_STATES), version: z.number() });

export const caseApi = {
  /** Anyone signed in: the street's category tree (street of `gridId`, else the caller's); disabled ones only with `includeDisabled`. */
  categories: {
    input: z.object({ gridId: id.optional(), includeDisabled: z.boolean().optional() }).strict(),
    output: z.object({ streetId: z.string(), categories: categoryTreeSchema, version: z.number() }),
  },
  /** Street administrator: replace the tree. */
  saveCategories: {
    input: z.object({ streetId: id, expectedVersion, categories: categoryTreeSchema }).strict(),
    output: z.object({ version: z.number() }),
  },
  /** Street administrator: the street's SLA table, working calendar and template ids, each with its version (0: defaults, never saved). */
  streetConfig: {
    input: z.object({ streetId: streetIdInput }).strict(),
    output: z.object({
      streetId: z.string(),
      sla: slaConfigSchema,
      calendar: workingCalendarConfigSchema,
      slaVersion: z.number(),
      templates: z.record(z.string(), templateConfigSchema),
      templatesVersion: z.number(),
    }),
  },
  /**
   * Staff and administrators: whether next year's 放假调休 arrangement is confirmed for the street (issue 12:
   * warned from 1 November on the admin page and the workbench). `warning` null: nothing to do.
   */
  calendarStatus: {
    input: z.object({ streetId: streetIdInput }).strict(),
    output: z.object({
      streetId: z.string(),
      today: z.string(),
      warning: z.object({ year: z.number(), message: z.string() }).nullable(),
      /** Where each of this year and next takes its holidays from: the street's confirmed notice, the bundled table, or the statutory days only. */
      years: z.array(z.object({ year: z.number(), source: z.enum(['street', 'bundled', 'statutory']) })),
    }),
  },
  /** Street administrator: replace the street's SLA (overrides need a reason) and working calendar. */
  saveSla: {
    input: z.object({ streetId: streetIdInput, expectedVersion, sla: streetSlaSchema, calendar: workingCalendarConfigSchema }).strict(),
    output: z.object({ version: z.number() }),
  },
  /** Street administrator: subscribe-message template ids per kind (kinds left out keep the built-in placeholder). */
  saveTemplates: {
    input: z.object({ streetId: streetIdInput, expectedVersion, templates: streetTemplatesSchema }).strict(),
    output: z.object({ version: z.number() }),
  },
  /** Any registered user: upload one photo (JPEG/PNG by magic bytes, ≤ 2 MB) to reference in `report` or `act`. */
  uploadPhoto: { input: casePhotoInputSchema, output: z.object({ fileId: z.string(), url: z.string() }) },
  /** Any registered user: file a case. Same requestId again → the same case, `created: false`. */
  report: { input: reportInputSchema, output: z.object({ caseId: z.string(), state: z.enum(CASE_STATES), version: z.number(), created: z.boolean() }) },
  /** The caller's own reports, newest first. */
  /**
   * Paged with a cursor (issue 8 item 9): `after` is the previous page's `next`; `next` is null only when
   * nothing more exists, so a long list is never cut off silently.
   */
  mine: {
    input: z.object(pageInput).strict(),
    output: caseList.extend({ next: z.string().nullable() }),
  },
  /*
   * Work lists, paged like `mine` (issue 8 item 9), each page with the list's `total` and how many of
   * its cases are past their deadline (`overdueCount`): a workbench can ask `limit: 1` for counts.
   */
  /** Grid officer / chief: open cases of their grids. */
  inbox: { input: z.object(pageInput).strict(), output: workList },
  /** Community / street staff: cases waiting at that level (department: 交办 cases of the street). */
  queue: { input: z.object({ level: z.enum(QUEUE_LEVELS), ...pageInput }).strict(), output: workList },
  /** Community / street staff: the 督办 list — open cases the timer escalated to that level. */
  overdue: { input: z.object({ level: z.enum(OVERDUE_LEVELS), ...pageInput }).strict(), output: workList },
  /** Reporter or staff whose scope covers the case: the case with its full timeline. */
  detail: { input: caseIdInput, output: caseDetailSchema },
  /** One state-machine action (PRODUCT.md §5) on the stored version. */
  act: { input: z.object({ caseId: id, expectedVersion, command: caseCommandInputSchema }).strict(), output: moved },
  /** The reporter rates a verified case (same as `act` with `{ type: 'rate' }`). */
  rate: {
    input: z
      .object({ caseId: id, expectedVersion: expectedVersion.optional(), rating: z.enum(RATINGS), comment: z.string().trim().max(500).optional() })
      .strict(),
    output: moved,
  },
  /** Staff covering the grid: 满意率 = 满意 / rated × 100 % (PRODUCT.md §6); null when nobody rated yet. */
  satisfaction: {
    input: z.object({ gridId: id }).strict(),
    output: z.object({
      gridId: z.string(),
      rated: z.number(),
      satisfied: z.number(),
      basicallySatisfied: z.number(),
      dissatisfied: z.number(),
      reworked: z.number(),
      satisfactionRate: z.number().nullable(),
    }),
  },
  /**
   * The caller's in-app notifications (the outbox addressed to them), newest first, a cursor page at a time
   * (issue 8 item 9: no longer cut at 50), with the total and how many are unread.
   */
  notifications: {
    input: z.object(pageInput).strict(),
    output: z.object({ items: z.array(notificationItemSchema), unread: z.number(), next: z.string().nullable(), total: z.number() }),
  },
  /** Marks the caller's notifications read (all of them, or the ids given). */
  readNotifications: {
    input: z.object({ ids: z.array(id).max(50).optional() }).strict(),
    output: z.object({ read: z.number() }),
  },
  /**
   * The subscribe-message templates to ask the caller about now: their case's (caseId), an activity they
   * signed up for (activityId), else the staff workbench's.
   */
  subscriptionTemplates: {
    input: z.object({ caseId: id.optional(), activityId: id.optional() }).strict(),
    output: z.object({ templateIds: z.array(z.string()) }),
  },
  /** The templates the caller just allowed in WeChat's subscription prompt: one send each (WeChat's one-time quota). */
  acceptSubscriptions: {
    input: z.object({ templateIds: z.array(z.string().trim().min(1).max(64).regex(/^[\w-]+$/, '模板编号有误').describe('模板编号')).min(1).max(3) }).strict(),
    output: z.object({ accepted: z.number() }),
  },
} as const;

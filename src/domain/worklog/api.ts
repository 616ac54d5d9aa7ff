import * as z from 'zod';
import { noticedChangeSchema } from '../register/noticed-change';
import { DUE_RULES } from './due';
import { PARTNER_KINDS, SIX_MUST_GROUPS, VISIT_KINDS } from './visit';

/**
 * Contract of the `worklog` function (issue 14 items 3–6). Outputs are allow-lists; dates travel as ISO
 * strings. The worker is always the caller (platform identity); a chief's or staff member's view names
 * the worker it is about.
 */
const id = z.string().min(1).max(64);
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确').describe('请求编号');
const wireDate = z.union([z.date(), z.iso.datetime({ offset: true, error: '日期格式不正确' })]).transform((v) => new Date(v));
const photoIds = z.array(z.string().min(1).max(300)).max(9, '照片最多 9 张');
const page = { after: z.string().min(1).max(400).optional().describe('翻页位置'), limit: z.number().int().min(1).max(100).optional().describe('每页条数') };

// ---------- visits ----------

export const recordVisitInputSchema = z
  .object({
    requestId,
    gridId: id.describe('网格'),
    kind: z.enum(VISIT_KINDS, { error: '请选择走访类型' }).describe('走访类型'),
    group: z.enum(SIX_MUST_GROUPS, { error: '请选择六必访对象类别' }).optional().describe('六必访类别'),
    householdId: id.optional().describe('住户'),
    buildingId: id.optional().describe('楼栋/单元'),
    door: z.string().trim().max(30, '门牌最多 30 字').default('').describe('门牌'),
    notes: z.string().trim().min(1, '请填写走访情况').max(500, '走访情况最多 500 字').describe('走访情况'),
    photos: photoIds.default([]).describe('照片'),
    partner: z
      .object({ kind: z.enum(PARTNER_KINDS).describe('同行人'), name: z.string().trim().max(20, '同行人姓名最多 20 字').optional().describe('同行人姓名') })
      .default({ kind: 'none' }),
    /** When it happened: a draft saved offline is sent later with the time it was written (not after now). */
    visitedAt: wireDate.optional().describe('走访时间'),
    /** A change seen at the household (issue 15 item 5): drafted in the register for the worker to confirm. */
    registerChange: noticedChangeSchema.optional().describe('户况变动'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.registerChange && v.householdId === undefined) ctx.addIssue({ code: 'custom', path: ['householdId'], message: '登记户况变动请选择住户' });
    if (v.householdId === undefined && v.buildingId === undefined) ctx.addIssue({ code: 'custom', path: ['buildingId'], message: '请选择走访的住户或楼栋' });
    if (v.kind === 'six_must' && !v.group) ctx.addIssue({ code: 'custom', path: ['group'], message: '六必访请选择对象类别' });
    if (v.kind !== 'six_must' && v.group) ctx.addIssue({ code: 'custom', path: ['group'], message: '只有六必访需要选择对象类别' });
    if (v.partner.kind !== 'none' && !v.partner.name) ctx.addIssue({ code: 'custom', path: ['partner', 'name'], message: '请填写同行人姓名' });
  });

export const visitViewSchema = z.object({
  visitId: z.string(),
  gridId: z.string(),
  kind: z.enum(VISIT_KINDS),
  group: z.enum(SIX_MUST_GROUPS).optional(),
  householdId: z.string().optional(),
  buildingId: z.string().optional(),
  door: z.string(),
  targetLabel: z.string(),
  notes: z.string(),
  photoCount: z.number(),
  partner: z.object({ kind: z.enum(PARTNER_KINDS), name: z.string().optional() }),
  visitedAt: z.string(),
  /** The register change this visit drafted, if it noted one. */
  registerChangeId: z.string().optional(),
});
export type VisitView = z.infer<typeof visitViewSchema>;

export const dueTaskViewSchema = z.object({
  id: z.string(),
  rule: z.enum(DUE_RULES),
  title: z.string(),
  window: z.object({ kind: z.string(), key: z.string(), label: z.string(), start: z.string(), end: z.string() }),
  target: z.object({ key: z.string(), label: z.string(), householdId: z.string().optional(), buildingId: z.string().optional(), door: z.string().optional() }).optional(),
  groups: z.array(z.enum(SIX_MUST_GROUPS)).optional(),
  required: z.number(),
  done: z.number(),
  status: z.enum(['overdue', 'open', 'done']),
  reason: z.string(),
});
export type DueTaskView = z.infer<typeof dueTaskViewSchema>;

export const visitTargetViewSchema = z.object({
  gridId: z.string(),
  gridName: z.string(),
  buildings: z.array(z.object({ buildingId: z.string(), name: z.string() })),
  households: z.array(z.object({ householdId: z.string(), label: z.string(), buildingId: z.string().optional() })),
});



export const worklogVisitApi = {
  /** Grid officers and chiefs, in their own grids: record a visit. Same requestId again → the same visit, `created: false`. */
  recordVisit: { input: recordVisitInputSchema, output: z.object({ visitId: z.string(), created: z.boolean() }) },
  /** The caller's own visits, newest first, paged. */
  myVisits: {
    input: z.object({ ...page }).strict(),
    output: z.object({ visits: z.array(visitViewSchema), next: z.string().nullable() }),
  },
  /** The caller's due visits: this week's, this month's and this quarter's tasks, last windows' misses marked overdue. */
  myDueVisits: {
    input: z.object({}).strict(),
    output: z.object({ tasks: z.array(dueTaskViewSchema), overdue: z.number(), open: z.number() }),
  },
  /** What the caller may visit: the buildings (and, once the register holds them, the households) of their grids. */
  visitTargets: { input: z.object({}).strict(), output: z.object({ grids: z.array(visitTargetViewSchema) }) },
} as const;

// ---------- daily log (日清周结) ----------

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日，如 2026-12-01');
const summary = z.object({
  patrols: z.number(),
  patrolMinutes: z.number(),
  checkIns: z.number(),
  visits: z.number(),
  casesFiled: z.number(),
  casesHandled: z.number(),
  onSpot: z.number(),
});
export const dayLogViewSchema = z.object({
  date: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  draft: z.object({ summary, lines: z.array(z.string()) }),
  log: z.object({ summary, lines: z.array(z.string()), notes: z.string(), submittedAt: z.string(), late: z.boolean(), version: z.number() }).nullable(),
  canSubmit: z.boolean(),
});
export type DayLogView = z.infer<typeof dayLogViewSchema>;

export const weekLogViewSchema = z.object({
  week: z.object({ key: z.string(), label: z.string() }),
  workerId: z.string(),
  workerName: z.string(),
  days: z.array(z.object({ date: z.string(), weekday: z.number(), working: z.boolean(), status: z.enum(['submitted', 'missing', 'today', 'upcoming', 'rest']), notes: z.string().optional(), late: z.boolean().optional(), summary: summary.optional() })),
  totals: summary,
  missing: z.array(z.string()),
});
export type WeekLogView = z.infer<typeof weekLogViewSchema>;

export const worklogDayApi = {
  /** The day's log: drafted from the records, and the submitted one if any. Own, or a supervised worker's (`workerId`). */
  dayLog: { input: z.object({ date: isoDate.optional().describe('日期'), workerId: id.optional().describe('网格员') }).strict(), output: dayLogViewSchema },
  /** 日清: submit (or, with `expectedVersion`, resubmit) the caller's log of a day, today or up to `backfill_days` back (marked late). */
  submitDayLog: {
    input: z
      .object({
        date: isoDate.describe('日期'),
        notes: z.string().trim().max(1000, '工作记录最多 1000 字').default('').describe('工作记录'),
        expectedVersion: z.number().int().nonnegative().optional().describe('版本号'),
      })
      .strict(),
    output: z.object({ logId: z.string(), version: z.number(), late: z.boolean() }),
  },
  /** 周结: the week's days with their status (missing working days listed), totals. Own or a supervised worker's. */
  weekLog: { input: z.object({ week: isoDate.optional().describe('周'), workerId: id.optional().describe('网格员') }).strict(), output: weekLogViewSchema },
} as const;



// ---------- compliance at a glance ----------

export const complianceCellViewSchema = z.object({
  metric: z.enum(['patrol_minutes', 'patrol_days', 'visits', 'saturday_visits', 'six_must', 'log_days', 'meetings', 'info_items']),
  value: z.number(),
  target: z.number(),
  status: z.enum(['met', 'missed', 'open', 'none']),
  short: z.array(z.string()),
});

export const complianceViewSchema = z.object({
  weeks: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(z.object({ workerId: z.string(), name: z.string(), weeks: z.array(z.object({ key: z.string(), cells: z.array(complianceCellViewSchema) })) })),
  /** Each measure's rule and its source (or the street's reason for changing it). */
  rules: z.array(z.object({ metric: z.string(), label: z.string(), rule: z.string(), reason: z.string() })),
});
export type ComplianceView = z.infer<typeof complianceViewSchema>;

export const worklogComplianceApi = {
  /**
   * Grid chiefs, community and street staff (and a worker for themself): per worker and week, each measure
   * against its rule — met / missed / open — with the dates or homes short of it.
   */
  compliance: {
    input: z
      .object({
        week: isoDate.optional().describe('周'),
        weeks: z.number().int().min(1, '至少看 1 周').max(4, '最多看 4 周').default(1).describe('周数'),
        communityId: id.optional().describe('社区'),
      })
      .strict(),
    output: complianceViewSchema,
  },
} as const;

export const worklogApi = { ...worklogVisitApi, ...worklogDayApi, ...worklogComplianceApi } as const;

import * as z from 'zod';
import { CASE_CLASSES } from '../case/case-state';
import { locationSchema, reportInputSchema } from '../case/api';
import { EIGHT_REPORT_ITEMS } from './eight-reports';
import { FINDING_KINDS, PATROL_STATES, VERIFICATION_RESULTS } from './records';

/**
 * Contract of the `patrol` function (issue 14 items 1, 2, 7). Outputs are allow-lists; dates travel as
 * ISO strings. Tracks (where a worker walked) are personal data: only `get` returns one, and only to the
 * worker and their supervisors.
 */

const id = z.string().min(1).max(64);
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确').describe('请求编号');
const patrolId = id.describe('巡查');
const photoIds = z.array(z.string().min(1).max(300)).max(9, '照片最多 9 张');
/** A device time: ISO 8601 with offset. */
const wireDate = z.iso.datetime({ offset: true, error: '时间格式不正确' }).transform((v) => new Date(v));
const pageInput = {
  after: z.string().min(1).max(400).optional().describe('翻页位置'),
  limit: z.number().int().min(1).max(100).optional().describe('每页条数'),
};

export const trackPointInputSchema = z
  .object({
    at: wireDate.describe('定位时间'),
    lat: z.number().min(-90).max(90).describe('纬度'),
    lng: z.number().min(-180).max(180).describe('经度'),
    acc: z.number().min(0).max(100000).optional().describe('精度'),
  })
  .strict();

/** Hard ceiling of one call; the street's `maxPointsPerBatch` (≤ this) is checked in the function. */
export const POINTS_PER_CALL_CEILING = 1000;

const findingBase = {
  patrolId,
  requestId,
  categoryId: z.string().min(1).max(40).describe('分类'),
  description: z.string().trim().min(1, '请填写问题描述').max(500, '问题描述不能超过 500 字').describe('问题描述'),
  location: locationSchema.default({}).describe('位置'),
};

export const fileCaseInputSchema = z
  .object({
    ...findingBase,
    photos: photoIds.default([]).describe('照片'),
    urgent: z.boolean().default(false).describe('有危险/很紧急'),
    /** 户况有变动: a 人口房屋变动 finding names the household and what changed, as a worker's case does (issue 15 item 5). */
    register: reportInputSchema.shape.register,
  })
  .strict();

export const onSpotInputSchema = z
  .object({
    ...findingBase,
    beforePhotos: photoIds.min(1, '请拍一张处置前的照片').describe('处置前照片'),
    afterPhotos: photoIds.min(1, '请拍一张处置后的照片').describe('处置后照片'),
  })
  .strict();

const iso = z.string();

export const patrolSummarySchema = z.object({
  patrolId: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  state: z.enum(PATROL_STATES),
  stateLabel: z.string(),
  startedAt: iso,
  endedAt: iso.optional(),
  /** Whole minutes so far (running) or in all (ended), capped at the street's maximum. */
  minutes: z.number(),
  pointCount: z.number(),
  checkInCount: z.number(),
  findingCount: z.number(),
});
export type PatrolSummary = z.infer<typeof patrolSummarySchema>;

export const findingViewSchema = z.object({
  findingId: z.string(),
  kind: z.enum(FINDING_KINDS),
  kindLabel: z.string(),
  at: iso,
  categoryLabel: z.string(),
  description: z.string(),
  caseId: z.string().optional(),
  beforePhotoUrls: z.array(z.string()),
  afterPhotoUrls: z.array(z.string()),
  sampled: z.boolean(),
  verification: z.object({ byName: z.string(), at: iso, result: z.enum(VERIFICATION_RESULTS), resultLabel: z.string(), note: z.string() }).optional(),
});

export const patrolDetailSchema = patrolSummarySchema.extend({
  track: z.array(z.object({ at: iso, lat: z.number(), lng: z.number() })),
  /** The points were deleted after the street's retention time; minutes and check-ins remain. */
  trackPurged: z.boolean(),
  lengthMetres: z.number(),
  checkIns: z.array(z.object({ buildingId: z.string(), buildingName: z.string(), at: iso })),
  findings: z.array(findingViewSchema),
});

/** What the device needs to sample and sync (from the street's rules). */
export const samplingSchema = z.object({ minPointIntervalSeconds: z.number(), maxPointsPerBatch: z.number() });

export const sampleRowSchema = z.object({
  patrolId: z.string(),
  workerName: z.string(),
  gridName: z.string(),
  finding: findingViewSchema,
});

export const eightReportRowSchema = z.object({
  item: z.enum(EIGHT_REPORT_ITEMS),
  label: z.string(),
  categoryId: z.string(),
  categoryLabel: z.string(),
  caseClass: z.enum(CASE_CLASSES),
  classLabel: z.string(),
  reason: z.string(),
  available: z.boolean(),
});

export const patrolApi = {
  /** Grid workers: the grids they may patrol (their own), for the start picker. */
  grids: { input: z.object({}).strict(), output: z.object({ grids: z.array(z.object({ gridId: z.string(), name: z.string(), code: z.string() })) }) },
  /** Grid workers: start a patrol of one of their grids. A running patrol is answered instead of a second one. */
  start: {
    input: z.object({ requestId, gridId: id.describe('网格') }).strict(),
    output: z.object({ patrol: patrolSummarySchema, sampling: samplingSchema, resumed: z.boolean() }),
  },
  /** The worker: a batch of sampled points of their running patrol; same requestId again stores nothing twice. */
  appendPoints: {
    input: z.object({ patrolId, requestId, points: z.array(trackPointInputSchema).min(1, '没有轨迹点').max(POINTS_PER_CALL_CEILING).describe('轨迹点') }).strict(),
    output: z.object({ stored: z.number(), thinned: z.number(), outOfWindow: z.number(), overCap: z.number(), duplicate: z.boolean(), pointCount: z.number() }),
  },
  /** The worker, during a patrol: check in at the building whose QR code was scanned (its `scene`). */
  checkIn: {
    input: z.object({ requestId, scene: z.string().trim().min(1).max(100).describe('楼栋码') }).strict(),
    output: z.object({ patrolId: z.string(), buildingId: z.string(), buildingName: z.string(), at: iso, duplicate: z.boolean() }),
  },
  /** The worker: end their patrol; the minutes are fixed then. Ending twice answers the ended patrol. */
  end: { input: z.object({ patrolId }).strict(), output: z.object({ patrol: patrolSummarySchema }) },
  /** The caller's running patrol (or null) and the street's sampling rules. */
  active: { input: z.object({}).strict(), output: z.object({ patrol: patrolSummarySchema.nullable(), sampling: samplingSchema.nullable() }) },
  /** The caller's own patrols, newest first. */
  mine: { input: z.object(pageInput).strict(), output: z.object({ patrols: z.array(patrolSummarySchema), next: z.string().nullable() }) },
  /** The worker or their supervisors (grid chief, community, street): one patrol with its track. */
  get: { input: z.object({ patrolId }).strict(), output: patrolDetailSchema },
  /** Supervisors: patrols of one grid in their scope, newest first. */
  list: {
    input: z.object({ gridId: id.describe('网格'), ...pageInput }).strict(),
    output: z.object({ patrols: z.array(patrolSummarySchema), next: z.string().nullable() }),
  },
  /** The worker, during their patrol: file a case found on the way (the case report path; class from the category). */
  fileCase: { input: fileCaseInputSchema, output: z.object({ caseId: z.string(), findingId: z.string(), created: z.boolean() }) },
  /** The worker, during their patrol: record a problem handled on the spot (before/after photos), closed at once. */
  handleOnSpot: { input: onSpotInputSchema, output: z.object({ findingId: z.string(), sampled: z.boolean(), created: z.boolean() }) },
  /** Grid chiefs (and community/street staff): on-the-spot findings picked for 抽查 in a grid, unchecked first. */
  samples: {
    input: z.object({ gridId: id.describe('网格'), ...pageInput }).strict(),
    output: z.object({ rows: z.array(sampleRowSchema), next: z.string().nullable() }),
  },
  /** Grid chiefs (and community/street staff): record the result of checking a sampled finding. */
  verifySample: {
    input: z
      .object({ patrolId, findingId: id.describe('处置记录'), result: z.enum(VERIFICATION_RESULTS).describe('核实结果'), note: z.string().trim().max(200, '说明不能超过 200 字').default('').describe('说明') })
      .strict(),
    output: z.object({ pendingSamples: z.number() }),
  },
  /** Staff: the 八必报 sheet of the street (of `gridId`, else the caller's). */
  eightReports: { input: z.object({ gridId: id.optional().describe('网格') }).strict(), output: z.object({ rows: z.array(eightReportRowSchema) }) },
} as const;

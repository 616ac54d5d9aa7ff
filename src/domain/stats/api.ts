import * as z from 'zod';
import { CASE_STATES, RATINGS } from '../case/case-state';
import { COUNTER_KEYS } from './counters';
import { KPI_KEYS } from './kpis';
import { daySchema, periodSchema } from './period';
import { scopeInputSchema, STATS_LEVELS, type StatsLevel } from './scope';
import { RAG, TARGET_KPIS } from './targets';
import { workFiguresSchema } from './work-figures';
import { WORKER_RECORD_KINDS } from './worker-records';

/**
 * Contract of the `stats` function (issue 16 items 1–3, 6). Outputs are allow-lists. Periods are whole
 * China days; a scope is a street, community or grid the caller holds (scope.ts).
 */
const countersOut = z.object(Object.fromEntries(COUNTER_KEYS.map((k) => [k, z.number()])) as Record<(typeof COUNTER_KEYS)[number], z.ZodNumber>);
const kpisOut = z.object(Object.fromEntries(KPI_KEYS.map((k) => [k, z.number().nullable()])) as Record<(typeof KPI_KEYS)[number], z.ZodNullable<z.ZodNumber>>);
const figures = { counters: countersOut, kpis: kpisOut };
const scopeOut = z.object({ level: z.enum(STATS_LEVELS), id: z.string() });
const id = z.string().min(1).max(64);

export const dashboardInputSchema = z.object({ scope: scopeInputSchema.optional(), period: periodSchema.optional() }).strict();

export const drillInputSchema = z
  .object({
    scope: scopeInputSchema.optional(),
    period: periodSchema.optional(),
    figure: z.enum(COUNTER_KEYS, { error: '请选择要查看的数字' }).describe('统计项'),
    gridId: id.optional().describe('网格'),
    categoryId: z.string().min(1).max(40).optional().describe('分类'),
    ownerId: id.optional().describe('网格员'),
    after: z.string().max(400).optional().describe('翻页位置'),
    limit: z.number().int().min(1).max(100).optional().describe('每页条数'),
  })
  .strict();

/** Ledgers of cases (the dashboard's own cases) and of the grid work the street records (patrols, visits, meetings). */
export const CASE_LEDGER_KINDS = ['cases', 'overdue', 'satisfaction'] as const;
export const WORK_LEDGER_KINDS = ['patrols', 'visits', 'meetings'] as const;
export const LEDGER_KINDS = [...CASE_LEDGER_KINDS, ...WORK_LEDGER_KINDS] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export type CaseLedgerKind = (typeof CASE_LEDGER_KINDS)[number];
export type WorkLedgerKind = (typeof WORK_LEDGER_KINDS)[number];
export const LEDGER_LABELS: Record<LedgerKind, string> = {
  cases: '事件台账',
  overdue: '超期事件台账',
  satisfaction: '满意度台账',
  patrols: '巡查台账',
  visits: '走访台账',
  meetings: '会议台账',
};
/**
 * The scope levels each ledger is kept at. Meetings belong to a street or a community, never to a grid
 * (meeting/records.ts), so there is no 会议台账 of a grid: the dashboard offers it only at those levels.
 */
export const LEDGER_LEVELS: Record<LedgerKind, readonly StatsLevel[]> = {
  cases: STATS_LEVELS,
  overdue: STATS_LEVELS,
  satisfaction: STATS_LEVELS,
  patrols: STATS_LEVELS,
  visits: STATS_LEVELS,
  meetings: ['street', 'community'],
};

export const ledgerInputSchema = z
  .object({ kind: z.enum(LEDGER_KINDS, { error: '请选择台账' }).describe('台账'), scope: scopeInputSchema.optional(), period: periodSchema.optional() })
  .strict();

export const workerRecordsInputSchema = z
  .object({
    scope: scopeInputSchema.optional(),
    period: periodSchema.optional(),
    userId: id.describe('网格员'),
    kind: z.enum(WORKER_RECORD_KINDS, { error: '请选择要查看的记录' }).describe('记录类型'),
    after: z.string().regex(/^\d{1,6}$/, '翻页位置不正确').optional().describe('翻页位置'),
    limit: z.number().int().min(1).max(100).optional().describe('每页条数'),
  })
  .strict();

/** One record behind a worker's figure, by kind (src/domain/stats/worker-records.ts). */
const workerRecordItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patrols'), date: z.string(), minutes: z.number(), patrols: z.number(), required: z.number(), met: z.boolean() }),
  z.object({ kind: z.literal('visits'), date: z.string(), time: z.string(), kindLabel: z.string(), target: z.string() }),
  z.object({ kind: z.literal('logs'), date: z.string() }),
  z.object({ kind: z.literal('meetings'), date: z.string(), meetingId: z.string(), title: z.string(), outcome: z.enum(['出席', '请假', '缺席']), statusLabel: z.string(), counted: z.boolean() }),
  z.object({ kind: z.literal('reports'), date: z.string(), caseId: z.string(), categoryLabel: z.string(), stateLabel: z.string(), summary: z.string() }),
]);

const drillItem = z.object({
  caseId: z.string(),
  state: z.enum(CASE_STATES),
  stateLabel: z.string(),
  categoryId: z.string(),
  categoryLabel: z.string(),
  summary: z.string(),
  gridId: z.string(),
  communityId: z.string(),
  createdAt: z.string(),
  overdue: z.boolean(),
  supervised: z.boolean(),
  rating: z.enum(RATINGS).optional(),
  reworked: z.boolean(),
});

export const statsApi = {
  /** Staff of the scope: figures of a period (default: this month so far) from the daily rows. */
  dashboard: {
    input: dashboardInputSchema,
    output: z.object({
      scope: scopeOut,
      // The page sends this period back with stats.workers and exportLedger: it is days, as their input wants.
      period: z.object({ from: daySchema('开始日期'), to: daySchema('结束日期') }),
      from: z.string(),
      to: z.string(),
      totals: z.object(figures),
      byMonth: z.array(z.object({ month: z.string(), ...figures })),
      byGrid: z.array(z.object({ gridId: z.string(), gridName: z.string(), communityId: z.string(), ...figures })),
      byCategory: z.array(z.object({ categoryId: z.string(), categoryLabel: z.string(), ...figures })),
      targets: z.array(
        z.object({ kpi: z.enum(TARGET_KPIS), label: z.string(), value: z.number().nullable(), target: z.number(), direction: z.enum(['atLeast', 'atMost']), rag: z.enum(RAG), ragLabel: z.string(), reason: z.string() }),
      ),
    }),
  },
  /** The cases behind one figure, newest first, a page at a time. */
  cases: { input: drillInputSchema, output: z.object({ figure: z.enum(COUNTER_KEYS), items: z.array(drillItem), next: z.string().nullable() }) },
  /** The worker level: figures per officer who signed (首问负责), for a community or grid. */
  workers: {
    input: dashboardInputSchema,
    output: z.object({
      /** `work`: info items and meeting attendance (work-figures.ts); null for all when the period holds too many facts (workNote says so). */
      // `recordsOpen`: the caller may open this worker's records (stats.workerRecords' own rule), so the card links its work lines.
      workers: z.array(z.object({ userId: z.string(), name: z.string(), ...figures, work: workFiguresSchema.nullable(), recordsOpen: z.boolean() })),
      workNote: z.string().nullable(),
    }),
  },
  /**
   * The records behind one worker's work figure (patrol days, visits, log days, meetings, 有效信息) for the
   * scope and period, newest first, a page at a time; `figures` is that worker's row of `workers`, from
   * the same code, so the list of a kind has that figure's length. The worker themself, or who supervises
   * one of their grids (worklog canSeeWorker), and the worker must belong to the scope.
   */
  workerRecords: {
    input: workerRecordsInputSchema,
    output: z.object({
      kind: z.enum(WORKER_RECORD_KINDS),
      userId: z.string(),
      name: z.string(),
      figures: workFiguresSchema,
      total: z.number(),
      items: z.array(workerRecordItem),
      next: z.string().nullable(),
    }),
  },
  /** The street's administrator: rebuild one day's rows now (the timer does it nightly). */
  rebuildDay: {
    input: z.object({ streetId: id.describe('街道'), day: daySchema('日期').describe('日期') }).strict(),
    output: z.object({ day: z.string(), rows: z.number(), cases: z.number() }),
  },
  /** Staff of the scope: a 台账 as .xlsx in storage, with a temporary download URL. */
  exportLedger: { input: ledgerInputSchema, output: z.object({ url: z.string(), fileId: z.string(), rows: z.number(), name: z.string() }) },
} as const;

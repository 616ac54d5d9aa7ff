import * as z from 'zod';
import { entryValueSchema } from './facts';
import { RUN_STATES, SUBJECT_KINDS } from './records';
import { halfMonthSchema, patrolBulletinRowSchema } from './patrol-bulletin';
import { ruleSetSchema } from './rule-set';

/**
 * Contract of the `assess` function (issue 16 items 4–6). Outputs are allow-lists; dates travel as ISO
 * strings. The caller is always the platform identity.
 */

// Ids are ours (run, sheet, user, community ids): a narrow alphabet keeps hostile strings out of document paths.
const id = z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,159}$/, '编号格式不正确');
const expectedVersion = z.number().int().nonnegative().describe('版本号');
const reason = z.string().trim().min(2, '请写明理由').max(200, '理由最多200字').describe('理由');
const month = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式应为 年-月,如 2026-11').describe('月份');
const iso = z.string();

const lineOutput = z.object({
  itemId: z.string(),
  title: z.string(),
  kind: z.string(),
  role: z.string(),
  points: z.number(),
  max: z.number(),
  formula: z.string(),
  evidence: z.array(z.object({ kind: z.string(), id: z.string(), label: z.string() })),
  source: z.string(),
  pending: z.boolean(),
});

const ruleSetSummary = z.object({ id: z.string(), name: z.string(), unit: z.string(), subject: z.string(), source: z.string(), shipped: z.boolean(), version: z.number() });

const rankRow = z.object({
  subjectId: z.string(),
  subjectName: z.string(),
  rank: z.number(),
  total: z.number(),
  grade: z.string().nullable(),
  payoutYuan: z.number().nullable(),
  paidYuan: z.number().nullable(),
  payoutNotes: z.array(z.string()),
  flags: z.array(z.string()),
  pendingItems: z.array(z.string()),
  vetoed: z.boolean(),
  sheetId: z.string().nullable(),
});

const runOutput = z.object({
  runId: z.string(),
  month: z.string(),
  scopeName: z.string(),
  communityId: z.string().nullable(),
  ruleSetId: z.string(),
  ruleSetName: z.string(),
  unit: z.string(),
  state: z.enum(RUN_STATES),
  revision: z.number(),
  publishedRevision: z.number().nullable(),
  publishedAt: iso.nullable(),
  version: z.number(),
  factsAt: iso,
  /** What this caller may do here, so the page shows only usable buttons. */
  canManage: z.boolean(),
  items: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string(), max: z.number(), entry: z.string().nullable(), options: z.array(z.object({ id: z.string(), label: z.string(), points: z.number() })) })),
  subjects: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(SUBJECT_KINDS), gridIds: z.array(z.string()), scorableItems: z.array(z.string()) })),
  ranking: z.array(rankRow),
  covers: z.array(z.object({ absentPersonId: z.string(), coverPersonId: z.string(), reason: z.string() })),
  corrections: z.array(z.object({ revision: z.number(), reason: z.string(), at: iso })),
});

export const sheetOutputSchema = z.object({
  sheetId: z.string(),
  runId: z.string(),
  month: z.string(),
  revision: z.number(),
  current: z.boolean(),
  ruleSetName: z.string(),
  unit: z.string(),
  subjectName: z.string(),
  total: z.number(),
  max: z.number(),
  bonus: z.number(),
  rank: z.number(),
  of: z.number(),
  grade: z.string().nullable(),
  payout: z.object({ percent: z.number(), yuan: z.number(), formula: z.string() }).nullable(),
  paidYuan: z.number().nullable(),
  payoutNotes: z.array(z.string()),
  flags: z.array(z.object({ label: z.string(), formula: z.string() })),
  vetoed: z.boolean(),
  correctionReason: z.string().nullable(),
  lines: z.array(lineOutput),
  publishedAt: iso,
});

const fileOutput = z.object({ url: z.string(), fileId: z.string(), rows: z.number() });

export const BULLETIN_KINDS = ['ranking', 'red_black'] as const;
export const BULLETIN_KIND_LABELS: Record<(typeof BULLETIN_KINDS)[number], string> = { ranking: '月度考核排名通报', red_black: '红黑榜' };

export const assessApi = {
  ruleSets: { input: z.object({}).strict(), output: z.object({ ruleSets: z.array(ruleSetSummary) }) },
  ruleSet: {
    input: z.object({ ruleSetId: id.describe('规则集') }).strict(),
    output: z.object({ ruleSet: ruleSetSchema, shipped: z.boolean(), version: z.number(), changes: z.array(z.object({ version: z.number(), reason: z.string(), summary: z.array(z.string()), byName: z.string(), at: iso })) }),
  },
  copyRuleSet: {
    input: z.object({ fromId: id.describe('原规则集'), newId: z.string().regex(/^[a-z0-9_-]{2,30}$/, '编号只能用小写字母、数字、下划线和短横线,2–30位').describe('新编号'), name: z.string().trim().min(1, '请填写名称').max(60).describe('名称'), reason }).strict(),
    output: z.object({ ruleSetId: z.string(), version: z.number() }),
  },
  saveRuleSet: {
    input: z.object({ ruleSetId: id.describe('规则集'), expectedVersion, ruleSet: ruleSetSchema, reason }).strict(),
    output: z.object({ ruleSetId: z.string(), version: z.number(), summary: z.array(z.string()) }),
  },
  openRun: {
    input: z.object({ ruleSetId: id.describe('规则集'), month, communityId: id.optional().describe('社区') }).strict(),
    output: z.object({ runId: z.string(), created: z.boolean() }),
  },
  runs: {
    input: z.object({ month: month.optional() }).strict(),
    output: z.object({
      runs: z.array(z.object({ runId: z.string(), month: z.string(), scopeName: z.string(), ruleSetName: z.string(), state: z.enum(RUN_STATES), revision: z.number(), subjects: z.number() })),
      /** Street runners: the communities a worker run may be opened for (empty for everyone else). */
      communities: z.array(z.object({ id: z.string(), name: z.string() })),
      /** Scopes this caller may make a 巡查通报 for: the street (communityId null) and its communities, or their own community. */
      patrolBulletinScopes: z.array(z.object({ communityId: z.string().nullable(), name: z.string() })),
    }),
  },
  run: { input: z.object({ runId: id.describe('考核') }).strict(), output: runOutput },
  refreshFacts: { input: z.object({ runId: id.describe('考核'), expectedVersion }).strict(), output: z.object({ version: z.number() }) },
  enterScore: {
    input: z.object({ runId: id.describe('考核'), expectedVersion, subjectId: id.describe('被考核对象'), itemId: id.describe('考核条目'), value: entryValueSchema, reason }).strict(),
    output: z.object({ version: z.number(), entryId: z.string() }),
  },
  setCover: {
    input: z.object({ runId: id.describe('考核'), expectedVersion, absentPersonId: id.describe('病假人员'), coverPersonId: id.describe('顶岗人员'), reason }).strict(),
    output: z.object({ version: z.number() }),
  },
  publish: { input: z.object({ runId: id.describe('考核'), expectedVersion }).strict(), output: z.object({ version: z.number(), revision: z.number(), sheets: z.number() }) },
  correct: { input: z.object({ runId: id.describe('考核'), expectedVersion, reason }).strict(), output: z.object({ version: z.number(), revision: z.number() }) },
  mySheets: {
    input: z.object({}).strict(),
    output: z.object({ sheets: z.array(z.object({ sheetId: z.string(), month: z.string(), ruleSetName: z.string(), subjectName: z.string(), total: z.number(), unit: z.string(), grade: z.string().nullable(), rank: z.number(), paidYuan: z.number().nullable(), flags: z.array(z.string()) })) }),
  },
  sheet: { input: z.object({ sheetId: id.describe('考核表') }).strict(), output: sheetOutputSchema },
  quarter: {
    input: z.object({ ruleSetId: id.describe('规则集'), year: z.number().int().min(2000).max(2100).describe('年度'), quarter: z.number().int().min(1).max(4).describe('季度'), communityId: id.optional() }).strict(),
    output: z.object({ rows: z.array(z.object({ subjectId: z.string(), subjectName: z.string(), months: z.array(z.object({ month: z.string(), total: z.number() })), quarterScore: z.number(), grade: z.string().nullable(), yuan: z.number(), formula: z.string(), notes: z.array(z.string()), flags: z.array(z.string()) })) }),
  },
  exportRanking: { input: z.object({ runId: id.describe('考核') }).strict(), output: fileOutput },
  bulletin: {
    input: z.object({ runId: id.describe('考核'), kind: z.enum(BULLETIN_KINDS).describe('通报类型') }).strict(),
    output: z.object({ bulletinId: z.string(), title: z.string(), pdfUrl: z.string(), xlsxUrl: z.string(), created: z.boolean() }),
  },
  /** A published 通报 as shared to a WeChat group: readable by the street's staff and grid workers. */
  bulletinView: {
    input: z.object({ bulletinId: id.describe('通报') }).strict(),
    output: z.object({
      bulletinId: z.string(),
      title: z.string(),
      kind: z.enum(BULLETIN_KINDS),
      rows: z.array(z.object({ rank: z.number(), name: z.string(), total: z.number(), grade: z.string().nullable(), paidYuan: z.number().nullable(), flags: z.array(z.string()) })),
      red: z.array(z.string()),
      black: z.array(z.string()),
      pdfUrl: z.string(),
      createdAt: iso,
    }),
  },
  /** The half-monthly 巡查通报 (002 L151) of the street or one community, for a half-month that is over; frozen once made. */
  patrolBulletin: {
    input: z.object({ halfMonth: halfMonthSchema, communityId: id.optional().describe('社区') }).strict(),
    output: z.object({ bulletinId: z.string(), title: z.string(), pdfUrl: z.string(), xlsxUrl: z.string(), created: z.boolean() }),
  },
  patrolBulletinView: {
    input: z.object({ bulletinId: id.describe('通报') }).strict(),
    output: z.object({
      bulletinId: z.string(),
      title: z.string(),
      scopeName: z.string(),
      halfMonth: z.string(),
      rows: z.array(patrolBulletinRowSchema),
      pdfUrl: z.string(),
      xlsxUrl: z.string(),
      createdAt: iso,
    }),
  },
} as const;

import { checkedScope } from './checked-scope';
import { CASE_STATE_LABELS, RATING_LABELS } from '../../src/domain/case/case-state';
import { DomainError } from '../../src/domain/errors';
import { CASE_LEDGER_KINDS, countersOf, LEDGER_LABELS, monthToDate, STATS_LEVEL_LABELS, wasOverdue, type CaseLedgerKind, type CounterKey, type LedgerKind, type Period, type ResolvedScope, type ScopeInput, type WorkLedgerKind } from '../../src/domain/stats';
import type { CaseRecord } from '../../src/domain/case/records';
import { appendAudit, requireCaller, type Invocation } from '../_lib';
import type { ExportStorage } from '../_lib/export-storage';
import { casesOf } from '../_lib/cases/store';
import { drillWhere } from './drill';
import { chinaWall } from '../../src/domain/calendar/china-time';
import { WORK_LEDGERS, type Column, type LedgerSheet } from './work-ledgers';
import { collectionOf, type Database } from '../_lib';
import { gridsOf } from '../_lib/stats/rows';
import { communityRecordSchema } from '../../src/domain/org/records';

/** One export holds at most this many cases (or patrols, visits, meetings): a street's year (100 000) is exported month by month. */
export const LEDGER_MAX_ROWS = 20_000;

const LEDGER_FIGURE: Record<CaseLedgerKind, CounterKey> = { cases: 'reported', overdue: 'overdue', satisfaction: 'votes' };

const BASE: Column[] = [
  { header: '事件编号', key: 'id', width: 28 },
  { header: '上报时间', key: 'createdAt', width: 20 },
  { header: '社区', key: 'communityId', width: 12 },
  { header: '网格', key: 'gridId', width: 12 },
  { header: '分类', key: 'category', width: 20 },
  { header: '事件描述', key: 'description', width: 40 },
  { header: '状态', key: 'state', width: 10 },
];
const COLUMNS: Record<CaseLedgerKind, Column[]> = {
  cases: [...BASE, { header: '是否超期', key: 'overdue', width: 10 }, { header: '是否督办', key: 'supervised', width: 10 }, { header: '返工', key: 'reworked', width: 8 }, { header: '评价', key: 'rating', width: 10 }],
  overdue: [...BASE, { header: '当前期限', key: 'dueAt', width: 20 }, { header: '已上报至', key: 'overdueLevel', width: 12 }, { header: '超期说明', key: 'deadlineReason', width: 30 }],
  satisfaction: [...BASE, { header: '评价', key: 'rating', width: 10 }, { header: '评价意见', key: 'ratingComment', width: 30 }, { header: '返工', key: 'reworked', width: 8 }],
};

const LEVEL_WORDS: Record<string, string> = { community: '社区', street: '街道', street_leader: '街道分管领导' };
const china = (d: Date | undefined) => (d ? chinaWall(d).toISOString().slice(0, 16).replace('T', ' ') : '');
const yesNo = (b: boolean) => (b ? '是' : '否');

function rowOf(c: CaseRecord): Record<string, string> {
  return {
    id: c._id,
    createdAt: china(c.createdAt),
    communityId: c.communityId,
    gridId: c.gridId,
    category: c.categoryLabel,
    description: c.description,
    state: CASE_STATE_LABELS[c.state],
    overdue: yesNo(wasOverdue(c)),
    supervised: yesNo(c.supervision !== undefined),
    reworked: yesNo(c.reworkCount > 0),
    rating: c.rating ? RATING_LABELS[c.rating] : '',
    ratingComment: c.ratingComment ?? '',
    dueAt: china(c.dueAt),
    overdueLevel: c.overdueLevel ? LEVEL_WORDS[c.overdueLevel] : '',
    deadlineReason: c.deadlineReason ?? '',
  };
}

/** The cases behind a dashboard figure: the same drill-down condition, so a ledger lists exactly the cases it counts. */
async function caseSheet(kind: CaseLedgerKind, call: Invocation, scope: ResolvedScope, period: Period): Promise<LedgerSheet> {
  const figure = LEDGER_FIGURE[kind];
  const where = drillWhere(call.db, scope, period, { figure });
  const found = where ? await casesOf(call.db).all(where, { orderBy: ['createdAt', 'asc'], max: LEDGER_MAX_ROWS }).catch((err) => {
    if (err instanceof RangeError) throw new DomainError('INVALID_INPUT', `输入有误：该时段事件超过 ${LEDGER_MAX_ROWS} 条，请按月导出`, { period: '时段太长，请按月导出' });
    throw err;
  }) : [];
  return { columns: COLUMNS[kind], rows: found.filter((c) => countersOf(c)[figure] > 0).map(rowOf) };
}

const communityNamesOf = (db: Database) => collectionOf(db, 'communities', communityRecordSchema.pick({ _id: true, name: true }).passthrough());

/**
 * Staff read a 台账 in Excel: the 社区 (and the case ledgers' 网格) column shows the place's name, not its
 * record id. One read per kind of place for the whole sheet; an id with no record stays as it is.
 */
async function withPlaceNames(db: Database, rows: LedgerSheet['rows']): Promise<LedgerSheet['rows']> {
  const idsOf = (key: string) => [...new Set(rows.map((r) => r[key]).filter((v): v is string => typeof v === 'string' && v !== ''))];
  const [communities, grids] = await Promise.all([
    idsOf('communityId').length ? communityNamesOf(db).loadMany(idsOf('communityId')) : [],
    idsOf('gridId').length ? gridsOf(db).loadMany(idsOf('gridId')) : [],
  ]);
  const names = { communityId: new Map(communities.map((c) => [c._id, c.name])), gridId: new Map(grids.map((g) => [g._id, g.name])) };
  return rows.map((r) => {
    const named = { ...r };
    for (const key of ['communityId', 'gridId'] as const) {
      const id = r[key];
      if (typeof id === 'string') named[key] = names[key].get(id) ?? id;
    }
    return named;
  });
}

const isCaseKind = (kind: LedgerKind): kind is CaseLedgerKind => (CASE_LEDGER_KINDS as readonly string[]).includes(kind);

/** The collection a ledger's rows come from, named in its audit entry. */
const SOURCE: Record<WorkLedgerKind, string> = { patrols: 'patrols', visits: 'visits', meetings: 'meetings' };

/**
 * exportLedger (issue 16 item 6): 台账 of cases, overdue cases and satisfaction — and of patrols, visits and
 * meetings (work-ledgers.ts) — for the caller's scope and a period, as .xlsx in storage with a temporary
 * link. No reporter names or phones (PRODUCT.md §11: data minimised); every export is written to the
 * audit trail.
 */
export async function exportLedger(input: { kind: LedgerKind; scope?: ScopeInput; period?: Period }, call: Invocation, storage: ExportStorage) {
  const caller = await requireCaller(call);
  const scope = await checkedScope(call.db, caller.roles, input.scope);
  const period = input.period ?? monthToDate(call.now);
  const kind = input.kind;
  const sheet = isCaseKind(kind) ? await caseSheet(kind, call, scope, period) : await WORK_LEDGERS[kind]({ db: call.db, scope, period, now: call.now, max: LEDGER_MAX_ROWS });
  const name = `${LEDGER_LABELS[kind]}（${STATS_LEVEL_LABELS[scope.level]}${scope.id} ${period.from}至${period.to}）`;
  // exceljs loads on the first export, not at cold start (as the volunteer export does).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(LEDGER_LABELS[kind]);
  ws.columns = sheet.columns;
  ws.addRows(await withPlaceNames(call.db, sheet.rows));
  ws.getRow(1).font = { bold: true };
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const fileId = await storage.upload(`exports/stats/${scope.match.streetId}/${kind}-${scope.level}-${scope.id}-${call.now.getTime()}.xlsx`, bytes);
  await appendAudit(call.db, {
    caller,
    streetId: scope.match.streetId,
    now: call.now,
    action: 'stats.exportLedger',
    target: { collection: isCaseKind(kind) ? 'cases' : SOURCE[kind], id: `${kind}:${scope.level}:${scope.id}:${period.from}:${period.to}`, label: name },
    before: null,
    after: { kind, scope: scope.id, from: period.from, to: period.to, rows: sheet.rows.length },
  });
  return { url: await storage.tempUrl(fileId), fileId, rows: sheet.rows.length, name };
}

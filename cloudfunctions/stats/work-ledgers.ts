import { DomainError } from '../../src/domain/errors';
import { chinaWall } from '../../src/domain/calendar/china-time';
import { attendanceStatus, type AttendanceStatus } from '../../src/domain/meeting/attendance';
import { MEETING_KIND_INFO } from '../../src/domain/meeting/kinds';
import { attendanceRecordSchema, meetingRecordSchema } from '../../src/domain/meeting/records';
import { FINDING_KIND_LABELS, FINDING_KINDS, PATROL_STATE_LABELS, patrolRecordSchema, type PatrolRecord } from '../../src/domain/patrol/records';
import { LEDGER_LABELS, LEDGER_LEVELS, STATS_LEVEL_LABELS, type Period, type ResolvedScope, type WorkLedgerKind } from '../../src/domain/stats';
import { periodInstants } from '../../src/domain/stats/period';
import { userRecordSchema } from '../../src/domain/user';
import { SIX_MUST_GROUP_LABELS, VISIT_KIND_LABELS } from '../../src/domain/worklog/visit';
import { visitRecordSchema, type VisitRecord } from '../../src/domain/worklog/records';
import { collectionOf, type Database } from '../_lib';
import type { Where } from '../_lib/records';
import { gridsOf } from '../_lib/stats/rows';

/**
 * The work ledgers of issue 16 item 6: 巡查台账, 走访台账 and 会议台账 for the caller's scope and period,
 * read page by page through the records accessor (never more than `max` documents: more is an error
 * asking for a shorter period, never a cut). Data minimised (PRODUCT.md §11): a visit's target is the
 * label its own list shows (building and door, or the household's label) — no ID numbers, no phones, no
 * notes; a worker appears by name only.
 */
export type Column = { header: string; key: string; width: number };
export interface LedgerSheet {
  columns: Column[];
  rows: Array<Record<string, string | number>>;
}

// Only the fields a ledger prints: the users' names (never their phones) and the grids' names.
const namesOf = (db: Database) => collectionOf(db, 'users', userRecordSchema.pick({ _id: true, name: true }));
const patrolsOf = (db: Database) => collectionOf(db, 'patrols', patrolRecordSchema);
const visitsOf = (db: Database) => collectionOf(db, 'visits', visitRecordSchema);
const meetingsOf = (db: Database) => collectionOf(db, 'meetings', meetingRecordSchema);
const attendanceOf = (db: Database) => collectionOf(db, 'meeting_attendance', attendanceRecordSchema);

const day = (d: Date) => chinaWall(d).toISOString().slice(0, 10);
const hhmm = (d: Date | undefined) => (d ? chinaWall(d).toISOString().slice(11, 16) : '');

export interface WorkLedgerRead {
  db: Database;
  scope: ResolvedScope;
  period: Period;
  now: Date;
  max: number;
}

/** Every match, or INVALID_INPUT naming the period when the scope holds more than one export may. */
async function capped<T>(read: Promise<T[]>, max: number, what: string): Promise<T[]> {
  return read.catch((err) => {
    if (err instanceof RangeError) throw new DomainError('INVALID_INPUT', `输入有误：该时段${what}超过 ${max} 条，请按月导出`, { period: '时段太长，请按月导出' });
    throw err;
  });
}

const inPeriod = (db: Database, period: Period) => {
  const { start, end } = periodInstants(period);
  return db.command.gte(start).and(db.command.lt(end));
};

async function nameMap(db: Database, ids: string[]): Promise<Map<string, string>> {
  return new Map((await namesOf(db).loadMany([...new Set(ids)])).map((u) => [u._id, u.name]));
}

async function gridNames(db: Database, ids: string[]): Promise<Map<string, string>> {
  return new Map((await gridsOf(db).loadMany([...new Set(ids)])).map((g) => [g._id, g.name]));
}

const PATROL_COLUMNS: Column[] = [
  { header: '日期', key: 'date', width: 12 },
  { header: '社区', key: 'communityId', width: 14 },
  { header: '网格', key: 'grid', width: 14 },
  { header: '网格员', key: 'worker', width: 10 },
  { header: '开始', key: 'start', width: 8 },
  { header: '结束', key: 'end', width: 8 },
  { header: '巡查分钟', key: 'minutes', width: 10 },
  { header: '签到次数', key: 'checkIns', width: 10 },
  { header: '签到楼栋', key: 'buildings', width: 30 },
  { header: '发现问题', key: 'findings', width: 10 },
  { header: '问题处理', key: 'findingKinds', width: 24 },
  { header: '状态', key: 'state', width: 8 },
];

function patrolRow(p: PatrolRecord): Record<string, string | number> {
  const byKind = FINDING_KINDS.map((k) => [FINDING_KIND_LABELS[k], p.findings.filter((f) => f.kind === k).length] as const).filter(([, n]) => n > 0);
  return {
    date: day(p.startedAt),
    communityId: p.communityId,
    grid: p.gridName,
    worker: p.workerName,
    start: hhmm(p.startedAt),
    end: hhmm(p.endedAt),
    minutes: p.minutes ?? '',
    checkIns: p.checkIns.length,
    buildings: [...new Set(p.checkIns.map((c) => c.buildingName))].join('、'),
    findings: p.findings.length,
    findingKinds: byKind.map(([label, n]) => `${label}${n}`).join('，'),
    state: PATROL_STATE_LABELS[p.state],
  };
}

const VISIT_COLUMNS: Column[] = [
  { header: '日期', key: 'date', width: 12 },
  { header: '时间', key: 'time', width: 8 },
  { header: '社区', key: 'communityId', width: 14 },
  { header: '网格', key: 'grid', width: 14 },
  { header: '网格员', key: 'worker', width: 10 },
  { header: '走访类型', key: 'kind', width: 12 },
  { header: '六必访对象', key: 'group', width: 14 },
  { header: '走访对象', key: 'target', width: 30 },
];

const visitRow = (v: VisitRecord, workers: Map<string, string>, grids: Map<string, string>) => ({
  date: day(v.visitedAt),
  time: hhmm(v.visitedAt),
  communityId: v.communityId,
  grid: grids.get(v.gridId) ?? v.gridId,
  worker: workers.get(v.workerId) ?? '',
  kind: VISIT_KIND_LABELS[v.kind],
  group: v.group ? SIX_MUST_GROUP_LABELS[v.group] : '',
  target: v.targetLabel,
});

const MEETING_COLUMNS: Column[] = [
  { header: '日期', key: 'date', width: 12 },
  { header: '时间', key: 'time', width: 12 },
  { header: '会议类型', key: 'kind', width: 18 },
  { header: '会议名称', key: 'title', width: 30 },
  { header: '组织人', key: 'organiser', width: 10 },
  { header: '应到', key: 'invited', width: 8 },
  { header: '实到', key: 'present', width: 8 },
  { header: '请假', key: 'onLeave', width: 8 },
  { header: '缺席', key: 'absent', width: 8 },
  { header: '状态', key: 'state', width: 8 },
];

/** The match of a scope as stored on patrols and visits (both carry street, community and grid). */
const placeWhere = (scope: ResolvedScope): Where => ({ ...scope.match });

export const WORK_LEDGERS: Record<WorkLedgerKind, (r: WorkLedgerRead) => Promise<LedgerSheet>> = {
  patrols: async ({ db, scope, period, max }) => {
    const found = await capped(patrolsOf(db).all({ ...placeWhere(scope), startedAt: inPeriod(db, period) }, { orderBy: ['startedAt', 'asc'], max }), max, '巡查');
    return { columns: PATROL_COLUMNS, rows: found.map(patrolRow) };
  },
  visits: async ({ db, scope, period, max }) => {
    const found = await capped(visitsOf(db).all({ ...placeWhere(scope), visitedAt: inPeriod(db, period) }, { orderBy: ['visitedAt', 'asc'], max }), max, '走访');
    const [workers, grids] = await Promise.all([nameMap(db, found.map((v) => v.workerId)), gridNames(db, found.map((v) => v.gridId))]);
    return { columns: VISIT_COLUMNS, rows: found.map((v) => visitRow(v, workers, grids)) };
  },
  meetings: async ({ db, scope, period, now, max }) => {
    if (!LEDGER_LEVELS.meetings.includes(scope.level)) {
      throw new DomainError('INVALID_INPUT', `输入有误：${LEDGER_LABELS.meetings}按街道或社区导出，不按${STATS_LEVEL_LABELS[scope.level]}`, { scope: '请选择街道或社区' });
    }
    // A community's ledger holds that community's meetings; the street's holds all of them.
    const where: Where = { streetId: scope.match.streetId, ...(scope.match.communityId ? { communityId: scope.match.communityId } : {}), startAt: inPeriod(db, period) };
    const meetings = await capped(meetingsOf(db).all(where, { orderBy: ['startAt', 'asc'], max }), max, '会议');
    // The invitations copy their meeting's street, community and start: one paged read, not one per meeting.
    const invitations = meetings.length === 0 ? [] : await capped(attendanceOf(db).all(where, { orderBy: ['startAt', 'asc'], max: max * 10 }), max * 10, '参会记录');
    const tally = new Map<string, Record<AttendanceStatus, number>>();
    const byId = new Map(meetings.map((m) => [m._id, m]));
    for (const a of invitations) {
      const m = byId.get(a.meetingId);
      if (!m) continue;
      const t = tally.get(m._id) ?? { expected: 0, present: 0, leave_pending: 0, on_leave: 0, absent: 0 };
      t[attendanceStatus(m, a, now)] += 1;
      tally.set(m._id, t);
    }
    const rows = meetings.map((m) => {
      const t = tally.get(m._id);
      const invited = t ? Object.values(t).reduce((s, n) => s + n, 0) : 0;
      return {
        date: day(m.startAt),
        time: `${hhmm(m.startAt)}–${hhmm(m.endAt)}`,
        kind: MEETING_KIND_INFO[m.kind].label,
        title: m.title,
        organiser: m.organiserName,
        invited,
        present: t?.present ?? 0,
        onLeave: t?.on_leave ?? 0,
        absent: t?.absent ?? 0,
        state: m.cancelled ? '已取消' : now.getTime() >= m.endAt.getTime() ? '已结束' : '未结束',
      };
    });
    return { columns: MEETING_COLUMNS, rows };
  },
};

import { chinaDayIndex, chinaIsoDate } from '../calendar/china-time';
import { attendanceOutcome, ATTENDANCE_STATUS_LABELS, type AttendanceFact, type AttendanceStatus, type LeavePolicy } from '../meeting/attendance';
import { SIX_MUST_GROUP_LABELS, VISIT_KIND_LABELS, type SixMustGroup, type VisitKind } from '../worklog/visit';
import { workFiguresOf, type WorkFigures } from './work-figures';

/**
 * The records behind one worker's work figures (issue 16 item 1, "each figure drills down to the records
 * behind it", at the worker level). ONE function turns a worker's facts of the period into both the lists
 * and the figures (`workerWorkOf`): `stats.workers` shows its figures, `stats.workerRecords` its lists, so
 * a list can never disagree with the figure it explains. Pure: the clock and the street's rules come in.
 */
export const WORKER_RECORD_KINDS = ['patrols', 'visits', 'logs', 'meetings', 'reports'] as const;
export type WorkerRecordKind = (typeof WORKER_RECORD_KINDS)[number];

/** Page heading per kind, and what the kind explains (the figure's label in work-figures.ts). */
export const WORKER_RECORD_LABELS: Record<WorkerRecordKind, string> = {
  patrols: '巡查记录',
  visits: '走访记录',
  logs: '工作日志',
  meetings: '参会记录',
  reports: '上报事件',
};

/** One worker's facts of the period, as compliance-facts.ts projects them. */
export interface OneWorkerFacts {
  patrols: ReadonlyArray<{ startedAt: Date; minutes?: number }>;
  visits: ReadonlyArray<{ kind: VisitKind; group?: SixMustGroup; targetLabel: string; visitedAt: Date }>;
  logs: ReadonlyArray<{ date: string }>;
  cases: ReadonlyArray<{ _id?: string; createdAt: Date }>;
  attendance: readonly AttendanceFact[];
}

export interface WorkerWorkRules {
  /** The street's daily patrol minimum (worklog street rules; default 60, 002 L23). */
  patrolMinutesPerDay: number;
  policy: LeavePolicy;
}

/** A day with ended patrols: their minutes together, and whether they reach the street's daily minimum (达标). */
export interface PatrolDayRecord {
  date: string;
  minutes: number;
  patrols: number;
  required: number;
  met: boolean;
}
export interface VisitRecordItem {
  date: string;
  time: string;
  kindLabel: string;
  /** The visit's own target label (building and door, or the household's label) — what its own list shows; no names, phones or ID numbers. */
  target: string;
}
export type MeetingOutcomeLabel = '出席' | '请假' | '缺席';
export interface MeetingRecordItem {
  date: string;
  meetingId: string;
  title: string;
  outcome: MeetingOutcomeLabel;
  statusLabel: string;
  /** Counted among 应参会: false only for approved leave the street's rule excuses. */
  counted: boolean;
}
export interface ReportRecordItem {
  date: string;
  caseId: string;
  createdAt: Date;
}

export interface WorkerRecords {
  /** Every day with ended patrols, newest first; 达标 days are `met` — their number is 巡查达标天数. */
  patrols: PatrolDayRecord[];
  visits: VisitRecordItem[];
  /** Each date with a submitted log once, newest first. */
  logs: Array<{ date: string }>;
  /** Settled invitations (over, or signed in), newest first; cancelled and future ones are not listed (nor counted). */
  meetings: MeetingRecordItem[];
  reports: ReportRecordItem[];
}

const chinaDate = (at: Date) => chinaIsoDate(chinaDayIndex(at.getTime()));
const chinaClock = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
const newestFirst = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

/** How a settled invitation reads: leave (approved, or asked and never decided) is 请假; a refused leave that was not attended is 缺席. */
const OUTCOME_OF_STATUS: Record<AttendanceStatus, MeetingOutcomeLabel> = {
  present: '出席',
  on_leave: '请假',
  leave_pending: '请假',
  absent: '缺席',
  expected: '缺席',
};

export function workerRecordsOf(f: OneWorkerFacts, rules: WorkerWorkRules, now: Date): WorkerRecords {
  const days = new Map<string, { minutes: number; patrols: number }>();
  for (const p of f.patrols) {
    const d = days.get(chinaDate(p.startedAt)) ?? { minutes: 0, patrols: 0 };
    days.set(chinaDate(p.startedAt), { minutes: d.minutes + (p.minutes ?? 0), patrols: d.patrols + 1 });
  }
  const meetings: MeetingRecordItem[] = [];
  for (const a of [...f.attendance].sort((x, y) => y.startAt.getTime() - x.startAt.getTime())) {
    const { outcome, status } = attendanceOutcome(a, rules.policy, now);
    if (outcome === 'unsettled') continue;
    meetings.push({ date: chinaDate(a.startAt), meetingId: a.meetingId, title: a.title, outcome: OUTCOME_OF_STATUS[status], statusLabel: ATTENDANCE_STATUS_LABELS[status], counted: outcome !== 'excused' });
  }
  return {
    patrols: [...days].map(([date, d]) => ({ date, ...d, required: rules.patrolMinutesPerDay, met: d.minutes >= rules.patrolMinutesPerDay })).sort(newestFirst),
    visits: [...f.visits]
      .sort((a, b) => b.visitedAt.getTime() - a.visitedAt.getTime())
      .map((v) => ({ date: chinaDate(v.visitedAt), time: chinaClock(v.visitedAt), kindLabel: VISIT_KIND_LABELS[v.kind] + (v.group ? `（${SIX_MUST_GROUP_LABELS[v.group]}）` : ''), target: v.targetLabel })),
    logs: [...new Set(f.logs.map((l) => l.date))].map((date) => ({ date })).sort(newestFirst),
    meetings,
    reports: [...f.cases].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map((c) => ({ date: chinaDate(c.createdAt), caseId: c._id ?? '', createdAt: c.createdAt })),
  };
}

/** The figures FROM the lists: what `stats.workers` shows is the length of what `stats.workerRecords` lists. */
export function figuresOfRecords(r: WorkerRecords, rules: WorkerWorkRules): WorkFigures {
  const counted = r.meetings.filter((m) => m.counted);
  return workFiguresOf({
    infoItems: r.reports.length,
    meetings: { required: counted.length, attended: counted.filter((m) => m.outcome === '出席').length },
    patrolMinutesByDate: new Map(r.patrols.map((d) => [d.date, d.minutes])),
    patrolMinutesPerDay: rules.patrolMinutesPerDay,
    visits: r.visits.length,
    logDates: new Set(r.logs.map((l) => l.date)),
  });
}

export function workerWorkOf(f: OneWorkerFacts, rules: WorkerWorkRules, now: Date): { records: WorkerRecords; figures: WorkFigures } {
  const records = workerRecordsOf(f, rules, now);
  return { records, figures: figuresOfRecords(records, rules) };
}

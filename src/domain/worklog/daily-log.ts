import * as z from 'zod';
import { CASE_ACTIONS } from '../case/case-command';
import { datesOf, weekdayOfDate, type Period } from './periods';
import { VISIT_KIND_LABELS, SIX_MUST_GROUP_LABELS, type SixMustGroup, type VisitKind } from './visit';
import { chinaWall } from '../calendar/china-time';

/**
 * 工作日志 (000 L35; 001 L161 "认真填写网格责任人工作日志，做到工作日清周结"). The app drafts the day from
 * what the records already say — patrols, visits, cases filed and handled, 当场处置 — so the worker only
 * adds what no record holds, and submits (日清). The week (周结) is built from the days. Pure functions.
 */

export interface PatrolOfDay {
  gridName: string;
  startedAt: Date;
  /** Whole minutes once ended; absent while it runs. */
  minutes?: number;
  checkIns: number;
  findings: ReadonlyArray<{ kind: 'case' | 'on_spot'; categoryLabel: string }>;
}

export interface VisitOfDay {
  kind: VisitKind;
  group?: SixMustGroup;
  targetLabel: string;
  visitedAt: Date;
}

/** A `case_events` entry the worker made that day. */
export interface CaseStepOfDay {
  caseId: string;
  type: string;
}

export const dayLogSummarySchema = z.object({
  patrols: z.number().int().nonnegative(),
  patrolMinutes: z.number().int().nonnegative(),
  checkIns: z.number().int().nonnegative(),
  visits: z.number().int().nonnegative(),
  casesFiled: z.number().int().nonnegative(),
  casesHandled: z.number().int().nonnegative(),
  onSpot: z.number().int().nonnegative(),
});
export type DayLogSummary = z.infer<typeof dayLogSummarySchema>;

export interface DayLogDraft {
  date: string;
  summary: DayLogSummary;
  /** One line per record, in Chinese, as the log reads. */
  lines: string[];
}

const HANDLING_STEPS: ReadonlySet<string> = new Set(CASE_ACTIONS);
const clock = (at: Date) => chinaWall(at).toISOString().slice(11, 16);

export function draftDayLog(date: string, facts: { patrols: readonly PatrolOfDay[]; visits: readonly VisitOfDay[]; caseSteps: readonly CaseStepOfDay[] }): DayLogDraft {
  const filed = new Set(facts.caseSteps.filter((s) => s.type === 'report').map((s) => s.caseId));
  const handled = new Set(facts.caseSteps.filter((s) => HANDLING_STEPS.has(s.type)).map((s) => s.caseId));
  const onSpot = facts.patrols.flatMap((p) => p.findings.filter((f) => f.kind === 'on_spot'));
  const summary: DayLogSummary = {
    patrols: facts.patrols.length,
    patrolMinutes: facts.patrols.reduce((sum, p) => sum + (p.minutes ?? 0), 0),
    checkIns: facts.patrols.reduce((sum, p) => sum + p.checkIns, 0),
    visits: facts.visits.length,
    casesFiled: filed.size,
    casesHandled: handled.size,
    onSpot: onSpot.length,
  };
  const lines = [
    ...[...facts.patrols]
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
      .map((p) => `${clock(p.startedAt)} 巡查${p.gridName}${p.minutes === undefined ? '（进行中）' : ` ${p.minutes} 分钟`}，楼栋打卡 ${p.checkIns} 处${p.findings.length ? `，发现问题 ${p.findings.length} 个（${p.findings.map((f) => f.categoryLabel).join('、')}）` : ''}`),
    ...[...facts.visits]
      .sort((a, b) => a.visitedAt.getTime() - b.visitedAt.getTime())
      .map((v) => `${clock(v.visitedAt)} ${VISIT_KIND_LABELS[v.kind]}${v.group ? `（${SIX_MUST_GROUP_LABELS[v.group]}）` : ''}：${v.targetLabel}`),
    ...(filed.size ? [`上报事件 ${filed.size} 件`] : []),
    ...(handled.size ? [`办理事件 ${handled.size} 件`] : []),
    ...(onSpot.length ? [`当场处置 ${onSpot.length} 件`] : []),
  ];
  return { date, summary, lines };
}

export const LOG_DAY_STATUSES = ['submitted', 'missing', 'today', 'upcoming', 'rest'] as const;
export type LogDayStatus = (typeof LOG_DAY_STATUSES)[number];
export const LOG_DAY_STATUS_LABELS: Record<LogDayStatus, string> = {
  submitted: '已提交',
  missing: '未提交',
  today: '今天待提交',
  upcoming: '未到',
  rest: '休息日',
};

export interface LogDay {
  date: string;
  weekday: number;
  working: boolean;
  status: LogDayStatus;
}

/**
 * The days of a window with their log status: a working day before today without a log is missing; a
 * rest day (weekend, holiday, per the street's calendar with 调休) is never missing, though a log written
 * on one counts as submitted.
 */
export function logDaysOf(p: Period, today: string, isWorking: (date: string) => boolean, submitted: ReadonlySet<string>): LogDay[] {
  return datesOf(p).map((date) => {
    const working = isWorking(date);
    const status: LogDayStatus = submitted.has(date) ? 'submitted' : date > today ? 'upcoming' : !working ? 'rest' : date === today ? 'today' : 'missing';
    return { date, weekday: weekdayOfDate(date), working, status };
  });
}

export const missingDates = (days: readonly LogDay[]) => days.filter((d) => d.status === 'missing').map((d) => d.date);

/** 周结: the week's totals from its days' logs. */
export function weekTotals(summaries: readonly DayLogSummary[]): DayLogSummary {
  const zero: DayLogSummary = { patrols: 0, patrolMinutes: 0, checkIns: 0, visits: 0, casesFiled: 0, casesHandled: 0, onSpot: 0 };
  return summaries.reduce((sum, s) => Object.fromEntries(Object.keys(zero).map((k) => [k, sum[k as keyof DayLogSummary] + s[k as keyof DayLogSummary]])) as DayLogSummary, zero);
}

import { chinaDayIndex, chinaIsoDate, dayIndexOfIsoDate } from '../../src/domain/calendar/china-time';
import { isWorkingDate } from '../../src/domain/calendar';
import * as z from 'zod';
import { DomainError } from '../../src/domain/errors';
import { patrolRecordSchema } from '../../src/domain/patrol/records';
import type { DayLogView, WeekLogView } from '../../src/domain/worklog/api';
import {
  dayOf,
  draftDayLog,
  gridLogIdFor,
  gridLogRecordSchema,
  logDaysOf,
  missingDates,
  periodLabel,
  periodOfKey,
  weekOf,
  weekTotals,
  type DayLogDraft,
  type GridLogRecord,
  type Period,
} from '../../src/domain/worklog';
import { collectionOf, type Invocation } from '../_lib';
import { loadStreetWorkConfig } from './street-rules';
import { visitsOf } from './visits';
import { resolveWorker, type Worker } from './workers';

export const gridLogsOf = (call: Invocation) => collectionOf(call.db, 'grid_logs', gridLogRecordSchema);

const todayOf = (now: Date) => chinaIsoDate(chinaDayIndex(now.getTime()));
const dayPeriod = (date: string) => periodOfKey('day', date);
const invalidDate = (message: string) => new DomainError('INVALID_INPUT', `输入有误：${message}`, { date: message });

/** The part of a stored case the log reads: its timeline steps (case/records.ts keeps them inside the case). */
const caseStepsSchema = z.object({
  _id: z.string(),
  timeline: z.array(z.object({ type: z.string(), by: z.string(), at: z.union([z.date(), z.string()]).transform((v) => new Date(v)) })),
});

/** What the records say about a worker's day: patrols started, visits, the case steps they took — three indexed reads. */
export async function draftOf(call: Invocation, workerId: string, day: Period): Promise<DayLogDraft> {
  const _ = call.db.command;
  const range = _.gte(new Date(day.start)).and(_.lt(new Date(day.end)));
  const [patrols, visits, steps] = await Promise.all([
    collectionOf(call.db, 'patrols', patrolRecordSchema).all({ workerId, startedAt: range }, { max: 200 }),
    visitsOf(call).all({ workerId, visitedAt: range }, { max: 500 }),
    // A case with a step that day was updated that day or later; the steps themselves are picked below.
    collectionOf(call.db, 'cases', caseStepsSchema).all({ 'timeline.by': workerId, updatedAt: _.gte(new Date(day.start)) }, { max: 2_000 }),
  ]);
  const inDay = (at: Date) => at.getTime() >= day.start && at.getTime() < day.end;
  return draftDayLog(day.firstDate, {
    patrols: patrols.map((p) => ({ gridName: p.gridName, startedAt: p.startedAt, minutes: p.minutes, checkIns: p.checkIns.length, findings: p.findings })),
    visits,
    caseSteps: steps.flatMap((c) => c.timeline.filter((e) => e.by === workerId && inDay(e.at)).map((e) => ({ caseId: c._id, type: e.type }))),
  });
}

const logView = (log: GridLogRecord) => ({ summary: log.summary, lines: log.lines, notes: log.notes, submittedAt: log.submittedAt.toISOString(), late: log.late, version: log.version });

export async function dayLog(input: { date?: string; workerId?: string }, call: Invocation): Promise<DayLogView> {
  const { caller, worker } = await resolveWorker(call, input.workerId);
  const today = todayOf(call.now);
  const date = input.date ?? today;
  if (date > today) throw invalidDate('不能查看未来日期的日志');
  const [draft, log, config] = await Promise.all([draftOf(call, worker.userId, dayPeriod(date)), gridLogsOf(call).load(gridLogIdFor(worker.userId, date)), loadStreetWorkConfig(call.db, worker.streetId)]);
  return {
    date,
    workerId: worker.userId,
    workerName: worker.name,
    draft,
    log: log ? logView(log) : null,
    canSubmit: worker.userId === caller.userId && withinBackfill(date, today, config.rules.backfill_days.amount),
  };
}

const withinBackfill = (date: string, today: string, days: number) => date <= today && dayIndexOfIsoDate(today) - dayIndexOfIsoDate(date) <= days;

export async function submitDayLog(input: { date: string; notes: string; expectedVersion?: number }, call: Invocation) {
  const { worker } = await resolveWorker(call, undefined);
  const today = todayOf(call.now);
  if (input.date > today) throw invalidDate('不能提交未来日期的日志');
  const config = await loadStreetWorkConfig(call.db, worker.streetId);
  const backfill = config.rules.backfill_days.amount;
  if (!withinBackfill(input.date, today, backfill)) throw invalidDate(`只能补交${backfill}天内的日志`);
  const draft = await draftOf(call, worker.userId, dayPeriod(input.date));
  const logs = gridLogsOf(call);
  const _id = gridLogIdFor(worker.userId, input.date);
  const late = input.date < today;
  const fields = { summary: draft.summary, lines: draft.lines, notes: input.notes, submittedAt: call.now, late, updatedAt: call.now };
  const existing = await logs.load(_id);
  if (existing) {
    if (input.expectedVersion === undefined) throw new DomainError('CONFLICT', '这一天的日志已提交，请刷新后修改', { date: '这一天的日志已提交' });
    // A resubmission keeps the first submission's lateness: editing a log on time stays on time.
    const version = await logs.update({ _id, version: input.expectedVersion }, { ...fields, late: existing.late });
    return { logId: _id, version, late: existing.late };
  }
  const { created } = await logs.insertOnce({ _id, streetId: worker.streetId, communityId: worker.communityId, gridIds: worker.gridIds, workerId: worker.userId, workerName: worker.name, date: input.date, ...fields, version: 1, createdAt: call.now });
  if (!created) throw new DomainError('CONFLICT', '这一天的日志已提交，请刷新后修改', { date: '这一天的日志已提交' });
  return { logId: _id, version: 1, late };
}

export async function weekLogOf(call: Invocation, worker: Worker, week: Period): Promise<WeekLogView> {
  const today = todayOf(call.now);
  const _ = call.db.command;
  const [logs, config] = await Promise.all([
    gridLogsOf(call).all({ workerId: worker.userId, date: _.gte(week.firstDate).and(_.lte(week.lastDate)) }, { max: 50 }),
    loadStreetWorkConfig(call.db, worker.streetId),
  ]);
  const byDate = new Map(logs.map((l) => [l.date, l]));
  const days = logDaysOf(week, today, (d) => isWorkingDate(d, config.calendar), new Set(byDate.keys())).map((d) => {
    const log = byDate.get(d.date);
    return log ? { ...d, notes: log.notes, late: log.late, summary: log.summary } : d;
  });
  return {
    week: { key: week.key, label: periodLabel(week) },
    workerId: worker.userId,
    workerName: worker.name,
    days,
    totals: weekTotals(logs.map((l) => l.summary)),
    missing: missingDates(days),
  };
}

export async function weekLog(input: { week?: string; workerId?: string }, call: Invocation): Promise<WeekLogView> {
  const { worker } = await resolveWorker(call, input.workerId);
  const week = input.week ? weekOf(dayOf(periodOfKey('day', input.week).start).start) : weekOf(call.now);
  return weekLogOf(call, worker, week);
}

import { isWorkingDate } from '../../src/domain/calendar';
import { meetingAttendanceOf, type AttendanceFact } from '../../src/domain/meeting/attendance';
import { chinaDayIndex, chinaIsoDate } from '../../src/domain/calendar/china-time';
import {
  COMPLIANCE_METRIC_LABELS,
  COMPLIANCE_METRICS,
  METRIC_RULE_LABEL,
  canSeeWorker,
  dayOf,
  inPeriod,
  monthOf,
  periodLabel,
  periodOfKey,
  previousPeriod,
  weekCompliance,
  weekOf,
  workerPlaces,
  type ComplianceMetric,
  type Period,
  type VisitFact,
  type WorkerWeekFacts,
} from '../../src/domain/worklog';
import type { ComplianceView } from '../../src/domain/worklog/api';
import type { RoleGrant } from '../../src/domain/user';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { loadComplianceFacts } from './compliance-facts';
import { streetWorkConfigFrom, type StreetWorkConfig } from './street-rules';

/**
 * compliance: per worker and week, each measure against its rule (issue 14 item 6). Two round trips
 * (issue 14 item 8 asks ≤ 3): the caller, then ONE aggregation with the street's rules, its workers and
 * the weeks' patrols, visits, logs and cases projected to the fields the rules read (compliance-facts.ts).
 */
const chinaDate = (at: Date) => chinaIsoDate(chinaDayIndex(at.getTime()));

export async function compliance(input: { week?: string; weeks: number; communityId?: string }, call: Invocation): Promise<ComplianceView> {
  const caller = await requireCaller(call);
  const streetId = caller.roles[0]?.streetId;
  authorize(Boolean(streetId));
  const last = weekOf(input.week ? periodOfKey('day', input.week).start : call.now);
  const weeks: Period[] = [last];
  while (weeks.length < input.weeks) weeks.unshift(previousPeriod(weeks[0]));
  const from = Math.min(weeks[0].start, monthOf(weeks[0].start).start);
  const to = last.end;
  const { configs, workers: users, patrols, visits, logs, cases, attendance } = await loadComplianceFacts(call.db, caller.userId, {
    streetId: streetId!,
    from: new Date(from),
    to: new Date(to),
    fromDate: chinaDate(new Date(from)),
    lastDate: last.lastDate,
  });
  const config = streetWorkConfigFrom(streetId!, configs);

  const workers = users
    .filter((u) => workerPlaces(u.roles).some((p) => !input.communityId || p.communityId === input.communityId))
    .filter((u) => canSeeWorker(caller, { userId: u._id, roles: u.roles }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  authorize(workers.length > 0 || isSupervisor(caller.roles), '您没有可查看的网格员');

  const byWorker = <R, T>(rows: readonly R[], key: (r: R) => string, map: (r: R) => T) => {
    const out = new Map<string, T[]>();
    for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), map(r)]);
    return out;
  };
  const patrolsOf = byWorker(patrols, (r) => r.workerId, (r) => ({ date: chinaDate(r.startedAt), minutes: r.minutes ?? 0 }));
  const visitsOf = byWorker(visits, (r) => r.workerId, ({ workerId: _w, ...v }): VisitFact => v);
  const logsOf = byWorker(logs, (r) => r.workerId, (r) => r.date);
  const casesOf = byWorker(cases, (r) => r.reporterId, (r) => chinaDate(r.createdAt));
  const attendanceOf = byWorker(attendance, (r) => r.userId, (r): AttendanceFact => r);
  const leavePolicy = { approvedLeaveExcused: config.rules.meetings_leave_excused.amount >= 1 };
  const meetingsIn = (week: Period, mine: readonly AttendanceFact[]) => meetingAttendanceOf(mine.filter((a) => inPeriod(week, a.startAt)), leavePolicy, call.now);
  const today = dayOf(call.now).firstDate;
  const isWorking = (d: string) => isWorkingDate(d, config.calendar);
  const tally = (dates: readonly string[]) => dates.reduce((m, d) => m.set(d, (m.get(d) ?? 0) + 1), new Map<string, number>());

  return {
    weeks: weeks.map((w) => ({ key: w.key, label: periodLabel(w) })),
    rows: workers.map((u) => {
      const minutes = new Map<string, number>();
      for (const p of patrolsOf.get(u._id) ?? []) minutes.set(p.date, (minutes.get(p.date) ?? 0) + p.minutes);
      const facts: Omit<WorkerWeekFacts, 'meetings'> = {
        patrolMinutesByDate: minutes,
        visits: visitsOf.get(u._id) ?? [],
        sixMustTargets: [],
        logDates: new Set(logsOf.get(u._id) ?? []),
        infoItemsByDate: tally(casesOf.get(u._id) ?? []),
      };
      const mine = attendanceOf.get(u._id) ?? [];
      return {
        workerId: u._id,
        name: u.name,
        weeks: weeks.map((week) => ({ key: week.key, cells: weekCompliance({ week, today, isWorking, rules: config.rules, patrolMinutesPerDay: config.patrolMinutesPerDay, facts: { ...facts, meetings: meetingsIn(week, mine) } }) })),
      };
    }),
    rules: COMPLIANCE_METRICS.map((metric) => ({ metric, label: COMPLIANCE_METRIC_LABELS[metric], rule: `${METRIC_RULE_LABEL[metric]}：${ruleAmount(metric, config)}`, reason: ruleReason(metric, config) })),
  };
}

const SUPERVISOR_ROLES = ['grid_chief', 'community_staff', 'street_staff', 'admin'];
const isSupervisor = (roles: readonly RoleGrant[]) => roles.some((g) => SUPERVISOR_ROLES.includes(g.role));

type Config = StreetWorkConfig;
const RULE_OF_METRIC: Record<ComplianceMetric, (c: Config) => { amount: number; reason: string }> = {
  patrol_minutes: (c) => c.patrolMinutesPerDay,
  patrol_days: (c) => c.rules.patrol_days_share,
  visits: (c) => c.rules.visits_per_week,
  saturday_visits: (c) => c.rules.saturday_visits_per_week,
  six_must: (c) => c.rules.six_must_visits_per_month,
  log_days: (c) => c.rules.log_days_share,
  // The leave rule decides what "required" means, so the legend shows it with the share.
  meetings: (c) => ({ amount: c.rules.meetings_attended_share.amount, reason: `${c.rules.meetings_attended_share.reason}；请假：${c.rules.meetings_leave_excused.amount >= 1 ? '批准的请假不计缺席' : '请假也计为未出席'}（${c.rules.meetings_leave_excused.reason}）` }),
  info_items: (c) => c.rules.info_items_per_month,
};
const ruleAmount = (m: ComplianceMetric, c: Config) => String(RULE_OF_METRIC[m](c).amount);
const ruleReason = (m: ComplianceMetric, c: Config) => RULE_OF_METRIC[m](c).reason;

import { datesOf, dayOf, inPeriod, monthOf, periodOfKey, weekdayOfDate, type Period } from './periods';
import { visitCovers, type VisitFact, type VisitTarget } from './due';
import { targetKeyOf } from './visit';
import { WORK_RULE_LABELS, type WorkRule, type WorkRules } from './work-rules';

/**
 * Compliance at a glance (issue 14 item 6): per worker and week, each measure against its rule, green
 * (met), red (missed) or grey (the window is still open and not met yet), with what to drill into.
 * Pure: the facts, the rules, the calendar and "today" are passed in.
 */
export const COMPLIANCE_METRICS = ['patrol_minutes', 'patrol_days', 'visits', 'saturday_visits', 'six_must', 'log_days', 'meetings', 'info_items'] as const;
export type ComplianceMetric = (typeof COMPLIANCE_METRICS)[number];

export const COMPLIANCE_METRIC_LABELS: Record<ComplianceMetric, string> = {
  patrol_minutes: '巡查时长（分钟）',
  patrol_days: '巡查天数',
  visits: '入户走访',
  saturday_visits: '周六进居入户',
  six_must: '六必访覆盖（本月）',
  log_days: '工作日志天数',
  meetings: '参加会议',
  info_items: '有效信息（本月）',
};

export type ComplianceStatus = 'met' | 'missed' | 'open' | 'none';
export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, string> = { met: '达标', missed: '未达标', open: '进行中', none: '不适用' };

export interface ComplianceCell {
  metric: ComplianceMetric;
  value: number;
  target: number;
  status: ComplianceStatus;
  reason: string;
  /** Drill-down: the dates or homes short of the rule. */
  short: string[];
}

export interface WorkerWeekFacts {
  /** Minutes patrolled per China date (ended patrols). */
  patrolMinutesByDate: ReadonlyMap<string, number>;
  /** The worker's visits from the start of the week's month (or the week, if earlier) to the week's end. */
  visits: readonly VisitFact[];
  /** 六必访 homes the register names for the worker's grids (the visits add the ones they reveal). */
  sixMustTargets: readonly VisitTarget[];
  logDates: ReadonlySet<string>;
  /** Information items (cases filed) per China date. */
  infoItemsByDate: ReadonlyMap<string, number>;
  meetings: { required: number; attended: number; missed: string[] };
}

export interface ComplianceInput {
  week: Period;
  /** China date of today: days after it are not judged. */
  today: string;
  isWorking: (date: string) => boolean;
  rules: WorkRules;
  patrolMinutesPerDay: WorkRule;
  facts: WorkerWeekFacts;
}

const sumWhere = (map: ReadonlyMap<string, number>, keep: (date: string) => boolean) => [...map].reduce((s, [d, n]) => (keep(d) ? s + n : s), 0);

/** Met when reached; otherwise missed once the window is over, open while it runs. */
function statusOf(value: number, target: number, windowOver: boolean): ComplianceStatus {
  if (target <= 0) return 'none';
  if (value >= target) return 'met';
  return windowOver ? 'missed' : 'open';
}

export function weekCompliance({ week, today, isWorking, rules, patrolMinutesPerDay, facts }: ComplianceInput): ComplianceCell[] {
  const weekOver = week.lastDate < today;
  // Days judged so far: working days already over. Today is still being worked, so it is judged only once
  // done — a log submitted or an hour patrolled this morning shows at once, and today is never a miss.
  const daysOver = datesOf(week).filter((d) => d < today && isWorking(d));
  const todayIn = week.firstDate <= today && today <= week.lastDate && isWorking(today);
  const judgedWith = (doneToday: boolean) => (todayIn && doneToday ? [...daysOver, today] : daysOver);
  // The month a week reports on: the one its last day so far falls in (a week across 30 Nov–6 Dec reports December).
  const month = monthOf(Math.min(week.end - 1, periodOfKey('day', today).start));
  const monthUntil = Math.min(week.end, month.end);
  const monthOver = month.lastDate < today && week.end >= month.end;
  const lastCounted = week.lastDate < month.lastDate ? week.lastDate : month.lastDate;
  const inMonthToWeekEnd = (d: string) => d >= month.firstDate && d <= lastCounted;
  const visitsInWeek = facts.visits.filter((v) => inPeriod(week, v.visitedAt));

  const share = (rule: WorkRule, days: readonly string[]) => Math.ceil(rule.amount * days.length);
  const patrolled = (d: string) => (facts.patrolMinutesByDate.get(d) ?? 0) >= patrolMinutesPerDay.amount;
  const patrolDays = judgedWith(patrolled(today));
  const logDays = judgedWith(facts.logDates.has(today));
  const minutesShort = patrolDays.filter((d) => !patrolled(d));
  const logShort = logDays.filter((d) => !facts.logDates.has(d));

  const sixMust = [...new Map([...facts.sixMustTargets, ...learntSixMust(facts.visits)].map((t) => [targetKeyOf(t), t])).values()];
  const monthVisits = facts.visits.filter((v) => v.visitedAt.getTime() >= month.start && v.visitedAt.getTime() < monthUntil);
  const sixMustShort = sixMust.filter((t) => !monthVisits.some((v) => visitCovers(t, v)));

  const cells: Record<ComplianceMetric, Omit<ComplianceCell, 'metric'>> = {
    patrol_minutes: {
      value: sumWhere(facts.patrolMinutesByDate, (d) => patrolDays.includes(d)),
      target: patrolMinutesPerDay.amount * patrolDays.length,
      status: 'none',
      reason: patrolMinutesPerDay.reason,
      short: minutesShort,
    },
    patrol_days: { value: patrolDays.length - minutesShort.length, target: share(rules.patrol_days_share, patrolDays), status: 'none', reason: rules.patrol_days_share.reason, short: minutesShort },
    visits: { value: visitsInWeek.length, target: rules.visits_per_week.amount, status: 'none', reason: rules.visits_per_week.reason, short: [] },
    saturday_visits: {
      value: visitsInWeek.filter((v) => weekdayOfDate(dayOf(v.visitedAt).firstDate) === 6).length,
      target: rules.saturday_visits_per_week.amount,
      status: 'none',
      reason: rules.saturday_visits_per_week.reason,
      short: [],
    },
    six_must: {
      value: sixMust.length - sixMustShort.length,
      target: rules.six_must_visits_per_month.amount > 0 ? sixMust.length : 0,
      status: 'none',
      reason: rules.six_must_visits_per_month.reason,
      short: sixMustShort.map((t) => t.label),
    },
    log_days: { value: logDays.length - logShort.length, target: share(rules.log_days_share, logDays), status: 'none', reason: rules.log_days_share.reason, short: logShort },
    meetings: {
      value: facts.meetings.attended,
      target: Math.ceil(rules.meetings_attended_share.amount * facts.meetings.required),
      status: 'none',
      reason: rules.meetings_attended_share.reason,
      short: facts.meetings.missed,
    },
    info_items: { value: sumWhere(facts.infoItemsByDate, inMonthToWeekEnd), target: rules.info_items_per_month.amount, status: 'none', reason: rules.info_items_per_month.reason, short: [] },
  };
  // Day-based measures judge only days already over, so they are settled as they go; window measures wait for their window.
  const over: Record<ComplianceMetric, boolean> = {
    patrol_minutes: true,
    patrol_days: true,
    visits: weekOver,
    saturday_visits: weekOver,
    six_must: monthOver,
    log_days: true,
    meetings: true,
    info_items: monthOver,
  };
  return COMPLIANCE_METRICS.map((metric) => ({ metric, ...cells[metric], status: statusOf(cells[metric].value, cells[metric].target, over[metric]) }));
}

function learntSixMust(visits: readonly VisitFact[]): VisitTarget[] {
  return visits
    .filter((v) => v.kind === 'six_must' && v.group)
    .map((v) => (v.householdId ? { householdId: v.householdId, label: v.targetLabel } : { buildingId: v.buildingId, door: v.door, label: v.targetLabel }));
}

/** The rule label a metric is judged by, for the legend. */
export const METRIC_RULE_LABEL: Record<ComplianceMetric, string> = {
  patrol_minutes: '每天巡查分钟数',
  patrol_days: WORK_RULE_LABELS.patrol_days_share,
  visits: WORK_RULE_LABELS.visits_per_week,
  saturday_visits: WORK_RULE_LABELS.saturday_visits_per_week,
  six_must: WORK_RULE_LABELS.six_must_visits_per_month,
  log_days: WORK_RULE_LABELS.log_days_share,
  meetings: WORK_RULE_LABELS.meetings_attended_share,
  info_items: WORK_RULE_LABELS.info_items_per_month,
};

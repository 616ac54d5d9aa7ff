import { toEpochMs, type Instant } from '../calendar/china-time';
import { inPeriod, monthOf, periodLabel, previousPeriod, quarterOf, weekOf, weekdayOfDate, dayOf, type Period, type PeriodKind } from './periods';
import { SIX_MUST_GROUP_LABELS, targetKeyOf, type SixMustGroup, type VisitKind } from './visit';
import type { WorkRuleKey, WorkRules } from './work-rules';

/**
 * The due-visits list (issue 14 item 3): tasks with windows from the street's rules, the calendar windows
 * and what was visited. Pure: "now", the rules, the targets and the visits are passed in.
 *
 * Each rule yields the current window's task (done or open) and, when the window before it was missed,
 * that miss as an overdue task, so a worker sees last week's shortfall on Monday and a household not
 * seen last month stays on the list, marked, until this month's visit.
 */

/** The part of a stored visit the rules read. */
export interface VisitFact {
  kind: VisitKind;
  group?: SixMustGroup;
  householdId?: string;
  buildingId?: string;
  door: string;
  targetLabel: string;
  visitedAt: Date;
}

/**
 * A home the rules ask about: a household of the register (with its flags), or a building/unit of the
 * grid while the register does not hold its households. `knownSince` keeps a target learnt late (a rented
 * home first recorded this month) from being marked overdue for a month before anyone knew of it.
 */
export interface VisitTarget {
  householdId?: string;
  buildingId?: string;
  door?: string;
  label: string;
  rented?: boolean;
  groups?: readonly SixMustGroup[];
  knownSince?: Date;
}

export const DUE_RULES = ['weekly', 'saturday', 'rental', 'six_must', 'quarterly'] as const;
export type DueRule = (typeof DUE_RULES)[number];

const RULE_OF: Record<DueRule, { key: WorkRuleKey; period: PeriodKind; title: string }> = {
  weekly: { key: 'visits_per_week', period: 'week', title: '每周入户走访' },
  saturday: { key: 'saturday_visits_per_week', period: 'week', title: '周六进居入户' },
  rental: { key: 'rental_visits_per_month', period: 'month', title: '出租房屋每月见面' },
  six_must: { key: 'six_must_visits_per_month', period: 'month', title: '六必访' },
  quarterly: { key: 'household_visits_per_quarter', period: 'quarter', title: '每季度入户走访' },
};

export type DueStatus = 'overdue' | 'open' | 'done';

export interface DueTask {
  /** Stable: rule, window and target. */
  id: string;
  rule: DueRule;
  title: string;
  window: { kind: PeriodKind; key: string; label: string; start: Date; end: Date };
  target?: { key: string; label: string; householdId?: string; buildingId?: string; door?: string };
  groups?: SixMustGroup[];
  required: number;
  done: number;
  status: DueStatus;
  /** The rule's source (or the street's reason for changing it). */
  reason: string;
}

/** Whether a visit was to this target: the same household, or the same building (and door, when the target names one). */
export function visitCovers(target: VisitTarget, visit: VisitFact): boolean {
  if (target.householdId) return visit.householdId === target.householdId;
  if (!target.buildingId || visit.buildingId !== target.buildingId) return false;
  const door = (target.door ?? '').replace(/\s+/g, '');
  return door === '' || visit.door.replace(/\s+/g, '') === door;
}

const isSaturday = (at: Date) => weekdayOfDate(dayOf(at).firstDate) === 6;

const windowOf = (p: Period) => ({ kind: p.kind, key: p.key, label: periodLabel(p), start: new Date(p.start), end: new Date(p.end) });

/** Targets the visits themselves reveal: homes visited as 出租房屋 are rented, 六必访 visits name a group. */
export function targetsFromVisits(visits: readonly VisitFact[]): VisitTarget[] {
  const byKey = new Map<string, VisitTarget>();
  const ordered = [...visits].sort((a, b) => a.visitedAt.getTime() - b.visitedAt.getTime());
  for (const v of ordered) {
    if (v.kind !== 'rental' && !(v.kind === 'six_must' && v.group)) continue;
    const key = targetKeyOf(v);
    const t = byKey.get(key) ?? { householdId: v.householdId, buildingId: v.householdId ? undefined : v.buildingId, door: v.householdId ? undefined : v.door, label: v.targetLabel, groups: [], knownSince: v.visitedAt };
    if (v.kind === 'rental') t.rented = true;
    if (v.group && !t.groups!.includes(v.group)) t.groups = [...t.groups!, v.group];
    byKey.set(key, t);
  }
  return [...byKey.values()];
}

/** Register targets win; a target only the visits reveal is added, and flags learnt from visits are merged in. */
export function mergeTargets(register: readonly VisitTarget[], learnt: readonly VisitTarget[]): VisitTarget[] {
  const byKey = new Map(register.map((t) => [targetKeyOf(t), { ...t }]));
  for (const t of learnt) {
    const key = targetKeyOf(t);
    const known = byKey.get(key);
    if (!known) byKey.set(key, t);
    else byKey.set(key, { ...known, rented: known.rented || t.rented, groups: [...new Set([...(known.groups ?? []), ...(t.groups ?? [])])] });
  }
  return [...byKey.values()];
}

interface CountTaskSpec {
  rule: DueRule;
  required: number;
  reason: string;
  period: Period;
  count: (p: Period) => number;
  /** Whether the previous window's miss is worth listing (a target learnt this window was not missed before). */
  countsBefore?: (p: Period) => boolean;
  target?: VisitTarget;
  groups?: SixMustGroup[];
}

function tasksOf(spec: CountTaskSpec): DueTask[] {
  const { rule, required, period, target } = spec;
  const make = (p: Period, done: number, status: DueStatus): DueTask => ({
    id: `${rule}:${p.key}${target ? `:${targetKeyOf(target)}` : ''}`,
    rule,
    title: target ? `${RULE_OF[rule].title}：${target.label}` : RULE_OF[rule].title,
    window: windowOf(p),
    ...(target ? { target: { key: targetKeyOf(target), label: target.label, householdId: target.householdId, buildingId: target.buildingId, door: target.door } } : {}),
    ...(spec.groups?.length ? { groups: spec.groups } : {}),
    required,
    done,
    status,
    reason: spec.reason,
  });
  const done = spec.count(period);
  const tasks = [make(period, done, done >= required ? 'done' : 'open')];
  const before = previousPeriod(period);
  if (spec.countsBefore?.(before) ?? true) {
    const doneBefore = spec.count(before);
    if (doneBefore < required) tasks.push(make(before, doneBefore, 'overdue'));
  }
  return tasks;
}

export interface DueInput {
  now: Instant;
  rules: WorkRules;
  /** The worker's visits since at least the start of the previous quarter. */
  visits: readonly VisitFact[];
  /** The homes of the worker's grids the register or the buildings list knows. */
  targets: readonly VisitTarget[];
}

const STATUS_ORDER: Record<DueStatus, number> = { overdue: 0, open: 1, done: 2 };

export function dueVisitTasks({ now, rules, visits, targets }: DueInput): DueTask[] {
  const at = toEpochMs(now);
  const periods: Record<PeriodKind, Period> = { day: dayOf(at), week: weekOf(at), month: monthOf(at), quarter: quarterOf(at) };
  const ruleOf = (rule: DueRule) => rules[RULE_OF[rule].key];
  const countIn = (p: Period, keep: (v: VisitFact) => boolean) => visits.filter((v) => inPeriod(p, v.visitedAt) && keep(v)).length;
  const knownBefore = (t: VisitTarget) => (p: Period) => !t.knownSince || t.knownSince.getTime() < p.start;
  const all = mergeTargets(targets, targetsFromVisits(visits));
  const tasks: DueTask[] = [];
  const add = (rule: DueRule, extra: Omit<CountTaskSpec, 'rule' | 'required' | 'reason' | 'period'>) => {
    const { amount, reason } = ruleOf(rule);
    if (amount <= 0) return; // a street switched the rule off (with its reason)
    tasks.push(...tasksOf({ rule, required: amount, reason, period: periods[RULE_OF[rule].period], ...extra }));
  };

  add('weekly', { count: (p) => countIn(p, () => true) });
  add('saturday', { count: (p) => countIn(p, (v) => isSaturday(v.visitedAt)) });
  for (const t of all.filter((x) => x.rented)) add('rental', { target: t, count: (p) => countIn(p, (v) => visitCovers(t, v)), countsBefore: knownBefore(t) });
  for (const t of all.filter((x) => x.groups?.length)) {
    add('six_must', { target: t, groups: [...t.groups!], count: (p) => countIn(p, (v) => visitCovers(t, v)), countsBefore: knownBefore(t) });
  }
  // 001 L395: every home once a quarter. Homes only the visits revealed are already homes of the grid.
  for (const t of all) add('quarterly', { target: t, count: (p) => countIn(p, (v) => visitCovers(t, v)), countsBefore: knownBefore(t) });

  return tasks.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.window.end.getTime() - b.window.end.getTime());
}

/** "困难群众、独居老人". */
export const groupsText = (groups: readonly SixMustGroup[]) => groups.map((g) => SIX_MUST_GROUP_LABELS[g]).join('、');

import { chinaInstant, DEFAULT_WORKING_CALENDAR, isWorkingDate } from '../calendar';
import { DEFAULT_PATROL_RULES } from '../patrol/rules';
import { weekCompliance, type ComplianceCell, type WorkerWeekFacts } from './compliance';
import type { VisitFact } from './due';
import { weekOf } from './periods';
import { DEFAULT_WORK_RULES } from './work-rules';

const at = (date: string, hhmm = '10:00') => new Date(chinaInstant(date, hhmm));
const visit = (date: string, over: Partial<VisitFact> = {}): VisitFact => ({ kind: 'routine', buildingId: 'b3', door: '502', targetLabel: '3栋502', visitedAt: at(date), ...over });
const noFacts: WorkerWeekFacts = { patrolMinutesByDate: new Map(), visits: [], sixMustTargets: [], logDates: new Set(), infoItemsByDate: new Map(), meetings: { required: 0, attended: 0, missed: [] } };
const patrol = { amount: DEFAULT_PATROL_RULES.dailyMinimumMinutes.value, reason: DEFAULT_PATROL_RULES.dailyMinimumMinutes.reason };
const run = (today: string, facts: Partial<WorkerWeekFacts>, weekDate = '2026-12-01') =>
  Object.fromEntries(
    weekCompliance({ week: weekOf(at(weekDate)), today, isWorking: (d) => isWorkingDate(d, DEFAULT_WORKING_CALENDAR), rules: DEFAULT_WORK_RULES, patrolMinutesPerDay: patrol, facts: { ...noFacts, ...facts } }).map((c) => [c.metric, c]),
  ) as Record<string, ComplianceCell>;

describe('compliance at a glance', () => {
  it('marks a finished week with one visit red and two visits green', () => {
    expect(run('2026-12-07', { visits: [visit('2026-12-02')] }).visits).toMatchObject({ value: 1, target: 2, status: 'missed' });
    expect(run('2026-12-07', { visits: [visit('2026-12-02'), visit('2026-12-05')] }).visits).toMatchObject({ value: 2, status: 'met' });
    expect(run('2026-12-07', { visits: [visit('2026-12-05')] }).saturday_visits).toMatchObject({ value: 1, status: 'met' });
  });

  it('keeps the running week grey until it is over', () => {
    expect(run('2026-12-03', { visits: [visit('2026-12-02')] }).visits.status).toBe('open');
  });

  it('lists the working days short of the patrol minimum and without a log', () => {
    const cells = run('2026-12-03', {
      patrolMinutesByDate: new Map([['2026-11-30', 70], ['2026-12-01', 40]]),
      logDates: new Set(['2026-11-30']),
    });
    expect(cells.patrol_minutes).toMatchObject({ value: 110, target: 180, status: 'missed' });
    expect(cells.patrol_days).toMatchObject({ value: 1, target: 3, status: 'missed', short: ['2026-12-01', '2026-12-02'] });
    expect(cells.log_days).toMatchObject({ value: 1, target: 3, short: ['2026-12-01', '2026-12-02'] });
  });

  it('judges only working days already over: a Monday morning has nothing to judge yet', () => {
    const cells = run('2026-11-30', {}, '2026-11-30');
    expect(cells.patrol_days).toMatchObject({ value: 0, target: 0, status: 'none' });
    expect(cells.log_days.status).toBe('none');
  });

  it('counts today once it is done, and never as a miss while it is still being worked', () => {
    const done = run('2026-12-02', { patrolMinutesByDate: new Map([['2026-11-30', 70], ['2026-12-01', 65], ['2026-12-02', 62]]), logDates: new Set(['2026-11-30', '2026-12-02']) });
    expect(done.patrol_days).toMatchObject({ value: 3, target: 3, short: [] });
    expect(done.patrol_minutes).toMatchObject({ value: 197, target: 180 });
    expect(done.log_days).toMatchObject({ value: 2, target: 3, short: ['2026-12-01'] });
    const notYet = run('2026-12-02', { patrolMinutesByDate: new Map([['2026-12-02', 20]]), logDates: new Set() });
    expect(notYet.patrol_days.short).not.toContain('2026-12-02');
    expect(notYet.log_days.short).not.toContain('2026-12-02');
    // A Monday log submitted in the morning shows at once (the chief saw 0 / 0 in the browser before).
    expect(run('2026-11-30', { logDates: new Set(['2026-11-30']) }, '2026-11-30').log_days).toMatchObject({ value: 1, target: 1, status: 'met' });
  });

  it('counts 六必访 homes covered this month, naming the ones not visited', () => {
    const cells = run('2026-12-03', {
      sixMustTargets: [{ householdId: 'hh-1', label: '5栋101' }, { householdId: 'hh-2', label: '6栋201' }],
      visits: [visit('2026-12-01', { householdId: 'hh-1' })],
    });
    expect(cells.six_must).toMatchObject({ value: 1, target: 2, status: 'open', short: ['6栋201'] });
  });

  it('counts information items month to date against the monthly rule', () => {
    const cells = run('2026-12-31', { infoItemsByDate: new Map([['2026-12-01', 12], ['2026-11-28', 30]]) }, '2026-12-28');
    expect(cells.info_items).toMatchObject({ value: 12, target: 20, status: 'open' });
  });
});

import { chinaInstant } from '../calendar';
import { dueVisitTasks, type DueTask, type VisitFact, type VisitTarget } from './due';
import { monthOf, previousPeriod, quarterOf, weekOf, periodOfKey, periodLabel } from './periods';
import { DEFAULT_WORK_RULES, resolveWorkRules, workRulesConfigSchema } from './work-rules';

const at = (date: string, hhmm = '10:00') => new Date(chinaInstant(date, hhmm));
const visit = (date: string, over: Partial<VisitFact> = {}, hhmm = '10:00'): VisitFact => ({
  kind: 'routine', buildingId: 'building-3', door: '502', targetLabel: '3栋502', visitedAt: at(date, hhmm), ...over,
});
const due = (now: Date, visits: VisitFact[], targets: VisitTarget[] = [], rules = DEFAULT_WORK_RULES) => dueVisitTasks({ now, rules, visits, targets });
const byRule = (tasks: DueTask[], rule: DueTask['rule']) => tasks.filter((t) => t.rule === rule);

describe('work windows in China time', () => {
  it('puts 31 December in the week that ends in the new year, and the year’s last quarter', () => {
    const eve = at('2026-12-31', '23:50');
    expect(weekOf(eve)).toMatchObject({ key: '2026-12-28', firstDate: '2026-12-28', lastDate: '2027-01-03' });
    expect(monthOf(eve)).toMatchObject({ key: '2026-12', lastDate: '2026-12-31' });
    expect(quarterOf(eve)).toMatchObject({ key: '2026-Q4', firstDate: '2026-10-01', lastDate: '2026-12-31' });
    expect(quarterOf(at('2027-01-01', '00:00')).key).toBe('2027-Q1');
  });

  it('moves to the next quarter at China midnight, not UTC midnight', () => {
    expect(quarterOf(at('2026-09-30', '23:59')).key).toBe('2026-Q3');
    expect(quarterOf(at('2026-10-01', '00:00')).key).toBe('2026-Q4');
    expect(quarterOf(at('2026-10-01', '07:59')).key).toBe('2026-Q4'); // still 30 September in UTC
  });

  it('steps back a window and finds one by its key', () => {
    expect(previousPeriod(weekOf(at('2027-01-01'))).key).toBe('2026-12-21');
    expect(previousPeriod(quarterOf(at('2027-02-01'))).key).toBe('2026-Q4');
    expect(periodOfKey('quarter', '2026-Q4')).toEqual(quarterOf(at('2026-11-15')));
    expect(periodLabel(weekOf(at('2026-11-30')))).toBe('11月30日–12月6日');
    expect(periodLabel(quarterOf(at('2026-11-30')))).toBe('2026年第四季度');
  });
});

describe('due visits', () => {
  it('flags a week with one visit as overdue on the Monday after', () => {
    const tasks = due(at('2026-12-07', '09:00'), [visit('2026-12-02')]);
    const weekly = byRule(tasks, 'weekly');
    expect(weekly).toEqual([
      expect.objectContaining({ status: 'overdue', done: 1, required: 2, window: expect.objectContaining({ key: '2026-11-30' }) }),
      expect.objectContaining({ status: 'open', done: 0, required: 2, window: expect.objectContaining({ key: '2026-12-07' }) }),
    ]);
    expect(weekly[0].reason).toContain('000 L33');
    expect(tasks[0].status).toBe('overdue'); // overdue first
  });

  it('does not flag a week with two visits', () => {
    const tasks = due(at('2026-12-07'), [visit('2026-12-01'), visit('2026-12-03')]);
    expect(byRule(tasks, 'weekly').map((t) => t.status)).toEqual(['open']);
  });

  it('counts a Saturday visit for the Saturday rule and for the week', () => {
    const tasks = due(at('2026-12-05', '16:00'), [visit('2026-12-01'), visit('2026-12-05', {}, '09:30')]);
    expect(byRule(tasks, 'saturday').find((t) => t.window.key === '2026-11-30')).toMatchObject({ status: 'done', done: 1 });
    expect(byRule(tasks, 'weekly').find((t) => t.window.key === '2026-11-30')).toMatchObject({ status: 'done', done: 2 });
  });

  it('does not count a Friday visit as the Saturday home visit', () => {
    const tasks = due(at('2026-12-06'), [visit('2026-12-04')]);
    expect(byRule(tasks, 'saturday').find((t) => t.window.key === '2026-11-30')).toMatchObject({ status: 'open', done: 0 });
  });

  it('asks to see a rented home every month, the month counted to 31 December midnight', () => {
    const rented = visit('2026-11-10', { kind: 'rental' });
    const lateOnNewYearsEve = visit('2026-12-31', { kind: 'rental' }, '23:30');
    const onEve = due(at('2026-12-31', '23:50'), [rented, lateOnNewYearsEve]);
    expect(byRule(onEve, 'rental')).toEqual([expect.objectContaining({ status: 'done', window: expect.objectContaining({ key: '2026-12' }), target: expect.objectContaining({ label: '3栋502' }) })]);
    const newYear = due(at('2027-01-01', '08:00'), [rented, lateOnNewYearsEve]);
    expect(byRule(newYear, 'rental').map((t) => [t.window.key, t.status])).toEqual([['2027-01', 'open']]);
  });

  it('marks a rented home missed last month overdue, but not before anyone knew it was rented', () => {
    const firstSeen = visit('2026-11-10', { kind: 'rental' });
    expect(byRule(due(at('2026-11-20'), [firstSeen]), 'rental').map((t) => t.status)).toEqual(['done']);
    expect(byRule(due(at('2027-01-05'), [firstSeen]), 'rental').map((t) => [t.window.key, t.status])).toEqual([
      ['2026-12', 'overdue'],
      ['2027-01', 'open'],
    ]);
  });

  it('lists 六必访 households from the register’s flags and from earlier visits, each month', () => {
    const register: VisitTarget[] = [{ householdId: 'hh-1', label: '5栋101 王大爷', groups: ['lone_elderly', 'disabled'] }];
    const earlier = visit('2026-11-03', { kind: 'six_must', group: 'hardship', householdId: 'hh-2', targetLabel: '6栋201' });
    const tasks = byRule(due(at('2026-12-10'), [earlier, visit('2026-12-09', { householdId: 'hh-1' })], register), 'six_must');
    expect(tasks.map((t) => [t.target?.householdId, t.window.key, t.status, t.groups])).toEqual([
      ['hh-1', '2026-11', 'overdue', ['lone_elderly', 'disabled']],
      ['hh-2', '2026-12', 'open', ['hardship']],
      ['hh-1', '2026-12', 'done', ['lone_elderly', 'disabled']],
    ]);
  });

  it('asks for every home once a quarter and flags the ones not seen last quarter', () => {
    const targets: VisitTarget[] = [
      { buildingId: 'building-1', label: '1栋' },
      { buildingId: 'building-2', label: '2栋' },
    ];
    const tasks = byRule(due(at('2026-10-08'), [visit('2026-09-30', { buildingId: 'building-1' }, '23:59')], targets), 'quarterly');
    const rows = tasks.map((t) => [t.target?.label, t.window.key, t.status]);
    expect(rows).toContainEqual(['2栋', '2026-Q3', 'overdue']);
    expect(rows).not.toContainEqual(['1栋', '2026-Q3', 'overdue']);
    expect(rows).toContainEqual(['1栋', '2026-Q4', 'open']);
  });

  it('drops a rule the street switched off and carries the street’s reason for a changed number', () => {
    const config = workRulesConfigSchema.parse({
      overrides: [
        { key: 'saturday_visits_per_week', amount: 0, reason: '本街道周六不安排入户' },
        { key: 'visits_per_week', amount: 3, reason: '街道办2026年第5号文' },
      ],
    });
    const tasks = due(at('2026-12-02'), [visit('2026-12-01')], [], resolveWorkRules(config));
    expect(byRule(tasks, 'saturday')).toEqual([]);
    expect(byRule(tasks, 'weekly')[0]).toMatchObject({ required: 3, reason: expect.stringContaining('第5号文') });
  });

  it('refuses an override without a reason or a share above one, naming the field', () => {
    const noReason = workRulesConfigSchema.safeParse({ overrides: [{ key: 'visits_per_week', amount: 3, reason: ' ' }] });
    expect(noReason.success).toBe(false);
    expect(noReason.error?.issues[0]).toMatchObject({ path: ['overrides', 0, 'reason'], message: '请写明依据' });
    const share = workRulesConfigSchema.safeParse({ overrides: [{ key: 'log_days_share', amount: 2, reason: '试' }] });
    expect(share.error?.issues[0].message).toBe('比例应在 0 到 1 之间');
  });
});

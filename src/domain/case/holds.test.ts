import { chinaInstant } from '../calendar/china-time';
import { DEFAULT_WORKING_CALENDAR } from '../calendar/config';
import { deadlineFieldsOf, escalationOf } from './escalation';
import type { SlaContext } from './sla';
import { DEFAULT_DEADLINES, DEFAULT_SLA, slaConfigSchema } from './sla-config';
import { ACTORS, caseIn, createCase } from './test-builders';
import { transition } from './transition';

const at = (date: string, time: string) => new Date(chinaInstant(date, time));
const ctx: SlaContext = { sla: DEFAULT_SLA, calendar: DEFAULT_WORKING_CALENDAR };

describe('挂牌督办 records and holds its level (issue 12 item 3)', () => {
  it.each([
    ['street_staff', 'street'],
    ['community_staff', 'community'],
    ['grid_chief', 'grid'],
  ] as const)('%s supervising records level %s', (who, level) => {
    const { case: c } = transition(caseIn('in_progress'), { type: 'supervise', dueAt: at('2025-10-20', '10:00'), note: '限期' }, ACTORS[who], at('2025-10-09', '10:00'));
    expect(c.supervision?.level).toBe(level);
  });

  it('a community 督办 replaces the overdue community deadline with its own, escalating to the street', () => {
    const c = caseIn('reported', { stageStartedAt: at('2025-10-09', '08:30'), supervision: { by: 'u', dueAt: at('2025-10-13', '17:00'), note: 'x', level: 'community' } });
    expect(deadlineFieldsOf(c, ctx, at('2025-10-09', '11:30'), 'community')).toMatchObject({ deadlineKind: 'supervision', escalatesTo: 'street', dueAt: at('2025-10-13', '17:00') });
  });

  it('once the 督办 deadline has escalated the case to the street, neither the 督办 nor the stage deadline send it back down', () => {
    const c = caseIn('accepted', { stageStartedAt: at('2025-10-14', '09:00'), supervision: { by: 'u', dueAt: at('2025-10-13', '17:00'), note: 'x', level: 'community' } });
    const f = deadlineFieldsOf(c, ctx, at('2025-10-14', '09:00'), 'street')!;
    expect(f).toMatchObject({ deadlineKind: 'answer', escalatesTo: 'street_leader' });
  });

  it('the sweep escalates a passed 督办 one level above its supervisor', () => {
    const c = { ...caseIn('reported', { supervision: { by: 'u', dueAt: at('2025-10-13', '17:00'), note: 'x', level: 'community' as const } }), escalatesTo: 'street' as const, overdueLevel: 'community' as const };
    const esc = escalationOf(c, ctx, at('2025-10-13', '17:01'))!;
    expect([esc.level, esc.overdueLevel]).toEqual(['street', 'street']);
    expect(esc.next).toMatchObject({ escalatesTo: 'street_leader' });
  });
});

describe('emergencies are chased on the clock (issue 12 item 2)', () => {
  const REPORTED = at('2025-10-11', '23:00'); // a Saturday night — a make-up working day, but 23:00 is no office hour

  it('defaults are short wall-clock deadlines with their reasons', () => {
    expect(DEFAULT_DEADLINES.emergency_sign_for).toMatchObject({ unit: 'hours', amount: 0.5, reason: expect.stringContaining('001 L123') });
    expect(DEFAULT_DEADLINES.emergency_hand_up).toMatchObject({ unit: 'hours', amount: 2, reason: expect.stringContaining('000 L23') });
  });

  it('after the immediate notice an unsigned emergency must be signed for within 30 minutes, then goes to the leader in charge', () => {
    const c = createCase({ caseClass: 'emergency', stageStartedAt: REPORTED });
    expect(deadlineFieldsOf(c, ctx, REPORTED)).toMatchObject({ deadlineKind: 'emergency_notify', dueAt: REPORTED, escalatesTo: 'street' });
    const notified = escalationOf({ ...c, escalatesTo: 'street' }, ctx, REPORTED)!;
    expect(notified.next).toMatchObject({ deadlineKind: 'emergency_sign_for', dueAt: at('2025-10-11', '23:30'), nearDueAt: at('2025-10-11', '23:24'), escalatesTo: 'street_leader' });
    const unsigned = escalationOf({ ...c, escalatesTo: 'street_leader', overdueLevel: 'street' }, ctx, at('2025-10-11', '23:30'))!;
    expect(unsigned).toEqual({ level: 'street_leader', overdueLevel: 'street_leader', next: null });
  });

  it('a signed emergency has 2 clock hours to be resolved, transferred or handed up', () => {
    const signed = caseIn('accepted', { caseClass: 'emergency', stageStartedAt: at('2025-10-11', '23:10') });
    expect(deadlineFieldsOf(signed, ctx, at('2025-10-11', '23:10'), 'street')).toMatchObject({ deadlineKind: 'emergency_hand_up', dueAt: at('2025-10-12', '01:10'), escalatesTo: 'street_leader' });
    // Without the notice having put it on the street list (e.g. reclassified on signing), the street is next.
    expect(deadlineFieldsOf(signed, ctx, at('2025-10-11', '23:10'))).toMatchObject({ deadlineKind: 'emergency_hand_up', escalatesTo: 'street' });
  });

  it('a street document saved before the emergency deadlines existed still loads, with the defaults filled in', () => {
    const old = slaConfigSchema.parse({ defaults: { sign_for: DEFAULT_DEADLINES.sign_for, answer: { unit: 'working_days', amount: 3, reason: '本街道承诺' } } });
    expect(old.defaults.emergency_sign_for).toEqual(DEFAULT_DEADLINES.emergency_sign_for);
    expect(old.defaults.answer.amount).toBe(3);
  });
});

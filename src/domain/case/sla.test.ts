import { chinaInstant } from '../calendar/china-time';
import { DEFAULT_WORKING_CALENDAR } from '../calendar/config';
import { DEFAULT_SLA, slaConfigSchema } from './sla-config';
import { deadlineRuleFor, nextDeadline, type SlaContext } from './sla';
import { caseIn, createCase } from './test-builders';

const at = (date: string, time: string) => new Date(chinaInstant(date, time));
const ctx: SlaContext = { sla: DEFAULT_SLA, calendar: DEFAULT_WORKING_CALENDAR };
const FRIDAY_1630 = at('2025-10-17', '16:30');

describe('nextDeadline', () => {
  it('a case nobody signs for in 2 working hours goes to the community', () => {
    const d = nextDeadline(createCase({ stageStartedAt: FRIDAY_1630 }), ctx, FRIDAY_1630)!;
    expect([d.kind, d.dueAt, d.escalatesTo]).toEqual(['sign_for', at('2025-10-20', '09:30'), 'community']);
  });

  it('warns the owner at 80 % of the working time: 96 min after Friday 16:30 is Monday 09:06', () => {
    expect(nextDeadline(createCase({ stageStartedAt: FRIDAY_1630 }), ctx, FRIDAY_1630)!.nearDueAt).toEqual(at('2025-10-20', '09:06'));
  });

  it('reports near-due and overdue against the given now', () => {
    const c = createCase({ stageStartedAt: FRIDAY_1630 });
    expect(nextDeadline(c, ctx, at('2025-10-20', '09:10'))).toMatchObject({ nearDue: true, overdue: false });
    expect(nextDeadline(c, ctx, at('2025-10-20', '09:30'))).toMatchObject({ nearDue: true, overdue: true });
  });

  it('an emergency is due immediately, at community and street at once (001 L123 "立即上报")', () => {
    const d = nextDeadline(createCase({ caseClass: 'emergency', stageStartedAt: at('2025-10-04', '03:00') }), ctx, at('2025-10-04', '03:00'))!;
    expect([d.kind, d.dueAt, d.escalatesTo, d.overdue]).toEqual(['emergency_notify', at('2025-10-04', '03:00'), 'street', true]);
  });

  it('an important case the officer cannot solve must reach the community head within 2 clock hours (000 L23)', () => {
    const d = nextDeadline(caseIn('in_progress', { caseClass: 'coordination', stageStartedAt: FRIDAY_1630 }), ctx, FRIDAY_1630)!;
    expect([d.kind, d.dueAt]).toEqual(['to_community_head', at('2025-10-17', '18:30')]);
  });

  it('at the community it must go on to the street within half a working day (000 L23)', () => {
    const d = nextDeadline(caseIn('escalated_to_community', { stageStartedAt: at('2025-10-09', '10:00') }), ctx, at('2025-10-09', '10:00'))!;
    expect([d.kind, d.dueAt, d.escalatesTo]).toEqual(['to_street', at('2025-10-09', '15:15'), 'street']);
  });

  it('a routine case gets an answer within 5 working days, skipping 国庆 (002)', () => {
    const d = nextDeadline(caseIn('in_progress', { stageStartedAt: at('2025-09-29', '10:00') }), ctx, at('2025-09-29', '10:00'))!;
    expect([d.kind, d.dueAt]).toEqual(['answer', at('2025-10-13', '10:00')]);
  });

  it('a dispatched case is due when its 交办函 says, warns at 80 % of the working time between, and goes to the leader in charge', () => {
    const d = nextDeadline(caseIn('dispatched', { stageStartedAt: at('2025-10-09', '08:30'), dispatchDueAt: at('2025-10-10', '08:30') }), ctx, at('2025-10-09', '09:00'))!;
    expect([d.kind, d.dueAt, d.nearDueAt, d.escalatesTo]).toEqual(['dispatch', at('2025-10-10', '08:30'), at('2025-10-09', '16:00'), 'street_leader']);
  });

  it('an earlier 督办 deadline comes before the stage deadline', () => {
    const c = caseIn('in_progress', { stageStartedAt: at('2025-10-09', '10:00'), supervision: { by: 'u-street', dueAt: at('2025-10-10', '10:00'), note: '限期' } });
    expect(nextDeadline(c, ctx, at('2025-10-09', '10:00'))!.kind).toBe('supervision');
  });

  it('no deadline runs once a case is resolved, closed or returned', () => {
    for (const state of ['resolved', 'closed', 'returned', 'transferred'] as const) expect(nextDeadline(caseIn(state), ctx, FRIDAY_1630)).toBeNull();
  });

  it('the key differs per stage so a deadline is escalated only once', () => {
    const a = nextDeadline(createCase({ stageStartedAt: FRIDAY_1630 }), ctx, FRIDAY_1630)!;
    const b = nextDeadline(caseIn('escalated_to_community', { stageStartedAt: at('2025-10-20', '09:30') }), ctx, FRIDAY_1630)!;
    expect(a.key).not.toBe(b.key);
    expect(a.key).toBe(nextDeadline(createCase({ stageStartedAt: FRIDAY_1630 }), ctx, at('2025-10-21', '10:00'))!.key);
  });
});

describe('overrides', () => {
  const sla = slaConfigSchema.parse({
    overrides: [
      { kind: 'sign_for', unit: 'working_hours', amount: 1, caseClass: 'coordination', reason: '协调性事项需尽快签收' },
      { kind: 'sign_for', unit: 'working_hours', amount: 0.5, caseClass: 'coordination', categoryId: 'gas', reason: '燃气隐患' },
      { kind: 'answer', unit: 'working_days', amount: 3, streetId: 'st-1', reason: '本街道承诺 3 个工作日答复' },
    ],
  });

  it('without a matching override the documented default applies, with its source', () => {
    expect(deadlineRuleFor('sign_for', createCase(), sla)).toEqual(DEFAULT_SLA.defaults.sign_for);
    expect(DEFAULT_SLA.defaults.to_street.reason).toContain('000 L23');
  });

  it('the most specific override wins', () => {
    expect(deadlineRuleFor('sign_for', createCase({ caseClass: 'coordination' }), sla).amount).toBe(1);
    expect(deadlineRuleFor('sign_for', createCase({ caseClass: 'coordination', categoryId: 'gas' }), sla).amount).toBe(0.5);
  });

  it('a street override applies only to that street', () => {
    expect(deadlineRuleFor('answer', createCase(), sla).amount).toBe(3);
    expect(deadlineRuleFor('answer', createCase({ streetId: 'st-2' }), sla).amount).toBe(5);
  });

  it('an override without a reason is refused', () => {
    expect(slaConfigSchema.safeParse({ overrides: [{ kind: 'answer', unit: 'working_days', amount: 3, reason: '' }] }).success).toBe(false);
  });
});

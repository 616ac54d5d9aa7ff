import { chinaInstant } from '../calendar/china-time';
import { DEFAULT_WORKING_CALENDAR } from '../calendar/config';
import { deadlineFieldsOf, escalationOf, higherLevel, LEVEL_ORDER, LEVELS_TO_NOTIFY } from './escalation';
import { DEFAULT_SLA } from './sla-config';
import type { SlaContext } from './sla';
import { caseIn, createCase } from './test-builders';

const at = (date: string, time: string) => new Date(chinaInstant(date, time));
const ctx: SlaContext = { sla: DEFAULT_SLA, calendar: DEFAULT_WORKING_CALENDAR };
// Thursday after 国庆 2025, a working day; Saturday 2025-10-11 is a make-up working day (调休).
const THURSDAY_10 = at('2025-10-09', '10:00');
const FRIDAY_1630 = at('2025-10-17', '16:30');

describe('higherLevel', () => {
  it('the ladder runs community, street, street leader', () => {
    expect(LEVEL_ORDER).toEqual(['community', 'street', 'street_leader']);
  });

  it('a case with no overdue level takes the level it reaches', () => {
    expect(higherLevel(undefined, 'community')).toBe('community');
  });

  it('a case never drops to a lower level than it already sits at', () => {
    expect(higherLevel('street', 'community')).toBe('street');
    expect(higherLevel('street_leader', 'street')).toBe('street_leader');
  });

  it('a case climbs to the higher of the two levels', () => {
    expect(higherLevel('community', 'street')).toBe('street');
    expect(higherLevel('street', 'street_leader')).toBe('street_leader');
    expect(higherLevel('street', 'street')).toBe('street');
  });
});

describe('deadlineFieldsOf', () => {
  it('a new report stores its sign-for deadline, its 80 % warning and the community as the next level', () => {
    const fields = deadlineFieldsOf(createCase({ stageStartedAt: FRIDAY_1630 }), ctx, FRIDAY_1630)!;
    expect(fields).toMatchObject({
      dueAt: at('2025-10-20', '09:30'),
      nearDueAt: at('2025-10-20', '09:06'),
      escalatesTo: 'community',
      deadlineKind: 'sign_for',
      deadlineReason: DEFAULT_SLA.defaults.sign_for.reason,
    });
    expect(fields.deadlineKey).toEqual(expect.any(String));
  });

  it('a resolved, closed, returned or transferred case stores no deadline', () => {
    for (const state of ['resolved', 'verified', 'rated', 'closed', 'returned', 'transferred'] as const) {
      expect(deadlineFieldsOf(caseIn(state), ctx, THURSDAY_10)).toBeNull();
    }
  });
});

describe('escalationOf', () => {
  it('an unsigned report goes to the community, which must pass it on to the street within half a working day', () => {
    const esc = escalationOf({ ...createCase({ stageStartedAt: at('2025-10-09', '07:00') }), escalatesTo: 'community' }, ctx, THURSDAY_10)!;
    expect([esc.level, esc.overdueLevel]).toEqual(['community', 'community']);
    expect(esc.next).toMatchObject({ deadlineKind: 'to_street', dueAt: at('2025-10-09', '15:15'), escalatesTo: 'street' });
  });

  it('at the street the case must be answered in 5 working days, counting the make-up Saturday, then goes to the leader in charge', () => {
    const c = { ...caseIn('in_progress', { stageStartedAt: at('2025-10-01', '10:00') }), escalatesTo: 'street' as const, overdueLevel: 'community' as const };
    const esc = escalationOf(c, ctx, THURSDAY_10)!;
    expect([esc.level, esc.overdueLevel]).toEqual(['street', 'street']);
    expect(esc.next).toMatchObject({ deadlineKind: 'answer', dueAt: at('2025-10-15', '10:00'), escalatesTo: 'street_leader' });
  });

  it('at the leader in charge the ladder ends: no follow-up deadline', () => {
    const c = { ...caseIn('escalated_to_street'), escalatesTo: 'street_leader' as const, overdueLevel: 'street' as const };
    expect(escalationOf(c, ctx, THURSDAY_10)).toEqual({ level: 'street_leader', overdueLevel: 'street_leader', next: null });
  });

  it('a case already on the street list that misses a community deadline stays on the street list, with the street follow-up', () => {
    const c = { ...caseIn('in_progress'), escalatesTo: 'community' as const, overdueLevel: 'street' as const };
    const esc = escalationOf(c, ctx, THURSDAY_10)!;
    expect([esc.level, esc.overdueLevel]).toEqual(['community', 'street']);
    expect(esc.next).toMatchObject({ deadlineKind: 'answer', escalatesTo: 'street_leader' });
  });

  it('a 督办 deadline still ahead outlives an escalation: it holds the case until it passes (issue 12 item 3)', () => {
    const c = {
      ...caseIn('in_progress', { supervision: { by: 'u-street', dueAt: at('2025-10-09', '11:00'), note: '限期' } }),
      escalatesTo: 'community' as const,
    };
    // A flag set before levels were recorded escalates to the leader in charge, as it always did.
    expect(escalationOf(c, ctx, THURSDAY_10)!.next).toMatchObject({ deadlineKind: 'supervision', dueAt: at('2025-10-09', '11:00'), escalatesTo: 'street_leader' });
  });

  it('without a 督办 the follow-up deadline starts at the escalation', () => {
    const c = { ...caseIn('in_progress'), escalatesTo: 'community' as const };
    expect(escalationOf(c, ctx, THURSDAY_10)!.next).toMatchObject({ deadlineKind: 'to_street', dueAt: at('2025-10-09', '15:15') });
  });

  it('an emergency report goes straight to the street', () => {
    const c = { ...createCase({ caseClass: 'emergency', stageStartedAt: THURSDAY_10 }), escalatesTo: 'street' as const };
    expect(escalationOf(c, ctx, THURSDAY_10)).toMatchObject({ level: 'street', overdueLevel: 'street', next: { escalatesTo: 'street_leader' } });
  });

  it('a case no longer open is not escalated', () => {
    for (const state of ['resolved', 'verified', 'rated', 'closed', 'returned', 'transferred'] as const) {
      expect(escalationOf({ ...caseIn(state), escalatesTo: 'community' }, ctx, THURSDAY_10)).toBeNull();
    }
  });

  it('the same case and time always give the same escalation (pure)', () => {
    const c = { ...createCase({ stageStartedAt: at('2025-10-09', '07:00') }), escalatesTo: 'community' as const };
    expect(escalationOf(c, ctx, THURSDAY_10)).toEqual(escalationOf(c, ctx, THURSDAY_10));
  });
});

describe('LEVELS_TO_NOTIFY', () => {
  it('an escalation notifies the level the case left and the level it reached', () => {
    expect(LEVELS_TO_NOTIFY).toEqual({ community: ['grid', 'community'], street: ['community', 'street'], street_leader: ['street'] });
  });
});

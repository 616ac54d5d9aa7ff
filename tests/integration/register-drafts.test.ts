import { chinaInstant } from '../../src/domain/calendar';
import { draftRegisterChange } from '../../cloudfunctions/_lib/register';
import { householdWith, registerAs } from '../support/register-builders';
import { useFunctionCloud } from './function-cloud';

/**
 * Issue 15 item 5: a change reported by other work (here: a visit) is a draft the worker confirms; until
 * then it is on the overdue lists once its register deadline (5 working days) has passed.
 */
describe('register drafts from other work', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;

  it('a visit drafts a move-out once, the worker sees it overdue, confirms it, and it is recorded late', async () => {
    t.cloud.clock.set(chinaInstant('2026-11-30', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }]);
    const facts = { householdId, kind: 'move_out' as const, occurredOn: '2026-11-30', subject: '王芳', source: 'visit' as const, sourceId: 'visit-0001' };
    const id = await draftRegisterChange(t.db as never, facts, new Date(chinaInstant('2026-11-30', '11:00')));
    expect(await draftRegisterChange(t.db as never, facts, new Date(chinaInstant('2026-11-30', '11:05')))).toBe(id);
    expect(await draftRegisterChange(t.db as never, { ...facts, householdId: 'hh-unknown' }, new Date())).toBeNull();

    t.cloud.clock.set(chinaInstant('2026-12-08', '09:00'));
    const overdue = (await officer('overdue', {})).data.items.filter((i: any) => i.kind === 'change_unconfirmed');
    expect(overdue.map((i: any) => [i.targetId, i.summary])).toEqual([[id, '王芳：迁出']]);
    expect((await (await registerAs(base(), 'user-officer-a2'))('confirmChange', { changeId: id, expectedVersion: 1 })).error.code).toBe('FORBIDDEN');
    expect((await officer('confirmChange', { changeId: id, expectedVersion: 1 })).ok).toBe(true);
    expect((await officer('overdue', {})).data.items.filter((i: any) => i.kind === 'change_unconfirmed')).toEqual([]);
    const change = (await officer('changes', {})).data.items.find((c: any) => c.changeId === id);
    expect(change).toMatchObject({ state: 'recorded', late: true });
    expect((await officer('confirmChange', { changeId: id, expectedVersion: 2 })).error.code).toBe('CONFLICT');
  });
});

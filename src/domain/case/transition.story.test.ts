import { DomainError } from '../errors';
import type { CaseActor } from './case-actor';
import type { CaseCommand } from './case-command';
import { isClosed, isOpen, isReturned, stateGroupOf, type CaseWorkflow } from './case-state';
import { actor, ACTORS, caseIn, createCase, LATER, T0 } from './test-builders';
import { transition } from './transition';

const run = (c: CaseWorkflow, cmd: CaseCommand, who: CaseActor) => transition(c, cmd, who, T0);
const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
};
const resolveCmd: CaseCommand = { type: 'resolve', note: '已清理', photos: ['cloud://after.jpg'] };

describe('a case from report to archive', () => {
  it('a routine case goes reported → accepted → in progress → resolved → verified → rated → closed, one event each', () => {
    let c = createCase();
    const steps: Array<[CaseCommand, CaseActor]> = [
      [{ type: 'accept' }, ACTORS.owner],
      [{ type: 'start' }, ACTORS.owner],
      [resolveCmd, ACTORS.owner],
      [{ type: 'verify', passed: true }, ACTORS.grid_chief],
      [{ type: 'rate', rating: 'basically_satisfied' }, ACTORS.reporter],
      [{ type: 'archive' }, ACTORS.community_staff],
    ];
    const events = steps.map(([cmd, who]) => {
      const r = run(c, cmd, who);
      c = r.case;
      return `${r.event.from}→${r.event.to} by ${r.event.by}`;
    });
    expect(events).toEqual([
      'reported→accepted by u-owner',
      'accepted→in_progress by u-owner',
      'in_progress→resolved by u-owner',
      'resolved→verified by u-chief',
      'verified→rated by u-reporter',
      'rated→closed by u-community',
    ]);
    expect(isClosed(c)).toBe(true);
  });
});

describe('首问负责 (001 L163)', () => {
  it('the first officer who signs owns the case', () => {
    expect(run(createCase(), { type: 'accept' }, ACTORS.other_officer).case.ownerId).toBe('u-officer-2');
  });

  it('another officer of the same grid cannot work on a case someone else signed for', () => {
    expect(codeOf(() => run(caseIn('accepted'), { type: 'start' }, ACTORS.other_officer))).toBe('FORBIDDEN');
  });

  it('once handed up to the community, the owning officer can no longer resolve it', () => {
    expect(codeOf(() => run(caseIn('escalated_to_community'), resolveCmd, ACTORS.owner))).toBe('FORBIDDEN');
  });

  it('an officer of another grid cannot sign for the case', () => {
    expect(codeOf(() => run(createCase(), { type: 'accept' }, ACTORS.out_of_scope_officer))).toBe('FORBIDDEN');
  });

  it('the officer can change the class when signing for it', () => {
    expect(run(createCase(), { type: 'accept', caseClass: 'coordination' }, ACTORS.owner).case.caseClass).toBe('coordination');
  });
});

describe('resolution and verification', () => {
  it('resolving needs at least one photo', () => {
    expect(codeOf(() => run(caseIn('in_progress'), { type: 'resolve', note: '已清理', photos: [] }, ACTORS.owner))).toBe('INVALID_INPUT');
  });

  it('resolving needs a result note', () => {
    expect(codeOf(() => run(caseIn('in_progress'), { type: 'resolve', note: '  ', photos: ['p.jpg'] }, ACTORS.owner))).toBe('INVALID_INPUT');
  });

  it('the result note and photos are kept on the event', () => {
    const { event } = run(caseIn('in_progress'), resolveCmd, ACTORS.owner);
    expect(event).toMatchObject({ type: 'resolve', note: '已清理', photos: ['cloud://after.jpg'], at: T0 });
  });

  it('the verifier cannot be the officer who resolved the case (001 L323)', () => {
    const resolvedByChief = caseIn('resolved', { ownerId: undefined, resolvedBy: 'u-chief' });
    expect(codeOf(() => run(resolvedByChief, { type: 'verify', passed: true }, ACTORS.grid_chief))).toBe('FORBIDDEN');
  });

  it('the verifier cannot be the officer who owns the case, even with a chief role', () => {
    const ownerAlsoChief = actor('u-owner', 'grid_officer', 'grid_chief');
    expect(codeOf(() => run(caseIn('resolved'), { type: 'verify', passed: true }, ownerAlsoChief))).toBe('FORBIDDEN');
  });

  it('a failed check sends the case back to the level that resolved it, with a reason', () => {
    const c = caseIn('resolved', { resolvedFrom: 'dispatched', resolvedBy: 'u-street' });
    expect(codeOf(() => run(c, { type: 'verify', passed: false }, ACTORS.community_staff))).toBe('INVALID_INPUT');
    expect(run(c, { type: 'verify', passed: false, note: '照片不清' }, ACTORS.community_staff).case.state).toBe('dispatched');
  });
});

describe('resident rating (PRODUCT.md §6)', () => {
  it('a first 不满意 reopens the case for rework and counts it', () => {
    const { case: c } = run(caseIn('verified'), { type: 'rate', rating: 'dissatisfied' }, ACTORS.reporter);
    expect([c.state, c.reworkCount, isOpen(c), c.resolvedBy]).toEqual(['in_progress', 1, true, undefined]);
  });

  it('a second 不满意 closes the case and keeps the rework count', () => {
    const { case: c } = run(caseIn('verified', { reworkCount: 1 }), { type: 'rate', rating: 'dissatisfied' }, ACTORS.reporter);
    expect([isClosed(c), c.reworkCount, c.rating]).toEqual([true, 1, 'dissatisfied']);
  });

  it('满意 moves the case to rated, still in the resolved group', () => {
    const { case: c } = run(caseIn('verified'), { type: 'rate', rating: 'satisfied' }, ACTORS.reporter);
    expect([c.state, stateGroupOf(c)]).toEqual(['rated', 'resolved']);
  });

  it('only the reporter can rate', () => {
    expect(codeOf(() => run(caseIn('verified'), { type: 'rate', rating: 'satisfied' }, ACTORS.resident))).toBe('FORBIDDEN');
  });
});

describe('escalation, dispatch, transfer and return', () => {
  it('a dispatch to a street department carries the department and its deadline', () => {
    const { case: c } = run(caseIn('escalated_to_community'), { type: 'dispatch', departmentId: 'dept-urban', dueAt: LATER }, ACTORS.community_staff);
    expect([c.state, c.departmentId, c.dispatchDueAt]).toEqual(['dispatched', 'dept-urban', LATER]);
  });

  it('a dispatch deadline in the past is refused', () => {
    const cmd: CaseCommand = { type: 'dispatch', departmentId: 'd', dueAt: new Date(T0.getTime() - 1) };
    expect(codeOf(() => run(caseIn('escalated_to_community'), cmd, ACTORS.community_staff))).toBe('INVALID_INPUT');
  });

  it('a transfer to an outside agency needs a written record', () => {
    expect(codeOf(() => run(caseIn('in_progress'), { type: 'transfer', agency: '派出所', record: '' }, ACTORS.owner))).toBe('INVALID_INPUT');
    const { case: c, event } = run(caseIn('in_progress'), { type: 'transfer', agency: '派出所', record: '移交函 12 号' }, ACTORS.owner);
    expect([isClosed(c), event.note]).toEqual([true, '派出所: 移交函 12 号']);
  });

  it('a return always carries a reason the reporter can see (004 L9)', () => {
    expect(codeOf(() => run(createCase(), { type: 'return', reason: ' ' }, ACTORS.owner))).toBe('INVALID_INPUT');
    const { case: c, event } = run(createCase(), { type: 'return', reason: '不属于网格事项' }, ACTORS.owner);
    expect([isReturned(c), c.returnReason, event.note]).toEqual([true, '不属于网格事项', '不属于网格事项']);
  });

  it('an invalid payload names the field in Chinese', () => {
    try {
      run(createCase(), { type: 'return', reason: '' }, ACTORS.owner);
    } catch (e) {
      expect((e as DomainError).fields).toEqual({ reason: '请填写退回原因' });
    }
    expect.assertions(1);
  });
});

describe('挂牌督办 (001 L23)', () => {
  it('a supervisor flags a case without changing its state or stage clock', () => {
    const before = caseIn('dispatched', { stageStartedAt: new Date('2025-10-01T00:00:00Z') });
    const { case: c, event } = run(before, { type: 'supervise', dueAt: LATER, note: '限期整改' }, ACTORS.street_staff);
    expect([c.state, c.stageStartedAt, c.supervision !== undefined, event.from, event.to]).toEqual(['dispatched', before.stageStartedAt, true, 'dispatched', 'dispatched']);
  });

  it('a closed case cannot be flagged', () => {
    expect(codeOf(() => run(caseIn('closed'), { type: 'supervise', dueAt: LATER, note: 'x' }, ACTORS.street_staff))).toBe('CONFLICT');
  });
});

it('the transition never mutates the case it was given', () => {
  const c = Object.freeze(createCase());
  expect(() => run(c, { type: 'accept' }, ACTORS.owner)).not.toThrow();
  expect(c.state).toBe('reported');
});

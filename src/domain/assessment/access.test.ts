import type { RoleGrant } from '../user';
import { canSeeUnpublished, hasConflict, scoreRefusal } from './access';
import type { RunRecord, RunSubject } from './records';
import { shippedRuleSet } from './shipped';

const S = 'st';
const worker: RunSubject = { id: 'u-a2', kind: 'worker', name: '李强', communityId: 'ca', gridIds: ['g-a2'] };
const community: RunSubject = { id: 'ca', kind: 'community', name: '肥东路社区', communityId: 'ca', gridIds: ['g-a1', 'g-a2'] };
const run = (subjects: RunSubject[], ruleSetId: string, communityId?: string) =>
  ({ streetId: S, communityId, subjects, ruleSet: shippedRuleSet(ruleSetId)!, state: 'open' } as unknown as RunRecord);
const staffA: RoleGrant = { role: 'community_staff', streetId: S, communityId: 'ca' };
const street: RoleGrant = { role: 'street_staff', streetId: S };

describe('回避 and who may score (002 L131–135)', () => {
  it('a worker is in conflict with themself and with anyone holding a grid role over their grid', () => {
    expect(hasConflict([], 'u-a2', worker)).toBe(true);
    expect(hasConflict([{ role: 'grid_chief', streetId: S, communityId: 'ca', gridIds: ['g-a1', 'g-a2'] }], 'u-chief', worker)).toBe(true);
    expect(hasConflict([staffA], 'u-staff', worker)).toBe(false);
  });
  it('a community\'s own staff may not score their community', () => {
    expect(hasConflict([staffA], 'u-staff', community)).toBe(true);
    expect(hasConflict([street], 'u-street', community)).toBe(false);
  });
  it('a department\'s own people, its head included, may not score it; other street staff may', () => {
    const department: RunSubject = { id: 'd-cg', kind: 'department', name: '城管科', gridIds: [], memberUserIds: ['u-head', 'u-member'] };
    const item = shippedRuleSet('seed-002-department-100')!.items.find((i) => i.id === 'handled')!;
    const r = run([department], 'seed-002-department-100');
    expect(scoreRefusal([street], 'u-head', r, item, department)).toBe('conflict');
    expect(scoreRefusal([street], 'u-member', r, item, department)).toBe('conflict');
    expect(scoreRefusal([street], 'u-street', r, item, department)).toBeNull();
    // A head without a street grant neither scores nor sees the run before publication.
    expect(scoreRefusal([], 'u-head', r, item, department)).toBe('role');
    expect(canSeeUnpublished([], 'u-head', r)).toBe(false);
  });
  it('community staff score their community\'s workers on the 000 table, not another community\'s', () => {
    const item = shippedRuleSet('seed-000-worker-100')!.items.find((i) => i.id === 'civility')!;
    expect(scoreRefusal([staffA], 'u-staff', run([worker], 'seed-000-worker-100', 'ca'), item, worker)).toBeNull();
    expect(scoreRefusal([staffA], 'u-staff', run([worker], 'seed-000-worker-100', 'cb'), item, worker)).toBe('role');
  });
  it('the subjects of an unpublished run cannot see it; its assessors can', () => {
    const r = run([worker], 'seed-000-worker-100', 'ca');
    expect(canSeeUnpublished([{ role: 'grid_officer', streetId: S, communityId: 'ca', gridIds: ['g-a2'] }], 'u-a2', r)).toBe(false);
    expect(canSeeUnpublished([staffA], 'u-staff', r)).toBe(true);
    expect(canSeeUnpublished([staffA], 'u-staff', run([community], 'seed-002-community-100'))).toBe(false);
  });
});

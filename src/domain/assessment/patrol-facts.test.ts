import { patrolFacts } from './patrol-facts';
import type { RunSubject } from './records';

const at = (day: string) => new Date(`${day}T09:30:00+08:00`);
const worker: RunSubject = { id: 'u-a1', kind: 'worker', name: '张丽', communityId: 'ca', gridIds: ['g1'] };
const community: RunSubject = { id: 'ca', kind: 'community', name: '肥东路社区', communityId: 'ca', gridIds: ['g1', 'g2'] };
const due = ['2026-11-02', '2026-11-03', '2026-11-04'];

describe('patrol facts (002 L28, L120)', () => {
  it('a working day without a patrol of one\'s own is one miss, with the day as evidence', () => {
    const f = patrolFacts(worker, due, [
      { workerId: 'u-a1', gridId: 'g1', startedAt: at('2026-11-02') },
      { workerId: 'u-a1', gridId: 'g1', startedAt: at('2026-11-02') },
      // A colleague's patrol of the grid does not excuse the worker's own miss.
      { workerId: 'u-a2', gridId: 'g1', startedAt: at('2026-11-03') },
    ]).missedDays;
    expect(f).toMatchObject({ count: 2, evidence: [{ id: 'u-a1|2026-11-03', label: '2026-11-03 未巡查' }, { id: 'u-a1|2026-11-04' }] });
  });
  it('a patrol started just after China midnight counts for that China day', () => {
    const f = patrolFacts(worker, ['2026-11-02'], [{ workerId: 'u-a1', gridId: 'g1', startedAt: new Date('2026-11-01T16:10:00Z') }]).missedDays;
    expect(f).toMatchObject({ count: 0 });
  });
  it('排查率 is patrolled grid-days over due grid-days', () => {
    const f = patrolFacts(community, due, [
      { workerId: 'u-a1', gridId: 'g1', startedAt: at('2026-11-02') },
      { workerId: 'u-a2', gridId: 'g2', startedAt: at('2026-11-02') },
      { workerId: 'u-a2', gridId: 'g2', startedAt: at('2026-11-04') },
    ]).coverageRate;
    expect(f).toMatchObject({ numerator: 3, denominator: 6 });
    expect(f.evidence.map((e) => e.id)).toEqual(['g1|2026-11-03', 'g1|2026-11-04', 'g2|2026-11-03']);
  });
});

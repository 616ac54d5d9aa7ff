import { kpisOf } from '../stats/kpis';
import { sumCounters } from '../stats/counters';
import { contributionOf } from '../stats/contribution';
import { escalated, rated, statsCase } from '../stats/test-builders';
import { caseFacts } from './case-facts';

/** The assessment's case facts are the statistics' figures for the same cases, with the cases behind them. */
describe('case facts', () => {
  const cases = [
    statsCase({ _id: 'late', state: 'rated', timeline: [escalated('answer'), rated('basically_satisfied')] }),
    statsCase({ _id: 'unhappy', state: 'rated', timeline: [rated('dissatisfied')] }),
    statsCase({ _id: 'ok', state: 'rated', timeline: [rated('satisfied')] }),
    statsCase({ _id: 'pending', state: 'in_progress' }),
    statsCase({ _id: 'supervised', state: 'in_progress', supervision: { by: 'u', dueAt: new Date(), note: '督办' } }),
  ];
  const facts = caseFacts(cases);
  const kpis = kpisOf(sumCounters(cases.map((c) => contributionOf(c).counters)));

  it('按期结案率 equals the dashboard\'s and lists the late case as its evidence', () => {
    const f = facts['cases.onTimeRate'];
    expect(f.kind === 'rate' && Math.round((f.numerator / f.denominator) * 1000) / 10).toBe(kpis.onTimeClosureRate);
    expect(f.evidence.map((e) => e.id)).toEqual(['late']);
  });
  it('满意率 counts only 满意 votes (002 L41) and lists the cases rated less', () => {
    expect(facts['cases.satisfaction']).toMatchObject({ numerator: 1, denominator: 3 });
    expect(facts['cases.satisfaction'].evidence.map((e) => e.id)).toEqual(['late', 'unhappy']);
  });
  it('counts 超期, 督办 and resolved-and-acknowledged cases', () => {
    expect(facts['cases.late']).toMatchObject({ count: 1, evidence: [expect.objectContaining({ id: 'late', kind: 'case' })] });
    expect(facts['cases.supervised']).toMatchObject({ count: 1 });
    expect(facts['cases.resolvedAcknowledged']).toMatchObject({ count: 2 });
  });
});

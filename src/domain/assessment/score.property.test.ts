import fc from 'fast-check';
import type { Fact, ManualEntry } from './facts';
import { gradeFor, payoutFor } from './grading';
import type { AssessmentItem, RuleSet } from './rule-set';
import { scoreSheet } from './score';
import { SHIPPED_RULE_SETS } from './shipped';
import { entry } from './test-builders';

/** Properties every shipped table keeps, over arbitrary facts and entries. */

const countFact = fc.nat({ max: 200 }).map((count): Fact => ({ kind: 'count', count, evidence: [] }));
const rateFact = fc
  .tuple(fc.nat({ max: 500 }), fc.nat({ max: 500 }))
  .map(([a, b]): Fact => ({ kind: 'rate', numerator: Math.min(a, b), denominator: Math.max(a, b), evidence: [] }));

function arbitraryInputs(set: RuleSet): fc.Arbitrary<{ facts: Record<string, Fact>; entries: ManualEntry[] }> {
  const per = set.items.map((item) => arbitraryFor(item));
  return fc.tuple(...per).map((parts) => {
    const facts: Record<string, Fact> = {};
    const entries: ManualEntry[] = [];
    parts.forEach((p, i) => {
      if (!p) return;
      if ('fact' in p) facts[set.items[i].id] = p.fact;
      else entries.push(p.entry);
    });
    return { facts, entries };
  });
}

type Part = { fact: Fact } | { entry: ManualEntry } | null;

function arbitraryFor(item: AssessmentItem): fc.Arbitrary<Part> {
  const maybe = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  switch (item.kind) {
    case 'rateSteps':
    case 'proportional':
      return maybe(rateFact.map((fact) => ({ fact })));
    case 'manual':
      return maybe(fc.integer({ min: 0, max: item.max * 2 }).map((h) => ({ entry: entry(item.id, { kind: 'points', points: h / 2 }) })));
    case 'listed':
      return maybe(fc.array(fc.constantFrom(...item.options.map((o) => o.id)), { maxLength: 5 }).map((ids) => ({ entry: entry(item.id, { kind: 'options', optionIds: ids }) })));
    case 'veto':
      return maybe(fc.boolean().map((v) => ({ entry: entry(item.id, { kind: 'veto', vetoed: v }) })));
    default:
      if ('enteredBy' in item.from) return maybe(fc.nat({ max: 200 }).map((count) => ({ entry: entry(item.id, { kind: 'count', count }) })));
      return maybe(countFact.map((fact) => ({ fact })));
  }
}

describe.each(SHIPPED_RULE_SETS.map((s) => [s.id, s] as const))('%s', (_id, set) => {
  it('a total never exceeds the maximum plus the bonuses earned', () => {
    fc.assert(
      fc.property(arbitraryInputs(set), ({ facts, entries }) => {
        const sheet = scoreSheet(set, facts, entries);
        expect(sheet.total).toBeLessThanOrEqual(sheet.max + sheet.bonus + 1e-9);
        // And each line keeps within its own maximum, except bonuses and uncapped awards.
        for (const line of sheet.lines) if (line.role === 'base') expect(line.points).toBeLessThanOrEqual(line.max + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('"扣完为止" items never go below 0, and the total is the sum of its lines', () => {
    fc.assert(
      fc.property(arbitraryInputs(set), ({ facts, entries }) => {
        const sheet = scoreSheet(set, facts, entries);
        for (const line of sheet.lines) if (line.kind === 'perMiss' || line.kind === 'rateSteps' || line.kind === 'proportional') expect(line.points).toBeGreaterThanOrEqual(0);
        const sum = sheet.lines.reduce((s, l) => s + l.points, 0);
        expect(Math.abs(sheet.total - sum)).toBeLessThan(0.011);
      }),
      { numRuns: 200 },
    );
  });

  it('more misses never raise a score (deductions are monotonic)', () => {
    const missItems = set.items.filter((i) => (i.kind === 'perMiss' || i.kind === 'uncapped') && 'metric' in i.from);
    if (missItems.length === 0) return;
    fc.assert(
      fc.property(fc.nat({ max: 100 }), fc.nat({ max: 100 }), (a, b) => {
        const [few, many] = [Math.min(a, b), Math.max(a, b)];
        const facts = (n: number) => Object.fromEntries(missItems.map((i) => [i.id, { kind: 'count', count: n, evidence: [] } as Fact]));
        expect(scoreSheet(set, facts(many), []).total).toBeLessThanOrEqual(scoreSheet(set, facts(few), []).total);
      }),
    );
  });

  it('a higher total never gets a lower grade or a smaller payout', () => {
    const rank = (g: string | null) => (g === null ? set.grades.length : set.grades.findIndex((b) => b.label === g));
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 30000 }), fc.integer({ min: -20000, max: 30000 }), (a, b) => {
        const [low, high] = [Math.min(a, b) / 100, Math.max(a, b) / 100];
        expect(rank(gradeFor(set, high))).toBeLessThanOrEqual(rank(gradeFor(set, low)));
        if (set.payout) expect(payoutFor(set, high)!.yuan).toBeGreaterThanOrEqual(payoutFor(set, low)!.yuan);
      }),
    );
  });
});

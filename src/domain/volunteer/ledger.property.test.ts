import fc from 'fast-check';
import { DomainError } from '../errors';
import { appendEntry, balance, checkCorrection, checkRedemption, correctionFor, refundFor, yearAvailable } from './ledger';
import type { LedgerEntry } from './ledger-entry';
import { chinaYear } from './period';
import { createAward, createRedemption } from './test-builders';

const START = Date.UTC(2023, 0, 1);
const SPAN = 3 * 365 * 24 * 3600 * 1000;

/** One step of a volunteer's life; `pick` chooses which earlier entry a correction or refund targets. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('award' as const), points: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('redemption' as const), points: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('correction' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('refund' as const), pick: fc.nat() }),
);

/** Applies steps in time order; redemptions and corrections only when the ledger's own checks allow them. */
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function run(steps: Step[], offsets: number[]): { ledger: LedgerEntry[]; totals: number[] } {
  let ledger: LedgerEntry[] = [];
  const totals = [0];
  const times = offsets.map((o) => START + (o % SPAN)).sort((a, b) => a - b);
  steps.forEach((s, i) => {
    const at = new Date(times[i]);
    const allowed = (check: () => void) => {
      try {
        check();
        return true;
      } catch (e) {
        if (e instanceof DomainError && e.code === 'CONFLICT') return false;
        throw e;
      }
    };
    let next: LedgerEntry | undefined;
    if (s.kind === 'award') next = createAward({ id: `a${i}`, points: s.points, at });
    if (s.kind === 'redemption' && allowed(() => checkRedemption(ledger, chinaYear(at), s.points))) next = createRedemption(s.points, { id: `r${i}`, at });
    const awards = ledger.filter((e) => e.kind === 'award');
    const target = awards[s.kind === 'correction' ? s.pick % Math.max(awards.length, 1) : 0];
    if (s.kind === 'correction' && target && allowed(() => checkCorrection(ledger, target))) next = correctionFor(target, '核实有误', 'u-admin', at);
    const redemptions = ledger.filter((e) => e.kind === 'redemption');
    const redemption = s.kind === 'refund' ? redemptions[s.pick % Math.max(redemptions.length, 1)] : undefined;
    if (redemption && !ledger.some((e) => e.id === `${redemption.id}~refund`)) next = refundFor(redemption, '未领取', 'u-community', at);
    if (next) {
      ledger = appendEntry(ledger, next);
      totals.push(balance(ledger));
    }
  });
  return { ledger, totals };
}

const scenario = fc.array(step, { maxLength: 60 }).chain((steps) =>
  fc.tuple(fc.constant(steps), fc.array(fc.nat({ max: SPAN }), { minLength: steps.length, maxLength: steps.length })),
);

describe('the points ledger under any sequence of awards, corrections, redemptions and refunds', () => {
  it('the balance is always the sum of the entries', () => {
    fc.assert(
      fc.property(scenario, ([steps, offsets]) => {
        const { ledger } = run(steps, offsets);
        expect(balance(ledger)).toBe(ledger.reduce((t, e) => t + e.points, 0));
      }),
    );
  });

  it('no year’s available points ever go below zero', () => {
    fc.assert(
      fc.property(scenario, ([steps, offsets]) => {
        const { ledger } = run(steps, offsets);
        for (let n = 1; n <= ledger.length; n++) {
          const prefix = ledger.slice(0, n);
          for (const year of [2023, 2024, 2025, 2026]) expect(yearAvailable(prefix, year)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('each correction exactly cancels the award it corrects, and no award is corrected twice', () => {
    fc.assert(
      fc.property(scenario, ([steps, offsets]) => {
        const { ledger } = run(steps, offsets);
        const corrections = ledger.filter((e) => e.kind === 'correction');
        for (const c of corrections) {
          const target = ledger.find((e) => e.id === c.correctsEntryId)!;
          expect(target.kind).toBe('award');
          expect(c.points + target.points).toBe(0);
          expect(c.year).toBe(target.year);
        }
        expect(new Set(corrections.map((c) => c.kind === 'correction' && c.correctsEntryId)).size).toBe(corrections.length);
      }),
    );
  });

  it('the all-time total only falls through a redemption or a correction', () => {
    fc.assert(
      fc.property(scenario, ([steps, offsets]) => {
        const { ledger, totals } = run(steps, offsets);
        ledger.forEach((entry, i) => {
          if (totals[i + 1] < totals[i]) expect(['redemption', 'correction']).toContain(entry.kind);
        });
      }),
    );
  });
});

it('the generated scenarios do exercise every kind of entry', () => {
  const seen = new Set<string>();
  fc.sample(scenario, { numRuns: 200, seed: 7 }).forEach(([steps, offsets]) => run(steps, offsets).ledger.forEach((e) => seen.add(e.kind)));
  expect([...seen].sort()).toEqual(['award', 'correction', 'redemption', 'redemption_refund']);
});

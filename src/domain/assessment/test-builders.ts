import type { EntryValue, Fact, ManualEntry } from './facts';

/** Builders for assessment tests: facts as the run would fill them, entries as an assessor makes them. */

let seq = 0;
const AT = new Date('2026-11-30T02:00:00Z');

export function misses(count: number, kind: 'case' | 'patrolDay' | 'meeting' = 'patrolDay'): Fact {
  return { kind: 'count', count, evidence: Array.from({ length: Math.min(count, 50) }, (_, i) => ({ kind, id: `${kind}-${i + 1}`, label: `${kind} ${i + 1}` })) };
}

export function rate(numerator: number, denominator: number): Fact {
  const short = denominator - numerator;
  return { kind: 'rate', numerator, denominator, evidence: Array.from({ length: Math.min(short, 50) }, (_, i) => ({ kind: 'case' as const, id: `case-${i + 1}`, label: `案件 ${i + 1}` })) };
}

export function entry(itemId: string, value: EntryValue, overrides: Partial<ManualEntry> = {}): ManualEntry {
  seq += 1;
  return { entryId: `e${seq}`, itemId, value, reason: '按检查记录评分', byUserId: 'assessor-1', byName: '王评', at: new Date(AT.getTime() + seq), ...overrides };
}

export const scored = (itemId: string, points: number) => entry(itemId, { kind: 'points', points });
export const counted = (itemId: string, count: number) => entry(itemId, { kind: 'count', count });
export const picked = (itemId: string, ...optionIds: string[]) => entry(itemId, { kind: 'options', optionIds });
export const vetoed = (itemId: string) => entry(itemId, { kind: 'veto', vetoed: true });

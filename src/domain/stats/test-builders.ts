/** Test data builders for the statistics (not shipped logic). */
import { chinaInstant } from '../calendar/china-time';
import type { StatsCase } from './contribution';

let seq = 0;
/** A case reported at 10:00 China time on `day` in grid A1 of community cm-A, street st-1. */
export function statsCase(overrides: Partial<StatsCase> & { day?: string; at?: string } = {}): StatsCase {
  const { day = '2026-11-03', at = '10:00', ...rest } = overrides;
  seq += 1;
  return {
    _id: `case-${seq}`,
    state: 'reported',
    streetId: 'st-1',
    communityId: 'cm-A',
    gridId: 'A1',
    categoryId: 'rubbish',
    createdAt: new Date(chinaInstant(day, at)),
    reworkCount: 0,
    timeline: [],
    ...rest,
  };
}

export const escalated = (kind: string) => ({ type: 'escalate', deadlineKey: `${kind}@1700000000000` });
export const rated = (rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied') => ({ type: 'rate', rating });

import { allow, type FunctionMatrix } from './types';

const GRID_A1 = { level: 'grid', id: 'grid-a1' } as const;

/**
 * `stats` (src/domain/stats/scope.ts, cloudfunctions/stats/checked-scope.ts): figures of a scope the
 * caller holds — the street (street staff, admin), a community (its staff), a grid (its officers and
 * chief). Community staff asking for a grid of another community are refused (they were once answered
 * zeros labelled with that grid). Only the street admin rebuilds a day.
 */
const seesA1 = allow('officer', 'chief', 'staff', 'street', 'admin');
const why = 'grid A1\'s figures: its officer and chief, community A staff, the street';

export const statsMatrix: FunctionMatrix<'stats', null> = {
  setup: async () => null,
  actions: {
    dashboard: { payload: () => ({ scope: GRID_A1 }), who: seesA1, why },
    cases: { payload: () => ({ scope: GRID_A1, figure: 'reported' }), who: seesA1, why },
    workers: { payload: () => ({ scope: GRID_A1 }), who: seesA1, why },
    // One worker's records: the officer themself and who supervises grid A1 (chief, community A, the street).
    workerRecords: { payload: () => ({ scope: GRID_A1, userId: 'user-officer-a1', kind: 'logs' }), who: seesA1, why: 'officer A1\'s own records: themself, their grid chief, community A staff, the street' },
    rebuildDay: { payload: () => ({ streetId: 'street-demo', day: '2026-12-06' }), who: allow('admin') },
    exportLedger: { payload: () => ({ kind: 'cases', scope: GRID_A1 }), who: seesA1, why },
  },
};

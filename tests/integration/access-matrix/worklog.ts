import { aBuilding, aVisit } from '../../support/worklog-builders';
import { allow, type FunctionMatrix } from './types';

/**
 * `worklog` (issue 14 items 4, 6, src/domain/worklog/access.ts): visits and day logs are the grid workers'
 * own (officers and chiefs, in their own grids); a worker's logs are seen by the worker and whoever
 * supervises one of their grids (chief, community staff, street, admin).
 */
export const worklogMatrix: FunctionMatrix<'worklog', { buildingId: string }> = {
  setup: async (ctx) => ({ buildingId: await aBuilding(ctx.db, 'grid-a1', '5栋', new Date(ctx.now())) }),
  actions: {
    recordVisit: { payload: (fx) => aVisit(fx.buildingId), who: allow('officer', 'chief'), why: 'a worker in one of their own grids (A1)' },
    myVisits: { payload: () => ({}), who: allow('officer', 'officerA2', 'officerB1', 'chief'), why: 'a worker\'s own' },
    myDueVisits: { payload: () => ({}), who: allow('officer', 'officerA2', 'officerB1', 'chief'), why: 'a worker\'s own' },
    visitTargets: { payload: () => ({}), who: allow('officer', 'officerA2', 'officerB1', 'chief'), why: 'a worker\'s own grids' },
    dayLog: { payload: () => ({ date: '2026-12-07', workerId: 'user-officer-a1' }), who: allow('officer', 'chief', 'staff', 'street', 'admin'), why: '张丽 herself and the supervisors of grid A1' },
    submitDayLog: { payload: () => ({ date: '2026-12-07', notes: '巡查 2 小时，走访 3 户' }), who: allow('officer', 'officerA2', 'officerB1', 'chief'), why: 'a worker\'s own log' },
    weekLog: { payload: () => ({ week: '2026-12-07', workerId: 'user-officer-a1' }), who: allow('officer', 'chief', 'staff', 'street', 'admin'), why: '张丽 herself and the supervisors of grid A1' },
    compliance: {
      payload: () => ({ weeks: 1, communityId: 'community-a' }),
      who: allow('officer', 'officerA2', 'chief', 'staff', 'staffB', 'street', 'admin'),
      why: 'filtered to the workers the caller may see (a worker: themself); supervisors get their own scope, even if empty',
    },
  },
};

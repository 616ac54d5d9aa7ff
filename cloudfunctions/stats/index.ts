import { statsApi } from '../../src/domain/stats/api';
import { canManageStreet } from '../../src/domain/access';
import { authorize, defineFunction, getApp, requireCaller, type FunctionMain, type PlatformContext } from '../_lib';
import { dashboard } from './dashboard';
import { drillCases } from './drill';
import { exportStorageOf, type ExportStorage } from '../_lib/export-storage';
import { exportLedger } from './ledger';
import { rebuildStreetDay } from '../_lib/stats/rows';
import { workers } from './workers';
import { workerRecords } from './worker-records';

/**
 * The `stats` function (issue 16 items 1–3, 6): precomputed daily statistics, dashboards, drill-downs
 * and 台账 — staff actions, each resolving the caller's scope from `users` (src/domain/stats/scope.ts). The
 * rows are kept by the `statsdaily` timer.
 */
function statsHandlers(storage: ExportStorage) {
  return defineFunction('stats', statsApi, {
    dashboard,
    cases: drillCases,
    workers,
    workerRecords,
    rebuildDay: async (input, call) => {
      const caller = await requireCaller(call);
      authorize(canManageStreet(caller.roles, input.streetId), '只有街道管理员可以重算统计');
      return { day: input.day, ...(await rebuildStreetDay(call.db, input.streetId, input.day, call.now)) };
    },
    exportLedger: (input, call) => exportLedger(input, call, storage),
  });
}

// Storage needs this invocation's SDK app (the ledger upload), as in volunteer.
export const main: FunctionMain = (event, context?: PlatformContext) => statsHandlers(exportStorageOf(getApp(context)))(event, context);

import type { z } from 'zod';
import type { patrolApi } from '../../src/domain/patrol/api';
import { isWorker } from '../../src/domain/patrol/access';
import { eightReportSheet } from '../../src/domain/patrol/eight-reports';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { loadStreetConfig } from '../_lib/cases/street-config';
import { activeCategories } from '../case/records';
import { loadEnabledGrid, loadPatrolConfig } from './store';

type Input<A extends keyof typeof patrolApi> = z.infer<(typeof patrolApi)[A]['input']>;

/** eightReports: the 八必报 sheet (003 L164) of the grid's street, else the caller's, for staff. */
export async function eightReports(input: Input<'eightReports'>, call: Invocation) {
  const caller = await requireCaller(call);
  authorize(isWorker(caller.roles), '八必报清单供网格工作人员使用');
  const streetId = input.gridId ? (await loadEnabledGrid(call.db, input.gridId)).streetId : caller.roles[0].streetId;
  authorize(caller.roles.some((g) => g.streetId === streetId), '只能查看本街道的八必报清单');
  const [config, patrol] = await Promise.all([loadStreetConfig(call.db, streetId), loadPatrolConfig(call.db, streetId)]);
  return { rows: eightReportSheet(activeCategories(config.categories), patrol.eightReports) };
}

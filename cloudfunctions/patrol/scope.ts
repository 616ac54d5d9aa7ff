import { canPatrolGrid, canSeePatrol, canSuperviseGrid } from '../../src/domain/patrol/access';
import type { PatrolRecord } from '../../src/domain/patrol/records';
import type { GridRecord } from '../../src/domain/org/records';
import { authorize, type Caller } from '../_lib';

const placeOf = (grid: GridRecord) => ({ streetId: grid.streetId, communityId: grid.communityId, gridId: grid._id });

export const requirePatrolGrid = (caller: Caller, grid: GridRecord) => authorize(canPatrolGrid(caller.roles, placeOf(grid)), '只能巡查您负责的网格');

export const requireSupervisor = (caller: Caller, grid: GridRecord) => authorize(canSuperviseGrid(caller.roles, placeOf(grid)), '只有网格长、社区和街道可以查看本网格的巡查');

/** Tracks are personal data: the worker and their supervisors only (issue 14 item 1). */
export const requireCanSee = (caller: Caller, patrol: PatrolRecord) => authorize(canSeePatrol(caller, patrol), '巡查轨迹只有本人和上级可以查看');

/** Points, check-ins, findings and the end are the worker's own: nobody records them on someone's behalf. */
export const requireWorker = (caller: Caller, patrol: PatrolRecord) => authorize(patrol.workerId === caller.userId, '只能操作您本人的巡查');

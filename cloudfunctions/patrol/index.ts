import { patrolApi } from '../../src/domain/patrol/api';
import { defineFunction, getApp, type FunctionMain, type PlatformContext } from '../_lib';
import { eightReports } from './eight-reports';
import { fileCase, handleOnSpot, samples, verifySample } from './findings';
import { active, end, grids, start } from './lifecycle';
import { get, list, mine } from './lists';
import { appendPoints, checkIn } from './points';

/**
 * The `patrol` function (issue 14 items 1, 2, 7): a worker's patrol of one of their grids — one document
 * per patrol with its track, building check-ins, problems filed or handled on the spot — and the
 * supervisors' views. Every action loads the caller and the stored patrol or grid and checks role and
 * scope there (src/domain/patrol/access.ts).
 */
function patrolHandlers(app: ReturnType<typeof getApp>) {
  return defineFunction('patrol', patrolApi, {
    grids,
    start,
    appendPoints,
    checkIn,
    end,
    active,
    mine,
    get: (input, call) => get(input, call, app),
    list,
    fileCase,
    handleOnSpot,
    samples: (input, call) => samples(input, call, app),
    verifySample,
    eightReports,
  });
}

// Storage (photo URLs) needs this invocation's SDK app, as in `case`.
export const main: FunctionMain = (event, context?: PlatformContext) => patrolHandlers(getApp(context))(event, context);

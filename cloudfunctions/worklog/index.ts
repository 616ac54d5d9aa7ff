import { worklogApi } from '../../src/domain/worklog/api';
import { defineFunction } from '../_lib';
import { compliance } from './compliance';
import { dayLog, submitDayLog, weekLog } from './day-log';
import { myDueVisits, myVisits, recordVisit, visitTargets } from './visits';

/**
 * The `worklog` function (issue 14 items 3–6): a grid worker's visits and due list. Thin edges over
 * src/domain/worklog: parse, authorise on stored grants and records, load, decide in the pure core, write once.
 */
export const main = defineFunction('worklog', worklogApi, {
  recordVisit,
  myVisits,
  myDueVisits,
  visitTargets,
  dayLog,
  submitDayLog,
  weekLog,
  compliance,
});

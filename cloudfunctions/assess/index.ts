import { assessApi } from '../../src/domain/assessment/api';
import { defineFunction, getApp, type FunctionMain, type PlatformContext } from '../_lib';
import { exportStorageOf, type ExportStorage } from '../_lib/export-storage';
import { bulletin, bulletinView, exportRanking } from './bulletins';
import { patrolBulletin, patrolBulletinView } from './patrol-bulletins';
import { copyRuleSet, ruleSet, ruleSets, saveRuleSet } from './rule-sets';
import { openRun, refreshFacts, run, runs } from './runs';
import { correct, enterScore, publish, setCover } from './scoring';
import { mySheets, quarter, sheet } from './sheets';

/**
 * The `assess` function (issue 16 items 4–6): street rule sets copied from the seeds' tables, monthly
 * runs filled from the data, assessors' entries, publication (frozen, corrections as new revisions),
 * own sheets, quarterly payouts and 通报. Thin edges over src/domain/assessment.
 */
function assessHandlers(files: ExportStorage) {
  return defineFunction('assess', assessApi, {
    ruleSets, ruleSet, copyRuleSet, saveRuleSet,
    openRun, runs, run, refreshFacts,
    enterScore, setCover, publish, correct,
    mySheets, sheet, quarter,
    exportRanking: (input, call) => exportRanking(input, call, files),
    bulletin: (input, call) => bulletin(input, call, files),
    bulletinView: (input, call) => bulletinView(input, call, files),
    patrolBulletin: (input, call) => patrolBulletin(input, call, files),
    patrolBulletinView: (input, call) => patrolBulletinView(input, call, files),
  });
}

// Storage needs the SDK app of this invocation's environment; Invocation carries only the database.
export const main: FunctionMain = (event, context?: PlatformContext) => assessHandlers(exportStorageOf(getApp(context)))(event, context);

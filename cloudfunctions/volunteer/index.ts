import { volunteerApi } from '../../src/domain/volunteer/api';
import { defineFunction, getApp, type FunctionMain, type PlatformContext } from '../_lib';
import { activities, activity, approvePoints, cancelActivity, publishActivity, saveActivity } from './activities';
import { complete, confirmLead, confirmStaffAward, correct, leadStatus } from './awards';
import { exportStorageOf, type ExportStorage } from '../_lib/export-storage';
import { exportSheet } from './export';
import { gifts, markPickedUp, redeem, redemptions, saveGift } from './gifts';
import { ledger, myPoints, publication, quarterly, ranking, top } from './points';
import { profile, rules, saveProfile, saveRules, setFlags, volunteers } from './profile';
import { cancelSignUp, checkIn, checkInFor, signUp } from './signups';
import { signups } from './roster';

/**
 * The `volunteer` function (PRODUCT.md §8, issue 5): activities, the points ledger, ranking and gifts.
 * Thin edges over src/domain/volunteer: parse, authorise on the stored record, load, decide in the pure
 * core, write with a condition.
 */
function volunteerHandlers(storage: ExportStorage) {
  return defineFunction('volunteer', volunteerApi, {
    profile, saveProfile, setFlags, volunteers,
    rules, saveRules,
    activities, activity, signups, saveActivity, approvePoints, publishActivity, cancelActivity,
    signUp, cancelSignUp, checkIn, checkInFor,
    complete, confirmStaffAward, confirmLead, leadStatus, correct,
    ledger, myPoints, ranking, publication, quarterly, top,
    gifts, saveGift, redeem, redemptions, markPickedUp,
    export: (input, call) => exportSheet(input, call, storage),
  });
}

// Storage needs the SDK app of this invocation's environment; Invocation carries only the database.
export const main: FunctionMain = (event, context?: PlatformContext) => volunteerHandlers(exportStorageOf(getApp(context)))(event, context);

import type { Database } from '../_lib';
import { completeCaseOutboxes, completeCaseTimelines } from './cases';
import { reclaimStuckNotifications } from './notifications';
import { purgeExpiredTracks } from './patrols';
import { purgeLeftResidents } from './register';
import { completeActivityPlaces } from './places';
import { repairPointsAccounts } from './points';

/** What one check fixed, by kind (e.g. `{ timelinesRepaired: 2 }`); printed in the timer's answer. */
export type Fixed = Record<string, number>;
export type ReconcileCheck = (db: Database, now: Date) => Promise<Fixed>;
export type ReconcileReport = Record<string, Fixed>;

/**
 * Every drift check, by context. A context adds its own file and one line here. Gift stock against
 * redemptions is not checked: a gift stores only what is left on the shelf, not how many were stocked,
 * so there is nothing to compare the redemptions with (the redemption transaction keeps them together).
 */
export const RECONCILE_CHECKS: Record<string, ReconcileCheck> = {
  caseOutboxes: completeCaseOutboxes,
  caseTimelines: completeCaseTimelines,
  notifications: reclaimStuckNotifications,
  patrolTracks: purgeExpiredTracks,
  registerRetention: purgeLeftResidents,
  pointsAccounts: repairPointsAccounts,
  activityPlaces: completeActivityPlaces,
};

import type { Database } from '../_lib';
import { patrolsOf } from '../patrol/store';
import type { Fixed } from './checks';

/** Tracks deleted per run: each is one conditional write; the rest waits for the next run (every 5 minutes). */
const BATCH = 100;

/**
 * Retention of patrol tracks (issue 14 item 1): a track is personal data, kept for the street's
 * `trackRetentionDays` after the patrol (its `trackPurgeAt`, fixed when it ends). Then its points are
 * deleted; the minutes, point count, check-ins and findings stay for the assessments. Reads only what is
 * due (index trackPurgeAt), conditional on the version so a patrol changed meanwhile waits for the next run.
 */
export async function purgeExpiredTracks(db: Database, now: Date): Promise<Fixed> {
  const _ = db.command;
  const patrols = patrolsOf(db);
  const { items } = await patrols.page({ trackPurgeAt: _.lte(now), trackPurgedAt: _.exists(false) }, { orderBy: ['trackPurgeAt', 'asc'], limit: BATCH });
  let purged = 0;
  for (const p of items) {
    purged += await patrols.updateWhere({ _id: p._id, version: p.version }, { track: [], batchIds: [], trackPurgedAt: now, version: p.version + 1 });
  }
  return { tracksPurged: purged };
}

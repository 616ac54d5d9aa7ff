import { configRecordSchema } from '../../src/domain/case/records';
import { activityRecordSchema, signupRecordSchema } from '../../src/domain/volunteer/records';
import { collectionOf, type Database } from '../_lib';
import { completeRelease, completeSignup } from '../_lib/volunteer/places';
import type { Fixed } from './checks';

/** Activities checked per run; the next run goes on from where this one stopped (the cursor below). */
export const ACTIVITIES_PER_RUN = 100;
/** Where the sweep over activities with places stands (a `configs` document: one per deployment). */
export const PLACES_CURSOR_ID = 'reconcile-activity-places';

/**
 * Issue 9 items 2 and 5, the places of activities: a place claimed by a sign-up whose document never
 * came, or a cancellation that stopped half-way. The cancel leaves `holders` before it touches the
 * document (cloudfunctions/_lib/volunteer/places.ts), so the two tell apart:
 * - a holder without a sign-up document was interrupted signing up → the document is inserted (the
 *   claim was made under the rules; the document only records it), and the volunteer sees themselves
 *   signed up — a retry of theirs answers 您已报名;
 * - a volunteer in `releasing` was interrupted cancelling → the document goes and the place is freed.
 * Each completion is a transaction that re-reads the activity, so a sign-up or cancel running meanwhile
 * is never undone. Only activities with a place taken are read, `ACTIVITIES_PER_RUN` a run.
 */
export async function completeActivityPlaces(db: Database, now: Date): Promise<Fixed> {
  const _ = db.command;
  const activities = collectionOf(db, 'activities', activityRecordSchema);
  const signups = collectionOf(db, 'signups', signupRecordSchema);
  const cursors = collectionOf(db, 'configs', configRecordSchema);
  const cursor = await cursors.load(PLACES_CURSOR_ID);
  const after = typeof cursor?.after === 'string' ? cursor.after : null;
  const page = await activities.page({ taken: _.gt(0) }, { after, limit: ACTIVITIES_PER_RUN });
  const fixed = { activitiesChecked: 0, signupsCompleted: 0, cancelsCompleted: 0, placesBusy: 0 };
  for (const activity of page.items) {
    fixed.activitiesChecked++;
    const holders = activity.holders ?? [];
    const releasing = activity.releasing ?? [];
    if (holders.length === 0 && releasing.length === 0) continue;
    const documented = new Set((await signups.all({ activityId: activity._id })).map((s) => s.volunteerId));
    const work: Array<['signup' | 'cancel', string]> = [
      ...holders.filter((v) => !documented.has(v)).map((v): ['signup', string] => ['signup', v]),
      ...releasing.map((v): ['cancel', string] => ['cancel', v]),
    ];
    for (const [kind, volunteerId] of work) {
      try {
        const done = kind === 'signup' ? await completeSignup(db, activity._id, volunteerId, now) : await completeRelease(db, activity._id, volunteerId, now);
        if (done === 'completed') fixed[kind === 'signup' ? 'signupsCompleted' : 'cancelsCompleted']++;
      } catch (err) {
        // Busy (a crowd on the activity) or the volunteer's own call got there first: the next run looks again.
        console.error('[reconcile] place left for the next run', activity._id, volunteerId, err);
        fixed.placesBusy++;
      }
    }
  }
  await cursors.replace({ _id: PLACES_CURSOR_ID, kind: 'reconcile-cursor', after: page.next, version: (cursor?.version ?? 0) + 1 });
  return fixed;
}

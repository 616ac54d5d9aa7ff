import { activityRecordSchema, signupId, signupRecordSchema } from '../../../src/domain/volunteer/records';
import type { Database } from '../app';
import { collectionOf, inTransaction } from '../records';

/*
 * A place on an activity, as the volunteer function and the reconciler both move it (issue 9 items 2
 * and 5; docs/decisions.md, the sign-up row). The activity document is the truth of who holds a place:
 *
 *   sign-up:  claim  (holders + v, taken + 1; one conditional update)  →  insert the sign-up document
 *   cancel:   mark   (holders − v, releasing + v; taken unchanged)     →  remove the document  →  free (releasing − v, taken − 1)
 *
 * So a crash between two writes leaves one of exactly two drifts, each with one meaning:
 * - v among `holders` without a document: a sign-up was interrupted (a cancel never leaves a holder
 *   without a document: it leaves `holders` BEFORE it touches the document) → complete the sign-up;
 * - v among `releasing`: a cancellation was interrupted → finish it (document gone, place freed).
 * Never a place held by nobody, never two places for one volunteer, never a place lost.
 */

const activitiesOf = (db: Database) => collectionOf(db, 'activities', activityRecordSchema);
const signupsOf = (db: Database) => collectionOf(db, 'signups', signupRecordSchema);

/**
 * Claims a place: one conditional update, applied atomically by the database (50 at once for 10 places
 * give exactly 10). Not while the volunteer's own cancellation is unfinished (`releasing`). True when
 * it claimed; false when full, closed, or the volunteer holds or is releasing a place.
 */
export async function claimPlace(db: Database, activityId: string, headcount: number, volunteerId: string): Promise<boolean> {
  const _ = db.command;
  const where = { _id: activityId, state: 'published', taken: _.lt(headcount), holders: _.neq(volunteerId), releasing: _.neq(volunteerId) };
  return (await activitiesOf(db).updateWhere(where, { taken: _.inc(1), holders: _.push(volunteerId) })) > 0;
}

/** The cancel's first write: out of `holders`, into `releasing`, while the sign-up document still exists. */
export async function markReleasing(db: Database, activityId: string, volunteerId: string): Promise<void> {
  const _ = db.command;
  await activitiesOf(db).updateWhere({ _id: activityId, holders: volunteerId }, { holders: _.pull(volunteerId), releasing: _.push(volunteerId) });
}

/** The cancel's last two writes: the document, then the place (conditional: two cancels free one place). */
export async function finishRelease(db: Database, activityId: string, volunteerId: string): Promise<void> {
  const _ = db.command;
  await signupsOf(db).removeWhere({ _id: signupId(activityId, volunteerId) });
  await activitiesOf(db).updateWhere({ _id: activityId, releasing: volunteerId }, { releasing: _.pull(volunteerId), taken: _.inc(-1) });
}

export type Completion = 'completed' | 'nothing';

/**
 * The reconciler's completion of an interrupted sign-up: inserts the sign-up document of a holder who
 * has none. In one transaction that also writes the activity, so a cancellation that moves the volunteer
 * out of `holders` meanwhile makes it conflict and re-read — it never inserts a document for a place
 * already given back. `signedAt` is the reconciler's time: the claim's own moment is not stored (the
 * roster still lists holders in claim order by `holders`).
 */
export async function completeSignup(db: Database, activityId: string, volunteerId: string, now: Date): Promise<Completion> {
  return inTransaction(db, async (tx) => {
    const activities = tx.collectionOf('activities', activityRecordSchema);
    const signups = tx.collectionOf('signups', signupRecordSchema);
    const activity = await activities.load(activityId);
    if (!activity || !(activity.holders ?? []).includes(volunteerId)) return 'nothing';
    if (await signups.load(signupId(activityId, volunteerId))) return 'nothing';
    await signups.insert({ _id: signupId(activityId, volunteerId), activityId, volunteerId, communityId: activity.communityId, signedAt: now });
    await activities.patch(activityId, { placesReconciledAt: now });
    return 'completed';
  });
}

/**
 * The reconciler's completion of an interrupted cancellation, in one transaction with the activity: the
 * document goes and the place is freed only while the volunteer is still `releasing`, so a cancel or a
 * new sign-up of the same volunteer running meanwhile conflicts and re-reads instead of losing a document.
 */
export async function completeRelease(db: Database, activityId: string, volunteerId: string, now: Date): Promise<Completion> {
  return inTransaction(db, async (tx) => {
    const activities = tx.collectionOf('activities', activityRecordSchema);
    const signups = tx.collectionOf('signups', signupRecordSchema);
    const activity = await activities.load(activityId);
    if (!activity || !(activity.releasing ?? []).includes(volunteerId)) return 'nothing';
    if (await signups.load(signupId(activityId, volunteerId))) await signups.remove(signupId(activityId, volunteerId));
    const releasing = (activity.releasing ?? []).filter((v) => v !== volunteerId);
    await activities.patch(activityId, { releasing, taken: activity.taken - 1, placesReconciledAt: now });
    return 'completed';
  });
}

import { ACTIVITY_REMINDER_LEAD_HOURS, type NotificationKind } from '../../src/domain/notification';
import { activityRecordSchema, signupRecordSchema } from '../../src/domain/volunteer/records';
import type { Database } from '../_lib';
import { cachedStreetConfig, type StreetConfigCache } from '../_lib/cases/street-config';
import { queueNotifications, type OutgoingNotification } from '../_lib/notify';
import { collectionOf } from '../_lib/records';

/** A bound on one run's work: a backlog (a day of many activities) is worked off over the next minutes. */
const ACTIVITIES_PER_RUN = 20;
const KIND: NotificationKind = 'activity_reminder';

/**
 * Issue 11 item 2: a volunteer who signed up hears, the day before, that the activity starts (the
 * activity page asked them to subscribe right after signing up). Each run queues the reminders of the
 * published activities that start within the lead time and have not been reminded yet. Queue first, mark
 * after: a crash between the two queues the same rows again on the next run, and their deterministic ids
 * (cause `remind:<activity>`) make that a no-op; a sign-up cancelled before the run is not reminded.
 */
export async function queueActivityReminders(db: Database, now: Date): Promise<{ activities: number; queued: number }> {
  const _ = db.command;
  const activities = collectionOf(db, 'activities', activityRecordSchema);
  const signups = collectionOf(db, 'signups', signupRecordSchema);
  const until = new Date(now.getTime() + ACTIVITY_REMINDER_LEAD_HOURS * 3600_000);
  const { items } = await activities.page(
    { state: 'published', startAt: _.gt(now).and(_.lte(until)), remindersQueuedAt: _.exists(false) },
    { orderBy: ['startAt', 'asc'], limit: ACTIVITIES_PER_RUN },
  );
  const configs: StreetConfigCache = new Map();
  let queued = 0;
  for (const a of items) {
    const signed = await signups.all({ activityId: a._id });
    const reminders: OutgoingNotification[] = signed.map((s) => ({
      toUserId: s.volunteerId,
      kind: KIND,
      cause: `remind:${a._id}`,
      body: a.title,
      activityId: a._id,
      eventAt: a.startAt,
      place: a.place,
    }));
    const { templates } = await cachedStreetConfig(db, a.streetId, configs);
    if (reminders.length > 0) queued += await queueNotifications(db, reminders, now, { categoryLabel: '志愿活动', templates });
    await activities.updateWhere({ _id: a._id, remindersQueuedAt: _.exists(false) }, { remindersQueuedAt: now });
  }
  return { activities: items.length, queued };
}

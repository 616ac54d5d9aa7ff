import { createHash } from 'node:crypto';
import type { Database } from './app';
import { DEFAULT_TEMPLATES, NOTIFICATION_TITLES, shapeSubscribeMessage, type NotificationKind, type TemplateConfig } from '../../src/domain/notification';

export { NOTIFICATION_KINDS, type NotificationKind } from '../../src/domain/notification';

/**
 * The notifications outbox (ARCHITECTURE §5 `notifications`): one document per recipient and message,
 * `status: 'pending'` until the notify timer delivers it as a WeChat subscribe message. The in-app 消息
 * list (`case.notifications`) reads the same documents, so a message reaches its reader whether or not
 * they subscribed. Kinds, titles, pages and the shaping live in src/domain/notification.
 */
export interface OutgoingNotification {
  toUserId: string;
  kind: NotificationKind;
  caseId: string;
  /** What caused it (an event id): the same cause never notifies the same person twice. */
  cause: string;
  body: string;
}

/**
 * Queues messages; idempotent by a deterministic `_id` per (cause, kind, recipient), so a retried
 * handler or a second sweep adds nothing. Shaped in the street's configured template at queue time.
 */
export async function queueNotifications(
  db: Database,
  items: OutgoingNotification[],
  now: Date,
  { categoryLabel, templates = DEFAULT_TEMPLATES }: { categoryLabel: string; templates?: Record<NotificationKind, TemplateConfig> },
): Promise<number> {
  const unique = new Map(items.map((n) => [notificationId(n), n]));
  const results = await Promise.all(
    [...unique].map(([id, n]) => {
      // Shaped now, in the street's template of today: what WeChat gets is what the list shows.
      const message = shapeSubscribeMessage({ kind: n.kind, caseId: n.caseId, categoryLabel, body: n.body, at: now }, templates[n.kind]);
      return db
        .collection('notifications')
        .add({
          _id: id,
          toUserId: n.toUserId,
          kind: n.kind,
          template: message.template_id,
          caseId: n.caseId,
          title: NOTIFICATION_TITLES[n.kind],
          data: message.data,
          page: message.page,
          body: n.body,
          status: 'pending',
          createdAt: now,
        })
        .then(
          () => 1,
          () => 0, // already queued by an earlier try
        );
    }),
  );
  return results.reduce((a, b) => a + b, 0);
}

function notificationId(n: OutgoingNotification): string {
  return `ntf-${createHash('sha256').update(`${n.cause}|${n.kind}|${n.toUserId}`).digest('hex').slice(0, 24)}`;
}

type StaffLevel = 'grid' | 'community' | 'street';
interface Place {
  streetId: string;
  communityId: string;
  gridId: string;
}

/** The user ids holding a staff role over the place at that level (one query on `users`). */
export async function staffAt(db: Database, level: StaffLevel, place: Place, cache?: Map<string, Promise<string[]>>): Promise<string[]> {
  // A sweep escalates many cases of the same few grids: one lookup per place and level per run.
  const key = `${level}|${place.streetId}|${place.communityId}|${place.gridId}`;
  const hit = cache?.get(key);
  if (hit) return hit;
  const found = lookupStaff(db, level, place);
  cache?.set(key, found);
  return found;
}

async function lookupStaff(db: Database, level: StaffLevel, place: Place): Promise<string[]> {
  const _ = db.command;
  const match =
    level === 'grid'
      ? { role: _.in(['grid_officer', 'grid_chief']), streetId: place.streetId, gridIds: place.gridId }
      : level === 'community'
        ? { role: 'community_staff', streetId: place.streetId, communityId: place.communityId }
        : { role: 'street_staff', streetId: place.streetId };
  const { data } = await db.collection('users').where({ roles: _.elemMatch(match) }).field({ _id: true }).limit(100).get();
  return (data as Array<{ _id: string }>).map((u) => u._id);
}

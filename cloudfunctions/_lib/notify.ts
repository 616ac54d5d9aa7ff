import { createHash } from 'node:crypto';
import type { Database } from './app';

/**
 * The notifications outbox (ARCHITECTURE §5 `notifications`): one document per recipient and message,
 * `status: 'pending'` until a sender delivers it as a WeChat subscribe message. The in-app list
 * (`case.notifications`) reads the same documents.
 */
export const NOTIFICATION_KINDS = [
  'case_assigned',
  'case_accepted',
  'case_escalated',
  'case_resolved',
  'case_returned',
  'case_overdue',
  'case_near_due',
  'case_emergency',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Subscribe-message template ids per kind. Real ids are issued per mini-program in the WeChat admin
 * console; a street's `configs` document `notification-templates` overrides these placeholders.
 */
export const DEFAULT_TEMPLATE_IDS: Record<NotificationKind, string> = Object.fromEntries(
  NOTIFICATION_KINDS.map((k) => [k, `TEMPLATE_${k.toUpperCase()}`]),
) as Record<NotificationKind, string>;

export const NOTIFICATION_TITLES: Record<NotificationKind, string> = {
  case_assigned: '有新的事件待处理',
  case_accepted: '您上报的事件已签收',
  case_escalated: '您上报的事件已上报上级',
  case_resolved: '您上报的事件已办结',
  case_returned: '您上报的事件被退回',
  case_overdue: '事件超时督办',
  case_near_due: '事件即将超时',
  case_emergency: '突发事件，请立即处置',
};

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
 * handler or a second sweep adds nothing. Template ids come from config at queue time.
 */
export async function queueNotifications(db: Database, items: OutgoingNotification[], now: Date, templates = DEFAULT_TEMPLATE_IDS): Promise<number> {
  const unique = new Map(items.map((n) => [notificationId(n), n]));
  const results = await Promise.all(
    [...unique].map(([id, n]) =>
      db
        .collection('notifications')
        .add({
          _id: id,
          toUserId: n.toUserId,
          kind: n.kind,
          template: templates[n.kind],
          caseId: n.caseId,
          title: NOTIFICATION_TITLES[n.kind],
          // Subscribe-message data as WeChat wants it ({ key: { value } }); the page opens the case.
          data: { thing1: { value: n.body.slice(0, 20) }, time2: { value: now.toISOString() } },
          page: `packages/case/detail/index?caseId=${n.caseId}`,
          body: n.body,
          status: 'pending',
          createdAt: now,
        })
        .then(
          () => 1,
          () => 0, // already queued by an earlier try
        ),
    ),
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

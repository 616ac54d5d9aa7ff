import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { notificationRecordSchema, type NotificationRecord } from '../../src/domain/notification/records';
import { userRecordSchema } from '../../src/domain/user';
import type { Database } from './app';
import { collectionOf } from './records';
import { DEFAULT_TEMPLATES, NOTIFICATION_TITLES, shapeSubscribeMessage, type NotificationKind, type TemplateConfig } from '../../src/domain/notification';

export { NOTIFICATION_KINDS, type NotificationKind } from '../../src/domain/notification';

/**
 * The notifications outbox (ARCHITECTURE §5 `notifications`): one document per recipient and message,
 * `status: 'pending'` until the notify timer delivers it as a WeChat subscribe message. The in-app 消息
 * list (`case.notifications`) reads the same documents, so a message reaches its reader whether or not
 * they subscribed. Kinds, titles, pages and the shaping live in src/domain/notification.
 */
export type OutgoingNotification = {
  toUserId: string;
  kind: NotificationKind;
  /** What caused it (an event id): the same cause never notifies the same person twice. */
  cause: string;
  body: string;
} & ({ caseId: string } | { activityId: string; eventAt: Date; place: string });

/** How a street shapes its messages: the case's category label and the street's templates. */
export interface Shaping {
  categoryLabel: string;
  templates?: Record<NotificationKind, TemplateConfig>;
}

/**
 * The outbox rows for `items`, not yet written: a case step stores them on the case in the same write as
 * its state (so they are never lost) and then inserts them with `insertAllOnce` (issue 9 item 3). `_id`
 * is deterministic per (cause, kind, recipient), so a retried step or a second sweep adds nothing.
 * Shaped now, in the street's template of today: what WeChat gets is what the list shows.
 */
export function notificationDocs(items: OutgoingNotification[], now: Date, { categoryLabel, templates = DEFAULT_TEMPLATES }: Shaping): NotificationRecord[] {
  const unique = new Map(items.map((n) => [notificationId(n), n]));
  return [...unique].map(([id, n]) => {
    const subject = 'caseId' in n ? { caseId: n.caseId } : { activityId: n.activityId };
    const facts = 'caseId' in n ? { subjectId: n.caseId } : { subjectId: n.activityId, eventAt: n.eventAt, place: n.place };
    const message = shapeSubscribeMessage({ kind: n.kind, categoryLabel, body: n.body, at: now, ...facts }, templates[n.kind]);
    return {
      _id: id,
      toUserId: n.toUserId,
      kind: n.kind,
      template: message.template_id,
      ...subject,
      cause: n.cause,
      title: NOTIFICATION_TITLES[n.kind],
      data: message.data,
      page: message.page,
      body: n.body,
      status: 'pending' as const,
      createdAt: now,
    };
  });
}

export const notificationsOf = (db: Database) => collectionOf(db, 'notifications', notificationRecordSchema);

/** Writes outbox rows once each (one round trip when none exists yet). */
export async function queueNotifications(db: Database, items: OutgoingNotification[], now: Date, shaping: Shaping): Promise<number> {
  return notificationsOf(db).insertAllOnce(notificationDocs(items, now, shaping));
}

function notificationId(n: OutgoingNotification): string {
  return `ntf-${createHash('sha256').update(`${n.cause}|${n.kind}|${n.toUserId}`).digest('hex').slice(0, 24)}`;
}

export type StaffLevel = 'grid' | 'community' | 'street';
export interface Place {
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
  const { items } = await userRowsOf(db).page({ roles: db.command.elemMatch(staffMatch(db, level, place)) }, { limit: 100 });
  return items.map((u) => u._id);
}

/** The role grant that puts a user on duty for the place at that level. */
function staffMatch(db: Database, level: StaffLevel, place: Place): Record<string, unknown> {
  const _ = db.command;
  return level === 'grid'
    ? { role: _.in(['grid_officer', 'grid_chief']), streetId: place.streetId, gridIds: place.gridId }
    : level === 'community'
      ? { role: 'community_staff', streetId: place.streetId, communityId: place.communityId }
      : { role: 'street_staff', streetId: place.streetId };
}

// A staff member added by the org function may not have signed in yet (no openid).
const userRowSchema = userRecordSchema.pick({ _id: true, name: true, roles: true }).extend({ openid: userRecordSchema.shape.openid.optional() });
export type UserRow = z.infer<typeof userRowSchema>;
/** `users` as notifications read them: who, their roles and (when signed in) their openid. */
export const userRowsOf = (db: Database) => collectionOf(db, 'users', userRowSchema);

/**
 * The caller's `users` record and the staff on duty at `levels` of the place, in ONE query (issue 9
 * item 6: a case step stays within 4 round trips). The caller is null for a visitor not on record yet.
 */
export async function callerAndStaff(
  db: Database,
  openid: string,
  levels: readonly StaffLevel[],
  place: Place,
): Promise<{ caller: UserRow | null; staff: Record<StaffLevel, string[]> }> {
  const _ = db.command;
  const clauses = [{ openid }, ...levels.map((l) => ({ roles: _.elemMatch(staffMatch(db, l, place)) }))];
  const { items: users } = await userRowsOf(db).page(clauses.length === 1 ? clauses[0]! : (_.or(clauses) as unknown as Record<string, unknown>), { limit: 200 });
  return { caller: users.find((u) => u.openid === openid) ?? null, staff: staffAmong(users, levels, place) };
}

/**
 * Of `users` (read with a wider or narrower query), those on duty at each of `levels` of the place:
 * the role grant must name the place, street included (a grid id alone is not trusted across streets).
 */
export function staffAmong(users: ReadonlyArray<Pick<UserRow, '_id' | 'roles'>>, levels: readonly StaffLevel[], place: Place): Record<StaffLevel, string[]> {
  const holds = (u: Pick<UserRow, 'roles'>, level: StaffLevel) =>
    u.roles.some((g) =>
      level === 'grid'
        ? (g.role === 'grid_officer' || g.role === 'grid_chief') && g.streetId === place.streetId && (g.gridIds ?? []).includes(place.gridId)
        : level === 'community'
          ? g.role === 'community_staff' && g.streetId === place.streetId && g.communityId === place.communityId
          : g.role === 'street_staff' && g.streetId === place.streetId,
    );
  const staff = { grid: [], community: [], street: [] } as Record<StaffLevel, string[]>;
  for (const level of levels) staff[level] = users.filter((u) => holds(u, level)).map((u) => u._id);
  return staff;
}

import { DomainError } from '../../src/domain/errors';
import type { LimitWindows } from '../../src/domain/platform/records';
import { userRecordSchema, type RoleGrant, type UserRecord } from '../../src/domain/user';
import type { Database } from './app';
import type { Invocation } from './define-function';
import { collectionOf } from './records';

/** The caller as stored in `users`; roles and scopes come from here, never from the payload. */
export interface Caller {
  userId: string;
  name: string;
  roles: RoleGrant[];
  /** When the account was made: a self-made account is "new" for an hour (stricter limits, src/domain/limits.ts). */
  createdAt?: Date;
  /** The rate-limit hits the record was made with (rate-limit.ts: the window until the caller's document exists). */
  firstHits?: LimitWindows;
}

/** The `users` collection through the records accessor (schema in src/domain/user.ts). */
export const usersOf = (db: Database) => collectionOf(db, 'users', userRecordSchema);

/** The Caller of a `users` record read by other means (e.g. in one aggregation with the rest). */
export const callerOf = (user: UserRecord): Caller => ({ userId: user._id, name: user.name, roles: user.roles, createdAt: user.createdAt, ...(user.firstHits ? { firstHits: user.firstHits } : {}) });

/** The caller's stored record (prefs, version), or null for a visitor WeChat knows but we do not (one indexed read). */
export const findCallerRecord = ({ db, openid }: Pick<Invocation, 'db' | 'openid'>): Promise<UserRecord | null> => usersOf(db).findOne({ openid });

/** The caller, or null for a visitor WeChat knows but we do not (one indexed read). */
export async function findCaller(call: Invocation): Promise<Caller | null> {
  const user = await findCallerRecord(call);
  return user ? callerOf(user) : null;
}

/** For staff actions: a visitor with no record is refused like anyone without the role. */
export async function requireCaller(call: Invocation): Promise<Caller> {
  const caller = await findCaller(call);
  if (!caller) throw new DomainError('FORBIDDEN', '您没有权限进行此操作');
  return caller;
}

/** The name a resident record starts with; residents may never give one (a phone number stays optional too). */
export const NEW_RESIDENT_NAME = '居民';

/**
 * For a resident's first write (upload a photo, file a report, save a setting): the caller's record, or a
 * new resident record made from the platform identity alone (PRODUCT.md §1: anyone with WeChat who scans
 * a grid's QR code may report). No roles: being on record grants nothing beyond one's own reports.
 * The `_id` is derived from the openid, so two first writes at once make one record; the loser re-reads.
 */
export async function callerOrNewResident(call: Invocation): Promise<Caller> {
  const found = await findCaller(call);
  if (found) return found;
  return callerOf(await newResident(call, { fontScale: 'standard' }));
}

/**
 * Inserts the resident record of this platform identity once: a concurrent first write (or the retry)
 * gets the stored record back instead of a second one (`created` false). `firstHits`: the rate-limit
 * hits this first write takes, kept on the record (see rate-limit.ts) — they count only if this insert
 * made the record.
 */
export async function insertResident(
  { db, openid, now }: Pick<Invocation, 'db' | 'openid' | 'now'>,
  prefs: UserRecord['prefs'],
  firstHits?: LimitWindows,
): Promise<{ doc: UserRecord; created: boolean }> {
  return usersOf(db).insertOnce({
    _id: residentIdFor(openid),
    openid,
    name: NEW_RESIDENT_NAME,
    roles: [],
    prefs,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...(firstHits ? { firstHits } : {}),
  });
}

/** The resident record of this platform identity, made now or found (see insertResident). */
export const newResident = async (call: Pick<Invocation, 'db' | 'openid' | 'now'>, prefs: UserRecord['prefs']): Promise<UserRecord> => (await insertResident(call, prefs)).doc;

/** Deterministic per platform identity, so a retried or concurrent first write finds the same record. */
export const residentIdFor = (openid: string) => `u-${openid}`;

/** Throws FORBIDDEN unless the predicate holds: every action checks role and scope (PRODUCT.md §11). */
export function authorize(allowed: boolean, message = '您没有权限进行此操作'): void {
  if (!allowed) throw new DomainError('FORBIDDEN', message);
}

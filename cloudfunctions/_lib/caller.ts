import { z } from 'zod';
import { DomainError } from '../../src/domain/errors';
import { roleGrantSchema, type RoleGrant } from '../../src/domain/user';
import type { Invocation } from './define-function';

/** The caller as stored in `users`; roles and scopes come from here, never from the payload. */
export interface Caller {
  userId: string;
  name: string;
  roles: RoleGrant[];
  /** When the account was made: a self-made account is "new" for an hour (stricter limits, src/domain/limits.ts). */
  createdAt?: Date;
}

const storedCallerSchema = z.object({
  _id: z.string(),
  name: z.string(),
  roles: z.array(roleGrantSchema).default([]),
  createdAt: z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v)).optional(),
});

/** The caller's record, or null for a visitor WeChat knows but we do not (one indexed read). */
export async function findCaller({ db, openid }: Invocation): Promise<Caller | null> {
  const { data } = await db.collection('users').where({ openid }).limit(1).get();
  if (!data.length) return null;
  const user = storedCallerSchema.parse(data[0]);
  return { userId: user._id, name: user.name, roles: user.roles, ...(user.createdAt ? { createdAt: user.createdAt } : {}) };
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
  const { db, openid, now } = call;
  const record = {
    _id: residentIdFor(openid),
    openid,
    name: NEW_RESIDENT_NAME,
    roles: [],
    prefs: { fontScale: 'standard' },
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await db.collection('users').add(record);
  } catch (err) {
    const raced = await findCaller(call);
    if (raced) return raced;
    throw err;
  }
  return { userId: record._id, name: record.name, roles: [], createdAt: now };
}

/** Deterministic per platform identity, so a retried or concurrent first write finds the same record. */
export const residentIdFor = (openid: string) => `u-${openid}`;

/** Throws FORBIDDEN unless the predicate holds: every action checks role and scope (PRODUCT.md §11). */
export function authorize(allowed: boolean, message = '您没有权限进行此操作'): void {
  if (!allowed) throw new DomainError('FORBIDDEN', message);
}

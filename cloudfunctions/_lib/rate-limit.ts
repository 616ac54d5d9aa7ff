import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '../../src/domain/errors';
import { checkLimit, DEFAULT_LIMITS, isNewUser, limitMessage, type Hit, type LimitedAction } from '../../src/domain/limits';
import { rateLimitRecordSchema, type RateLimitRecord } from '../../src/domain/platform/records';
import type { Database } from './app';
import { collectionOf } from './records';
import type { Caller } from './caller';

/**
 * Limits held across function instances (issue 10 item 5): one `rate_limits` document per action and
 * subject (a user, or a redemption for pickup codes) holding the hits of the sliding window, changed
 * only by a write conditional on its `version` — two instances cannot both take the last slot.
 */
const COLLECTION = 'rate_limits';
// Contention on one user's counter is rare; a few re-reads settle it. Past that we refuse rather than overshoot.
const MAX_ATTEMPTS = 8;

const limitsOf = (db: Database) => collectionOf(db, COLLECTION, rateLimitRecordSchema);

export const limitDocId = (action: LimitedAction, subject: string) => `rl-${action}-${createHash('sha256').update(subject).digest('hex').slice(0, 24)}`;

const hitsOf = (found: RateLimitRecord | null): Hit[] => (found?.hits ?? []).map((h) => ({ id: h.id, at: h.at.getTime(), amount: h.amount }));

/** Writes the window back; false when another instance changed it first (read again). */
async function save(db: Database, id: string, action: LimitedAction, subject: string, found: RateLimitRecord | null, hits: Hit[], now: Date): Promise<boolean> {
  const stored = hits.map((h) => ({ id: h.id, at: new Date(h.at), amount: h.amount }));
  if (!found) return (await limitsOf(db).insertOnce({ _id: id, action, subject, hits: stored, version: 1, updatedAt: now })).created;
  // `set` replaces the array whole; a plain array in an update would be merged field by field.
  return limitsOf(db)
    .update(found, { hits: db.command.set(stored), updatedAt: now })
    .then(() => true, (err: unknown) => {
      if (err instanceof DomainError && err.code === 'CONFLICT') return false;
      throw err;
    });
}

export interface LimitOptions {
  /** Whose window: the caller's user id by default; a redemption id for pickup codes. */
  subject?: string;
  /** Bytes for photoBytes, else 1. */
  amount?: number;
  /**
   * The window as the caller already read it (null: none stored), e.g. in one aggregation with the rest
   * of what an action reads (case.report): the first try then costs no read. Only a hint: a stale or
   * missing one loses the conditional write, and the next try reads the window itself.
   */
  window?: RateLimitRecord | null;
}

/** A taken slot; `release()` gives it back (the action did not happen after all). */
export interface LimitSlot {
  release(): Promise<void>;
}

/**
 * Takes one slot (or `amount`) of the caller's window for `action`, or throws RATE_LIMITED with a
 * Chinese message saying when to try again. Take it right before the work it guards; release it when
 * that work is refused afterwards, so a failed attempt costs nothing (except where failing is what is
 * counted: wrong pickup codes).
 */
export async function takeLimit(db: Database, caller: Caller, action: LimitedAction, now: Date, options: LimitOptions = {}): Promise<LimitSlot> {
  const rule = DEFAULT_LIMITS[action];
  const subject = options.subject ?? caller.userId;
  const newUser = isNewUser(caller, now);
  const id = limitDocId(action, subject);
  const hit: Hit = { id: randomUUID(), at: now.getTime(), amount: options.amount ?? 1 };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const found = attempt === 0 && options.window !== undefined ? options.window : await limitsOf(db).load(id);
    const verdict = checkLimit(hitsOf(found), rule, newUser, hit);
    if (!verdict.allowed) throw new DomainError('RATE_LIMITED', limitMessage(rule, verdict.max, verdict.retryAt, now.getTime(), newUser));
    if (await save(db, id, action, subject, found, verdict.hits, now)) return { release: () => releaseHit(db, id, action, subject, hit.id, now) };
  }
  throw new DomainError('RATE_LIMITED', '操作太频繁，请稍后再试');
}

async function releaseHit(db: Database, id: string, action: LimitedAction, subject: string, hitId: string, now: Date): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const found = await limitsOf(db).load(id);
    if (!found || !found.hits.some((h) => h.id === hitId)) return;
    if (await save(db, id, action, subject, found, hitsOf(found).filter((h) => h.id !== hitId), now)) return;
  }
}

/** Runs `work` holding a slot; a DomainError from `work` gives the slot back and is rethrown. */
export async function withLimit<T>(db: Database, caller: Caller, action: LimitedAction, now: Date, work: () => Promise<T>, options: LimitOptions = {}): Promise<T> {
  const slot = await takeLimit(db, caller, action, now, options);
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError) await slot.release();
    throw err;
  }
}

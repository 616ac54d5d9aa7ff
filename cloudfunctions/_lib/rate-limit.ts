import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '../../src/domain/errors';
import { checkLimit, DEFAULT_LIMITS, isNewUser, limitMessage, type Hit, type LimitedAction } from '../../src/domain/limits';
import { rateLimitRecordSchema, type LimitWindows, type RateLimitRecord } from '../../src/domain/platform/records';
import type { Database } from './app';
import { collectionOf } from './records';
import type { Caller } from './caller';

/**
 * Limits held across function instances (issue 10 item 5): one `rate_limits` document per subject (a
 * user, or a redemption for pickup codes) and group of actions taken together, holding each action's
 * sliding window, changed only by a write conditional on its `version` — two instances cannot both take
 * the last slot, and one write takes every limit of a step (issue 9 item 6: a 突发性 report takes the
 * report and the 突发性 limit in one round trip).
 */
const COLLECTION = 'rate_limits';
// Contention on one user's counter is rare; a few re-reads settle it. Past that we refuse rather than overshoot.
const MAX_ATTEMPTS = 8;

/** Which document holds an action's window: actions one step takes together share it. */
export type LimitGroup = 'reports' | 'photos' | 'pickupCodes';
export const LIMIT_GROUPS: Record<LimitedAction, LimitGroup> = {
  report: 'reports',
  emergencyReport: 'reports',
  photoUpload: 'photos',
  photoBytes: 'photos',
  pickupCodeWrong: 'pickupCodes',
};

const limitsOf = (db: Database) => collectionOf(db, COLLECTION, rateLimitRecordSchema);

export const limitDocId = (group: LimitGroup, subject: string) => `rl-${group}-${createHash('sha256').update(subject).digest('hex').slice(0, 24)}`;

const hitsOf = (windows: LimitWindows, action: LimitedAction): Hit[] => (windows[action] ?? []).map((h) => ({ id: h.id, at: h.at.getTime(), amount: h.amount }));
const storedHits = (hits: Hit[]) => hits.map((h) => ({ id: h.id, at: new Date(h.at), amount: h.amount }));

/** Writes the windows back; false when another instance changed them first (read again). */
async function save(db: Database, id: string, subject: string, found: RateLimitRecord | null, windows: LimitWindows, now: Date): Promise<boolean> {
  if (!found) return (await limitsOf(db).insertOnce({ _id: id, subject, windows, version: 1, updatedAt: now })).created;
  // `set` replaces the object whole; a plain object in an update would be merged field by field.
  return limitsOf(db)
    .update(found, { windows: db.command.set(windows), updatedAt: now })
    .then(() => true, (err: unknown) => {
      if (err instanceof DomainError && err.code === 'CONFLICT') return false;
      throw err;
    });
}

export interface LimitOptions {
  /** Whose window: the caller's user id by default; a redemption id for pickup codes. */
  subject?: string;
  /**
   * The group's document as the caller already read it (null: none stored), e.g. in one aggregation with
   * the rest of what an action reads (case.report): the first try then costs no read. Only a hint: a
   * stale or missing one loses the conditional write, and the next try reads the document itself.
   */
  window?: RateLimitRecord | null;
}

/** One limit to take: the action and how much (bytes for photoBytes, else 1). */
export interface LimitTake {
  action: LimitedAction;
  amount?: number;
  /**
   * The hit's id when the step has one of its own (a report: its case id): a window that holds it
   * already was taken by an earlier try of the same request (interrupted, or answered and lost), so the
   * retry takes nothing more and gives nothing back.
   */
  hitId?: string;
}

/** Taken slots; `release()` gives them back (the action did not happen after all). */
export interface LimitSlot {
  release(): Promise<void>;
}

/**
 * The windows to start from when the subject has no document yet: the hits its user record was made
 * with (a first-time visitor's first report, `firstHits`), else none.
 */
const startingWindows = (caller: Caller, subject: string): LimitWindows => (subject === caller.userId ? (caller.firstHits ?? {}) : {});

/**
 * The windows after taking every one of `takes`, or the first refusal as a Chinese RATE_LIMITED message
 * saying when to try again. Pure: the caller decides where (and whether) to write them.
 */
export function windowsAfter(windows: LimitWindows, caller: Caller, takes: readonly LimitTake[], now: Date): { windows: LimitWindows; hitIds: string[] } {
  const newUser = isNewUser(caller, now);
  const next: LimitWindows = { ...windows };
  const hitIds: string[] = [];
  for (const take of takes) {
    if (take.hitId && next[take.action]?.some((h) => h.id === take.hitId)) continue;
    const rule = DEFAULT_LIMITS[take.action];
    const hit: Hit = { id: take.hitId ?? randomUUID(), at: now.getTime(), amount: take.amount ?? 1 };
    const verdict = checkLimit(hitsOf(next, take.action), rule, newUser, hit);
    if (!verdict.allowed) throw new DomainError('RATE_LIMITED', limitMessage(rule, verdict.max, verdict.retryAt, now.getTime(), newUser));
    next[take.action] = storedHits(verdict.hits);
    hitIds.push(hit.id);
  }
  return { windows: next, hitIds };
}

function groupOf(takes: readonly LimitTake[]): LimitGroup {
  const groups = new Set(takes.map((t) => LIMIT_GROUPS[t.action]));
  const [group] = groups;
  if (groups.size !== 1 || !group) throw new RangeError(`limits taken together must share one document: ${takes.map((t) => t.action).join(', ')}`);
  return group;
}

/**
 * Takes every one of `takes` (all of one group) in one conditional write, or throws RATE_LIMITED naming
 * the first limit that refuses. Take them right before the work they guard; release them when that work
 * is refused afterwards, so a failed attempt costs nothing (except where failing is what is counted:
 * wrong pickup codes).
 */
export async function takeLimits(db: Database, caller: Caller, takes: readonly LimitTake[], now: Date, options: LimitOptions = {}): Promise<LimitSlot> {
  const subject = options.subject ?? caller.userId;
  const id = limitDocId(groupOf(takes), subject);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const found = attempt === 0 && options.window !== undefined ? options.window : await limitsOf(db).load(id);
    const after = windowsAfter(found ? found.windows : startingWindows(caller, subject), caller, takes, now);
    if (!after.hitIds.length) return { release: async () => {} }; // every hit was taken by an earlier try
    if (await save(db, id, subject, found, after.windows, now)) return { release: () => releaseHits(db, caller, id, subject, after.hitIds, now) };
  }
  throw new DomainError('RATE_LIMITED', '操作太频繁，请稍后再试');
}

/** One limit: see takeLimits. */
export const takeLimit = (db: Database, caller: Caller, action: LimitedAction, now: Date, options: LimitOptions & { amount?: number } = {}): Promise<LimitSlot> =>
  takeLimits(db, caller, [{ action, amount: options.amount }], now, options);

/**
 * Gives hits back. Hits a user record was made with (`firstHits`) are given back by writing the
 * subject's document without them: from then on the document, not the record, is the window.
 */
export async function releaseHits(db: Database, caller: Caller, id: string, subject: string, hitIds: readonly string[], now: Date): Promise<void> {
  const gone = new Set(hitIds);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const found = await limitsOf(db).load(id);
    const windows = found ? found.windows : startingWindows(caller, subject);
    if (!Object.values(windows).some((hits) => hits?.some((h) => gone.has(h.id)))) return;
    const kept = Object.fromEntries(Object.entries(windows).map(([action, hits]) => [action, (hits ?? []).filter((h) => !gone.has(h.id))])) as LimitWindows;
    if (await save(db, id, subject, found, kept, now)) return;
  }
}

/** Runs `work` holding a slot; a DomainError from `work` gives the slot back and is rethrown. */
export async function withLimit<T>(db: Database, caller: Caller, action: LimitedAction, now: Date, work: () => Promise<T>, options: LimitOptions & { amount?: number } = {}): Promise<T> {
  const slot = await takeLimit(db, caller, action, now, options);
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError) await slot.release();
    throw err;
  }
}

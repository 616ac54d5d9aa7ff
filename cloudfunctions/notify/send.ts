import { randomBytes } from 'node:crypto';
import { notificationRecordSchema, subscriptionRecordSchema, type NotificationRecord } from '../../src/domain/notification/records';
import { subscriptionId } from '../../src/domain/notification/templates';
import { userRecordSchema } from '../../src/domain/user';
import { collectionOf, type Database, type getApp } from '../_lib';
import { RunBudget, TIMER_RUN_BUDGET_MS } from '../_lib/run-budget';

type App = ReturnType<typeof getApp>;

const notificationsOf = (db: Database) => collectionOf(db, 'notifications', notificationRecordSchema);
const subscriptionsOf = (db: Database) => collectionOf(db, 'subscriptions', subscriptionRecordSchema);
/** Only whom to send to: a user's openid (a staff member added by the org function may not have one yet). */
const recipientsOf = (db: Database) => collectionOf(db, 'users', userRecordSchema.pick({ _id: true }).extend({ openid: userRecordSchema.shape.openid.optional() }));

/** Messages claimed and sent side by side, in groups of this many. */
export const BATCH = 50;
/** The most a CloudBase read returns (server SDK: "最大 1000 条"). */
const READ_MAX = 1_000;
/**
 * Messages one run may claim, new and retried together (issue 13 item 2). The timeout is 30 s
 * (config.json: half the every-minute period); a run should take at most a quarter of it, which
 * `npm run bench` checks run by run (scripts/bench/timer-runs.ts); 10 000 queued messages go out in 22
 * runs, one a minute (measured 30 Nov on the local cloud: 250–500 a run, each at most 7.1 s). Environment variable GRIDLINK_NOTIFY_RUN_LIMIT may set another (_lib/run-limit.ts).
 */
export const RUN_LIMIT = 500;
export const RUN_LIMIT_VARIABLE = 'GRIDLINK_NOTIFY_RUN_LIMIT';
/** The first send and up to 3 retries, one per later run (issue 4 item 7). */
export const MAX_ATTEMPTS = 4;
/** Our own code (not WeChat's) for a recipient without an openid: nothing to retry. */
export const NO_OPENID = 'NO_OPENID';
/** Our own code: the recipient has no accepted subscription left for the template, so nothing is sent (it stays in the in-app list). */
export const NO_SUBSCRIPTION = 'NO_SUBSCRIPTION';

/**
 * WeChat's answers that the same request will get again (subscribeMessage.send errcodes): the openid,
 * the template, the page or the data is wrong, or the user has no subscription. Not retried; anything
 * else (-1 system busy, 45009 quota of the day …) is.
 */
const FINAL_ERRCODES: ReadonlySet<number | string> = new Set([40003, 40037, 41030, 43101, 47003, NO_OPENID, NO_SUBSCRIPTION]);

type StoredNotification = NotificationRecord;

export interface SendResult {
  sent: number;
  failed: number;
  /** Of the failed, how many a later run tries again. */
  retrying: number;
}

interface Outcome {
  errcode: number | string;
  errmsg: string;
}

/**
 * Claims notifications in batches and sends each as a subscribe message. A claim is a conditional update
 * (`status` still what was read → `sending`, stamped with this run's id), so of two runs reading the same
 * batch only one wins each message and nothing is sent twice. First the `pending` ones (index
 * `status_1_createdAt_1`), oldest first; then `failed` ones still marked retryable, each at most once a run.
 * At most `limit` claims a run; what is left stays `pending` (or `failed`) for the next run.
 */
export async function sendOutbox(app: App, now: Date, limit = RUN_LIMIT): Promise<SendResult> {
  const db = app.database();
  const runId = `run-${now.getTime()}-${randomBytes(4).toString('hex')}`;
  const result: SendResult = { sent: 0, failed: 0, retrying: 0 };
  const _ = db.command;
  // A second bound, by the wall clock: a slow database or WeChat ends the run inside a quarter of its timeout.
  const budget = new RunBudget(TIMER_RUN_BUDGET_MS);
  let left = limit;
  for (const status of ['pending', 'failed'] as const) {
    while (left > 0) {
      // A message that failed in this run waits for the next one (claimedBy is this run's id).
      const match = status === 'pending' ? { status } : { status, retryable: true, claimedBy: _.neq(runId) };
      // One read for what the run may still claim (a read returns at most 1 000); claims and sends in groups of BATCH.
      const size = Math.min(READ_MAX, left);
      const { items: data } = await notificationsOf(db).page(match, { orderBy: ['createdAt', 'asc'], limit: size });
      if (data.length === 0) break;
      let claimedAny = false;
      for (let i = 0; i < data.length && left > 0; i += BATCH) {
        if (!budget.roomForBatch()) return result;
        const group = data.slice(i, i + Math.min(BATCH, left));
        await budget.batch(async () => {
          const claimed = (await Promise.all(group.map((n) => claim(db, n, runId, now)))).filter((n): n is StoredNotification => n !== null);
          left -= claimed.length;
          claimedAny ||= claimed.length > 0;
          await sendBatch(app, db, claimed, runId, now, result);
        });
      }
      // Another run won the whole read: it works on from here.
      if (data.length < size || !claimedAny) break;
    }
  }
  return result;
}

async function claim(db: Database, n: StoredNotification, runId: string, now: Date): Promise<StoredNotification | null> {
  // A failed one is claimed only at the attempt count read, so a run holding an older read cannot resend it.
  const condition = n.status === 'pending' ? { _id: n._id, status: 'pending' } : { _id: n._id, status: 'failed', attempts: n.attempts ?? 0 };
  // A fresh attempt id per claim: only its holder may mark the call and record the outcome (issue 9 item 5).
  const attemptId = `${runId}-${randomBytes(4).toString('hex')}`;
  const updated = await notificationsOf(db).updateWhere(condition, { status: 'sending', claimedBy: runId, attemptId, claimedAt: now });
  return updated === 1 ? { ...n, attemptId } : null;
}

/**
 * Right before WeChat is called: `sending` → `calling`, still under this attempt. If the reconciler took
 * the row back meanwhile (this sender was too slow), nothing is called. A row the reconciler later finds
 * in `calling` may have been delivered and is never sent again; one still in `sending` never reached WeChat.
 */
async function markCalling(db: Database, n: StoredNotification, now: Date): Promise<boolean> {
  const updated = await notificationsOf(db).updateWhere({ _id: n._id, status: 'sending', attemptId: n.attemptId }, { status: 'calling', callingAt: now });
  return updated === 1;
}

async function sendBatch(app: App, db: Database, batch: StoredNotification[], runId: string, now: Date, result: SendResult): Promise<void> {
  if (batch.length === 0) return;
  const openids = await openidsOf(db, [...new Set(batch.map((n) => n.toUserId))]);
  await Promise.all(
    batch.map(async (n) => {
      const touser = openids.get(n.toUserId);
      if (touser && !(await markCalling(db, n, now))) return;
      const outcome: Outcome = touser ? await sendWithSubscription(app, db, touser, n, now) : { errcode: NO_OPENID, errmsg: `user ${n.toUserId} has no openid` };
      const attempts = (n.attempts ?? 0) + 1;
      const sent = outcome.errcode === 0;
      const retryable = !sent && !FINAL_ERRCODES.has(outcome.errcode) && attempts < MAX_ATTEMPTS;
      const patch = sent
        ? { status: 'sent', sentAt: now, attempts, errcode: 0, errmsg: outcome.errmsg, retryable: false }
        : { status: 'failed', failedAt: now, attempts, errcode: outcome.errcode, errmsg: outcome.errmsg, retryable };
      await notificationsOf(db).updateWhere({ _id: n._id, attemptId: n.attemptId }, patch);
      if (sent) result.sent++;
      else {
        result.failed++;
        if (retryable) result.retrying++;
        // No subscription is the ordinary case (the message is in the in-app list); only WeChat's refusals are errors.
        if (outcome.errcode !== NO_SUBSCRIPTION) console.error('[notify] subscribeMessage.send failed', n._id, outcome.errcode, outcome.errmsg);
      }
    }),
  );
}

/** One query on `users` per batch: the recipients' openids by user id. */
async function openidsOf(db: Database, userIds: string[]): Promise<Map<string, string>> {
  const users = await recipientsOf(db).loadMany(userIds);
  return new Map(users.flatMap((u) => (u.openid ? [[u._id, u.openid] as const] : [])));
}

/**
 * Takes one of the recipient's accepted subscriptions for the template (conditional on one being left,
 * so two runs cannot spend the same one), sends, and gives it back when WeChat did not deliver for a
 * reason of its own. 43101 means WeChat holds none for the user: our count is wrong, so it is zeroed.
 */
async function sendWithSubscription(app: App, db: Database, touser: string, n: StoredNotification, now: Date): Promise<Outcome> {
  const _ = db.command;
  const subscriptions = subscriptionsOf(db);
  const _id = subscriptionId(n.toUserId, n.template);
  const updated = await subscriptions.updateWhere({ _id, count: _.gt(0) }, { count: _.inc(-1), updatedAt: now });
  if (updated !== 1) return { errcode: NO_SUBSCRIPTION, errmsg: `user ${n.toUserId} has no subscription to ${n.template} left` };
  const outcome = await sendOne(app, touser, n);
  if (outcome.errcode === 43101) await subscriptions.updateWhere({ _id }, { count: 0, updatedAt: now });
  else if (outcome.errcode !== 0) await subscriptions.updateWhere({ _id }, { count: _.inc(1), updatedAt: now });
  return outcome;
}

/**
 * WeChat's subscribeMessage.send through the SDK's `callWxOpenApi` (admin action `wx.api`), the same
 * path as the board's wxacode. WeChat answers `{ errcode, errmsg }`; an SDK-level refusal (`code`) or a
 * thrown error counts as a failure with that code.
 */
async function sendOne(app: App, touser: string, n: StoredNotification): Promise<Outcome> {
  try {
    const answer = (await app.callWxOpenApi({
      apiName: 'subscribeMessage.send',
      requestData: { touser, template_id: n.template, page: n.page, data: n.data ?? {}, lang: 'zh_CN' },
    })) as { result?: { errcode?: unknown; errmsg?: unknown }; code?: unknown; message?: unknown };
    if (answer.code) return { errcode: String(answer.code), errmsg: String(answer.message ?? '') };
    const errcode = answer.result?.errcode;
    if (typeof errcode !== 'number') return { errcode: 'BAD_REPLY', errmsg: JSON.stringify(answer.result ?? null).slice(0, 200) };
    return { errcode, errmsg: String(answer.result?.errmsg ?? '') };
  } catch (err) {
    return { errcode: 'SDK_ERROR', errmsg: err instanceof Error ? err.message : String(err) };
  }
}

import * as z from 'zod';

/**
 * The stored `notifications` outbox row (ARCHITECTURE §5; issue 9 items 1 and 5). One row per recipient
 * and message, `_id` derived from (cause, kind, recipient) so the same cause never queues twice.
 *
 * Sending is at most once: a sender claims a row (`pending`/`failed` → `sending`) writing a fresh
 * `attemptId`, marks it `calling` (same attempt id) right before it calls WeChat, and records the outcome
 * only while it still holds that attempt id. The reconciler returns a row stuck in `sending` to `pending`
 * (WeChat was never called) and marks one stuck in `calling` `unknown` (it may have been delivered: it is
 * never sent again).
 */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'calling', 'sent', 'failed', 'unknown'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

const storedDate = z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v));

export const notificationRecordSchema = z
  .object({
    _id: z.string(),
    toUserId: z.string(),
    kind: z.string(),
    template: z.string(),
    caseId: z.string().optional(),
    /** A volunteer's message is about an activity instead. */
    activityId: z.string().optional(),
    /** What caused it (a case event id, or `near:<deadline>`): the same cause never notifies one person twice. */
    cause: z.string().optional(),
    title: z.string().optional(),
    body: z.string().optional(),
    page: z.string().optional(),
    data: z.record(z.string(), z.object({ value: z.string() })).optional(),
    status: z.enum(NOTIFICATION_STATUSES),
    createdAt: storedDate,
    attempts: z.number().int().nonnegative().optional(),
    /** The claim that holds the row while `sending` (a fresh id per attempt). */
    attemptId: z.string().optional(),
    callingAt: storedDate.optional(),
    unknownAt: storedDate.optional(),
    claimedBy: z.string().optional(),
    claimedAt: storedDate.optional(),
    sentAt: storedDate.optional(),
    failedAt: storedDate.optional(),
    errcode: z.union([z.number(), z.string()]).optional(),
    errmsg: z.string().optional(),
    retryable: z.boolean().optional(),
    /** Seen in the recipient's in-app 消息 list (case.readNotifications). */
    readAt: storedDate.optional(),
  })
  .passthrough();
export type NotificationRecord = z.infer<typeof notificationRecordSchema>;

/**
 * The stored `subscriptions` count, one per user and template (`subscriptionId`): how many one-time
 * subscribe messages WeChat holds for the user (each 'accept' adds one, each send takes one).
 */
export const subscriptionRecordSchema = z.object({
  _id: z.string(),
  userId: z.string(),
  templateId: z.string(),
  count: z.number().int().nonnegative(),
  createdAt: storedDate.optional(),
  updatedAt: storedDate.optional(),
});
export type SubscriptionRecord = z.infer<typeof subscriptionRecordSchema>;

import { z } from 'zod';

/**
 * The stored `notifications` outbox row (ARCHITECTURE §5; issue 9 items 1 and 5). One row per recipient
 * and message, `_id` derived from (cause, kind, recipient) so the same cause never queues twice.
 *
 * Sending is at most once per attempt: a sender claims a row (`pending`/`failed` → `sending`) writing a
 * fresh `attemptId`, and only the holder of that attempt id may record the outcome. A row stuck in
 * `sending` (its sender died) is reclaimed by the reconciler after a timeout; whether WeChat already got
 * it is unknowable, so the reconciler marks it `unknown` rather than sending it again (never twice).
 */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'unknown'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

const storedDate = z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v));

export const notificationRecordSchema = z
  .object({
    _id: z.string(),
    toUserId: z.string(),
    kind: z.string(),
    template: z.string(),
    caseId: z.string().optional(),
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

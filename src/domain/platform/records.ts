import { z } from 'zod';
import { LIMITED_ACTIONS } from '../limits';

/**
 * Stored records the shared function layer (`cloudfunctions/_lib`) keeps for every context (issue 9
 * item 1): the rate-limit windows (issue 10 item 5) and the upload register (issue 10 item 6). Read and
 * written only through the records accessor, parsed by these schemas.
 */

const date = z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v));

/** One `rate_limits` document per action and subject: the hits of its sliding window. */
export const rateLimitRecordSchema = z.object({
  _id: z.string(),
  action: z.enum(LIMITED_ACTIONS).optional(),
  subject: z.string().optional(),
  hits: z.array(z.object({ id: z.string(), at: date, amount: z.number() })),
  version: z.number().int(),
  updatedAt: date.optional(),
});
export type RateLimitRecord = z.infer<typeof rateLimitRecordSchema>;

export const UPLOAD_PURPOSES = ['case', 'person'] as const;

/** One `uploads` document per stored photo: whose it is, so a case accepts exactly the caller's own. */
export const uploadRecordSchema = z.object({
  _id: z.string(),
  fileId: z.string(),
  ownerId: z.string(),
  bytes: z.number().int().nonnegative(),
  mimeType: z.enum(['image/jpeg', 'image/png']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  purpose: z.enum(UPLOAD_PURPOSES),
  at: date,
});
export type UploadRecord = z.infer<typeof uploadRecordSchema>;

/** The one `system_heartbeats` document: the last timer run's clock time, trigger and the time it was fired for. */
export const heartbeatRecordSchema = z.object({ _id: z.string(), at: date, trigger: z.string(), firedFor: z.string() });
export type HeartbeatRecord = z.infer<typeof heartbeatRecordSchema>;

import * as z from 'zod';
import { LIMITED_ACTIONS } from '../limits';

/**
 * Stored records the shared function layer (`cloudfunctions/_lib`) keeps for every context (issue 9
 * item 1): the rate-limit windows (issue 10 item 5) and the upload register (issue 10 item 6). Read and
 * written only through the records accessor, parsed by these schemas.
 */

const date = z.union([z.date(), z.string(), z.number()]).transform((v) => new Date(v));

const limitHitSchema = z.object({ id: z.string(), at: date, amount: z.number() });

/** The hits of a sliding window per limited action (only the actions taken so far). */
export const limitWindowsSchema = z.partialRecord(z.enum(LIMITED_ACTIONS), z.array(limitHitSchema));
export type LimitWindows = z.infer<typeof limitWindowsSchema>;

/**
 * One `rate_limits` document per subject and group of actions taken together (report + 突发性 report,
 * photo count + photo bytes, wrong pickup codes): one conditional write takes every limit of a step.
 * Documents of the earlier shape (one per action: `action`, `hits`) parse with no windows and are no
 * longer read under their old ids.
 */
export const rateLimitRecordSchema = z.object({
  _id: z.string(),
  subject: z.string().optional(),
  windows: limitWindowsSchema.default({}),
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

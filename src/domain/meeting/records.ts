import * as z from 'zod';
import { LEAVE_DECISIONS } from './attendance';
import { MEETING_KINDS } from './kinds';

/** Stored records of meetings (issue 14 item 5). One schema per collection. */

const id = z.string().min(1);

/** `meetings`: one per meeting, `_id` a digest of the organiser and the client's request id (a retried save makes one; short enough for evidence links). */
export const meetingRecordSchema = z.object({
  _id: id,
  streetId: id,
  /** A community's meeting; absent for the street's own. */
  communityId: id.optional(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  place: z.string(),
  note: z.string(),
  startAt: z.date(),
  endAt: z.date(),
  organiserId: id,
  organiserName: z.string(),
  /** Six digits shown (and as a QR) only to the organising staff. */
  checkInCode: z.string().regex(/^\d{6}$/),
  attendeeCount: z.number().int().nonnegative(),
  cancelled: z.boolean(),
  cancelReason: z.string().optional(),
  requestId: z.string(),
  version: z.number().int().nonnegative(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

export const leaveRecordSchema = z.object({
  reason: z.string(),
  requestedAt: z.date(),
  decision: z.enum(LEAVE_DECISIONS).optional(),
  decidedAt: z.date().optional(),
  decidedBy: id.optional(),
  note: z.string().optional(),
});

/**
 * `meeting_attendance`: one per meeting and invited person, `_id` `attend-<meetingId>-<userId>`, so an
 * attendee's sign-in or leave request changes one small document (no crowd on the meeting's). It copies
 * the meeting's times, kind, title and state so compliance and assessment read one collection by range.
 */
export const attendanceRecordSchema = z.object({
  _id: id,
  meetingId: id,
  streetId: id,
  /** The meeting's community (absent for a street meeting). */
  communityId: id.optional(),
  /** The attendee's own community, if they belong to one (assessment of a community counts its people). */
  attendeeCommunityId: id.optional(),
  userId: id,
  name: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  startAt: z.date(),
  endAt: z.date(),
  cancelled: z.boolean(),
  signedInAt: z.date().optional(),
  leave: leaveRecordSchema.optional(),
  /** Wrong codes typed (capped: MAX_WRONG_CHECK_IN_CODES). */
  wrongCodes: z.number().int().nonnegative(),
  version: z.number().int().nonnegative(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type AttendanceRecord = z.infer<typeof attendanceRecordSchema>;

/** `digest`: the edge's hash of organiser and request id (node:crypto is not available to the pure domain). */
export const meetingIdFor = (digest: string) => `meeting-${digest.slice(0, 20)}`;
export const attendanceIdFor = (meetingId: string, userId: string) => `attend-${meetingId}-${userId}`;

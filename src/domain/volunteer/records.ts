import * as z from 'zod';
import { activitySchema, ACTIVITY_STATES, streetApprovalSchema } from './activity';
import { ledgerEntrySchema, type LedgerEntry } from './ledger-entry';

/**
 * Stored records of the volunteer context (issue 9 item 1): one schema per collection, types inferred.
 * The function reads every document through these at the persistence boundary. Ids that make writes
 * idempotent or exact are derived here, in one place:
 * - `volunteers/<userId>`: the profile is keyed by the person's user id (one per person);
 * - `signups/<activityId>:<volunteerId>`: a double tap cannot take two places;
 * - `points_accounts/<volunteerId>:<year>`: running totals kept beside the ledger;
 * - `ledger/<entry id>`: the domain derives entry ids (award:activity:…, …~correction), so a retry is a duplicate;
 * - `redemptions/red-<hash(volunteer, requestId)>`: a retried redemption finds the first one.
 * Timestamps some early writers left out are optional, so old documents still parse.
 */

const id = z.string().min(1);
const optionalStamps = { createdAt: z.date().optional(), updatedAt: z.date().optional() };

export const VOLUNTEER_COLLECTIONS = ['volunteers', 'activities', 'signups', 'ledger', 'points_accounts', 'rewards', 'redemptions'] as const;
export type VolunteerCollection = (typeof VOLUNTEER_COLLECTIONS)[number];

export const volunteerFlagsRecordSchema = z.object({ buildingHead: z.boolean(), unitHead: z.boolean(), infoAssistant: z.boolean() });

export const volunteerRecordSchema = z.object({
  _id: id,
  userId: id,
  streetId: id,
  communityId: id,
  name: z.string(),
  phone: z.string(),
  building: z.string().default(''),
  skills: z.array(z.string()).default([]),
  flags: volunteerFlagsRecordSchema,
  version: z.number().int().nonnegative(),
  ...optionalStamps,
});
export type VolunteerRecord = z.infer<typeof volunteerRecordSchema>;

/**
 * An activity is stored flat (so `where({ communityId, state })` works): the domain's Activity without its
 * `id`, plus the edge's bookkeeping — places taken, the check-in code, who organised it, the completion.
 */
export const activityRecordSchema = z.object({
  _id: id,
  title: z.string(),
  content: z.string(),
  ruleId: id,
  expectedPoints: z.number().int().positive(),
  headcount: z.number().int().positive(),
  startAt: z.date(),
  endAt: z.date(),
  place: z.string(),
  communityId: id,
  streetId: id,
  state: z.enum(ACTIVITY_STATES),
  streetApproval: streetApprovalSchema.optional(),
  /** Places held: moved with each sign-up and cancellation, never above `headcount`. */
  taken: z.number().int().nonnegative(),
  /**
   * Who holds the places (`taken` = its length), moved in the same conditional update: the truth a
   * sign-up document completes (cloudfunctions/volunteer/signups.ts). Absent on activities nobody signed up for.
   */
  holders: z.array(id).optional(),
  /**
   * Volunteers whose cancellation has begun: moved out of `holders` by the cancel's first write while
   * their sign-up document still exists, their place still counted in `taken` until the cancel's last
   * write frees it. It makes the two interrupted calls tell apart (docs/decisions.md): a holder without a
   * document is ALWAYS an interrupted sign-up, an entry here ALWAYS an interrupted cancellation.
   */
  releasing: z.array(id).optional(),
  /** When the reconciler last completed a sign-up or cancellation here (its transaction's write on the activity). */
  placesReconciledAt: z.date().optional(),
  checkInCode: z.string(),
  /** The organiser (never a participant of their own activity, issue 10 item 4). */
  createdBy: id.optional(),
  publishedAt: z.date().optional(),
  cancelReason: z.string().optional(),
  completedAt: z.date().optional(),
  completedBy: id.optional(),
  attendedVolunteerIds: z.array(id).optional(),
  /** Attendees who held a staff role at completion: their awards wait for another staff member. */
  staffAttendeeIds: z.array(id).optional(),
  /** When its volunteers' reminders were queued (cloudfunctions/notify/reminders.ts); set once. */
  remindersQueuedAt: z.date().optional(),
  version: z.number().int().nonnegative(),
  ...optionalStamps,
});
export type ActivityRecord = z.infer<typeof activityRecordSchema>;

/** The domain view of a stored activity (validated again by the domain schema: end after start, lengths). */
export function activityOfRecord(r: ActivityRecord) {
  return activitySchema.parse({
    id: r._id, title: r.title, content: r.content, ruleId: r.ruleId, expectedPoints: r.expectedPoints, headcount: r.headcount,
    startAt: r.startAt, endAt: r.endAt, place: r.place, communityId: r.communityId, streetId: r.streetId, state: r.state, streetApproval: r.streetApproval,
  });
}

/** What became of a staff participant's award (issue 10 item 4): it waits for another staff member. */
export const STAFF_AWARD_STATES = ['awaiting_confirmation', 'confirmed'] as const;

export const signupRecordSchema = z.object({
  _id: id,
  activityId: id,
  volunteerId: id,
  communityId: id,
  signedAt: z.date(),
  checkedInAt: z.date().optional(),
  checkedInBy: z.string().optional(),
  /** Wrong check-in codes typed for this sign-up (capped in the function). */
  wrongCodes: z.number().int().nonnegative().optional(),
  /** Set at completion for a participant who holds a staff role. */
  staffAward: z.enum(STAFF_AWARD_STATES).optional(),
  staffAwardConfirmedBy: id.optional(),
});
export type SignupRecord = z.infer<typeof signupRecordSchema>;
export const signupId = (activityId: string, volunteerId: string) => `${activityId}:${volunteerId}`;

/** A ledger document is the domain entry with `_id` = entry id (the entry id is derived, see above). */
type WithRecordId<E> = E extends unknown ? Omit<E, 'id'> & { _id: string } : never;
export type LedgerRecord = WithRecordId<LedgerEntry>;

export function entryOfRecord(doc: Record<string, unknown>): LedgerEntry {
  const { _id, ...rest } = doc as Record<string, unknown> & { _id: string };
  return ledgerEntrySchema.parse({ ...rest, id: _id });
}
export function recordOfEntry(e: LedgerEntry): LedgerRecord {
  const { id: _id, ...rest } = e;
  return { _id, ...rest } as LedgerRecord;
}

/** Parses a stored ledger document with the entry's own rules (signs by kind, year of the date). */
export const ledgerRecordSchema = z.looseObject({ _id: id }).transform((doc, ctx): LedgerRecord => {
  const { _id, ...rest } = doc;
  const parsed = ledgerEntrySchema.safeParse({ ...rest, id: _id });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return recordOfEntry(parsed.data);
});

/** One per volunteer and year, kept equal to the sum of that year's ledger (the reconciler checks it). */
export const accountRecordSchema = z.object({
  _id: id,
  volunteerId: id,
  streetId: id,
  communityId: id,
  year: z.number().int(),
  /** Awards net of corrections: what the ranking counts. */
  earned: z.number().int(),
  /** Every entry of the year: what can still be redeemed. Never negative. */
  available: z.number().int().nonnegative(),
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;
export const accountId = (volunteerId: string, year: number) => `${volunteerId}:${year}`;

export const giftRecordSchema = z.object({
  _id: id,
  communityId: id,
  streetId: id,
  name: z.string(),
  pointsCost: z.number().int().positive(),
  /** Units left on the shelf; stock used = live redemptions of the gift. */
  stock: z.number().int().nonnegative(),
  active: z.boolean(),
  version: z.number().int().nonnegative(),
  createdAt: z.date().optional(),
  updatedAt: z.date().optional(),
});
export type GiftRecord = z.infer<typeof giftRecordSchema>;

export const REDEMPTION_STATES = ['awaiting_pickup', 'picked_up'] as const;

export const redemptionRecordSchema = z.object({
  _id: id,
  volunteerId: id,
  volunteerName: z.string(),
  giftId: id,
  giftName: z.string(),
  communityId: id,
  streetId: id,
  points: z.number().int().positive(),
  year: z.number().int(),
  state: z.enum(REDEMPTION_STATES),
  pickupCode: z.string(),
  at: z.date(),
  pickedUpAt: z.date().optional(),
  pickedUpBy: z.string().optional(),
  /** The client's request id, kept so a retry can be recognised (the `_id` is derived from it). */
  requestId: z.string().optional(),
  /** Wrong pickup codes tried at the counter. */
  wrongCodes: z.number().int().nonnegative().optional(),
});
export type RedemptionRecord = z.infer<typeof redemptionRecordSchema>;

/** Every volunteer collection's schema, for the one typed accessor and the reconciler. */
export const VOLUNTEER_RECORD_SCHEMAS = {
  volunteers: volunteerRecordSchema,
  activities: activityRecordSchema,
  signups: signupRecordSchema,
  ledger: ledgerRecordSchema,
  points_accounts: accountRecordSchema,
  rewards: giftRecordSchema,
  redemptions: redemptionRecordSchema,
} satisfies Record<VolunteerCollection, z.ZodType>;

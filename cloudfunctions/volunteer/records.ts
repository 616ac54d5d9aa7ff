import { z } from 'zod';
import { DomainError } from '../../src/domain/errors';
import { activitySchema, ledgerEntrySchema, type Activity, type LedgerEntry } from '../../src/domain/volunteer';
import type { Invocation } from '../_lib';

/**
 * Stored volunteer records, parsed at the persistence boundary. Ids that make writes idempotent or
 * exact are derived here, in one place:
 * - `volunteers/<userId>`: the profile is keyed by the caller's user id (one per person);
 * - `signups/<activityId>:<volunteerId>`: a double tap cannot take two places;
 * - `points_accounts/<volunteerId>:<year>`: running totals kept beside the ledger (see ledger-store.ts);
 * - `ledger/<entry id>`: the domain derives entry ids (award:activity:…, …~correction), so a retry is a duplicate.
 */

export const volunteerRecordSchema = z.object({
  _id: z.string(),
  userId: z.string(),
  streetId: z.string(),
  communityId: z.string(),
  name: z.string(),
  phone: z.string(),
  building: z.string().default(''),
  skills: z.array(z.string()).default([]),
  flags: z.object({ buildingHead: z.boolean(), unitHead: z.boolean(), infoAssistant: z.boolean() }),
  version: z.number(),
});
export type VolunteerRecord = z.infer<typeof volunteerRecordSchema>;

/** The domain's Activity plus the edge's bookkeeping (places taken, check-in code, version). */
export interface StoredActivity {
  activity: Activity;
  taken: number;
  checkInCode: string;
  version: number;
}

/** Activities are stored flat (so `where({ communityId, state })` works); the domain view is rebuilt here. */
export function activityFromDoc(doc: Record<string, unknown>): StoredActivity {
  const { _id, taken, checkInCode, version, ...rest } = doc as Record<string, unknown> & { _id: string };
  const activity = activitySchema.parse({ ...rest, id: _id });
  return { activity, taken: z.number().parse(taken), checkInCode: z.string().parse(checkInCode), version: z.number().parse(version) };
}

export function activityToDoc(a: Activity): Record<string, unknown> {
  const { id: _ignored, ...rest } = a;
  return rest;
}

export const signupRecordSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  volunteerId: z.string(),
  communityId: z.string(),
  signedAt: z.date(),
  checkedInAt: z.date().optional(),
  checkedInBy: z.string().optional(),
  /** Wrong check-in codes typed for this sign-up (capped: see signups.ts). */
  wrongCodes: z.number().int().optional(),
});
export type SignupRecord = z.infer<typeof signupRecordSchema>;
export const signupId = (activityId: string, volunteerId: string) => `${activityId}:${volunteerId}`;

export const accountRecordSchema = z.object({
  _id: z.string(),
  volunteerId: z.string(),
  streetId: z.string(),
  communityId: z.string(),
  year: z.number(),
  /** Awards net of corrections: what the ranking counts. */
  earned: z.number(),
  /** Every entry of the year: what can still be redeemed. */
  available: z.number(),
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;
export const accountId = (volunteerId: string, year: number) => `${volunteerId}:${year}`;

export const giftRecordSchema = z.object({
  _id: z.string(),
  communityId: z.string(),
  streetId: z.string(),
  name: z.string(),
  pointsCost: z.number(),
  stock: z.number(),
  active: z.boolean(),
  version: z.number(),
});
export type GiftRecord = z.infer<typeof giftRecordSchema>;

export const redemptionRecordSchema = z.object({
  _id: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  giftId: z.string(),
  giftName: z.string(),
  communityId: z.string(),
  streetId: z.string(),
  points: z.number(),
  year: z.number(),
  state: z.enum(['awaiting_pickup', 'picked_up']),
  pickupCode: z.string(),
  at: z.date(),
  pickedUpAt: z.date().optional(),
  pickedUpBy: z.string().optional(),
});
export type RedemptionRecord = z.infer<typeof redemptionRecordSchema>;

/** Ledger documents are the domain entry with `_id` = entry id. */
export function entryFromDoc(doc: Record<string, unknown>): LedgerEntry {
  const { _id, ...rest } = doc as Record<string, unknown> & { _id: string };
  return ledgerEntrySchema.parse({ ...rest, id: _id });
}

export function entryToDoc(e: LedgerEntry): { _id: string } & Record<string, unknown> {
  const { id, ...rest } = e;
  return { _id: id, ...rest };
}

export async function findDoc(call: Invocation, collection: string, id: string): Promise<Record<string, unknown> | null> {
  const { data } = await call.db.collection(collection).where({ _id: id }).limit(1).get();
  return (data[0] as Record<string, unknown> | undefined) ?? null;
}

export async function loadDoc(call: Invocation, collection: string, id: string, label: string): Promise<Record<string, unknown>> {
  const doc = await findDoc(call, collection, id);
  if (!doc) throw new DomainError('NOT_FOUND', `${label}不存在`);
  return doc;
}

/** Reads every match in pages of 1000 (the read cap), ordered by `_id` so pages never overlap. */
export async function readAll(call: Invocation, collection: string, where: Record<string, unknown>, max = 20_000): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let skip = 0; skip < max; skip += 1000) {
    const { data } = await call.db.collection(collection).where(where).orderBy('_id', 'asc').skip(skip).limit(1000).get();
    out.push(...(data as Record<string, unknown>[]));
    if (data.length < 1000) break;
  }
  return out;
}

/** Inserts under a fixed `_id`; false when it exists already (the idempotent retry), other errors rethrown. */
export async function insertOnce(call: Invocation, collection: string, doc: { _id: string } & Record<string, unknown>): Promise<boolean> {
  try {
    await call.db.collection(collection).add(doc);
    return true;
  } catch (err) {
    if (await findDoc(call, collection, doc._id)) return false;
    throw err;
  }
}

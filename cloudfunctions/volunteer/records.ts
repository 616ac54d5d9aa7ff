import { DomainError } from '../../src/domain/errors';
import type { Activity } from '../../src/domain/volunteer';
import { activityOfRecord, activityRecordSchema, entryOfRecord, recordOfEntry, type ActivityRecord } from '../../src/domain/volunteer/records';
import type { Invocation } from '../_lib';

/*
 * Stored volunteer records: the schemas live in src/domain/volunteer/records.ts (issue 9 item 1); this file
 * keeps the edge's view of an activity and the small read helpers the handlers share.
 */
export { accountId, accountRecordSchema, giftRecordSchema, redemptionRecordSchema, signupId, signupRecordSchema, volunteerRecordSchema } from '../../src/domain/volunteer/records';
export type { AccountRecord, GiftRecord, RedemptionRecord, SignupRecord, VolunteerRecord } from '../../src/domain/volunteer/records';

/** The domain's Activity plus the edge's bookkeeping (places taken, check-in code, version). */
export interface StoredActivity {
  activity: Activity;
  taken: number;
  checkInCode: string;
  version: number;
  record: ActivityRecord;
}

export function activityFromDoc(doc: Record<string, unknown>): StoredActivity {
  const record = activityRecordSchema.parse(doc);
  return { activity: activityOfRecord(record), taken: record.taken, checkInCode: record.checkInCode, version: record.version, record };
}

export function activityToDoc(a: Activity): Record<string, unknown> {
  const { id: _ignored, ...rest } = a;
  return rest;
}

export const entryFromDoc = entryOfRecord;
export const entryToDoc = recordOfEntry;

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

import * as z from 'zod';
import { configRecordSchema } from '../../src/domain/case/records';
import { leadCaseSchema } from '../../src/domain/volunteer/lead-rule';
import { communityRecordSchema } from '../../src/domain/org/records';
import type { Activity } from '../../src/domain/volunteer';
import { activityOfRecord, entryOfRecord, VOLUNTEER_RECORD_SCHEMAS, type ActivityRecord, type VolunteerCollection } from '../../src/domain/volunteer/records';
import { collectionOf, type Collection, type Invocation } from '../_lib';

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

export function storedActivityOf(record: ActivityRecord): StoredActivity {
  return { activity: activityOfRecord(record), taken: record.taken, checkInCode: record.checkInCode, version: record.version, record };
}

export function activityToDoc(a: Activity): Record<string, unknown> {
  const { id: _ignored, ...rest } = a;
  return rest;
}

export const entryFromDoc = entryOfRecord;

/** A volunteer collection through the one records accessor (cloudfunctions/_lib/records.ts), typed by its schema. */
export const volunteerCollection = <C extends VolunteerCollection>(call: Pick<Invocation, 'db'>, name: C): Collection<z.infer<(typeof VOLUNTEER_RECORD_SCHEMAS)[C]>> =>
  collectionOf(call.db, name, VOLUNTEER_RECORD_SCHEMAS[name]) as unknown as Collection<z.infer<(typeof VOLUNTEER_RECORD_SCHEMAS)[C]>>;

/** Other contexts' records this function reads (their schemas, never a cast): communities, cases, users, the street's configs. */
export const communitiesOf = (call: Pick<Invocation, 'db'>) => collectionOf(call.db, 'communities', communityRecordSchema);
/** A case as the lead rule reads it: the case context's workflow fields (src/domain/volunteer/lead-rule.ts), nothing else of the case. */
export const leadCasesOf = (call: Pick<Invocation, 'db'>) => collectionOf(call.db, 'cases', leadCaseSchema.extend({ _id: z.string() }));
export const configsOf = (call: Pick<Invocation, 'db'>) => collectionOf(call.db, 'configs', configRecordSchema);

export async function loadActivityRecord(call: Invocation, activityId: string): Promise<StoredActivity> {
  return storedActivityOf(await volunteerCollection(call, 'activities').require(activityId, '活动'));
}

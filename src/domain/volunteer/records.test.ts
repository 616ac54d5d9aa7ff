import { accountRecordSchema, activityOfRecord, activityRecordSchema, entryOfRecord, ledgerRecordSchema, recordOfEntry, redemptionRecordSchema } from './records';
import { china, createAward } from './test-builders';

describe('stored volunteer records', () => {
  const activityDoc = {
    _id: 'act-1', title: '楼道环境清理', content: '清理楼道杂物', ruleId: 'governance.sanitation', expectedPoints: 2, headcount: 10,
    startAt: china('2026-12-01', '09:00'), endAt: china('2026-12-01', '11:00'), place: '3栋', communityId: 'community-a', streetId: 'street-demo',
    state: 'published', taken: 0, checkInCode: '123456', createdBy: 'user-community-a', version: 2,
  };

  it('an activity document parses into the domain activity with its id', () => {
    const record = activityRecordSchema.parse(activityDoc);
    expect(activityOfRecord(record)).toMatchObject({ id: 'act-1', state: 'published', headcount: 10 });
  });

  it('an activity whose places taken went below zero is refused at the boundary', () => {
    expect(activityRecordSchema.safeParse({ ...activityDoc, taken: -1 }).success).toBe(false);
  });

  it('a ledger document round-trips through the entry, keeping `_id` as the entry id', () => {
    const award = createAward({ id: 'award:activity:act-1:v-alice' });
    const doc = recordOfEntry(award);
    expect(doc._id).toBe(award.id);
    expect(ledgerRecordSchema.parse(doc)).toEqual(doc);
    expect(entryOfRecord(doc)).toEqual(award);
  });

  it('a ledger document with the wrong sign for its kind is refused', () => {
    const doc = { ...recordOfEntry(createAward()), points: -2 };
    expect(ledgerRecordSchema.safeParse(doc).success).toBe(false);
  });

  it('an account never stores negative available points', () => {
    const account = { _id: 'v:2026', volunteerId: 'v', streetId: 's', communityId: 'c', year: 2026, earned: 2 };
    expect(accountRecordSchema.safeParse({ ...account, available: 0 }).success).toBe(true);
    expect(accountRecordSchema.safeParse({ ...account, available: -2 }).success).toBe(false);
  });

  it('a redemption record carries a positive cost and a known state', () => {
    const r = { _id: 'red-1', volunteerId: 'v', volunteerName: '黄志明', giftId: 'g', giftName: '毛巾', communityId: 'c', streetId: 's', points: 5, year: 2026, state: 'awaiting_pickup', pickupCode: '012345', at: new Date() };
    expect(redemptionRecordSchema.safeParse(r).success).toBe(true);
    expect(redemptionRecordSchema.safeParse({ ...r, state: 'lost' }).success).toBe(false);
  });
});

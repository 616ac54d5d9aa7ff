import { useFunctionCloud } from './function-cloud';
import { aReport, caseCaller, setClock, uploadedPhoto, type CaseCall } from '../support/case-builders';

/**
 * Issue 9 item 6: filing a case and a case command each within 4 database round trips (transaction calls
 * included), counted by the local cloud as production bills them (one admin database action = one).
 * The budgets are scripts/bench/budgets.ts `actions`; this test keeps them from regressing silently.
 */
describe('case round trips', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const as = (userId: string) => caseCaller(base(), userId);

  /** What one call costs the database: reset the counters, call, read them. */
  async function cost(call: CaseCall, action: string, data: unknown) {
    await fetch(`${base()}/internal/db/stats/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const answer = await call(action, data);
    const stats = (await (await fetch(`${base()}/internal/db/stats`)).json()) as { roundTrips: number; byAction: Record<string, number> };
    return { answer, ...stats };
  }

  beforeEach(async () => setClock(base(), '2026-12-07T09:00:00+08:00'));

  it('an officer files a case in 4 round trips: one read of everything, the rate-limit window, the case, the officers’ messages', async () => {
    const officer = await as('user-officer-a1');
    expect((await officer('report', aReport())).ok).toBe(true); // a warm instance, and the officer's window exists
    const filed = await cost(officer, 'report', aReport());
    expect(filed.answer).toMatchObject({ ok: true, data: { created: true, state: 'reported' } });
    expect(filed.byAction).toEqual({ 'database.aggregateDocuments': 1, 'database.modifyDocument': 1, 'database.insertDocument': 2 });
    expect(filed.roundTrips).toBe(4);
    // Nothing was skipped to get there: the case holds its event, the officers have their message.
    const stored = (await t.db.collection('cases').doc(filed.answer.data.caseId).get()).data[0];
    expect(stored.timeline.map((e: { type: string }) => e.type)).toEqual(['report']);
    const messages = (await t.db.collection('notifications').where({ caseId: filed.answer.data.caseId }).get()).data;
    expect(messages.length).toBeGreaterThan(0);
  });

  it('a resident files a case with a photo in 4 round trips too (the photo’s upload record is read with the rest)', async () => {
    const resident = await as('user-resident-1');
    expect((await resident('report', aReport())).ok).toBe(true);
    const photo = await uploadedPhoto(resident);
    const filed = await cost(resident, 'report', aReport({ photos: [photo] }));
    expect(filed.answer.ok).toBe(true);
    expect(filed.roundTrips).toBe(4);
  });

  it('a photo the caller did not upload is still refused, naming the field, and nothing is filed', async () => {
    const resident = await as('user-resident-1');
    const other = await as('user-resident-2');
    const foreign = await uploadedPhoto(other);
    const refused = await resident('report', aReport({ photos: [foreign] }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'photos.0': '照片需先由您本人上传' } } });
    expect((await t.db.collection('cases').get()).data).toHaveLength(0);
  });

  it('a case command (签收) stays within 4 round trips', async () => {
    const officer = await as('user-officer-a1');
    const { data } = await officer('report', aReport());
    const accepted = await cost(officer, 'act', { caseId: data.caseId, expectedVersion: data.version, command: { type: 'accept' } });
    expect(accepted.answer).toMatchObject({ ok: true, data: { state: 'accepted' } });
    expect(accepted.roundTrips).toBeLessThanOrEqual(4);
  });
});

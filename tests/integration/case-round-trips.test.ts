import type { ActionInput, ActionName } from '../../src/domain/api';
import { callFunction, useFunctionCloud } from './function-cloud';
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
  async function cost<A extends ActionName<'case'>>(call: CaseCall, action: A, data: ActionInput<'case', A> | Record<string, unknown>) {
    await fetch(`${base()}/internal/db/stats/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const answer = await call(action, data);
    const stats = (await (await fetch(`${base()}/internal/db/stats`)).json()) as { roundTrips: number; byAction: Record<string, number> };
    return { answer, ...stats };
  }

  /** A fresh browser with no account: the gateway's anonymous identity, as WeChat's openid of a first-time user. */
  async function visitor(): Promise<CaseCall> {
    const cookie = ((await callFunction(base(), 'user', 'me', {})).setCookie ?? '').split(';')[0];
    if (!cookie) throw new Error('the gateway handed out no session cookie');
    return async (action, data) => (await callFunction(base(), 'case', action, data, cookie)).body;
  }
  const users = async () => (await t.db.collection('users').get()).data as Array<{ _id: string; openid: string; firstHits?: Record<string, unknown[]> }>;
  const aGasLeak = (over: Record<string, unknown> = {}) => aReport({ categoryId: 'gas', description: '楼道燃气味很重', ...over });

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

  it('a first-time visitor files a case in 4 round trips: their record, holding the report’s hit, takes the place of the window write', async () => {
    const before = (await users()).length;
    const newcomer = await visitor();
    const filed = await cost(newcomer, 'report', aReport());
    expect(filed.answer).toMatchObject({ ok: true, data: { created: true, state: 'reported' } });
    expect(filed.byAction).toEqual({ 'database.aggregateDocuments': 1, 'database.insertDocument': 3 });
    expect(filed.roundTrips).toBe(4);
    const all = await users();
    expect(all).toHaveLength(before + 1);
    const made = all.find((u) => u._id === `u-${u.openid}` && u.firstHits);
    expect(made?.firstHits?.report).toHaveLength(1);
    expect((await t.db.collection('rate_limits').get()).data).toHaveLength(0);
    // The hit on the record counts: the next report writes the window holding both.
    expect((await newcomer('report', aReport())).ok).toBe(true);
    const windows = (await t.db.collection('rate_limits').get()).data as Array<{ windows: { report: unknown[] } }>;
    expect(windows.map((w) => w.windows.report.length)).toEqual([2]);
  });

  it('a 突发性 report files in 4 round trips: community and street staff come with the one read, both limits in one write', async () => {
    const resident = await as('user-resident-1');
    expect((await resident('report', aReport())).ok).toBe(true);
    const filed = await cost(resident, 'report', aGasLeak());
    expect(filed.answer).toMatchObject({ ok: true, data: { created: true } });
    expect(filed.byAction).toEqual({ 'database.aggregateDocuments': 1, 'database.modifyDocument': 1, 'database.insertDocument': 2 });
    expect(filed.roundTrips).toBe(4);
    // Escalated at filing: the community's and the street's staff have their messages too.
    const told = (await t.db.collection('notifications').where({ caseId: filed.answer.data.caseId }).get()).data as Array<{ toUserId: string }>;
    const staff = (await t.db.collection('users').get()).data as Array<{ _id: string; roles: Array<{ role: string; streetId?: string; communityId?: string }> }>;
    const areaStaff = staff.filter((u) => u.roles.some((g) => g.role === 'community_staff' || g.role === 'street_staff')).map((u) => u._id);
    expect(told.map((m) => m.toUserId).filter((id) => areaStaff.includes(id)).length).toBeGreaterThan(0);
    expect((await resident('report', aGasLeak())).ok).toBe(true);
    expect((await resident('report', aGasLeak())).ok).toBe(true);
    expect((await resident('report', aGasLeak())).error.code).toBe('RATE_LIMITED'); // 3 突发性 a day: the second limit was taken
  });

  it('a first-time visitor’s 突发性 report also files in 4 round trips', async () => {
    const newcomer = await visitor();
    const filed = await cost(newcomer, 'report', aGasLeak());
    expect(filed.answer).toMatchObject({ ok: true, data: { created: true } });
    expect(filed.roundTrips).toBe(4);
    expect((await newcomer('report', aGasLeak())).error.code).toBe('RATE_LIMITED'); // a new user's one 突发性 report a day
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

import { OutboxViewService } from '../../local-cloud/services/outbox-view';
import { WxOpenApiService } from '../../local-cloud/services/wx-openapi';
import { seedDemoData } from '../../scripts/seed/load';
import { aReport, advanceClock, caseCaller, setClock } from '../support/case-builders';
import { useTestCloud } from '../support/local-cloud-harness';
import { ensureBundlesBuilt, functionServices, post } from './function-cloud';

/** Issue 9 item 5: the reconciler repairs each kind of drift we plant, and only that. */
describe('reconcile timer: drift is found, repaired and reported', () => {
  ensureBundlesBuilt();
  const t = useTestCloud({ extraServices: [new WxOpenApiService(), new OutboxViewService(), ...functionServices()] });
  const base = () => t.cloud.baseUrl;
  const MONDAY_9 = '2026-12-07T09:00:00+08:00';
  const runTimer = async (name: string) => (await post(base(), `/internal/timers/${name}/run`, {})).body;
  const storedCase = async (id: string) => (await t.db.collection('cases').doc(id).get()).data[0];
  const outboxOf = async (caseId: string) => (await t.db.collection('notifications').where({ caseId }).get()).data as any[];

  beforeEach(async () => {
    await seedDemoData(base());
    await setClock(base(), MONDAY_9);
  });

  async function fileCase(): Promise<string> {
    const resident = await caseCaller(base(), 'user-resident-1');
    const answer = await resident('report', aReport());
    expect(answer.ok).toBe(true);
    return answer.data.caseId;
  }

  it('a case whose notifications were never inserted (the call died after its write) gets them, once', async () => {
    const caseId = await fileCase();
    const queued = await outboxOf(caseId);
    expect(queued.length).toBeGreaterThan(0);
    await t.db.collection('notifications').where({ caseId }).remove(); // plant: the second write never happened
    await advanceClock(base(), 2 * 60_000);
    const first = await runTimer('reconcile');
    expect(first.ok).toBe(true);
    expect(first.data.caseOutboxes).toMatchObject({ outboxRowsInserted: queued.length, outboxesCleared: 1 });
    expect((await outboxOf(caseId)).map((n) => n._id).sort()).toEqual(queued.map((n) => n._id).sort());
    expect((await storedCase(caseId)).outbox).toBeUndefined();
    expect((await runTimer('reconcile')).data.caseOutboxes).toMatchObject({ outboxRowsInserted: 0, outboxesCleared: 0 });
  });

  it('a case stored without its timeline (an earlier version, a crash) gets its report event back and a lost step noted, without a version bump', async () => {
    const caseId = await fileCase();
    const reportEvent = (await storedCase(caseId)).timeline[0];
    // plant: no timeline, and a version 2 whose step left no record anywhere
    await t.db.collection('cases').doc(caseId).update({ timeline: [], version: 2 });
    const answer = await runTimer('reconcile');
    expect(answer.data.caseTimelines).toMatchObject({ timelinesRepaired: 1, eventsRestored: 1, eventsMissing: 1 });
    const repaired = await storedCase(caseId);
    expect(repaired.version).toBe(2);
    expect(repaired.timeline.map((e: any) => [e._id, e.type, e.by])).toEqual([
      [reportEvent._id, 'report', reportEvent.by],
      [`${caseId}-v2`, 'reconcile', 'system'],
    ]);
  });

  it('a legacy case keeps the events an earlier version stored in case_events', async () => {
    const caseId = await fileCase();
    await t.db.collection('cases').doc(caseId).update({ timeline: [], version: 2, state: 'accepted' });
    await t.db.collection('case_events').add({ _id: `${caseId}-v2`, caseId, type: 'accept', from: 'reported', to: 'accepted', by: 'user-officer-a1', at: new Date(), photos: [] });
    expect((await runTimer('reconcile')).data.caseTimelines).toMatchObject({ timelinesRepaired: 1, eventsRestored: 2, eventsMissing: 0 });
    expect((await storedCase(caseId)).timeline.map((e: any) => e.type)).toEqual(['report', 'accept']);
  });

  it('a notification stuck in `sending` (claimed, WeChat never called) is reclaimed and sent exactly once; one stuck in `calling` is never sent again', async () => {
    const caseId = await fileCase();
    const [first] = await outboxOf(caseId);
    const claimedAt = new Date(Date.parse(MONDAY_9) - 10 * 60_000);
    await t.db.collection('notifications').doc(first._id).update({ status: 'sending', attemptId: 'dead-attempt', claimedAt });
    await t.db.collection('notifications').add({ ...first, _id: 'ntf-planted-calling', status: 'calling', attemptId: 'dead-attempt-2', claimedAt, callingAt: claimedAt });
    const answer = await runTimer('reconcile');
    expect(answer.data.notifications).toEqual({ reclaimed: 1, markedUnknown: 1 });
    expect((await t.db.collection('notifications').doc(first._id).get()).data[0]).toMatchObject({ status: 'pending' });
    expect((await t.db.collection('notifications').doc('ntf-planted-calling').get()).data[0]).toMatchObject({ status: 'unknown' });
    // The next send run delivers the reclaimed one (or fails it for want of a subscription) — never the unknown one.
    await runTimer('notify');
    expect((await t.db.collection('notifications').doc(first._id).get()).data[0].status).not.toMatch(/pending|sending|calling/);
    expect((await t.db.collection('notifications').doc('ntf-planted-calling').get()).data[0]).toMatchObject({ status: 'unknown' });
    expect((await runTimer('reconcile')).data.notifications).toEqual({ reclaimed: 0, markedUnknown: 0 });
  });

  it('a sender that wakes up after the reconciler took its row back cannot record an outcome for it', async () => {
    const caseId = await fileCase();
    const [row] = await outboxOf(caseId);
    await t.db.collection('notifications').doc(row._id).update({ status: 'sending', attemptId: 'late', claimedAt: new Date(Date.parse(MONDAY_9) - 10 * 60_000) });
    await runTimer('reconcile');
    // The late sender's conditional writes (attempt id 'late') match nothing now.
    const { updated } = await t.db.collection('notifications').where({ _id: row._id, status: 'sending', attemptId: 'late' }).update({ status: 'calling' });
    expect(updated).toBe(0);
  });
});

import { z } from 'zod';
import type { SendResult } from '../../cloudfunctions/notify/send';
import { OutboxViewService, type OutboxRow } from '../../local-cloud/services/outbox-view';
import { WxOpenApiService } from '../../local-cloud/services/wx-openapi';
import type { ReceivedMessage } from '../../local-cloud/services/wx-openapi/subscribe-messages';
import { notificationRecordSchema } from '../../src/domain/notification/records';
import { seedDemoData } from '../../scripts/seed/load';
import { aReport, caseCaller, setClock } from '../support/case-builders';
import { found } from '../support/contract-call';
import { RESIDENT_TEMPLATE, STAFF_TEMPLATE, subscribe } from '../support/subscription-builders';
import { useTestCloud, type TestCloud } from '../support/local-cloud-harness';
import { ensureBundlesBuilt, functionServices, post } from './function-cloud';

/** Issue 4 item 7: the outbox is sent through the SDK's subscribe-message API and listed locally. */
function useNotifyCloud(mode: 'test' | 'serve' = 'test'): TestCloud {
  ensureBundlesBuilt();
  const cloud = useTestCloud({ mode, extraServices: [new WxOpenApiService(), new OutboxViewService(), ...functionServices()] });
  beforeEach(async () => {
    await seedDemoData(cloud.cloud.baseUrl);
  });
  return cloud;
}

const MONDAY_9 = '2026-12-07T09:00:00+08:00';
/** What the local WeChat received (GET /internal/wx/messages), typed by the service that records it. */
const messagesAt = async (base: string): Promise<ReceivedMessage[]> => (await fetch(`${base}/internal/wx/messages`)).json();
/** The dev page's outbox rows (GET /internal/outbox), typed by the service that answers them. */
const outboxViewAt = async (base: string): Promise<OutboxRow[]> => (await fetch(`${base}/internal/outbox`)).json();
/**
 * The sending part of a run's answer, typed by the notify timer's own SendResult; the volunteer reminders
 * it also queues are activity-reminders.test.ts's. A run that did not answer ok fails the test here.
 */
const runNotify = async (base: string): Promise<{ ok: true; data: SendResult }> => {
  const body: { ok: boolean; data?: SendResult & { reminders?: unknown } } = (await post(base, '/internal/timers/notify/run', {})).body;
  if (!body.ok || !body.data) throw new Error(`the notify run failed: ${JSON.stringify(body)}`);
  delete body.data.reminders;
  return { ok: true, data: body.data };
};

describe('notify timer: the outbox goes out as WeChat subscribe messages', () => {
  const t = useNotifyCloud();
  const base = () => t.cloud.baseUrl;
  /** The stored outbox, each row parsed by its record schema (a malformed row fails the test). */
  const outbox = async () => z.array(notificationRecordSchema).parse((await t.db.collection('notifications').limit(100).get()).data);
  const messages = () => messagesAt(base());

  /** Everyone a 突发性 report reaches allowed enough messages in WeChat's prompt. */
  async function everyoneSubscribed(times = 2): Promise<void> {
    for (const userId of ['user-officer-a1', 'user-chief-a', 'user-community-a', 'user-street']) await subscribe(base(), userId, [STAFF_TEMPLATE], times);
    await subscribe(base(), 'user-resident-1', [RESIDENT_TEMPLATE], times);
  }

  async function reportEmergency(): Promise<string> {
    await setClock(base(), MONDAY_9);
    const resident = await caseCaller(base(), 'user-resident-1');
    const answer = await resident('report', aReport({ categoryId: 'gas', description: '3 栋楼道有很重的燃气味' }));
    expect(answer.ok).toBe(true);
    return answer.data.caseId;
  }

  it('a 突发性 report reaches grid, community, street and the reporter on WeChat, with their openids and templates, and the outbox shows sent', async () => {
    await everyoneSubscribed();
    const caseId = await reportEmergency();
    const queued = await outbox();
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((n) => n.status === 'pending')).toBe(true);

    const run = await runNotify(base());
    expect(run).toEqual({ ok: true, data: { sent: queued.length, failed: 0, retrying: 0 } });

    const received = await messages();
    const sent = (openid: string) => received.filter((m) => m.touser === openid).map((m) => m.template_id).sort();
    expect(sent('demo-officer-a1')).toEqual([STAFF_TEMPLATE, STAFF_TEMPLATE]);
    expect(sent('demo-community-a')).toEqual([STAFF_TEMPLATE]);
    expect(sent('demo-street')).toEqual([STAFF_TEMPLATE]);
    expect(sent('demo-resident-1')).toEqual([RESIDENT_TEMPLATE]);
    const toResident = received.find((m) => m.touser === 'demo-resident-1');
    expect(toResident).toMatchObject({ page: `pages/case/index?caseId=${caseId}`, data: { phrase2: { value: '已上报上级' }, time4: { value: '2026年12月7日 09:00' } } });
    expect(received.find((m) => m.touser === 'demo-street')).toMatchObject({ page: `packages/staff/case/index?caseId=${caseId}`, data: { character_string5: { value: caseId } } });

    const after = await outbox();
    expect(after.map((n) => [n.status, n.errcode, n.attempts])).toEqual(queued.map(() => ['sent', 0, 1]));
    // Nothing left to send: a second run sends nothing.
    expect((await runNotify(base())).data).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(await messages()).toHaveLength(received.length);
  });

  it('two runs at the same time send each message once', async () => {
    await everyoneSubscribed(4);
    await reportEmergency();
    await reportEmergency();
    const queued = await outbox();
    const [a, b] = await Promise.all([runNotify(base()), runNotify(base())]);
    expect(a.data.sent + b.data.sent).toBe(queued.length);
    const received = await messages();
    expect(received).toHaveLength(queued.length);
    const keys = received.map((m) => JSON.stringify([m.touser, m.template_id, m.page, m.data]));
    expect(new Set(keys).size).toBe(keys.length);
    expect((await outbox()).every((n) => n.status === 'sent')).toBe(true);
  });

  it('a backlog bigger than one run: each run sends at most its limit, the next run the rest, none twice, none lost', async () => {
    // Issue 13 item 2. The function's environment variable sets a run limit of 2 (default 500: the bench
    // drains 10 000); the runs go through the timer as CloudBase fires it.
    t.cloud.functionEnv.GRIDLINK_NOTIFY_RUN_LIMIT = '2';
    try {
      await everyoneSubscribed();
      await reportEmergency();
      const queued = await outbox();
      expect(queued.length).toBeGreaterThan(2);
      const perRun: number[] = [];
      for (let run = 0; run < queued.length; run++) {
        const { data } = await runNotify(base());
        expect(data.failed).toBe(0);
        perRun.push(data.sent);
        const sentSoFar = (await outbox()).filter((n) => n.status === 'sent').length;
        expect(sentSoFar).toBe(perRun.reduce((a, b) => a + b, 0));
        if (data.sent === 0) break;
      }
      // Full runs of 2, then the rest, then nothing left.
      const full = Math.floor(queued.length / 2);
      expect(perRun).toEqual([...Array.from({ length: full }, () => 2), ...(queued.length % 2 ? [1] : []), 0]);
      const received = await messages();
      expect(received).toHaveLength(queued.length);
      const keys = received.map((m) => JSON.stringify([m.touser, m.template_id, m.page, m.data]));
      expect(new Set(keys).size).toBe(keys.length);
      expect((await outbox()).map((n) => [n.status, n.attempts])).toEqual(queued.map(() => ['sent', 1]));
    } finally {
      delete t.cloud.functionEnv.GRIDLINK_NOTIFY_RUN_LIMIT;
    }
  });

  it('a message WeChat refuses is marked failed with its errcode and retried by later runs, at most 3 times', async () => {
    await everyoneSubscribed();
    await reportEmergency();
    const total = (await outbox()).length;
    // Every send of the first run fails with "system busy", then every retry for one recipient fails too.
    await post(base(), '/internal/wx/messages/fail-next', { count: total, errcode: -1, errmsg: 'system error' });
    expect((await runNotify(base())).data).toEqual({ sent: 0, failed: total, retrying: total });
    expect((await outbox()).map((n) => [n.status, n.errcode, n.attempts])).toEqual(Array.from({ length: total }, () => ['failed', -1, 1]));

    await post(base(), '/internal/wx/messages/fail-next', { count: 1, errcode: 45009, errmsg: 'reach max api daily quota limit' });
    expect((await runNotify(base())).data).toEqual({ sent: total - 1, failed: 1, retrying: 1 });
    const stuck = found((await outbox()).find((n) => n.status === 'failed'), 'the failed message');
    expect(stuck).toMatchObject({ errcode: 45009, attempts: 2, retryable: true });

    // Two more failed retries: the 4th attempt (first send + 3 retries) is the last.
    await post(base(), '/internal/wx/messages/fail-next', { count: 2, errcode: -1 });
    expect((await runNotify(base())).data).toEqual({ sent: 0, failed: 1, retrying: 1 });
    expect((await runNotify(base())).data).toEqual({ sent: 0, failed: 1, retrying: 0 });
    expect(await t.db.collection('notifications').doc(stuck._id).get()).toMatchObject({ data: [{ status: 'failed', attempts: 4, retryable: false }] });
    expect((await runNotify(base())).data).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(await messages()).toHaveLength(total - 1);
  });

  it('nobody is sent a message they did not subscribe to: NO_SUBSCRIPTION, not retried, and it is in their in-app list', async () => {
    const caseId = await reportEmergency();
    const total = (await outbox()).length;
    expect((await runNotify(base())).data).toEqual({ sent: 0, failed: total, retrying: 0 });
    expect((await outbox()).every((n) => n.status === 'failed' && n.errcode === 'NO_SUBSCRIPTION' && n.retryable === false)).toBe(true);
    expect(await messages()).toEqual([]);
    const resident = await caseCaller(base(), 'user-resident-1');
    const list = (await resident('notifications', {})).data;
    expect(list.items.map((n) => [n.kind, n.caseId, n.read])).toEqual([['case_escalated', caseId, false]]);
    expect(list.unread).toBe(1);
  });

  it('one acceptance is one message: the second of the same template waits for the next acceptance', async () => {
    await subscribe(base(), 'user-resident-1', [RESIDENT_TEMPLATE], 1);
    await reportEmergency();
    await reportEmergency();
    await runNotify(base());
    const toResident = (await outbox()).filter((n) => n.toUserId === 'user-resident-1');
    expect(toResident.map((n) => n.status).sort()).toEqual(['failed', 'sent']);
    expect((await messages()).filter((m) => m.touser === 'demo-resident-1')).toHaveLength(1);
    expect((await t.db.collection('subscriptions').where({ userId: 'user-resident-1' }).get()).data).toEqual([expect.objectContaining({ count: 0 })]);
  });

  it('when WeChat holds no subscription the app thought it had, the answer is 43101, final, and the count is reset', async () => {
    // The app recorded an acceptance WeChat never saw (e.g. the user turned messages off since).
    const cookie = await caseCaller(base(), 'user-resident-1');
    expect((await cookie('acceptSubscriptions', { templateIds: [RESIDENT_TEMPLATE, RESIDENT_TEMPLATE] })).data).toEqual({ accepted: 1 });
    await reportEmergency();
    await runNotify(base());
    const toResident = (await outbox()).find((n) => n.toUserId === 'user-resident-1');
    expect(toResident).toMatchObject({ status: 'failed', errcode: 43101, retryable: false, errmsg: expect.stringMatching(/^user refuse to accept the msg/) });
    expect((await t.db.collection('subscriptions').where({ userId: 'user-resident-1' }).get()).data).toEqual([expect.objectContaining({ count: 0 })]);
  });

  it('reading the in-app list clears the unread count, only for the reader', async () => {
    await reportEmergency();
    const resident = await caseCaller(base(), 'user-resident-1');
    const officer = await caseCaller(base(), 'user-officer-a1');
    const officerUnread = (await officer('notifications', {})).data.unread;
    expect(officerUnread).toBeGreaterThan(0);
    const [theirs] = (await officer('notifications', {})).data.items;
    // Someone else's id changes nothing.
    expect((await resident('readNotifications', { ids: [theirs.id] })).data).toEqual({ read: 0 });
    expect((await resident('readNotifications', {})).data).toEqual({ read: 1 });
    expect((await resident('notifications', {})).data).toMatchObject({ unread: 0, items: [{ read: true }] });
    expect((await officer('notifications', {})).data.unread).toBe(officerUnread);
  });

  it('asks residents for the progress template of their case and staff for the to-do template', async () => {
    const caseId = await reportEmergency();
    const resident = await caseCaller(base(), 'user-resident-1');
    const officer = await caseCaller(base(), 'user-officer-a1');
    expect((await resident('subscriptionTemplates', { caseId })).data).toEqual({ templateIds: [RESIDENT_TEMPLATE] });
    expect((await officer('subscriptionTemplates', {})).data).toEqual({ templateIds: [STAFF_TEMPLATE] });
    expect((await resident('subscriptionTemplates', {})).error.code).toBe('FORBIDDEN');
    expect((await (await caseCaller(base(), 'user-resident-2'))('subscriptionTemplates', { caseId })).error.code).toBe('FORBIDDEN');
  });

  it('a recipient without an openid fails once, with NO_OPENID, and is not retried', async () => {
    await setClock(base(), MONDAY_9);
    await t.db.collection('notifications').add({
      _id: 'ntf-ghost', toUserId: 'user-nobody', kind: 'case_assigned', template: STAFF_TEMPLATE, caseId: 'case-x',
      data: { thing1: { value: '测试' } }, page: 'packages/staff/case/index?caseId=case-x', status: 'pending', createdAt: new Date(),
    });
    expect((await runNotify(base())).data).toEqual({ sent: 0, failed: 1, retrying: 0 });
    expect((await t.db.collection('notifications').doc('ntf-ghost').get()).data[0]).toMatchObject({ status: 'failed', errcode: 'NO_OPENID', retryable: false });
    expect(await messages()).toEqual([]);
  });

  it('the dev page route lists the outbox with recipient, template, case state and send status', async () => {
    const caseId = await reportEmergency();
    const before = await outboxViewAt(base());
    expect(before.length).toBeGreaterThan(0);
    expect(before.find((r) => r.toUserId === 'user-resident-1')).toMatchObject({
      recipientName: expect.any(String),
      openid: 'demo-resident-1',
      kind: 'case_escalated',
      template: RESIDENT_TEMPLATE,
      caseId,
      caseState: expect.any(String),
      status: 'pending',
      attempts: 0,
      sentAt: null,
    });
    await everyoneSubscribed();
    await runNotify(base());
    const after = await outboxViewAt(base());
    expect(after.every((r) => r.status === 'sent' && r.errcode === 0 && typeof r.sentAt === 'string')).toBe(true);
  });
});

describe('notify test controls in serve mode', () => {
  const t = useNotifyCloud('serve');

  it.each([
    ['GET', '/internal/outbox'],
    ['GET', '/internal/wx/messages'],
    ['POST', '/internal/wx/messages/fail-next'],
    ['POST', '/internal/wx/subscribe'],
    ['POST', '/internal/wx/templates'],
  ])('are absent: %s %s answers 404', async (method, path) => {
    const res = await fetch(`${t.cloud.baseUrl}${path}`, { method, body: method === 'POST' ? '{}' : undefined });
    expect(res.status).toBe(404);
  });
});

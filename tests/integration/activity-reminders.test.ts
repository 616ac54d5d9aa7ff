import { OutboxViewService } from '../../local-cloud/services/outbox-view';
import { WxOpenApiService } from '../../local-cloud/services/wx-openapi';
import { seedDemoData } from '../../scripts/seed/load';
import { useTestCloud } from '../support/local-cloud-harness';
import { subscribe } from '../support/subscription-builders';
import { COMMUNITY_A, STAFF_A, VOLUNTEER_A, allDocs, publishedActivity, volunteerAs, withVolunteerProfile } from '../support/volunteer-builders';
import { callFunction, ensureBundlesBuilt, functionServices, loginAs, post } from './function-cloud';

const ACTIVITY_TEMPLATE = 'TEMPLATE_ACTIVITY_REMINDER';
const SECOND_VOLUNTEER = 'user-volunteer-2';

/**
 * Issue 11 item 2: right after signing up the volunteer is asked to subscribe, and the day before the
 * activity the notify timer reminds everyone still signed up — on WeChat when they allowed it, and in
 * the in-app 消息 list in any case, opening the activity's page.
 */
describe('activity reminders: a volunteer who signed up hears the day before', () => {
  ensureBundlesBuilt();
  const t = useTestCloud({ extraServices: [new WxOpenApiService(), new OutboxViewService(), ...functionServices()] });
  const base = () => t.cloud.baseUrl;
  beforeEach(async () => {
    await seedDemoData(base());
    t.cloud.clock.set(Date.parse('2026-12-31T10:00:00+08:00'));
  });
  const runNotify = async () => (await post(base(), '/internal/timers/notify/run', {})).body;
  const sentTo = async (openid: string) => ((await (await fetch(`${base()}/internal/wx/messages`)).json()) as any[]).filter((m) => m.touser === openid);

  async function signedUpActivity(startsInHours: number): Promise<string> {
    const now = t.cloud.clock.now();
    const activityId = await publishedActivity(await volunteerAs(base(), STAFF_A), now, {
      startAt: new Date(now + startsInHours * 3600_000).toISOString(),
      endAt: new Date(now + (startsInHours + 2) * 3600_000).toISOString(),
    });
    expect((await (await volunteerAs(base(), VOLUNTEER_A))('signUp', { activityId })).ok).toBe(true);
    return activityId;
  }

  it('asks only a volunteer who signed up, for the street’s activity template', async () => {
    const activityId = await signedUpActivity(48);
    const asked = await callFunction(base(), 'case', 'subscriptionTemplates', { activityId }, await loginAs(base(), VOLUNTEER_A));
    expect(asked.body).toEqual({ ok: true, data: { templateIds: [ACTIVITY_TEMPLATE] } });
    await withVolunteerProfile(t.db, SECOND_VOLUNTEER, COMMUNITY_A);
    const stranger = await callFunction(base(), 'case', 'subscriptionTemplates', { activityId }, await loginAs(base(), SECOND_VOLUNTEER));
    expect(stranger.body.ok).toBe(false);
    expect(stranger.body.error.code).toBe('FORBIDDEN');
  });

  it('reminds once, within a day of the start, on WeChat with the activity page, and in the 消息 list', async () => {
    const activityId = await signedUpActivity(30);
    await subscribe(base(), VOLUNTEER_A, [ACTIVITY_TEMPLATE]);

    // 30 hours before: too early.
    expect((await runNotify()).data.reminders).toEqual({ activities: 0, queued: 0 });
    t.cloud.clock.advance(7 * 3600_000);
    const run = await runNotify();
    expect(run.data.reminders).toEqual({ activities: 1, queued: 1 });
    expect(run.data.sent).toBe(1);

    const [message] = await sentTo('demo-volunteer-1');
    // The activity starts on 1 January 2027 at 16:00 China time; the place fits WeChat's 20-character thing.
    expect(message).toMatchObject({
      template_id: ACTIVITY_TEMPLATE,
      page: `packages/volunteer/activity/index?activityId=${activityId}`,
      data: { thing1: { value: '小区环境清理' }, time2: { value: '2027年1月1日 16:00' }, thing3: { value: '肥东路社区广场' } },
    });
    const listed = await callFunction(base(), 'case', 'notifications', {}, await loginAs(base(), VOLUNTEER_A));
    expect(listed.body.data.items).toEqual([expect.objectContaining({ kind: 'activity_reminder', activityId, title: '您报名的志愿活动即将开始', read: false })]);

    // Later runs queue nothing more.
    t.cloud.clock.advance(3600_000);
    expect((await runNotify()).data.reminders).toEqual({ activities: 0, queued: 0 });
    expect(await allDocs(t.db, 'notifications', { kind: 'activity_reminder' })).toHaveLength(1);
  });

  it('does not remind a volunteer who cancelled, nor about a cancelled activity; without a subscription it is in the list only', async () => {
    const kept = await signedUpActivity(20);
    const dropped = await signedUpActivity(21);
    expect((await (await volunteerAs(base(), VOLUNTEER_A))('cancelSignUp', { activityId: dropped })).ok).toBe(true);
    const run = await runNotify();
    expect(run.data.reminders).toEqual({ activities: 2, queued: 1 });
    expect(run.data.sent).toBe(0);
    const rows = await allDocs(t.db, 'notifications', { kind: 'activity_reminder' });
    expect(rows.map((r) => [r.activityId, r.status, r.errcode])).toEqual([[kept, 'failed', 'NO_SUBSCRIPTION']]);
    expect(await sentTo('demo-volunteer-1')).toEqual([]);
  });
});

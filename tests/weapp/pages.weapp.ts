import { BOARD_PAGE, CHECK_IN_PAGE } from '../../cloudfunctions/board/wxacode';
import { MESSAGES_PAGE, READER_PAGES } from '../../src/domain/notification/kinds';
import { allPages, appJson, isAppPage, mountPage, recorded, resetRecorded } from './support/weapp-sim';

/**
 * The weapp smoke test (issue 11 item 4): every page of the built app.json mounted by WeChat's
 * miniprogram-simulate with a stubbed `wx` whose cloud replies follow the contract's output schemas.
 * Run by `npm run test:weapp` after the production weapp build (scripts/check-weapp.mjs).
 */

/** The query a page is opened with (what a link, card or QR passes). */
const QUERY: Record<string, Record<string, string>> = {
  'pages/grid/index': { gridId: 'grid-1' },
  'pages/case/index': { caseId: 'case-1' },
  'packages/staff/case/index': { caseId: 'case-1' },
  'packages/staff/queue/index': { kind: 'inbox' },
  'packages/dashboard/cases/index': { figure: 'filed', from: '2026-11-01', to: '2026-11-30' },
  'packages/dashboard/worker/index': { kind: 'patrols', userId: 'user-1', name: '张丽', from: '2026-11-01', to: '2026-11-30' },
  'packages/admin/grid/index': { gridId: 'grid-1' },
  'packages/admin/members/index': { gridId: 'grid-1' },
  'packages/admin/grid-edit/index': { gridId: 'grid-1', communityId: 'community-1' },
  'packages/admin/community-edit/index': { communityId: 'community-1' },
  'packages/admin/person-edit/index': { personId: 'person-1' },
  'packages/volunteer/activity/index': { activityId: 'activity-1' },
  'packages/volunteer/check-in/index': { activityId: 'activity-1' },
  'packages/volunteer/manage/activity/index': { activityId: 'activity-1' },
  'packages/volunteer/manage/activity-edit/index': { communityId: 'community-1' },
  'packages/volunteer/manage/gifts/index': { communityId: 'community-1' },
  'packages/volunteer/manage/ledger/index': { communityId: 'community-1' },
  'packages/volunteer/manage/redemptions/index': { communityId: 'community-1' },
  'packages/volunteer/manage/roster/index': { communityId: 'community-1' },
  'packages/assess/run/index': { runId: 'run-1' },
  'packages/assess/sheet/index': { sheetId: 'sheet-1' },
  'packages/assess/bulletin/index': { bulletinId: 'bulletin-1' },
  'packages/worker/check-in/index': { scene: 'b%3Abuilding-1' },
  'packages/worker/finding/index': { patrolId: 'patrol-1', mode: 'on_spot', categoryId: 'fire_lane' },
  'packages/worker/eight-reports/index': { patrolId: 'patrol-1' },
  'packages/meeting/meeting/index': { meetingId: 'meeting-1' },
  'packages/register/household/index': { householdId: 'household-1' },
  'packages/register/person-add/index': { householdId: 'household-1' },
  'packages/register/care/index': { householdId: 'household-1', residentId: 'resident-1' },
  'packages/register/move-out/index': { householdId: 'household-1', residentId: 'resident-1' },
  'packages/register/tenancy/index': { householdId: 'household-1' },
};

const open = (route: string) => mountPage(route, QUERY[route] ?? {});
const callsOf = () => recorded.calls.map((c) => `${c.fn}.${c.action}`);

describe('every page of the built app.json mounts in miniprogram-simulate', () => {
  it.each(allPages())('%s: no error, text shown, contract calls, app pages only', async (route) => {
    resetRecorded();
    const page = await open(route);
    const text = page.text();
    expect(recorded.errors).toEqual([]);
    expect(text.trim().length).toBeGreaterThan(1);
    expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
    // Every page that loads something asks the functions through wx.cloud (inputs checked against the contract above).
    for (const n of recorded.navigations) expect([n.url, isAppPage(n.url)]).toEqual([n.url, true]);
    const shared = page.share() as { path?: string } | undefined;
    if (shared?.path) expect([shared.path, isAppPage(shared.path)]).toEqual([shared.path, true]);
  });
});

describe('what the key pages show, call, and open', () => {
  beforeEach(() => resetRecorded());

  it('home: asks who the user is and the unread count; 我要上报 and 消息 open their pages', async () => {
    resetRecorded({ 'case.notifications': { unread: 2 } });
    const page = await open('pages/index/index');
    expect(callsOf()).toEqual(expect.arrayContaining(['user.me', 'case.notifications']));
    expect(page.text()).toContain('消息（2 条未读）');
    await page.tap('我要上报');
    await page.tap('消息（2 条未读）');
    expect(recorded.navigations.map((n) => n.url)).toEqual(['/pages/report/index', '/pages/messages/index']);
  });

  it('消息: lists the messages, marks them read, and a message opens the page its WeChat card opens', async () => {
    resetRecorded({
      'case.notifications': { unread: 1, items: [{ id: 'n1', kind: 'case_accepted', title: '您上报的事件已签收', body: '环境卫生已由网格员签收', caseId: 'case-9', status: 'sent', read: false, createdAt: '2026-12-01T07:01:00.000Z' }] },
    });
    const page = await open('pages/messages/index');
    expect(page.text()).toContain('您上报的事件已签收');
    expect(page.text()).toContain('1 条未读');
    expect(recorded.calls.find((c) => c.action === 'readNotifications')).toEqual({ fn: 'case', action: 'readNotifications', data: {} });
    await page.tap('环境卫生已由网格员签收');
    expect(recorded.navigations.map((n) => n.url)).toEqual(['/pages/case/index?caseId=case-9']);
  });

  it('resident case page: loads the case and shares a card that opens it', async () => {
    const page = await open('pages/case/index');
    expect(recorded.calls[0]).toEqual({ fn: 'case', action: 'detail', data: { caseId: 'case-1' } });
    expect(page.text()).toContain('办理进度');
    expect(page.share()).toMatchObject({ path: '/pages/case/index?caseId=case-1' });
  });

  it('grid board: loads the board of the scanned grid and shares it', async () => {
    const page = await open('pages/grid/index');
    expect(callsOf()).toContain('board.get');
    expect((page.share() as { path: string }).path).toBe('/pages/grid/index?gridId=grid-1');
  });

  it('volunteer activity: shares a card that opens the activity', async () => {
    const page = await open('packages/volunteer/activity/index');
    expect(recorded.calls[0]).toMatchObject({ fn: 'volunteer', action: 'activity', data: { activityId: 'activity-1' } });
    expect((page.share() as { path: string }).path).toBe('/packages/volunteer/activity/index?activityId=activity-1');
  });

  it('assessment 通报: shares a card that opens the same frozen bulletin', async () => {
    const page = await open('packages/assess/bulletin/index');
    expect(recorded.calls[0]).toMatchObject({ fn: 'assess', action: 'bulletinView', data: { bulletinId: 'bulletin-1' } });
    expect((page.share() as { path: string }).path).toBe('/packages/assess/bulletin/index?bulletinId=bulletin-1');
  });

  it('巡查通报: the same page opens a half-monthly patrol bulletin and shares a card back to it', async () => {
    resetRecorded();
    const page = await mountPage('packages/assess/bulletin/index', { patrolBulletinId: 'patrol-street-1-all-2026-11-1' });
    expect(recorded.calls[0]).toMatchObject({ fn: 'assess', action: 'patrolBulletinView', data: { bulletinId: 'patrol-street-1-all-2026-11-1' } });
    expect(recorded.errors).toEqual([]);
    expect((page.share() as { path: string }).path).toBe('/packages/assess/bulletin/index?patrolBulletinId=patrol-street-1-all-2026-11-1');
  });

  it('workbench: offers WeChat notifications, asks WeChat for the staff template on a tap and reports the acceptance', async () => {
    resetRecorded({
      'user.me': { roles: [{ role: 'grid_officer', streetId: 'street-1', gridIds: ['grid-1'] }] },
      'case.subscriptionTemplates': { templateIds: ['TEMPLATE_CASE_TODO'] },
    });
    const page = await open('packages/staff/index/index');
    expect(page.text()).toContain('微信通知');
    await page.tap('接收微信通知');
    const asked = recorded.wxCalls.find((c) => c.api === 'requestSubscribeMessage');
    expect(asked?.arg).toMatchObject({ tmplIds: ['TEMPLATE_CASE_TODO'] });
    expect(recorded.calls.find((c) => c.action === 'acceptSubscriptions')).toEqual({ fn: 'case', action: 'acceptSubscriptions', data: { templateIds: ['TEMPLATE_CASE_TODO'] } });
    await page.tap('巡查上报问题');
    expect(recorded.navigations.map((n) => n.url)).toEqual(['/pages/report/index']);
  });
});

describe('every page the code sends, shares or encodes is a page of the built app.json', () => {
  it.each([
    ['subscribe message, resident', READER_PAGES.reporter.page],
    ['subscribe message, staff', READER_PAGES.staff.page],
    ['subscribe message, volunteer', READER_PAGES.volunteer.page],
    ['in-app 消息 list', MESSAGES_PAGE],
    ['grid QR (wxacode.getUnlimited page)', BOARD_PAGE],
    ['building QR for patrol check-in (wxacode.getUnlimited page)', CHECK_IN_PAGE],
  ])('%s: %s', (_what, page) => {
    expect(isAppPage(page)).toBe(true);
  });

  it('app.json has the pages and subpackages the tests walk', () => {
    expect(appJson.pages).toContain('pages/index/index');
    expect(allPages().length).toBeGreaterThan(30);
  });
});

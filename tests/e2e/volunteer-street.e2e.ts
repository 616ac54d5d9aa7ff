import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { cloudNowMs, expectText, setClock as setClockTo, signInAs, tapButton } from './support/ui';

/**
 * Issue 5 items 1, 3, 5, 7 from the street's side: points are earned (set up through the API with each
 * user's own session cookie), then street staff read the quarterly summary (with its Excel file) and the
 * year's top 50, approve the points of a 其他 activity, the administrator changes a rule's points with a
 * reason, and community A staff make a volunteer 楼栋长, which the volunteer sees on their profile.
 */
describe('the street reads and steers the volunteer points', () => {
  const env = useE2eCloud();
  type User = { context: BrowserContext; page: Page };
  const users: Record<'staff' | 'vol1' | 'vol2' | 'street' | 'admin', User> = {} as never;
  const app = (path: string) => `${env.cloud.baseUrl}/#${path}`;
  /** The year on the cloud's clock, China time (the pages' clocks follow it). */
  const year = async () => new Date((await cloudNowMs(env.cloud.baseUrl)) + 8 * 3600_000).getUTCFullYear();

  const signIn = (page: Page, name: string) => signInAs(page, env.cloud.baseUrl, name);

  /** Calls the `volunteer` function as the signed-in user of this context (the session cookie goes along). */
  async function api<T = Record<string, unknown>>(user: User, action: string, data: Record<string, unknown>): Promise<T> {
    const res = await user.context.request.post(`${env.cloud.baseUrl}/api/fn/volunteer`, { data: { action, data } });
    const body = (await res.json()) as { ok: boolean; data?: T; error?: unknown };
    if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
    return body.data as T;
  }

  const setClock = (set: string) => setClockTo(env.cloud.baseUrl, set);

  /** Screenshot, axe, and the elderly-user rule (text ≥ 17px, targets ≥ 48px) on the page in view. */
  async function looksRight(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    await checkA11y(page);
    const sizes = await page.evaluate(() => {
      const shown = (sel: string) => Array.from(document.querySelectorAll(sel)).filter((e) => e.checkVisibility());
      const text = shown('.section__text, .vol-row__meta, .field__label, .vol-rank__row, .vol-activity__line')[0];
      const buttons = shown('.nut-button, [role="radio"], [role="switch"]').map((b) => b.getBoundingClientRect().height);
      return { font: text ? parseFloat(getComputedStyle(text).fontSize) : 0, minButton: Math.min(...buttons) };
    });
    expect(sizes.font).toBeGreaterThanOrEqual(17);
    expect(sizes.minButton).toBeGreaterThanOrEqual(48);
  }

  beforeAll(async () => {
    for (const key of ['staff', 'vol1', 'vol2', 'street', 'admin'] as const) users[key] = await newPhonePage(env.browser);
  });
  afterAll(async () => {
    for (const u of Object.values(users)) await u?.context.close();
  });

  it('points are earned: 张丽 registers as a volunteer, she and 黄志明 do a clean-up, 刘建国 confirms it', async () => {
    await signIn(users.staff.page, '刘建国');
    await signIn(users.vol1.page, '黄志明');
    await signIn(users.vol2.page, '张丽');
    await api(users.vol2, 'saveProfile', { name: '张丽', phone: '13905511001', communityId: 'community-a', building: '5栋', skills: ['政策宣传'] });
    const startAt = new Date((await cloudNowMs(env.cloud.baseUrl)) + 2 * 3600_000);
    const { id } = await api<{ id: string; version: number }>(users.staff, 'saveActivity', {
      requestId: `street-e2e-${Date.now()}`, communityId: 'community-a', title: '楼道杂物清理', content: '清理5栋楼道杂物', ruleId: 'governance.sanitation',
      expectedPoints: 2, headcount: 5, startAt: startAt.toISOString(), endAt: new Date(startAt.getTime() + 3600_000).toISOString(), place: '5栋楼下',
    });
    const draft = await api<{ version: number }>(users.staff, 'activity', { activityId: id });
    await api(users.staff, 'publishActivity', { activityId: id, expectedVersion: draft.version });
    await api(users.vol1, 'signUp', { activityId: id });
    await api(users.vol2, 'signUp', { activityId: id });
    await setClock(new Date(startAt.getTime() + 30 * 60_000).toISOString());
    const zhangLi = (await api<{ profile: { volunteerId: string } }>(users.vol2, 'profile', {})).profile.volunteerId;
    const done = await api<{ awarded: number }>(users.staff, 'complete', { activityId: id, attendedVolunteerIds: ['user-volunteer-1', zhangLi] });
    // 张丽 is a grid officer: her points wait for a staff member other than her and the one who completed it (issue 10 item 4).
    expect(done.awarded).toBe(1);
    await signIn(users.street.page, '杨文斌');
    expect(await api<{ points: number; created: boolean }>(users.street, 'confirmStaffAward', { activityId: id, volunteerId: zhangLi })).toMatchObject({ points: 2, created: true });
    // A 其他 activity the community proposes at 4 points: it waits for the street.
    await api(users.staff, 'saveActivity', {
      requestId: `street-e2e-other-${Date.now()}`, communityId: 'community-a', title: '社区义诊协助', content: '协助街道医院义诊登记', ruleId: 'other.adhoc',
      expectedPoints: 4, headcount: 3, startAt: new Date(startAt.getTime() + 7 * 86400_000).toISOString(), endAt: new Date(startAt.getTime() + 7 * 86400_000 + 3600_000).toISOString(), place: '社区服务中心',
    });
  });

  it('street staff 杨文斌 opens 季度积分汇总: community A with both volunteers, and the Excel file downloads', async () => {
    const { page, context } = users.street;
    await signIn(page, '杨文斌');
    await tapButton(page, '志愿活动管理');
    await screenshotOnFailure(page, 'vol-street-home', async () => {
      await expectText(page, '街道汇总与审批');
      await looksRight(page, 'vol-street-home');
    });
    await tapButton(page, '季度积分汇总');
    await screenshotOnFailure(page, 'vol-street-quarterly', async () => {
      await expectText(page, '肥东路社区：共 4 分');
      await expectText(page, '黄志明：2 分');
      await expectText(page, '张丽：2 分');
      await looksRight(page, 'vol-street-quarterly');
      await tapButton(page, '导出这个季度的 Excel');
      const link = page.locator('[data-testid="export-link"]').filter({ visible: true });
      await link.waitFor({ timeout: 30_000 });
      const res = await context.request.get(await link.evaluate((a) => (a as HTMLAnchorElement).href));
      expect(res.status()).toBe(200);
      expect((await res.body()).subarray(0, 2).toString('latin1')).toBe('PK');
      await looksRight(page, 'vol-street-quarterly-export');
    });
  });

  it('street staff open 年度前50名: both volunteers tie at first place with their community', async () => {
    const { page } = users.street;
    await page.goto(app('/packages/volunteer/manage/index/index'));
    await tapButton(page, '年度前50名');
    await screenshotOnFailure(page, 'vol-street-top', async () => {
      await expectText(page, `${await year()}年全街道前50名`);
      await expectText(page, '共 2 人');
      await expectText(page, '黄志明');
      await expectText(page, '张丽');
      await expect(page.locator('.vol-rank__rank').filter({ visible: true }).allTextContents()).resolves.toEqual(['第1名', '第1名']);
      await looksRight(page, 'vol-street-top');
    });
  });

  it('street staff set the points of the 其他 activity; the community can then publish it', async () => {
    const { page } = users.street;
    await page.goto(app('/packages/volunteer/manage/index/index'));
    await tapButton(page, '待审批的活动分值');
    await screenshotOnFailure(page, 'vol-street-approvals', async () => {
      await expectText(page, '等待街道确定分值（1 个）');
      await expectText(page, '社区建议：每人 4 分');
      await looksRight(page, 'vol-street-approvals');
      await page.locator('input[aria-label="社区义诊协助的分值"]').fill('5');
      await tapButton(page, '同意：每人 5 分');
      await expectText(page, '街道已定 5 分');
      await expectText(page, '等待街道确定分值（0 个）');
      await looksRight(page, 'vol-street-approved');
    });
  });

  it('the administrator sets 环境清理 to 3 points: the reason is required, then the table shows 3 and the reason', async () => {
    const { page } = users.admin;
    await signIn(page, '系统管理员');
    await page.goto(app('/packages/volunteer/manage/rules/index'));
    const row = page.locator('[data-testid="rule-governance.sanitation"]').filter({ visible: true });
    await screenshotOnFailure(page, 'vol-rules', async () => {
      await expectText(page, '居民服务');
      await expect(row.locator('[data-testid="rule-points"]').textContent()).resolves.toBe('每次 2 分');
      await looksRight(page, 'vol-rules');
      await row.locator('.nut-button', { hasText: '调整：环境清理' }).click();
      await row.locator('input[aria-label="每次积分"]').fill('3');
      await row.locator('.nut-button', { hasText: '保存调整' }).click();
      await expect(row.locator('.field__error').textContent()).resolves.toBe('请写明调整理由');
      await looksRight(page, 'vol-rules-edit-error');
      await row.locator('textarea[aria-label="调整理由"]').fill('街道领导小组会议决定提高保洁积分');
      await row.locator('.nut-button', { hasText: '保存调整' }).click();
      await row.locator('[data-testid="rule-points"]', { hasText: '每次 3 分' }).waitFor();
      await expect(row.textContent()).resolves.toContain('调整: 街道领导小组会议决定提高保洁积分');
    });
    // Everyone of the street reads the new value.
    const view = await api<{ rules: { id: string; points: number | null }[] }>(users.staff, 'rules', {});
    expect(view.rules.find((r) => r.id === 'governance.sanitation')?.points).toBe(3);
  });

  it('community A staff make 张丽 楼栋长 in the roster, and she sees it on her profile page', async () => {
    const { page } = users.staff;
    await page.goto(app('/packages/volunteer/manage/index/index'));
    await tapButton(page, '志愿者名册与职务');
    await screenshotOnFailure(page, 'vol-roster', async () => {
      await expectText(page, '担任：楼栋长'); // 黄志明, from the seed
      await looksRight(page, 'vol-roster');
      await tapButton(page, '修改张丽的职务');
      await page.locator('[role="switch"][aria-label="张丽是楼栋长"]').click();
      await expect(page.locator('[role="switch"][aria-label="张丽是楼栋长"]').getAttribute('aria-checked')).resolves.toBe('true');
      await looksRight(page, 'vol-roster-edit');
      await tapButton(page, '保存张丽的职务');
      await page.locator('.vol-row', { hasText: '张丽' }).filter({ visible: true }).locator('.vol-duties', { hasText: '担任：楼栋长' }).waitFor();
      await looksRight(page, 'vol-roster-saved');
    });
    const vol = users.vol2.page;
    await vol.goto(app('/packages/volunteer/profile/index'));
    await screenshotOnFailure(vol, 'vol-roster-profile', async () => {
      await expectText(vol, '担任：楼栋长');
      await screenshot(vol, 'vol-roster-profile');
    });
  });
});

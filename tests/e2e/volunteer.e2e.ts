import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { cloudChinaDay, expectText, setClock as setClockTo, signInAs, tapButton } from './support/ui';

/**
 * Issue 5 item 9: a community's volunteer points from end to end, as new users would click through it —
 * staff publish an activity, a volunteer signs up and checks in with the code, staff confirm, the points
 * show in the ledger and the ranking, and the volunteer redeems them for a gift.
 */
describe('a clean-up activity, from publishing to a gift', () => {
  const env = useE2eCloud();
  const TITLE = '小区环境清理';
  const GIFT = '毛巾一条';
  let staff: { context: BrowserContext; page: Page };
  let volunteer: { context: BrowserContext; page: Page };
  let checkInCode = '';
  let pickupCode = '';

  const app = (path: string) => `${env.cloud.baseUrl}/#${path}`;
  /** Tomorrow in China time on the cloud's clock, as the staff form's default date ("2026-11-24"). */
  const tomorrowInChina = () => cloudChinaDay(env.cloud.baseUrl, 1);

  const signIn = (page: Page, name: string) => signInAs(page, env.cloud.baseUrl, name);

  /** Confirms Taro's H5 modal (a div, not a native dialog). */
  async function confirmModal(page: Page, confirmText: string): Promise<void> {
    const button = page.locator('.taro-model__confirm', { hasText: confirmText });
    await button.waitFor();
    await button.click();
  }

  const setClock = (set: string) => setClockTo(env.cloud.baseUrl, set);

  async function looksRight(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    await checkA11y(page);
    const sizes = await visibleTargetSizes(page);
    expect(sizes.font).toBeGreaterThanOrEqual(17);
    expect(sizes.minButton).toBeGreaterThanOrEqual(48);
  }

  /** The elderly-user rule on the page in view (H5 keeps earlier pages in the DOM, hidden). */
  function visibleTargetSizes(page: Page): Promise<{ font: number; minButton: number }> {
    return page.evaluate(() => {
      const shown = (sel: string) => Array.from(document.querySelectorAll(sel)).filter((e) => e.checkVisibility());
      const text = shown('.section__text, .section__error, .vol-activity__line, .vol-row__meta, .field__label, .vol-points__label, .vol-ledger__kind, .vol-rank__row')[0];
      const buttons = shown('.nut-button, [role="radio"], .vol-picker').map((b) => b.getBoundingClientRect().height);
      return { font: text ? parseFloat(getComputedStyle(text).fontSize) : 0, minButton: Math.min(...buttons) };
    });
  }

  beforeAll(async () => {
    staff = await newPhonePage(env.browser);
    volunteer = await newPhonePage(env.browser);
  });
  afterAll(async () => {
    await staff?.context.close();
    await volunteer?.context.close();
  });

  it('community staff 刘建国 publishes a clean-up for tomorrow morning and gets its check-in code', async () => {
    const { page } = staff;
    await signIn(page, '刘建国');
    await tapButton(page, '志愿活动管理');
    await screenshotOnFailure(page, 'vol-manage-home', async () => {
      await expectText(page, '发布新活动');
      await looksRight(page, 'vol-manage-home');
    });
    await tapButton(page, '发布新活动');
    await screenshotOnFailure(page, 'vol-activity-edit', async () => {
      await page.locator('input[aria-label="活动名称"]').fill(TITLE);
      await page.locator('textarea[aria-label="活动内容"]').fill('清理3栋至5栋楼道杂物，带手套，在3栋楼下集合。');
      await page.locator('[role="radio"]', { hasText: '环境清理、卫生保洁' }).filter({ visible: true }).click();
      await expectText(page, '每人积分：2 分');
      await page.locator('input[aria-label="所需人数"]').fill('5');
      await page.locator('input[aria-label="活动地点"]').fill('3栋楼下广场');
      await looksRight(page, 'vol-activity-edit');
      await tapButton(page, '发布活动');
      await expectText(page, '现场签到码');
      await expectText(page, '报名名单（0/5 人');
      await looksRight(page, 'vol-manage-activity');
    });
    checkInCode = ((await page.locator('.vol-code').filter({ visible: true }).first().textContent()) ?? '').trim();
    expect(checkInCode.replace(/\s/g, '')).toMatch(/^\d{6}$/);
    // The QR drawn for weapp's 扫码签到 decodes to this activity and the same code.
    const png = PNG.sync.read(await page.locator('.vol-qr').filter({ visible: true }).first().screenshot());
    const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(qr?.data).toMatch(new RegExp(`activityId=[^&]+&code=${checkInCode.replace(/\s/g, '')}$`));
  });

  it('volunteer 黄志明 updates the profile, signs up and checks in at the place with the code', async () => {
    const { page } = volunteer;
    await signIn(page, '黄志明');
    await tapButton(page, '志愿服务');
    await screenshotOnFailure(page, 'vol-home', async () => {
      await expectText(page, '黄志明，您好');
      await looksRight(page, 'vol-home');
      await tapButton(page, '查看和修改资料');
      const building = page.locator('input[aria-label="楼栋"]');
      await building.waitFor();
      expect(await building.inputValue()).toBe('3栋');
      await building.fill('3栋2单元');
      await tapButton(page, '保存');
      await expectText(page, '✓ 已保存');
      await expectText(page, '担任：楼栋长');
      await looksRight(page, 'vol-profile');
    });
    await page.goBack();
    await screenshotOnFailure(page, 'vol-activities', async () => {
      await expectText(page, '黄志明，您好');
      await tapButton(page, '报名参加活动');
      await expectText(page, `查看并报名：${TITLE}`);
      await looksRight(page, 'vol-activities');
      await tapButton(page, `查看并报名：${TITLE}`);
    });
    await screenshotOnFailure(page, 'vol-activity-detail', async () => {
      await expectText(page, '3栋楼下广场');
      await expectText(page, '每人');
      await looksRight(page, 'vol-activity-detail');
      await tapButton(page, '我要报名');
      await expectText(page, '已报名，请按时到场');
      await expectText(page, '已报 1 人 / 共 5 人');
      await looksRight(page, 'vol-activity-signed-up');
      // Issue 11 item 2: right after signing up, the day-before reminder is offered and allowed.
      await expectText(page, '活动开始前一天时，微信可以通知您');
      await tapButton(page, '接收微信通知');
      await expectText(page, '已开启');
    });

    // The reminder goes with the notify timer's next run inside the 24 hours before the start.
    const tomorrow = await tomorrowInChina();
    await setClock(`${tomorrow}T08:00:00+08:00`);
    const run = await fetch(`${env.cloud.baseUrl}/internal/timers/notify/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(run.status).toBe(200);
    const sent = (await (await fetch(`${env.cloud.baseUrl}/internal/wx/messages`)).json()) as Array<{ template_id: string; page: string | null; data: Record<string, { value: string }> }>;
    const reminders = sent.filter((m) => m.template_id === 'TEMPLATE_ACTIVITY_REMINDER');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].data.thing1.value).toContain(TITLE);
    expect(reminders[0].data.thing3.value).toBe('3栋楼下广场');
    expect(reminders[0].page).toContain('activityId=');

    // The activity starts tomorrow at 09:00; check-in opens 30 minutes before. Move the cloud's clock, not the test.
    await setClock(`${tomorrow}T09:10:00+08:00`);
    await tapButton(page, '到了现场，点这里签到');
    await screenshotOnFailure(page, 'vol-check-in', async () => {
      const field = page.locator('input[aria-label="签到码"]');
      await field.waitFor();
      await looksRight(page, 'vol-check-in');
      await field.fill(checkInCode);
      await tapButton(page, /^签到$/);
      await expectText(page, '已签到');
      await looksRight(page, 'vol-check-in-done');
    });
  });

  it('the organiser sees the check-in, confirms completion, and stocks a gift', async () => {
    const { page } = staff;
    await page.reload();
    await screenshotOnFailure(page, 'vol-manage-complete', async () => {
      await expectText(page, '已签到 1 人');
      await tapButton(page, '确认活动完成，给 1 人记分');
      await confirmModal(page, '确认记分');
      await expectText(page, '活动已完成，已给 1 人各记 2 分');
      await looksRight(page, 'vol-manage-completed');
    });
    await page.goto(app('/packages/volunteer/manage/gifts/index?communityId=community-a'));
    await screenshotOnFailure(page, 'vol-manage-gifts', async () => {
      await tapButton(page, '新增礼品');
      await page.locator('input[aria-label="礼品名称"]').fill(GIFT);
      await page.locator('input[aria-label="所需积分"]').fill('2');
      await page.locator('input[aria-label="库存（件）"]').fill('3');
      await looksRight(page, 'vol-manage-gift-form');
      await tapButton(page, '保存');
      await expectText(page, `修改${GIFT}`);
      await looksRight(page, 'vol-manage-gifts');
    });
  });

  it('the volunteer finds the 2 points in the ledger and first place in the community ranking', async () => {
    const { page } = volunteer;
    await page.goto(app('/packages/volunteer/index/index'));
    await screenshotOnFailure(page, 'vol-points', async () => {
      await tapButton(page, '查看积分明细');
      await expectText(page, '积分明细');
      await expectText(page, '+2 分');
      await expectText(page, '环境清理、卫生保洁');
      await expectText(page, '记分人：');
      await looksRight(page, 'vol-points');
    });
    await page.goto(app('/packages/volunteer/ranking/index'));
    await screenshotOnFailure(page, 'vol-ranking', async () => {
      await expectText(page, '本社区第 1 名，2 分');
      await expectText(page, '黄志明（我）');
      await looksRight(page, 'vol-ranking');
      await page.locator('[role="radio"]', { hasText: '全街道' }).filter({ visible: true }).click();
      await expectText(page, '全街道第 1 名，2 分');
    });
    await page.goto(app('/packages/volunteer/publication/index'));
    await screenshotOnFailure(page, 'vol-publication', async () => {
      await expectText(page, '肥东路社区');
      await expectText(page, '黄志明（我）');
      await looksRight(page, 'vol-publication');
    });
  });

  it('the volunteer redeems the towel and gets a six-digit pickup code, also under 我的兑换', async () => {
    const { page } = volunteer;
    await page.goto(app('/packages/volunteer/gifts/index'));
    await screenshotOnFailure(page, 'vol-redeem', async () => {
      await expectText(page, '年还可用 2 分');
      await tapButton(page, `兑换：${GIFT}`);
      await confirmModal(page, '确认兑换');
      await expectText(page, '兑换成功');
      const code = ((await page.locator('.vol-code').filter({ visible: true }).first().textContent()) ?? '').trim();
      expect(code).toMatch(/^\d{6}$/);
      pickupCode = code;
      await expectText(page, '年还可用 0 分');
      await looksRight(page, 'vol-redeem');
      await tapButton(page, '我的兑换和取货码');
      await expectText(page, '待领取');
      await expect(page.locator('.vol-code').filter({ visible: true }).first().textContent()).resolves.toBe(code);
      await looksRight(page, 'vol-redemptions');
    });
  });

  it('at the counter the staff type the pickup code and mark the towel picked up; the Excel ledger downloads', async () => {
    const { page, context } = staff;
    await page.goto(app('/packages/volunteer/manage/redemptions/index?communityId=community-a'));
    await screenshotOnFailure(page, 'vol-manage-pickup', async () => {
      await expectText(page, `黄志明：${GIFT}`);
      await looksRight(page, 'vol-manage-pickup');
      await page.locator('input[aria-label="黄志明的取货码"]').fill(pickupCode);
      await tapButton(page, '确认已领取');
      await expectText(page, '没有待领取的礼品');
    });
    await page.goto(app('/packages/volunteer/manage/index/index'));
    await screenshotOnFailure(page, 'vol-manage-export', async () => {
      await tapButton(page, '年积分台账');
      const link = page.locator('[data-testid="export-link"]');
      await link.waitFor({ timeout: 30_000 });
      const res = await context.request.get(await link.evaluate((a) => (a as HTMLAnchorElement).href));
      expect(res.status()).toBe(200);
      expect((await res.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    });
    await volunteer.page.goto(app('/packages/volunteer/redemptions/index'));
    await expectText(volunteer.page, '已领取');
  });
});

import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure, SCREENSHOT_DIR, settle } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { decodeQrOnFirstPage } from './support/pdf-qr';
import { expectText, largeTargetSizes, signInAs, tapButton } from './support/ui';

/** Issue 3 item 8: the grid notice board a resident reaches by QR, and the administration behind it. */
describe('grid A1’s notice board', () => {
  const env = useE2eCloud();
  const OFFICER_PHONE = '13905511001';
  const NEW_PHONE = '13905519999';
  const boardUrl = () => `${env.cloud.baseUrl}/#/pages/grid/index?gridId=grid-a1`;
  let resident: { context: BrowserContext; page: Page };
  let admin: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    resident = await newPhonePage(env.browser);
    admin = await newPhonePage(env.browser);
  });
  afterAll(async () => {
    await resident?.context.close();
    await admin?.context.close();
  });

  it('a resident opening the board’s URL, not signed in, finds officer 张丽 and a working tel: link', async () => {
    const { page } = resident;
    await page.goto(boardUrl());
    await screenshotOnFailure(page, 'board-resident', async () => {
      await expectText(page, 'A1 肥东路社区一号网格');
      await expectText(page, '张丽');
      await expectText(page, '412 户');
      expect(await page.locator(`a[href="tel:${OFFICER_PHONE}"]`).count()).toBe(1);
      await expectText(page, 'B岗：李强 139****1002');
      await expectText(page, '上报问题');
      await expectText(page, '志愿服务');
      await screenshot(page, 'board-resident');
      await checkA11y(page);
      const sizes = await largeTargetSizes(page);
      expect(sizes.minButton).toBeGreaterThanOrEqual(48);
      const callHeight = await page.locator(`a[href="tel:${OFFICER_PHONE}"]`).evaluate((a) => a.getBoundingClientRect().height);
      expect(callHeight).toBeGreaterThanOrEqual(48);
    });
  });

  it('复制链接 puts the board’s address on the clipboard and says so', async () => {
    const { page, context } = resident;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.cloud.baseUrl });
    await tapButton(page, '复制链接');
    await expectText(page, '链接已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(boardUrl());
  });

  it('an unknown grid shows a friendly page with the way home, not an error', async () => {
    const { page } = resident;
    await page.goto(`${env.cloud.baseUrl}/#/pages/grid/index?gridId=grid-zz9`);
    await screenshotOnFailure(page, 'board-missing', async () => {
      await expectText(page, '该网格不存在或已停用');
      await expectText(page, '回到首页');
      await screenshot(page, 'board-missing');
      await checkA11y(page);
    });
  });

  it('the street administrator changes 张丽’s phone, and the board shows the new number', async () => {
    const { page } = admin;
    await signInAs(page, env.cloud.baseUrl, '系统管理员');
    await tapButton(page, '网格与人员管理');
    await screenshotOnFailure(page, 'admin-home', async () => {
      await expectText(page, '管理A1网格');
      await screenshot(page, 'admin-home');
      await checkA11y(page);
    });
    await tapButton(page, '人员信息管理');
    await screenshotOnFailure(page, 'admin-people', async () => {
      await expectText(page, '修改张丽的信息');
      await screenshot(page, 'admin-people');
      await checkA11y(page);
    });
    await tapButton(page, '修改张丽的信息');
    await screenshotOnFailure(page, 'admin-person-edit', async () => {
      const phone = page.locator('input[aria-label="电话"]');
      await phone.waitFor();
      expect(await phone.inputValue()).toBe(OFFICER_PHONE);
      await phone.fill('1234');
      await tapButton(page, '保存');
      await page.locator('.field__error').first().waitFor();
      await screenshot(page, 'admin-person-edit-error');
      await checkA11y(page);
      await phone.fill(NEW_PHONE);
      await tapButton(page, '保存');
      await page.locator('[data-testid="person-saved"]').waitFor();
      await screenshot(page, 'admin-person-edit');
      await checkA11y(page);
    });

    await resident.page.goto(boardUrl());
    await resident.page.reload();
    await screenshotOnFailure(resident.page, 'board-new-phone', async () => {
      await resident.page.locator(`a[href="tel:${NEW_PHONE}"]`).waitFor();
      await expectText(resident.page, `电话：${NEW_PHONE}`);
      expect(await resident.page.locator(`a[href="tel:${OFFICER_PHONE}"]`).count()).toBe(0);
      await checkA11y(resident.page);
    });
  });

  it('the administrator downloads A1’s poster: a PDF whose QR code decodes to the board’s URL', async () => {
    const { page, context } = admin;
    await page.goto(`${env.cloud.baseUrl}/#/packages/admin/grid/index?gridId=grid-a1`);
    await screenshotOnFailure(page, 'admin-grid', async () => {
      await expectText(page, '下载海报');
      await tapButton(page, '显示二维码');
      await page.locator('img[alt="本网格公示牌二维码"]').waitFor();
      await tapButton(page, '下载海报');
      const link = page.locator('[data-testid="poster-link"]');
      await link.waitFor({ timeout: 30_000 });
      await settle(page);
      await screenshot(page, 'admin-grid');
      await checkA11y(page);
      const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
      const res = await context.request.get(href);
      expect(res.status()).toBe(200);
      const pdf = await res.body();
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { text } = decodeQrOnFirstPage(pdf, path.join(SCREENSHOT_DIR, 'poster-page1.png'));
      expect(text).toBe(boardUrl());
    });
  });
});

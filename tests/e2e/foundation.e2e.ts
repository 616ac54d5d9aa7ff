import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { expectText, largeTargetSizes, tapButton } from './support/ui';

/** The ground every feature stands on, as a new user meets it: the app loads, dev login, a function round trip. */
describe('the H5 app on the local cloud', () => {
  const env = useE2eCloud();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPhonePage(env.browser));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('a first-time visitor sees the home page as a guest, in large text, with no accessibility blockers', async () => {
    await page.goto(`${env.cloud.baseUrl}/#/pages/index/index`);
    await screenshotOnFailure(page, 'home-guest', async () => {
      await expectText(page, '您好，访客');
      await screenshot(page, 'home-guest');
      await checkA11y(page);
      const sizes = await largeTargetSizes(page);
      expect(sizes.font).toBeGreaterThanOrEqual(17);
      expect(sizes.minButton).toBeGreaterThanOrEqual(48);
    });
  });

  it('dev login lists the seeded people and signs in as grid A1’s officer', async () => {
    await tapButton(page, '切换测试用户');
    await screenshotOnFailure(page, 'dev-login', async () => {
      await expectText(page, '张丽');
      await screenshot(page, 'dev-login');
      await checkA11y(page);
    });
    await page.locator('.nut-button', { hasText: '张丽' }).first().click();
    await screenshotOnFailure(page, 'home-officer', async () => {
      await expectText(page, '您好，张丽');
      await expectText(page, '网格员');
      await screenshot(page, 'home-officer');
      await checkA11y(page);
    });
  });

  it('choosing 特大字 is saved by the user function and is still there after a reload', async () => {
    await tapButton(page, '特大字');
    await screenshotOnFailure(page, 'font-xlarge', async () => {
      await expectText(page, '已保存：特大字');
      await checkA11y(page);
    });
    await page.reload();
    await screenshotOnFailure(page, 'font-xlarge-reloaded', async () => {
      await expectText(page, '您好，张丽');
      const sizes = await largeTargetSizes(page);
      // xlarge scales the 17px base text up; a reload reads the saved preference back from the function.
      expect(sizes.font).toBeGreaterThan(17);
      await screenshot(page, 'font-xlarge-reloaded');
    });
  });

  it('the officer’s workbench subpackage opens with the officer’s inbox', async () => {
    await tapButton(page, '网格工作台');
    await screenshotOnFailure(page, 'staff-subpackage', async () => {
      await expectText(page, '张丽，您好');
      await expectText(page, '我的待办');
      await checkA11y(page);
    });
  });
});

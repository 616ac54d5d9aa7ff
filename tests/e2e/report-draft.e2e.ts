import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { expectText, signInAs } from './support/ui';

/**
 * Issue 4 item 1: "A draft survives closing the app and is submitted once." In H5, closing the app is a
 * reload (the draft lives in local storage, as it does in weapp's storage); a double tap is two taps.
 */
describe('a report half written in a stairwell', () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;
  let context: BrowserContext;
  let page: Page;

  const see = (text: string) => expectText(page, text);
  const description = () => page.locator('textarea[aria-label="问题描述"]');

  /** The signed-in resident's own cases, asked of the gateway with the page's session cookie. */
  async function myCases(): Promise<Array<{ summary: string }>> {
    return page.evaluate(async () => {
      const reply = await fetch('/api/fn/case', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'mine', data: {} }) });
      return ((await reply.json()) as { data: { cases: Array<{ summary: string }> } }).data.cases;
    });
  }

  beforeAll(async () => {
    ({ context, page } = await newPhonePage(env.browser));
    await signInAs(page, base(), '胡阿姨');
  });
  afterAll(async () => {
    await context?.close();
  });

  it('comes back after the app is closed, and a double tap on 提交上报 files it once', async () => {
    const text = '二楼楼道灯坏了一个星期，晚上看不见台阶';
    await screenshotOnFailure(page, 'draft-written', async () => {
      await page.goto(`${base()}/#/pages/report/index?gridId=grid-a1`);
      await see('是哪一类问题');
      await page.getByRole('radio', { name: '公共设施损坏' }).click();
      await description().fill(text);
      // No location permission in this stairwell: a typed address is enough.
      await page.locator('input[aria-label^="详细地点"]').fill('肥东路12号2栋二楼');
    });

    await page.reload();
    await screenshotOnFailure(page, 'draft-restored', async () => {
      await see('已为您恢复上次没提交的内容');
      await expect(description().inputValue()).resolves.toBe(text);
      await screenshot(page, 'draft-restored');
      await checkA11y(page);
    });

    await screenshotOnFailure(page, 'draft-double-tap', async () => {
      const submit = page.locator('.nut-button:visible', { hasText: '提交上报' }).first();
      await submit.dblclick();
      await page.locator('[data-testid="report-sent"]').waitFor();
    });
    const filed = (await myCases()).filter((c) => text.startsWith(c.summary.slice(0, 10)));
    expect(filed).toHaveLength(1);

    await page.goto(`${base()}/#/pages/report/index?gridId=grid-a1`);
    await see('是哪一类问题');
    await expect(description().inputValue()).resolves.toBe('');
    expect(await page.locator('text=已为您恢复上次没提交的内容 >> visible=true').count()).toBe(0);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { expectText, signInAs } from './support/ui';

/**
 * Issue 8 items 1–3: a resident who has never used the app scans grid A1's QR code (H5: opens the board
 * URL in a fresh browser, no dev login), reports with a photo in at most four taps plus the photo's one,
 * finds the case under 我的上报, and A1's officer finds it in the inbox. Taps are counted and printed.
 */
describe('a first-time visitor from the QR code', () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;
  const contexts: BrowserContext[] = [];
  let photo = '';

  beforeAll(() => {
    photo = join(mkdtempSync(join(tmpdir(), 'gridlink-first-')), 'site.png');
    const png = new PNG({ width: 64, height: 48 });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([40, 120, 200, 255], i);
    writeFileSync(photo, PNG.sync.write(png));
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  async function freshPhone(): Promise<Page> {
    const { context, page } = await newPhonePage(env.browser);
    contexts.push(context);
    return page;
  }

  /** Every tap goes through here, so the count printed is the count the resident makes. */
  function tapCounter(page: Page) {
    const taps: string[] = [];
    const visible = (sel: string) => page.locator(sel).filter({ visible: true }).first();
    return {
      taps,
      button: async (label: string) => {
        taps.push(label);
        await page.locator('.nut-button', { hasText: label }).filter({ visible: true }).first().click();
      },
      radio: async (label: string) => {
        taps.push(label);
        await page.getByRole('radio', { name: label, exact: true }).filter({ visible: true }).first().click();
      },
      visible,
    };
  }

  it('reports with a photo in four taps plus one for the photo, sees it under 我的上报, and the A1 officer sees it in the inbox', async () => {
    const page = await freshPhone();
    const description = '单元门口的路灯不亮了，晚上老人出门看不清';
    const tap = tapCounter(page);

    await screenshotOnFailure(page, 'first-visit-report', async () => {
      await page.goto(`${base()}/#/pages/grid/index?gridId=grid-a1`);
      await expectText(page, 'A1 肥东路社区一号网格');
      await tap.button('上报问题');
      await expectText(page, '是哪一类问题');
      await tap.radio('公共设施损坏');
      await tap.visible('textarea[aria-label="问题描述"]').fill(description);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap.button('拍照或选照片')]);
      await chooser.setFiles(photo);
      await page.locator('img[alt$="第1张"]').filter({ visible: true }).first().waitFor();
      await expectText(page, '个人信息保护说明');
      await screenshot(page, 'first-visit-report-form');
      await checkA11y(page);
      await tap.button('提交上报');
      await page.locator('[data-testid="report-sent"]').filter({ visible: true }).waitFor();
    });
    // The photo is the optional extra; the rest is the four-tap budget of issue 8 item 2.
    console.log(`first visit, board → submitted report: ${tap.taps.length} taps (${tap.taps.join(' → ')})`);
    expect(tap.taps.length - 1).toBeLessThanOrEqual(4);

    await screenshotOnFailure(page, 'first-visit-mine', async () => {
      await page.goto(`${base()}/#/pages/my-reports/index`);
      await expectText(page, description.slice(0, 10));
      await expectText(page, '已上报');
      await screenshot(page, 'first-visit-my-reports');
      await checkA11y(page);
    });

    const officer = await freshPhone();
    await screenshotOnFailure(officer, 'first-visit-officer', async () => {
      await signInAs(officer, base(), '张丽');
      await officer.goto(`${base()}/#/packages/staff/index/index`);
      await officer.locator('.nut-button', { hasText: '我的待办' }).filter({ visible: true }).first().click();
      await expectText(officer, description.slice(0, 10));
    });
  });

  it('a sub-category, no photo: the same four taps, with the class decided by the category', async () => {
    const page = await freshPhone();
    const tap = tapCounter(page);
    await screenshotOnFailure(page, 'first-visit-sub', async () => {
      await page.goto(`${base()}/#/pages/grid/index?gridId=grid-a1`);
      await expectText(page, 'A1 肥东路社区一号网格');
      await tap.button('上报问题');
      await tap.radio('市容环境');
      await tap.radio('垃圾');
      await tap.visible('textarea[aria-label="问题描述"]').fill('垃圾桶满了没人清');
      // Residents are never asked for a class (issue 8 item 3).
      for (const cls of ['一般性', '协调性', '突发性', '审批性']) expect(await page.getByText(cls).filter({ visible: true }).count()).toBe(0);
      await screenshot(page, 'first-visit-sub-form');
      await tap.button('提交上报');
      await page.locator('[data-testid="report-sent"]').filter({ visible: true }).waitFor();
    });
    console.log(`first visit with a sub-category, no photo: ${tap.taps.length} taps (${tap.taps.join(' → ')})`);
    expect(tap.taps.length).toBeLessThanOrEqual(4);
  });
});

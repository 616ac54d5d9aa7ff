import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { expectText as see, setClock, tapButton as tap } from './support/ui';

/**
 * A 调休 Saturday in the browser (issue 12): Saturday 28 February 2026 is a working day (State Council
 * notice for 春节 2026), so a resident's report filed there at 09:00 is due to be signed for 2 working hours
 * later, by 11:00 the same day (sign_for: 2 working hours, 08:30–12:00 and 13:30–17:30; the cloud's clock
 * runs on from 09:00 while the resident types, so seconds later, still 11:00 to the minute). A week later,
 * Saturday 7 March is an ordinary weekend: the same report waits for Monday and is due at 10:30 on 9 March.
 * Each resident arrives by the grid's QR code in a fresh browser, with no login.
 */
describe('调休: a report filed on a make-up working Saturday is due that day; on an ordinary Saturday, on Monday', () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
  });

  async function residentReports(description: string): Promise<Page> {
    const { context, page } = await newPhonePage(env.browser);
    contexts.push(context);
    await page.goto(`${base()}/#/pages/grid/index?gridId=grid-a1`);
    await see(page, 'A1 肥东路社区一号网格');
    await tap(page, '上报问题');
    await see(page, '是哪一类问题');
    await page.getByRole('radio', { name: '公共设施损坏' }).filter({ visible: true }).first().click();
    await page.locator('textarea[aria-label="问题描述"]').filter({ visible: true }).first().fill(description);
    await tap(page, '提交上报');
    await page.locator('[data-testid="report-sent"]').filter({ visible: true }).waitFor();
    await tap(page, '查看办理进度');
    await page.waitForURL(/caseId=/);
    return page;
  }

  it('on Saturday 28 February 2026 (调休上班) the report is due at 11:00 the same day', async () => {
    await setClock(base(), '2026-02-28T09:00:00+08:00');
    const page = await residentReports('调休当天，单元门禁坏了关不上');
    await screenshotOnFailure(page, 'make-up-day-report', async () => {
      await see(page, '办理期限：2月28日 11:00');
      await see(page, '最晚 2月28日 11:00 前');
      await screenshot(page, 'make-up-day-report');
      await checkA11y(page);
    });
  });

  it('on Saturday 7 March 2026 (an ordinary weekend) the same report is due on Monday 9 March at 10:30', async () => {
    await setClock(base(), '2026-03-07T09:00:00+08:00');
    const page = await residentReports('周末，单元门禁坏了关不上');
    await screenshotOnFailure(page, 'weekend-report', async () => {
      await see(page, '办理期限：3月9日 10:30');
      await see(page, '最晚 3月9日 10:30 前');
      await screenshot(page, 'weekend-report');
    });
  });
});

import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure, settle } from './support/browser';
import { ELDER_LIMITS, measureScreen } from './support/measure';
import { useE2eCloud } from './support/e2e-cloud';
import { measureElderScreen } from './support/elder';
import { expectText, setClock, signInAs, switchTextSize, tapButton } from './support/ui';
import { closeWithRating, fileCase, gridA1People, returnCase, runStatsTimer } from '../support/stats-builders';

/**
 * Issue 16 items 1–3, 6: street staff open the dashboard from the workbench, see the figures of the cases
 * seeded this month, open the cases behind one figure, and export the 台账.
 */
describe('统计看板: the street sees its month', () => {
  const env = useE2eCloud();
  let staff: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    const base = env.cloud.baseUrl;
    await setClock(base, new Date(Date.now() - 10 * 60_000).toISOString());
    const p = await gridA1People(base);
    await closeWithRating(p, await fileCase(p, { description: '东门垃圾桶满溢已清运' }), 'satisfied');
    await returnCase(p, await fileCase(p, { description: '重复上报的垃圾问题' }));
    await fileCase(p, { description: '楼道堆放杂物待清理' });
    // The timer counts cases settled a minute ago: its clock is now.
    await setClock(base, new Date().toISOString());
    const run = await runStatsTimer(base);
    if (!run.ok || run.data.changes.cases !== 3) throw new Error(`statsdaily: ${JSON.stringify(run)}`);
    staff = await newPhonePage(env.browser);
  });
  afterAll(async () => staff?.context.close());

  it('street staff open the dashboard, read the figures, drill into 立案数 and export the 事件台账', async () => {
    const { page } = staff;
    await screenshotOnFailure(page, 'dashboard-failure', async () => {
      await signInAs(page, env.cloud.baseUrl, '杨文斌');
      await page.goto(`${env.cloud.baseUrl}/#/packages/staff/index/index`);
      await tapButton(page, '统计看板');
      // 3 reports, 1 returned: 立案 2; 结案 1 of (2 − 1 on time pending) → 结案率 100 %; 满意 1 of 1.
      await page.getByRole('button', { name: '立案数 2，查看明细', exact: true }).waitFor({ timeout: 20_000 });
      await expectText(page, '结案率');
      await page.getByRole('button', { name: '结案率 100.0%，查看明细', exact: true }).waitFor();
      await page.getByRole('button', { name: '满意率 100.0%，查看明细', exact: true }).waitFor();
      await expectText(page, '每月立案数与结案数');
      await page.getByRole('table', { name: '各类事件立案数' }).waitFor();
      await screenshot(page, 'dashboard-street');
      await checkA11y(page);

      await page.getByRole('button', { name: '立案数 2，查看明细', exact: true }).click();
      await expectText(page, '东门垃圾桶满溢已清运');
      await expectText(page, '楼道堆放杂物待清理');
      expect(await page.getByText('重复上报的垃圾问题').filter({ visible: true }).count()).toBe(0);
      await screenshot(page, 'dashboard-drill');

      await page.goBack();
      await tapButton(page, '导出事件台账');
      const link = page.getByTestId('export-link').filter({ visible: true });
      await link.waitFor({ timeout: 20_000 });
      expect(await link.textContent()).toMatch(/事件台账.*（3 行）/);
      const xlsx = await fetch((await link.getAttribute('href'))!);
      expect(xlsx.status).toBe(200);
      // The work ledgers sit beside the case ledgers.
      await tapButton(page, '导出巡查台账');
      await page.getByTestId('export-link').filter({ visible: true, hasText: '巡查台账' }).waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('export-link').filter({ visible: true }).first().textContent()).toMatch(/巡查台账.*（\d+ 行）/);
      await expectText(page, '导出会议台账');
      await expectText(page, '导出走访台账');

      // 网格员工作情况: 张丽's card names her on every line a screen reader reads out, and its 立案数
      // opens the cases she signed for.
      const card = page.locator('.worker-card', { hasText: '张丽' }).filter({ visible: true }).first();
      await card.scrollIntoViewIfNeeded();
      await card.getByText('有效信息').waitFor();
      await screenshot(page, 'dashboard-workers');
      await card.getByRole('button', { name: /^张丽 立案数 \d+，查看明细$/ }).click();
      await expectText(page, '东门垃圾桶满溢已清运');
      await page.goBack();

      // Each work figure opens the records behind it, as many as the card says (stats.workerRecords).
      for (const [label, unit] of [['有效信息', '条'], ['巡查达标天数', '天'], ['入户走访', '次']] as const) {
        const line = card.getByRole('button', { name: new RegExp(`^张丽 ${label} \\d+${unit}，查看明细$`) });
        const figure = (await line.getAttribute('aria-label'))!.match(/ (\d+)/)![1];
        await line.click();
        await expectText(page, `${label}：${figure}${unit}`);
        await screenshot(page, `dashboard-worker-${['info', 'patrol', 'visit'][['有效信息', '巡查达标天数', '入户走访'].indexOf(label)]}`);
        await checkA11y(page);
        await page.goBack();
      }

      // The month and category tables under the charts drill too: a count opens exactly the cases it counts.
      await page.getByRole('table', { name: '每月立案数与结案数' }).getByRole('button', { name: /^\d{4}年\d{1,2}月 立案数 2，查看明细$/ }).click();
      await expectText(page, '东门垃圾桶满溢已清运');
      await expectText(page, '楼道堆放杂物待清理');
      expect(await page.getByText('重复上报的垃圾问题').filter({ visible: true }).count()).toBe(0);
      await page.goBack();
      await page.getByRole('table', { name: '每月立案数与结案数' }).getByRole('button', { name: /^\d{4}年\d{1,2}月 结案数 1，查看明细$/ }).click();
      await expectText(page, '东门垃圾桶满溢已清运');
      expect(await page.getByText('楼道堆放杂物待清理').filter({ visible: true }).count()).toBe(0);
      await page.goBack();
      await page.getByRole('table', { name: '各类事件立案数' }).getByRole('button', { name: '垃圾 立案数 2，查看明细' }).click();
      await expectText(page, '市容环境/垃圾 · 立案数');
      await expectText(page, '楼道堆放杂物待清理');
      await screenshot(page, 'dashboard-category-drill');
      await checkA11y(page);
      await page.goBack();
    });
  });

  it('the worker cards at 特大字: nothing wider than the phone, text and targets large', async () => {
    const { page } = staff;
    await switchTextSize(page, 'xlarge');
    await screenshotOnFailure(page, 'dashboard-workers-xlarge', async () => {
      const card = page.locator('.worker-card', { hasText: '张丽' }).filter({ visible: true }).first();
      await card.scrollIntoViewIfNeeded();
      await settle(page).catch(() => undefined);
      const m = await measureScreen(page);
      await screenshot(page, 'dashboard-workers-xlarge');
      expect({ width: m.pageWidth <= 375, text: m.smallestText.px >= ELDER_LIMITS.xlarge.text }).toEqual({ width: true, text: true });

      // The six ledger buttons: each on the phone, each a large target, its words whole.
      const ledgers = page.getByRole('button', { name: /^导出.*台账$/ }).filter({ visible: true });
      await ledgers.first().scrollIntoViewIfNeeded();
      await screenshot(page, 'dashboard-ledgers-xlarge');
      // Whole: the words' own box lies inside the button's (a clipped or overflowing label would not).
      const boxes = await ledgers.evaluateAll((els) =>
        els.map((el) => {
          const box = el.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(el);
          const words = range.getBoundingClientRect();
          return { text: el.textContent ?? '', left: box.left, right: box.right, height: box.height, scrolls: words.left < box.left - 1 || words.right > box.right + 1 };
        }),
      );
      expect(boxes.map((b) => b.text)).toEqual(['导出事件台账', '导出超期事件台账', '导出满意度台账', '导出巡查台账', '导出走访台账', '导出会议台账']);
      for (const b of boxes) expect({ text: b.text, inside: b.left >= 0 && b.right <= 375, large: b.height >= ELDER_LIMITS.xlarge.target, whole: !b.scrolls }).toEqual({ text: b.text, inside: true, large: true, whole: true });

      // 网格员记录 at 特大字: the page behind 有效信息.
      await card.getByRole('button', { name: /^张丽 有效信息 \d+条，查看明细$/ }).click();
      await expectText(page, '有效信息：');
      const report: string[] = [];
      await measureElderScreen(page, 'dashboard-worker-records', 'xlarge', report);
      console.log(report.join('\n'));
      await page.goBack();
    });
    await switchTextSize(page, 'standard');
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure, settle } from './support/browser';
import { callAs } from './support/api';
import { useE2eCloud } from './support/e2e-cloud';
import { ELDER_LIMITS, describeMeasure, measureScreen } from './support/measure';
import { expectText as see, setClock, signInAs, switchTextSize, TEXT_SIZE_LABEL, tapButton } from './support/ui';

/** Monday 30 November 2026, 10:00 China time: a working day at the start of a week. */
const START = '2026-11-30T10:00:00+08:00';

/**
 * The grid worker's day in a browser (issue 14 items 3, 4, 6 and 8): two household visits with a photo,
 * the day's log drafted from them and submitted (日清), and the grid chief seeing the week's compliance.
 */
describe("a grid worker's visits, daily log and the chief's compliance view", () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;

  function photoFile(): string {
    const file = join(mkdtempSync(join(tmpdir(), 'gridlink-visit-')), 'visit.png');
    const png = new PNG({ width: 64, height: 48 });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([90, 160, 200, 255], i);
    writeFileSync(file, PNG.sync.write(png));
    return file;
  }

  async function recordVisit(page: Page, visit: { kind: string; group?: string; door: string; notes: string; photo?: string; doubleTap?: boolean; offline?: () => Promise<void> }): Promise<void> {
    await tapButton(page, '记录一次走访');
    await see(page, '走访情况');
    await page.getByRole('radio', { name: '肥东路 5 栋' }).click();
    await page.locator('input[aria-label="门牌（如 3单元502）"]').fill(visit.door);
    await page.getByRole('radio', { name: visit.kind }).click();
    if (visit.group) await page.getByRole('radio', { name: visit.group }).click();
    await page.locator('textarea[aria-label="走访情况"]').fill(visit.notes);
    if (visit.photo) {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tapButton(page, '拍照或选照片')]);
      await chooser.setFiles(visit.photo);
      await page.locator('img[alt$="第1张"]').first().waitFor();
      await see(page, '走访照片（1/9 张）');
    }
    await visit.offline?.();
    if (visit.doubleTap) await page.locator('.nut-button', { hasText: '保存走访' }).filter({ visible: true }).first().dblclick();
    else await tapButton(page, '保存走访');
    // Offline the list cannot load either; the page says what waits on the phone.
    await see(page, visit.offline ? '待同步 1 条记录' : '我的走访');
  }

  it('records two visits, submits the log drafted from them, and the chief sees the week', async () => {
    await setClock(base(), { set: START, freeze: true });
    const building = await callAs(base(), 'user-community-a', 'org', 'saveBuilding', { requestId: 'e2e-building-visit-1', gridId: 'grid-a1', name: '肥东路 5 栋', kind: 'building' });
    expect(building.ok).toBe(true);

    const { context, page } = await newPhonePage(env.browser);
    await screenshotOnFailure(page, 'worker-day', async () => {
      await signInAs(page, base(), '张丽');
      await page.goto(`${base()}/#/packages/staff/index/index`);
      await tapButton(page, '待走访');
      await see(page, '走访任务');
      await screenshot(page, 'worker-due');

      await page.goto(`${base()}/#/packages/staff/index/index`);
      await tapButton(page, '走访记录');
      await see(page, '还没有走访记录');
      await recordVisit(page, { kind: '日常走访', door: '2单元301', notes: '了解老人用水情况，水压偏低', photo: photoFile(), doubleTap: true });
      await see(page, '日常走访：肥东路 5 栋');
      // The second visit is saved in a stairwell with no signal: it waits on the phone, then goes up.
      await recordVisit(page, { kind: '六必访', group: '独居老人', door: '1单元102', notes: '独居老人身体良好，留了电话', offline: () => context.setOffline(true) });
      await screenshot(page, 'worker-visit-queued');
      await context.setOffline(false);
      await page.getByText('待同步 1 条记录').waitFor({ state: 'detached' });
      await page.reload();
      await see(page, '六必访（独居老人）：肥东路 5 栋');
      await see(page, '日常走访：肥东路 5 栋');
      await screenshot(page, 'worker-visits');

      await page.goto(`${base()}/#/packages/worker/log/index`);
      await see(page, '走访 2 户');
      await page.locator('textarea[aria-label="补充记录"]').fill('5 栋水压偏低，已告知物业');
      await tapButton(page, '提交今天的日志（日清）');
      await see(page, '的日志（已提交）');
      await see(page, '修改并重新提交');
      await screenshot(page, 'worker-log');
    });
    await context.close();

    // The stored visits: one with its photo, both in grid A1 and the building the worker chose; the first,
    // saved with a double tap, is stored once.
    const mine = await callAs(base(), 'user-officer-a1', 'worklog', 'myVisits', { limit: 10 });
    expect(mine.ok).toBe(true);
    expect(mine.data.visits.map((v) => [v.kind, v.photoCount]).sort()).toEqual([
      ['routine', 1],
      ['six_must', 0],
    ]);

    // The grid chief, in a browser of their own, sees 张丽's two visits against this week's rule.
    const chief = await newPhonePage(env.browser);
    await screenshotOnFailure(chief.page, 'worker-day-chief', async () => {
      await signInAs(chief.page, base(), '王秀兰');
      await chief.page.goto(`${base()}/#/packages/staff/index/index`);
      await tapButton(chief.page, '网格员考勤');
      await see(chief.page, '考勤规则与依据');
      const row = chief.page.locator('.wl-row', { hasText: '张丽' });
      await row.getByText(/入户走访：2 \/ 2/).waitFor();
      await row.getByText(/工作日志天数：1 \//).waitFor();
      await screenshot(chief.page, 'chief-compliance');
    });
    await chief.context.close();
  });

  it('the visit form, the log and the compliance view in 标准 and 特大字: text, targets, width and axe', async () => {
    await setClock(base(), { set: START, freeze: true });
    const report: string[] = [];
    const check = async (page: Page, name: string, size: keyof typeof ELDER_LIMITS) => {
      await settle(page).catch(() => undefined);
      const m = await measureScreen(page);
      report.push(describeMeasure(`${name} ${TEXT_SIZE_LABEL[size]}`, m));
      await screenshot(page, `${name}-${size}`);
      expect({ name, size, text: m.smallestText.px >= ELDER_LIMITS[size].text, typed: m.typedText.every((px) => px >= ELDER_LIMITS[size].text), target: m.smallestTarget.px >= ELDER_LIMITS[size].target - 0.5, width: m.pageWidth <= 375 }).toEqual({ name, size, text: true, typed: true, target: true, width: true });
      await checkA11y(page);
    };
    const worker = await newPhonePage(env.browser);
    const chief = await newPhonePage(env.browser);
    await screenshotOnFailure(worker.page, 'worker-day-elder', async () => {
      await signInAs(worker.page, base(), '张丽');
      await signInAs(chief.page, base(), '王秀兰');
      for (const size of ['standard', 'xlarge'] as const) {
        await worker.page.goto(`${base()}/#/packages/worker/visit-new/index`);
        await see(worker.page, '走访类型');
        await switchTextSize(worker.page, size);
        await check(worker.page, 'worker-visit-new', size);
        await worker.page.goto(`${base()}/#/packages/worker/log/index`);
        await see(worker.page, '补充记录');
        await check(worker.page, 'worker-log', size);
        await chief.page.goto(`${base()}/#/packages/worker/compliance/index`);
        await see(chief.page, '考勤规则与依据');
        await switchTextSize(chief.page, size);
        await check(chief.page, 'chief-compliance', size);
      }
    });
    console.log(`worker's day pages at 375 px:\n${report.join('\n')}`);
    await worker.context.close();
    await chief.context.close();
  }, 240_000);
});

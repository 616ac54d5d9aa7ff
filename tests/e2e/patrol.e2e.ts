import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { callAs } from './support/api';
import { useE2eCloud } from './support/e2e-cloud';
import { expectText as see, setClock, signInAs, tapButton } from './support/ui';

const START = '2026-11-30T09:00:00+08:00';
const MINUTE = 60_000;

/** A worker's patrol (issue 14 item 8): start, 70 minutes on both clocks, a building check-in, a problem filed and one handled on the spot, the end. */
describe('a patrol from the workbench', () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;

  function photoFile(shade: number): string {
    const file = join(mkdtempSync(join(tmpdir(), 'gridlink-patrol-')), `photo-${shade}.png`);
    const png = new PNG({ width: 64, height: 48 });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([shade, 120, 40, 255], i);
    writeFileSync(file, PNG.sync.write(png));
    return file;
  }

  async function attachPhoto(page: Page, file: string, nth: number): Promise<void> {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tapButton(page, '拍照或选照片')]);
    await chooser.setFiles(file);
    await page.locator('img[alt$="第1张"]').nth(nth).waitFor();
  }

  it('starts, runs 70 minutes, checks in at a building, files one problem and handles another, and ends', async () => {
    await setClock(base(), { set: START, freeze: true });
    await callAs(base(), 'user-admin', 'case', 'categories', {}); // warms the functions the page calls first
    const building = await callAs(base(), 'user-community-a', 'org', 'saveBuilding', { requestId: 'e2e-building-0001', gridId: 'grid-a1', name: '肥东路 3 栋', kind: 'building' });
    expect(building.ok).toBe(true);
    const sheet = await callAs(base(), 'user-officer-a1', 'board', 'buildingQrcode', { buildingId: building.data.id });
    expect(sheet.ok).toBe(true);

    // The phone's clock starts at the cloud's (newPhonePage) and follows every setClock.
    const { context, page } = await newPhonePage(env.browser);
    await context.grantPermissions(['geolocation'], { origin: base() });
    await context.setGeolocation({ latitude: 31.8612, longitude: 117.283 });
    await screenshotOnFailure(page, 'patrol', async () => {
      await signInAs(page, base(), '张丽');
      await page.goto(`${base()}/#/packages/staff/index/index`);
      await tapButton(page, '开始巡查');
      await see(page, '巡查期间会记录您的位置');
      await tapButton(page, '开始巡查');
      await see(page, '正在巡查：肥东路社区一号网格');

      // 70 minutes pass on the cloud's clock and the phone's.
      await setClock(base(), { advanceMs: 70 * MINUTE });
      await see(page, '1小时10分');
      await screenshot(page, 'patrol-running');

      // The building's code opens the check-in page (the URL its QR holds).
      await page.goto(`${base()}/#/${sheet.data.target}`);
      await see(page, '已打卡：肥东路 3 栋');
      await tapButton(page, '回到巡查');
      await see(page, '已打卡 1 栋');

      await tapButton(page, '发现问题，上报');
      await see(page, '是哪一类问题');
      await page.getByRole('radio', { name: '安全隐患' }).click();
      await page.getByRole('radio', { name: '消防车道堵塞' }).click();
      await see(page, '协调性');
      await page.locator('textarea[aria-label="问题描述"]').fill('3 栋北侧消防车道被私家车堵住');
      await tapButton(page, /^上报$/);
      await see(page, '正在巡查：肥东路社区一号网格');

      await tapButton(page, '当场处置');
      await see(page, '处置前照片');
      await page.getByRole('radio', { name: '市容环境' }).click();
      await page.getByRole('radio', { name: '乱堆乱放' }).click();
      await page.locator('textarea[aria-label="问题描述"]').fill('楼道堆放纸箱，已劝导清理');
      await attachPhoto(page, photoFile(30), 0);
      await attachPhoto(page, photoFile(220), 1);
      await tapButton(page, '记录当场处置');
      await see(page, '正在巡查：肥东路社区一号网格');

      await tapButton(page, '结束巡查');
      await page.getByText('确定', { exact: true }).filter({ visible: true }).first().click();
      await see(page, '开始巡查');
    });

    // The chief sees the patrol: 70 minutes, one check-in, a case and an on-the-spot finding, a track.
    const list = await callAs(base(), 'user-chief-a', 'patrol', 'list', { gridId: 'grid-a1' });
    expect(list.data.patrols).toHaveLength(1);
    expect(list.data.patrols[0]).toMatchObject({ state: 'ended', minutes: 70, checkInCount: 1, findingCount: 2, workerName: '张丽' });
    const detail = await callAs(base(), 'user-chief-a', 'patrol', 'get', { patrolId: list.data.patrols[0].patrolId });
    expect(detail.data.findings.map((f) => f.kind).sort()).toEqual(['case', 'on_spot']);
    expect(detail.data.track.length).toBeGreaterThan(0);
    const caseId = detail.data.findings.find((f) => f.kind === 'case')?.caseId;
    expect(caseId).toEqual(expect.any(String));
    const filed = await callAs(base(), 'user-officer-a1', 'case', 'detail', { caseId });
    expect(filed.data).toMatchObject({ categoryLabel: '安全隐患/消防车道堵塞', classLabel: '协调性' });
    await context.close();
  });
});

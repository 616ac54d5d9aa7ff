import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { expectText as see, setClock, signInAs, tapButton } from './support/ui';

/** Issue 4 item 11: a resident reports from A1's board, the grid handles it, and an unhandled case climbs to the community. */
describe('a reported problem, from the board to the rating', () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;
  const contexts: BrowserContext[] = [];
  let photo = '';

  beforeAll(() => {
    photo = join(mkdtempSync(join(tmpdir(), 'gridlink-case-')), 'site.png');
    const png = new PNG({ width: 64, height: 48 });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([200, 120, 40, 255], i);
    writeFileSync(photo, PNG.sync.write(png));
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  /** A fresh phone signed in through the dev-login page as `name`. */
  async function phoneOf(name: string): Promise<Page> {
    const { context, page } = await newPhonePage(env.browser);
    contexts.push(context);
    await context.grantPermissions(['geolocation'], { origin: base() });
    await context.setGeolocation({ latitude: 31.8612, longitude: 117.2830 });
    await signInAs(page, base(), name);
    return page;
  }

  async function attachPhoto(page: Page, button: string): Promise<void> {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tapButton(page, button)]);
    await chooser.setFiles(photo);
    await page.locator('img[alt$="第1张"]').first().waitFor();
  }

  /** From A1's board (as if the QR was scanned) to the 上报成功 page; returns the case id. */
  async function reportFromBoard(page: Page, description: string): Promise<string> {
    await page.goto(`${base()}/#/pages/grid/index?gridId=grid-a1`);
    await see(page, 'A1 肥东路社区一号网格');
    await tapButton(page, '上报问题');
    await see(page, '是哪一类问题');
    await see(page, 'A1 肥东路社区一号网格');
    await page.getByRole('radio', { name: '市容环境' }).click();
    await page.getByRole('radio', { name: '垃圾' }).click();
    await page.locator('textarea[aria-label="问题描述"]').fill(description);
    await attachPhoto(page, '拍照或选照片');
    await tapButton(page, '用手机定位');
    await see(page, '已记下准确位置');
    await page.locator('input[aria-label^="详细地点"]').fill('3栋2单元门口');
    await page.locator('input[aria-label^="联系电话"]').fill('13900001111');
    await screenshot(page, 'case-report-form');
    await checkA11y(page);
    await tapButton(page, '提交上报');
    await page.locator('[data-testid="report-sent"]').waitFor();
    await checkA11y(page);
    await tapButton(page, '查看办理进度');
    await page.waitForURL(/caseId=/);
    await see(page, '办理经过');
    return decodeURIComponent(/caseId=([^&]+)/.exec(page.url())?.[1] ?? '');
  }

  /** Staff open one case from a work list on their 网格工作台. */
  async function openFromList(page: Page, list: string, summary: string): Promise<void> {
    await page.goto(`${base()}/#/packages/staff/index/index`);
    await tapButton(page, list);
    await see(page, summary);
    await checkA11y(page);
    await page.getByRole('link', { name: new RegExp(summary) }).first().click();
    await see(page, '办理经过');
  }

  /** One row of the resident's step bar, by its label and status as a screen reader hears them. */
  function progressStep(page: Page, label: string, status: string) {
    return page.getByRole('list', { name: '办理进度' }).filter({ visible: true }).getByRole('listitem', { name: new RegExp(`^${label}，${status}`) });
  }

  it('scan A1 → report with a photo → the officer signs and resolves → the chief verifies → the resident rates 满意', async () => {
    const resident = await phoneOf('徐大爷');
    const description = '楼下垃圾桶满了三天没人清运，气味很大';
    const caseId = await screenshotOnFailure(resident, 'case-report', () => reportFromBoard(resident, description));
    expect(caseId).not.toBe('');
    // Issue 8 item 5: the step bar says where it stands, who holds it and what comes next.
    await screenshotOnFailure(resident, 'case-progress-new', async () => {
      await progressStep(resident, '已上报', '已完成').waitFor();
      await progressStep(resident, '已受理', '正在进行').waitFor();
      await see(resident, '现在由：本网格的网格员');
      await see(resident, '下一步：网格员签收');
      await see(resident, '会自动转社区督办');
      await screenshot(resident, 'case-resident-progress-new');
    });

    await screenshotOnFailure(resident, 'case-my-reports', async () => {
      await resident.goto(`${base()}/#/pages/my-reports/index`);
      await see(resident, description.slice(0, 10));
      await see(resident, '已上报');
      await checkA11y(resident);
    });

    const officer = await phoneOf('张丽');
    // Issue 8 item 8: from the workbench, 签收 → 办结 of a simple case in at most 5 taps, photo on the same screen.
    const taps: string[] = [];
    const tap = async (label: string) => {
      taps.push(label);
      await tapButton(officer, label);
    };
    await screenshotOnFailure(officer, 'case-officer', async () => {
      await officer.goto(`${base()}/#/packages/staff/index/index`);
      await see(officer, '我的待办（');
      await tap('我的待办');
      await see(officer, description.slice(0, 10));
      await checkA11y(officer);
      taps.push('事件卡片');
      await officer.getByRole('link', { name: new RegExp(description.slice(0, 10)) }).first().click();
      await see(officer, '拨打上报人电话');
      await see(officer, '导航到现场');
      await screenshot(officer, 'case-officer-case');
      await checkA11y(officer);
      await tap('签收');
      await see(officer, '确认办结');
      await see(officer, '已签收');
      taps.push('拍照或选照片');
      await attachPhoto(officer, '拍照或选照片');
      await officer.locator('textarea[aria-label="办理结果"]').filter({ visible: true }).fill('已联系环卫清运，垃圾桶已清空消毒');
      await screenshot(officer, 'case-officer-resolve-form');
      await checkA11y(officer);
      await tap('确认办结');
      await see(officer, '已办结');
      await screenshot(officer, 'case-officer-resolved');
      await checkA11y(officer);
    });
    console.log(`officer, workbench → 签收 → 办结: ${taps.length} taps (${taps.join(' → ')})`);
    expect(taps.length).toBeLessThanOrEqual(5);

    const chief = await phoneOf('王秀兰');
    await screenshotOnFailure(chief, 'case-verify', async () => {
      // A resolved case has left the open work lists; the verifier opens it from the case link.
      await chief.goto(`${base()}/#/packages/staff/case/index?caseId=${encodeURIComponent(caseId)}`);
      await see(chief, '已办结');
      await chief.getByRole('radio', { name: '核查通过' }).click();
      await tapButton(chief, '确认核查');
      await see(chief, '已核查');
      await checkA11y(chief);
    });

    await screenshotOnFailure(resident, 'case-rate', async () => {
      await resident.goto(`${base()}/#/pages/my-reports/index`);
      await resident.getByRole('link', { name: new RegExp(description.slice(0, 10)) }).first().click();
      await see(resident, '请您评价');
      await see(resident, '已联系环卫清运');
      await checkA11y(resident);
      await resident.getByRole('radio', { name: '满意', exact: true }).click();
      await tapButton(resident, '提交评价');
      await see(resident, '已评价');
      await see(resident, '评价：满意');
      for (const step of ['已上报', '已受理', '处置中', '已办结', '已评价']) await progressStep(resident, step, '已完成').waitFor();
      await see(resident, '办理结束');
      await screenshot(resident, 'case-resident-timeline');
      await checkA11y(resident);
    });
    // Four people, three phones and a dozen screens: on the shared 2-core machine this takes over a minute.
  }, 180_000);

  it('a case nobody signs for in 2 working hours is on the community’s 督办 list with the escalation in its timeline', async () => {
    // Monday 30 Nov 2026, 09:00 China time: a working day, inside working hours.
    await setClock(base(), { set: '2026-11-30T09:00:00+08:00', freeze: true });
    const resident = await phoneOf('徐大爷');
    const description = '小区东门消防通道被三轮车堵住了';
    const caseId = await screenshotOnFailure(resident, 'case-overdue-report', () => reportFromBoard(resident, description));
    expect(caseId).not.toBe('');

    await setClock(base(), { advanceMs: 2.5 * 3600_000 });
    const sweep = await fetch(`${base()}/internal/timers/escalate/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(sweep.status).toBe(200);

    const community = await phoneOf('刘建国');
    await screenshotOnFailure(community, 'case-overdue-list', async () => {
      await openFromList(community, '社区督办（超时）', description.slice(0, 10));
      await see(community, '已上报社区督办');
      const timeline = community.getByRole('list', { name: '办理经过' });
      expect(await timeline.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
      await timeline.getByText('超时上报').first().waitFor();
      await screenshot(community, 'case-overdue-timeline');
      await checkA11y(community);
    });
  });
});

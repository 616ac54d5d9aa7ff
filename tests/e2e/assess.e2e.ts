import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { expectText, setClock, signInAs, tapButton } from './support/ui';
import { sdkAppFor } from '../support/local-cloud-harness';
import { NOVEMBER_WORKING_DAYS, insertCases, insertPatrols } from '../support/assess-builders';

/**
 * Issue 16 item 7 in the browser: street staff run November's assessment for community A, community
 * staff enter a manual item, the street publishes; 张丽 opens her sheet and follows a deduction to the
 * late case; the street exports the ranking and makes the 红黑榜 to share.
 */
describe('a month of assessment, from opening to the worker\'s own sheet', () => {
  const env = useE2eCloud();
  type User = { context: BrowserContext; page: Page };
  const users: Record<'street' | 'staff' | 'worker', User> = {} as never;
  const app = (path: string) => `${env.cloud.baseUrl}/#${path}`;
  const LATE = 'case-e2e-late';
  let runPath = '';

  const pick = (page: Page, label: string) => page.getByRole('radio', { name: label }).filter({ visible: true }).first().click();

  async function looksRight(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    await checkA11y(page);
  }

  beforeAll(async () => {
    await setClock(env.cloud.baseUrl, '2026-12-01T10:00:00+08:00');
    // 张丽's November: one late case (基本满意), nine on time and 满意 → 按期 90 %, 满意 90 %.
    const db = sdkAppFor(env.cloud.baseUrl).database();
    // She patrolled every working day of November but the 20th.
    await insertPatrols(db, 'user-officer-a1', 'grid-a1', NOVEMBER_WORKING_DAYS.filter((d) => d !== '2026-11-20'));
    await insertCases(db, [
      { id: LATE, ownerId: 'user-officer-a1', day: '2026-11-05', late: true, rating: 'basically_satisfied' },
      ...Array.from({ length: 9 }, (_, i) => ({ id: `case-e2e-ok-${i}`, ownerId: 'user-officer-a1', day: `2026-11-${String(10 + i).padStart(2, '0')}`, rating: 'satisfied' as const })),
    ]);
    for (const key of ['street', 'staff', 'worker'] as const) users[key] = await newPhonePage(env.browser);
  });
  afterAll(async () => {
    for (const u of Object.values(users)) await u?.context.close();
  });

  it('street staff 杨文斌 opens November\'s assessment for 肥东路社区 from the workbench', async () => {
    const { page } = users.street;
    await signInAs(page, env.cloud.baseUrl, '杨文斌');
    await page.goto(app('/packages/staff/index/index'));
    await tapButton(page, '考核管理');
    await screenshotOnFailure(page, 'assess-open', async () => {
      await expectText(page, '发起月度考核');
      await pick(page, '网格考核(一般人员,百分制)');
      await pick(page, '2026年11月');
      await pick(page, '肥东路社区');
      await looksRight(page, 'assess-open');
      await tapButton(page, '发起考核');
      await expectText(page, '评分中');
      await expectText(page, '当前得分(未公布)');
    });
    runPath = new URL(page.url()).hash.slice(1);
    expect(runPath).toContain('/packages/assess/run/index?runId=');
  });

  it('community staff 刘建国 scores 张丽\'s 户况信息管理 with a reason', async () => {
    const { page } = users.staff;
    await signInAs(page, env.cloud.baseUrl, '刘建国');
    await page.goto(app(runPath));
    await screenshotOnFailure(page, 'assess-score', async () => {
      await expectText(page, '录入评分');
      await pick(page, '张丽');
      await pick(page, '户况信息管理(人口计生信息)(满分25)');
      await page.locator('input[aria-label="分数"]').filter({ visible: true }).fill('20');
      await page.locator('textarea[aria-label="评分理由"]').filter({ visible: true }).fill('户籍、计生信息核对无误,两处更新不及时');
      await tapButton(page, '保存评分');
      // 20 + 按期 13.5 + 巡查 9 (one missed day) + 满意 10 = 52.5: first of the four.
      await expectText(page, '第1名 张丽 52.5分');
      await looksRight(page, 'assess-score');
    });
  });

  it('the street publishes; 张丽 opens her sheet and follows the 按期 deduction to the late case', async () => {
    const street = users.street.page;
    await street.goto(app(runPath));
    await tapButton(street, '公布考核结果');
    await expectText(street, '考核排名');

    const { page } = users.worker;
    await signInAs(page, env.cloud.baseUrl, '张丽');
    await page.goto(app('/packages/staff/index/index'));
    await tapButton(page, '我的考核');
    await tapButton(page, '2026年11月 52.5分 第1名');
    await screenshotOnFailure(page, 'assess-sheet', async () => {
      await expectText(page, '案件按期结案率:13.5分');
      await expectText(page, '按期结案率 9/10=90.00%');
      await expectText(page, '2026-11-20 未巡查');
      await looksRight(page, 'assess-sheet');
      await page.getByText('查看垃圾清运 未按期结案').filter({ visible: true }).first().click();
      await expectText(page, '小区东门垃圾桶满溢');
    });
    expect(page.url()).toContain(`caseId=${LATE}`);
  });

  it('the street exports the ranking and makes the 红黑榜 to share with the grid group', async () => {
    const { page, context } = users.street;
    await page.goto(app(runPath));
    await screenshotOnFailure(page, 'assess-bulletin', async () => {
      await tapButton(page, '导出排名 Excel');
      const link = page.locator('[data-testid="export-link"]').filter({ visible: true });
      await link.waitFor({ timeout: 30_000 });
      const xlsx = await context.request.get(await link.evaluate((a) => (a as HTMLAnchorElement).href));
      expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

      await tapButton(page, '生成红黑榜');
      await expectText(page, '肥东路社区2026年11月网格考核(一般人员,百分制)红黑榜', 30_000);
      await expectText(page, '红榜:张丽');
      await looksRight(page, 'assess-bulletin');
      const pdf = await context.request.get(await page.locator('[data-testid="bulletin-pdf"]').filter({ visible: true }).evaluate((a) => (a as HTMLAnchorElement).href));
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
    // The share card opens the same frozen bulletin for a grid worker in the group.
    const shared = new URL(page.url()).hash.slice(1);
    await users.worker.page.goto(app(shared));
    await expectText(users.worker.page, '红榜:张丽');
  });

  it('the street makes 肥东路社区\'s 巡查通报 for the second half of November and shares it', async () => {
    const { page, context } = users.street;
    await page.goto(app('/packages/assess/index/index'));
    await screenshotOnFailure(page, 'patrol-bulletin', async () => {
      await expectText(page, '半月巡查通报');
      // The page also holds the form that opens a monthly run, with its own community choice.
      const form = page.locator('.section', { hasText: '半月巡查通报' }).filter({ visible: true });
      await form.getByRole('radio', { name: '2026年11月下半月' }).click();
      await form.getByRole('radio', { name: '肥东路社区' }).click();
      await tapButton(page, '生成巡查通报');
      await expectText(page, '肥东路社区2026年11月下半月巡查通报', 30_000);
      // 16–30 November has 11 working days; 张丽 patrolled all but the 20th, an hour each.
      const row = page.locator('[data-testid="patrol-row"]', { hasText: '张丽' }).filter({ visible: true });
      await expect(row.textContent()).resolves.toContain('巡查 10/11 个工作日 · 600 分钟');
      await expect(row.textContent()).resolves.toContain('漏巡 1 天');
      await looksRight(page, 'patrol-bulletin');
      const href = async (id: string) => page.locator(`[data-testid="${id}"]`).filter({ visible: true }).evaluate((a) => (a as HTMLAnchorElement).href);
      expect((await (await context.request.get(await href('bulletin-pdf'))).body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await (await context.request.get(await href('bulletin-xlsx'))).body()).subarray(0, 2).toString('latin1')).toBe('PK');
    });
    // Made again, the same half-month opens the same frozen 通报; the share link opens it for the group.
    const shared = new URL(page.url()).hash.slice(1);
    expect(shared).toContain('patrolBulletinId=');
    await users.worker.page.goto(app(shared));
    await expectText(users.worker.page, '肥东路社区2026年11月下半月巡查通报');
    await expectText(users.worker.page, '漏巡 1 天');
  });
});

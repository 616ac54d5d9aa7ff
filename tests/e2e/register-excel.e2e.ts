import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { anIdNumber } from '../support/register-builders';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { measureElderScreen } from './support/elder';
import { expectText as see, setClock, signInAs, switchTextSize, tapButton } from './support/ui';

/**
 * Issue 15 items 3 and 6 in the browser: 张丽 downloads the 户况 template, fills it in as a worker would
 * (one row wrong), is told the row and column and that nothing was imported, corrects it and imports one
 * household of two; she reads 陈桂英's full ID number with a reason; 刘建国 exports the community's
 * households (masked numbers only); the street administrator finds the read and the export in the trail.
 */
describe('the register in and out by Excel, and a full ID number read with a reason', () => {
  const env = useE2eCloud();
  type User = { context: BrowserContext; page: Page };
  const users: Record<'worker' | 'staff' | 'admin', User> = {} as never;
  const app = (path: string) => `${env.cloud.baseUrl}/#${path}`;
  const href = (page: Page) => page.locator('[data-testid="export-link"]').filter({ visible: true }).first().evaluate((a) => (a as HTMLAnchorElement).href);
  const CHEN = anIdNumber('19440208', '062');
  const ZHOU = anIdNumber('19700611', '013');
  const ADDRESS = '肥东路8号2栋1单元402';
  const RENTED = '肥东路8号2栋1单元502';
  const ZHAO = anIdNumber('19950320', '017');

  beforeAll(async () => {
    await setClock(env.cloud.baseUrl, '2026-12-01T10:00:00+08:00');
    for (const key of ['worker', 'staff', 'admin'] as const) users[key] = await newPhonePage(env.browser);
  });
  afterAll(async () => {
    for (const u of Object.values(users)) await u?.context.close();
  });

  /** exceljs types its input as an ArrayBuffer; a Node Buffer is a view on one. */
  async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return book;
  }

  /** The downloaded template, its example row replaced by the worker's rows, saved as a file to pick. */
  async function filledTemplate(template: Buffer, rows: Array<Record<string, string>>): Promise<string> {
    const book = await readBook(template);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    sheet.spliceRows(2, sheet.rowCount - 1);
    for (const r of rows) sheet.addRow(headers.map((h) => r[h] ?? ''));
    const file = join(mkdtempSync(join(tmpdir(), 'gridlink-import-')), '户况.xlsx');
    await book.xlsx.writeFile(file);
    return file;
  }

  async function importFile(page: Page, file: string): Promise<void> {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tapButton(page, /选择Excel文件|点此重新选择/)]);
    await chooser.setFiles(file);
    await see(page, '已选择：户况.xlsx');
    await tapButton(page, '开始导入');
  }

  it('张丽 imports a household from the template: a wrong row is named and nothing goes in, then the corrected file goes in whole', async () => {
    const { page, context } = users.worker;
    await signInAs(page, env.cloud.baseUrl, '张丽');
    await page.goto(app('/packages/staff/index/index'));
    await tapButton(page, '户况登记');
    await tapButton(page, 'Excel导入导出');
    await screenshotOnFailure(page, 'register-import', async () => {
      await see(page, '导入户况');
      // A grid worker imports but does not export (rules.ts: 防止名册外流).
      expect(await page.getByText('导出户况').filter({ visible: true }).count()).toBe(0);
      await tapButton(page, '下载导入模板');
      const template = await (await context.request.get(await href(page))).body();
      expect(template.subarray(0, 2).toString('latin1')).toBe('PK');

      const household = { 户号: '1', 楼栋: '2栋', 单元: '1单元', 门牌号: '402', 地址: ADDRESS, 居住类型: '自住', 党员: '否' };
      const chen = { ...household, 姓名: '陈桂英', 性别: '女', 出生日期: '1944-02-08', 身份证号: CHEN, 与户主关系: '户主', 就业状况: '退休' };
      const zhou = { ...household, 姓名: '周建华', 性别: '男', 出生日期: '1970-06-11', 身份证号: ZHOU, 与户主关系: '子女', 就业状况: '在职' };
      await importFile(page, await filledTemplate(template, [chen, { ...zhou, 出生日期: '1970-13-11' }]));
      const problems = page.locator('[data-testid="import-problems"]').filter({ visible: true });
      await problems.waitFor({ timeout: 30_000 });
      expect(await problems.textContent()).toContain('已全部不导入');
      expect(await problems.textContent()).toContain('第3行「出生日期」列');
      await screenshot(page, 'register-import-problems');

      // A second household, rented out, with its tenant registered.
      const zhao = { 户号: '2', 楼栋: '2栋', 单元: '1单元', 门牌号: '502', 地址: RENTED, 居住类型: '出租', 党员: '否', 姓名: '赵磊', 性别: '男', 出生日期: '1995-03-20', 身份证号: ZHAO, 与户主关系: '租户', 就业状况: '在职' };
      await importFile(page, await filledTemplate(template, [chen, zhou, zhao]));
      await see(page, '导入完成：2 户、3 人。', 30_000);
      await checkA11y(page);
    });
    // The household list shows the household once: the refused file left nothing behind.
    await page.goto(app('/packages/register/index/index'));
    await see(page, ADDRESS);
    expect(await page.getByText(ADDRESS).filter({ visible: true }).count()).toBe(1);
  });

  it('张丽 reads 陈桂英\'s full ID number only after writing why', async () => {
    const { page } = users.worker;
    await page.getByText(ADDRESS).filter({ visible: true }).first().click();
    await screenshotOnFailure(page, 'register-reveal', async () => {
      await see(page, '陈桂英（户主）');
      await see(page, `身份证 ${CHEN.slice(0, 3)}***********${CHEN.slice(-4)}`);
      expect(await page.content()).not.toContain(CHEN);
      await tapButton(page, '查看完整号码（陈桂英）');
      await tapButton(page, '确认查看（将记录）');
      await see(page, '查看原因');
      expect(await page.content()).not.toContain(CHEN);
      await page.locator('input[aria-label="查看原因"]').filter({ visible: true }).fill('代办高龄津贴核对身份');
      await tapButton(page, '确认查看（将记录）');
      await see(page, `完整身份证号 ${CHEN}`);
      await see(page, '本次查看已记录');
      await screenshot(page, 'register-revealed');
      await tapButton(page, '隐藏号码');
      await see(page, '查看完整号码（陈桂英）');
      expect(await page.content()).not.toContain(CHEN);
    });
  });

  it('张丽 notes on a visit that 陈桂英\'s granddaughter moved in, then confirms the draft and the household lists her', async () => {
    const { page } = users.worker;
    const radio = (name: string | RegExp) => page.getByRole('radio', { name }).filter({ visible: true }).first();
    await page.goto(app('/packages/staff/index/index'));
    await tapButton(page, '走访记录');
    await screenshotOnFailure(page, 'register-draft-visit', async () => {
      await tapButton(page, '记录一次走访');
      await see(page, '走访情况');
      // The household reads as its building and door, as the imported rows gave them.
      await radio('2栋1单元402').click();
      await radio('日常走访').click();
      await page.locator('textarea[aria-label="走访情况"]').fill('陈桂英孙女陈晨来同住照顾');
      await page.getByRole('switch', { name: '户况有变动' }).click();
      await radio('新流入人员').click();
      await page.locator('input[aria-label="涉及的人员（如 王芳、新租户）"]').fill('陈晨');
      await screenshot(page, 'register-draft-visit');
      await tapButton(page, '保存走访');
      await see(page, '我的走访');
    });
    await page.goto(app('/packages/register/index/index'));
    await tapButton(page, '待确认的变动');
    await screenshotOnFailure(page, 'register-draft-confirm', async () => {
      await tapButton(page, /^确认登记（/);
      await see(page, '确认并登记到户');
      await page.locator('input[aria-label="姓名"]').filter({ visible: true }).fill('陈晨');
      await page.locator('input[aria-label="身份证号"]').filter({ visible: true }).fill(anIdNumber('19990715', '024'));
      await radio('孙子女').click();
      await radio('在职').click();
      await screenshot(page, 'register-draft-confirm');
      await checkA11y(page);
      await tapButton(page, '确认并登记到户');
      await see(page, '没有待确认的变动');
    });
    await page.goto(app('/packages/register/index/index'));
    await page.getByText(ADDRESS).filter({ visible: true }).first().click();
    await see(page, '陈晨（孙子女）');
    await see(page, '3人');
  });

  it('张丽 registers 赵磊\'s tenancy in 502 and, when he leaves, 登记退租: the tenancy stays as history', async () => {
    const { page } = users.worker;
    await page.goto(app('/packages/register/index/index'));
    await page.getByText(RENTED).filter({ visible: true }).first().click();
    await tapButton(page, '租房登记与见面');
    await screenshotOnFailure(page, 'register-tenancy', async () => {
      await see(page, '还没有租房登记。');
      await page.locator('input[aria-label="房东姓名"]').filter({ visible: true }).fill('孙海');
      await page.locator('input[aria-label="入住日期"]').filter({ visible: true }).fill('2026-10-01');
      await tapButton(page, '赵磊（租户）');
      await tapButton(page, '保存租房登记');
      await see(page, '登记退租（房东孙海）');
      await tapButton(page, '登记退租（房东孙海）');
      // A date before the move-in is refused under the field.
      await page.locator('input[aria-label="退租日期"]').filter({ visible: true }).fill('2026-09-30');
      await tapButton(page, '确认退租');
      await see(page, '退租日期不能早于入住日期');
      await page.locator('input[aria-label="退租日期"]').filter({ visible: true }).fill('2026-11-30');
      await tapButton(page, '确认退租');
      await see(page, '房东孙海 · 租户 赵磊 · 2026-10-01 入住 · 2026-11-30 退租');
      await see(page, '目前没有在租的租房登记。');
      await screenshot(page, 'register-tenancy-ended');
      await checkA11y(page);
    });
  });

  it('the register’s pages at 标准 and 特大字: the household, its tenancies and the drafts, at 375 px', async () => {
    const { page } = users.worker;
    const report: string[] = [];
    await screenshotOnFailure(page, 'register-elder', async () => {
      for (const size of ['standard', 'xlarge'] as const) {
        await page.goto(app('/packages/register/index/index'));
        await page.getByText(RENTED).filter({ visible: true }).first().click();
        await see(page, '租房登记与见面');
        await switchTextSize(page, size);
        await measureElderScreen(page, 'register-household', size, report);
        await tapButton(page, '租房登记与见面');
        await see(page, '2026-11-30 退租');
        await measureElderScreen(page, 'register-tenancy', size, report);
        await page.goto(app('/packages/register/index/index'));
        await tapButton(page, '待确认的变动');
        await see(page, '没有待确认的变动');
        await measureElderScreen(page, 'register-drafts', size, report);
      }
    });
    console.log(`register pages at 375 px:\n${report.join('\n')}`);
  }, 240_000);

  it('张丽 reports from 我要上报 that 赵磊 has left 502, noting 户况有变动: the case goes in and the change waits to be confirmed', async () => {
    const { page } = users.worker;
    const radio = (name: string | RegExp) => page.getByRole('radio', { name }).filter({ visible: true }).first();
    await page.goto(app('/pages/index/index'));
    await tapButton(page, '我要上报');
    await screenshotOnFailure(page, 'register-report-change', async () => {
      await see(page, '户况（网格员填写）');
      await radio('人口房屋变动').click();
      await page.locator('textarea[aria-label="问题描述"]').filter({ visible: true }).fill('502租户赵磊已搬走，房屋空置');
      await page.getByRole('switch', { name: '户况有变动' }).click();
      // Switched on but not filled in: nothing is sent, the household is asked for under its own field.
      await tapButton(page, '提交上报');
      await see(page, '请选择发生变动的住户');
      await radio('迁出').click();
      await page.locator('input[aria-label="涉及的人员（如 王芳、新租户）"]').filter({ visible: true }).fill('赵磊');
      await radio(/2栋1单元502/).click();
      await screenshot(page, 'register-report-change');
      await checkA11y(page);
      await tapButton(page, '提交上报');
      await see(page, '户况变动已记下');
    });
    await page.goto(app('/packages/register/index/index'));
    await tapButton(page, '待确认的变动');
    await see(page, '赵磊');
    await see(page, '迁出');
    await screenshot(page, 'register-report-change-draft');
  });

  it('刘建国 exports the community\'s households: the file carries masked numbers only', async () => {
    const { page, context } = users.staff;
    await signInAs(page, env.cloud.baseUrl, '刘建国');
    await page.goto(app('/packages/register/excel/index'));
    await screenshotOnFailure(page, 'register-export', async () => {
      await see(page, '导出户况');
      await tapButton(page, '导出Excel');
      const file = await (await context.request.get(await href(page))).body();
      const book = await readBook(file);
      const cells = book.worksheets[0].getSheetValues().flat().map((v) => String(v ?? ''));
      expect(cells).toContain('陈桂英');
      expect(cells).toContain(`${CHEN.slice(0, 3)}***********${CHEN.slice(-4)}`);
      expect(cells.join('|')).not.toContain(CHEN);
      await screenshot(page, 'register-export');
    });
  });

  it('the street administrator finds the read (with its reason) and the export in the personal-data trail', async () => {
    const { page } = users.admin;
    await signInAs(page, env.cloud.baseUrl, '系统管理员');
    await page.goto(app('/packages/admin/audit/index'));
    await screenshotOnFailure(page, 'register-audit', async () => {
      await see(page, '最近的记录');
      await see(page, '陈桂英');
      await see(page, '代办高龄津贴核对身份');
      await see(page, '导出户况：');
      await see(page, '导入户况：');
      expect(await page.content()).not.toContain(CHEN);
      await screenshot(page, 'register-audit');
    });
  });
});

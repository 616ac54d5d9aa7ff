import type { BrowserContext, Page } from 'playwright-core';
import { anIdNumber } from '../support/register-builders';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { expectText, setClock, signInAs, tapButton } from './support/ui';

/**
 * Issue 15 in the browser: 张丽 (grid officer A1) adds a household with two people, marks one 独居老人 and
 * records the other's move-out; 刘建国 (community A) acknowledges the move-out's 交接单; nine working
 * days later 王秀兰 (chief of A) sees the 交接单 nobody signed (the care-flag change) on her overdue list.
 */
describe('the household register, from a new household to the chief\'s overdue list', () => {
  const env = useE2eCloud();
  type User = { context: BrowserContext; page: Page };
  const users: Record<'worker' | 'staff' | 'chief', User> = {} as never;
  const app = (path: string) => `${env.cloud.baseUrl}/#${path}`;
  const input = (page: Page, label: string) => page.locator(`input[aria-label="${label}"]`).filter({ visible: true }).first();
  const pick = (page: Page, label: string) => page.getByRole('radio', { name: label }).filter({ visible: true }).first().click();
  const idNumber = anIdNumber('19450312', '042');

  beforeAll(async () => {
    await setClock(env.cloud.baseUrl, '2026-12-01T10:00:00+08:00');
    for (const key of ['worker', 'staff', 'chief'] as const) users[key] = await newPhonePage(env.browser);
  });
  afterAll(async () => {
    for (const u of Object.values(users)) await u?.context.close();
  });

  async function addPerson(page: Page, name: string, relation: string, id?: string) {
    await tapButton(page, '登记人员');
    await expectText(page, '基本信息');
    await input(page, '姓名').fill(name);
    if (id) await input(page, '身份证号').fill(id);
    await pick(page, relation);
    await tapButton(page, '保存');
    await expectText(page, `${name}（${relation}）`);
  }

  it('张丽 adds a household with two people, marks 王芳 独居老人 and records 刘强\'s move-out', async () => {
    const { page } = users.worker;
    await signInAs(page, env.cloud.baseUrl, '张丽');
    await page.goto(app('/packages/staff/index/index'));
    await tapButton(page, '户况登记');
    await screenshotOnFailure(page, 'register-household', async () => {
      await expectText(page, '新增一户');
      await input(page, '地址').fill('肥东路12号3栋2单元301');
      await tapButton(page, '保存这一户');
      await expectText(page, '登记人员');
      await addPerson(page, '王芳', '户主', idNumber);
      await addPerson(page, '刘强', '子女', anIdNumber('19900501', '031'));
      // Shown masked, never in full.
      await expectText(page, `身份证 ${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`);
      expect(await page.content()).not.toContain(idNumber);
      await tapButton(page, '标记特殊群体（王芳）');
      await tapButton(page, '独居老人');
      await tapButton(page, '保存标记');
      await expectText(page, '特殊群体：独居老人');
      await screenshot(page, 'register-household');
      await checkA11y(page);
      await tapButton(page, '迁出登记（刘强）');
      await expectText(page, '变动类型');
      await tapButton(page, '确认登记');
      await expectText(page, '曾住人员');
      await expectText(page, '刘强（子女） 2026-12-01 至 2026-12-01');
    });
  });

  it('刘建国 acknowledges the move-out 交接单', async () => {
    const { page } = users.staff;
    await signInAs(page, env.cloud.baseUrl, '刘建国');
    await page.goto(app('/packages/staff/index/index'));
    await tapButton(page, '信息交接单');
    await screenshotOnFailure(page, 'register-handover', async () => {
      await expectText(page, '刘强：迁出');
      await tapButton(page, '签收（刘强：迁出）');
      await expectText(page, '已签收（刘建国）');
      await screenshot(page, 'register-handover');
    });
  });

  it('nine working days later 王秀兰 sees the unsigned 交接单 on her overdue list', async () => {
    await setClock(env.cloud.baseUrl, '2026-12-14T09:00:00+08:00');
    const { page } = users.chief;
    await signInAs(page, env.cloud.baseUrl, '王秀兰');
    await page.goto(app('/packages/staff/index/index'));
    await tapButton(page, '户况超期清单');
    await screenshotOnFailure(page, 'register-overdue', async () => {
      await expectText(page, '交接单未签收：王芳：特殊群体变更');
      expect(await page.getByText('刘强：迁出').filter({ visible: true }).count()).toBe(0);
      await screenshot(page, 'register-overdue');
      await checkA11y(page);
    });
  });
});

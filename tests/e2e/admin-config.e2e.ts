import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { expectInvalidField, expectText as see, signInAs, tapButton as tap } from './support/ui';

/**
 * Issue 4 items 1 and 5, the street's configuration: the administrator edits the category tree (a new
 * sub-category reaches the resident's report form) and sets the street's deadlines with a reason.
 */
describe('street configuration: categories and deadlines', () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;
  const contexts: BrowserContext[] = [];
  let admin: Page;

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
  });

  const input = (page: Page, label: string) => page.locator(`input[aria-label="${label}"]`).filter({ visible: true }).first();

  async function signIn(name: string): Promise<Page> {
    const { context, page } = await newPhonePage(env.browser);
    contexts.push(context);
    await signInAs(page, base(), name);
    return page;
  }

  it('the administrator adds a sub-category and it appears in the resident’s report form', async () => {
    admin = await signIn('系统管理员');
    await tap(admin, '网格与人员管理');
    await see(admin, '事件分类管理');
    await tap(admin, '事件分类管理');
    await screenshotOnFailure(admin, 'config-categories', async () => {
      await input(admin, '在市容环境下新增小类').waitFor({ timeout: 15_000 });
      await checkA11y(admin);
      await input(admin, '在市容环境下新增小类').fill('共享单车乱停');
      await tap(admin, '添加到市容环境');
      await input(admin, '市容环境的小类：新小类').waitFor();
      await tap(admin, '保存分类');
      await see(admin, '已保存，上报页面已使用新的分类');
      await screenshot(admin, 'config-categories');
    });

    const resident = await signIn('徐大爷');
    await resident.goto(`${base()}/#/pages/grid/index?gridId=grid-a1`);
    await see(resident, 'A1 肥东路社区一号网格');
    await tap(resident, '上报问题');
    await see(resident, '是哪一类问题');
    await resident.getByRole('radio', { name: '市容环境' }).click();
    await resident.getByRole('radio', { name: '共享单车乱停' }).waitFor({ timeout: 15_000 });
  });

  it('the administrator sees the default deadlines with their sources and adds an adjustment with a reason', async () => {
    await admin.goto(`${base()}/#/packages/admin/sla/index`);
    await screenshotOnFailure(admin, 'config-sla', async () => {
      await see(admin, '网格员签收新事件：2 工作小时');
      await see(admin, '两小时内岗位责任人要报社区主要负责人');
      await checkA11y(admin);
      await admin.getByRole('radio', { name: '网格员签收新事件' }).click();
      await input(admin, '时限数量').fill('1');
      await tap(admin, '添加调整');
      // No reason: refused, the message under the field.
      await see(admin, '请写明调整依据');
      await expectInvalidField(admin, '调整依据');
      await input(admin, '调整依据').fill('街道考核要求一小时内签收');
      await tap(admin, '添加调整');
      await see(admin, '已添加调整');
      await see(admin, '网格员签收新事件：1 工作小时');
      await see(admin, '依据：街道考核要求一小时内签收');
      await screenshot(admin, 'config-sla');
      await checkA11y(admin);
    });
  });
});

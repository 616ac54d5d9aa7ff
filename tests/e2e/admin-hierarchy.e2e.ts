import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { measureElderScreen } from './support/elder';
import { expectInvalidField, expectText as see, signInAs, switchTextSize, tapButton as tap } from './support/ui';

/**
 * Issue 3 item 1: the street administrator creates and edits communities and adds buildings to a grid;
 * community staff manage their community's grids but cannot create a community.
 */
describe('hierarchy administration: communities and buildings', () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;
  const contexts: BrowserContext[] = [];
  let admin: Page;

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
  });

  // Taro H5 keeps earlier pages of the stack in the DOM (hidden): look only at what is on screen.
  const visible = (page: Page, text: string) => page.getByText(text, { exact: false }).filter({ visible: true }).first();
  const button = (page: Page, label: string) => page.locator('.nut-button', { hasText: label }).filter({ visible: true });
  const input = (page: Page, label: string) => page.locator(`input[aria-label="${label}"]`).filter({ visible: true }).first();

  async function signIn(name: string): Promise<Page> {
    const { context, page } = await newPhonePage(env.browser);
    contexts.push(context);
    await signInAs(page, base(), name);
    await tap(page, '网格与人员管理');
    await see(page, '管理A1网格');
    return page;
  }

  it('the administrator adds community D (测试路社区) and it appears in the list', async () => {
    admin = await signIn('系统管理员');
    await screenshotOnFailure(admin, 'hierarchy-home', async () => {
      await see(admin, '新增社区');
      await see(admin, '修改肥东路社区的信息');
      await checkA11y(admin);
    });
    await tap(admin, '新增社区');
    await screenshotOnFailure(admin, 'community-new', async () => {
      await input(admin, '社区名称').waitFor();
      await input(admin, '社区名称').fill('测试路社区');
      await input(admin, '社区字母').fill('D');
      await screenshot(admin, 'community-new');
      await checkA11y(admin);
      await tap(admin, '保存');
      // Back on the list, reloaded when it shows again.
      await see(admin, 'D 测试路社区');
      expect(await button(admin, '修改测试路社区的信息').count()).toBe(1);
      await screenshot(admin, 'hierarchy-home-with-d');
    });
  });

  it('a letter another community already uses is refused with the reason next to the field', async () => {
    await tap(admin, '新增社区');
    await screenshotOnFailure(admin, 'community-duplicate', async () => {
      await input(admin, '社区名称').waitFor();
      await input(admin, '社区名称').fill('重复字母社区');
      await input(admin, '社区字母').fill('A');
      await tap(admin, '保存');
      await see(admin, '已被本街道其他社区使用');
      await see(admin, '请按红字提示修改后再保存');
      await expectInvalidField(admin, '社区字母');
      await screenshot(admin, 'community-duplicate');
      await checkA11y(admin);
    });
    await admin.goto(`${base()}/#/packages/admin/index/index`);
    await see(admin, 'D 测试路社区');
    expect(await visible(admin, '重复字母社区').count()).toBe(0);
  });

  it('the administrator edits community D: the form opens with its values and saves', async () => {
    await tap(admin, '修改测试路社区的信息');
    await screenshotOnFailure(admin, 'community-edit', async () => {
      await input(admin, '社区名称').waitFor();
      expect(await input(admin, '社区名称').inputValue()).toBe('测试路社区');
      expect(await input(admin, '社区字母').inputValue()).toBe('D');
      await input(admin, '社区名称').fill('测试大道社区');
      await tap(admin, '保存');
      await admin.locator('.admin-saved').filter({ visible: true }).waitFor();
      await screenshot(admin, 'community-edit');
      await checkA11y(admin);
    });
    await admin.goto(`${base()}/#/packages/admin/index/index`);
    await see(admin, 'D 测试大道社区');
  });

  it('the administrator adds building 5栋 to grid A1 and it is listed', async () => {
    await admin.goto(`${base()}/#/packages/admin/grid/index?gridId=grid-a1`);
    await screenshotOnFailure(admin, 'grid-buildings', async () => {
      await see(admin, '楼栋与单元');
      await input(admin, '楼栋名称').waitFor();
      const list = admin.locator('[role="list"][aria-label="本网格的楼栋与单元"]').filter({ visible: true });
      const before = await list.locator('[role="listitem"]').count();
      await input(admin, '楼栋名称').fill('5栋');
      await tap(admin, '添加楼栋');
      await see(admin, '已添加 5栋');
      await list.locator('[role="listitem"]', { hasText: '5栋' }).first().waitFor();
      expect(await list.locator('[role="listitem"]').count()).toBe(before + 1);
      expect(await input(admin, '楼栋名称').inputValue()).toBe('');
      await screenshot(admin, 'grid-buildings');
      await checkA11y(admin);
    });
    // Stored, not only shown: a fresh load lists it too.
    await admin.reload();
    await admin.locator('[role="listitem"]', { hasText: '5栋' }).filter({ visible: true }).first().waitFor();
  });

  it('the administrator adds the department 城管科 with its responsible person, and it is listed for the assessment', async () => {
    await admin.goto(`${base()}/#/packages/admin/index/index`);
    await tap(admin, '职能部门管理');
    await screenshotOnFailure(admin, 'departments', async () => {
      await see(admin, '还没有职能部门。');
      // Saved without a name: refused under the field, nothing listed.
      await tap(admin, '保存');
      await expectInvalidField(admin, '部门名称');
      await input(admin, '部门名称').fill('城管科');
      await admin.locator('.admin-picker', { hasText: '选择负责人' }).filter({ visible: true }).click();
      // Taro's picker wheel opens on the first person; 确定 takes it.
      await admin.locator('.weui-picker__action').filter({ visible: true }).last().click();
      await see(admin, '（点此更换）');
      await tap(admin, '保存');
      await see(admin, '修改城管科');
      await see(admin, '负责人：');
      await screenshot(admin, 'departments');
      await checkA11y(admin);
    });
    await admin.reload();
    await see(admin, '修改城管科');
  });

  it('the departments page at 标准 and 特大字, at 375 px', async () => {
    const report: string[] = [];
    await screenshotOnFailure(admin, 'departments-elder', async () => {
      for (const size of ['standard', 'xlarge'] as const) {
        await admin.goto(`${base()}/#/packages/admin/index/index`);
        await tap(admin, '职能部门管理');
        await see(admin, '修改城管科');
        await switchTextSize(admin, size);
        await measureElderScreen(admin, 'admin-departments', size, report);
      }
      await switchTextSize(admin, 'standard');
    });
    console.log(`departments at 375 px:\n${report.join('\n')}`);
  });

  it('community A staff (刘建国) has no 新增社区 button and no community edit entry', async () => {
    const staff = await signIn('刘建国');
    await screenshotOnFailure(staff, 'hierarchy-home-staff', async () => {
      await see(staff, '新增网格');
      expect(await button(staff, '新增社区').count()).toBe(0);
      expect(await button(staff, '修改肥东路社区的信息').count()).toBe(0);
      await screenshot(staff, 'hierarchy-home-staff');
      await checkA11y(staff);
    });
  });
});

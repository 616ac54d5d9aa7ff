import { callAs } from './support/api';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { expectText as see, signInAs, tapButton as tap } from './support/ui';

/**
 * Issue 10 item 8 on a screen: the street administrator reads the trail of personal-data writes (who,
 * when, which fields — never the number itself) and takes it as Excel.
 */
describe('个人信息操作记录', () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;

  it('the administrator sees who added a person and which fields, and downloads the trail', async () => {
    const saved = await callAs(base(), 'user-admin', 'org', 'savePerson', { requestId: 'e2e-audit-person-01', name: '王小明', phone: '13812345678', duties: '楼栋长' });
    expect(saved.ok).toBe(true);

    const { context, page } = await newPhonePage(env.browser);
    await signInAs(page, base(), '系统管理员');
    await tap(page, '网格与人员管理');
    await screenshotOnFailure(page, 'audit-log', async () => {
      await tap(page, '个人信息操作记录');
      await see(page, '修改人员信息：王小明');
      await see(page, '职责、姓名、电话');
      // The trail names the field, never the number.
      expect(await page.locator('body').innerText()).not.toContain('13812345678');
      await checkA11y(page);
      await screenshot(page, 'audit-log');
      await tap(page, '导出全部记录（Excel）');
      const link = page.locator('[data-testid="export-link"]').filter({ visible: true });
      await link.waitFor({ timeout: 30_000 });
      const xlsx = await context.request.get(await link.evaluate((a) => (a as HTMLAnchorElement).href));
      expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    });
    await context.close();
  });
});

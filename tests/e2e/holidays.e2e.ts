import type { BrowserContext, Page } from 'playwright-core';
import { NOTICE_2026 } from '../../src/domain/calendar/fixtures/notice-2026';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { expectText as see, setClock, signInAs, tapButton as tap } from './support/ui';

/**
 * Issue 12 item 1: from 1 November the workbench and the admin page warn while next year is unconfirmed;
 * the administrator pastes the State Council notice, checks the dates and confirms. The day is set on the
 * cloud's clock (the pages follow it), so the test means the same whatever day it runs.
 */
describe('放假安排: warned from 1 November, confirmed from the pasted notice', () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
  });

  async function signIn(name: string): Promise<Page> {
    const { context, page } = await newPhonePage(env.browser);
    contexts.push(context);
    await signInAs(page, base(), name);
    return page;
  }

  it('the officer’s workbench warns on 30 November that 2027 is unconfirmed', async () => {
    await setClock(base(), '2026-11-30T10:00:00+08:00');
    const officer = await signIn('张丽');
    await officer.goto(`${base()}/#/packages/staff/index/index`);
    await screenshotOnFailure(officer, 'holidays-workbench', async () => {
      await see(officer, '2027年放假安排尚未确认');
      await screenshot(officer, 'holidays-workbench');
      await checkA11y(officer);
    });
  });

  it('the administrator pastes the 2026 notice, checks the dates per festival and confirms them', async () => {
    await setClock(base(), '2026-11-30T10:00:00+08:00');
    const admin = await signIn('系统管理员');
    await admin.goto(`${base()}/#/packages/admin/sla/index`);
    await screenshotOnFailure(admin, 'holidays-admin', async () => {
      await see(admin, '2027年放假安排尚未确认');
      await see(admin, '未确认：仅按法定节假日计算');
      await checkA11y(admin);
      await admin.locator('textarea[aria-label="通知全文"]').filter({ visible: true }).first().fill(NOTICE_2026);
      await tap(admin, '读取日期');
      await see(admin, '2026年，请核对');
      await see(admin, '放假：2月15日、2月16日、2月17日、2月18日、2月19日、2月20日、2月21日、2月22日、2月23日');
      await see(admin, '调休上班：2月14日、2月28日');
      await screenshot(admin, 'holidays-admin-check');
      await checkA11y(admin);
      await tap(admin, '确认保存2026年放假安排');
      await see(admin, '已确认（本街道录入）');
      await screenshot(admin, 'holidays-admin-saved');
      await checkA11y(admin);
    });
  });
});

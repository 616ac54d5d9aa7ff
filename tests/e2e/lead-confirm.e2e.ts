import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { expectText as see, signInAs, tapButton } from './support/ui';
import { caseCaller, uploadedPhoto } from '../support/case-builders';

/**
 * PRODUCT.md §8: a volunteer's 治安线索 earns 5 points once staff confirm it is true. 黄志明 reports a lead
 * in grid A1; before 核查 the case page says it cannot be confirmed yet; the officer resolves it and the grid
 * chief verifies it; community A staff 刘建国 confirms it on the case page, 黄志明 finds the 5 points in 我的积分.
 */
describe('a volunteer’s lead, confirmed by community staff', () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    for (const c of contexts) await c.close();
  });


  async function phoneOf(name: string): Promise<Page> {
    const { context, page } = await newPhonePage(env.browser);
    contexts.push(context);
    await signInAs(page, base(), name);
    return page;
  }

  /** The officer signs for the case and resolves it; the grid chief's 核查 finds it true (through the case function). */
  async function verifiedThroughTheWorkflow(caseId: string) {
    const act = async (userId: string, command: unknown) => {
      const call = await caseCaller(base(), userId);
      const { data } = await call('detail', { caseId });
      const answer = await call('act', { caseId, expectedVersion: data.version, command });
      if (!answer.ok) throw new Error(JSON.stringify(answer));
    };
    await act('user-officer-a1', { type: 'accept' });
    await act('user-officer-a1', { type: 'resolve', note: '已移交派出所查处', photos: [await uploadedPhoto(await caseCaller(base(), 'user-officer-a1'))] });
    await act('user-chief-a', { type: 'verify', passed: true });
  }

  it('黄志明 reports a 治安线索 → 刘建国 confirms it → 黄志明 has 5 points', async () => {
    const description = '楼下有人冒充客服让老人转账，疑似电信诈骗';
    const volunteer = await phoneOf('黄志明');
    const caseId = await screenshotOnFailure(volunteer, 'lead-report', async () => {
      await volunteer.goto(`${base()}/#/pages/report/index?gridId=grid-a1`);
      await see(volunteer, '是哪一类问题');
      await see(volunteer, 'A1 肥东路社区一号网格');
      await volunteer.getByRole('radio', { name: '治安线索' }).click();
      await volunteer.locator('textarea[aria-label="问题描述"]').fill(description);
      // No GPS: the address in words is enough.
      await volunteer.locator('input[aria-label^="详细地点"]').fill('肥东路12号3栋楼下');
      await checkA11y(volunteer);
      await tapButton(volunteer, '提交上报');
      await volunteer.locator('[data-testid="report-sent"]').waitFor();
      await checkA11y(volunteer);
      await tapButton(volunteer, '查看办理进度');
      await volunteer.waitForURL(/caseId=/);
      await see(volunteer, '办理经过');
      return decodeURIComponent(/caseId=([^&]+)/.exec(volunteer.url())?.[1] ?? '');
    });
    expect(caseId).not.toBe('');

    const staff = await phoneOf('刘建国');
    const caseUrl = `${base()}/#/packages/staff/case/index?caseId=${encodeURIComponent(caseId)}`;
    await screenshotOnFailure(staff, 'lead-confirm', async () => {
      await staff.goto(caseUrl);
      await see(staff, '办理经过');
      await see(staff, '线索核实');
      await see(staff, '黄志明');
      // 001 L873 经确认属实后: the server's lead rule says why not yet.
      await see(staff, '事件核查属实后才能确认线索');
      await checkA11y(staff);
      await verifiedThroughTheWorkflow(caseId);
      await staff.reload();
      await see(staff, '线索核实');
      await staff.locator('textarea[aria-label="核实说明（可不填）"]').fill('经派出所核实属实');
      await tapButton(staff, '确认线索属实，给举报人记 5 分');
      await see(staff, '已确认属实并记分');
      await screenshot(staff, 'lead-confirmed');
      await checkA11y(staff);

      // Opened again: the page knows it was awarded, and offers no second award.
      await staff.reload();
      await see(staff, '线索核实');
      await see(staff, '此前已记过，不重复记分');
      expect(await staff.locator('text=确认线索属实，给举报人记 5 分 >> visible=true').count()).toBe(0);
      await checkA11y(staff);
    });

    await screenshotOnFailure(volunteer, 'lead-points', async () => {
      await volunteer.goto(`${base()}/#/packages/volunteer/points/index`);
      await see(volunteer, '积分明细');
      await see(volunteer, '+5 分');
      await see(volunteer, '上报涉黑涉恶');
      expect(await volunteer.locator('text=+5 分 >> visible=true').count()).toBe(1);
      await screenshot(volunteer, 'lead-points');
      await checkA11y(volunteer);
    });
    // Drives the case through 核查 as well: three phones' worth of steps on a shared 2-core machine.
  }, 180_000);
});

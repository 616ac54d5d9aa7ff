import type { Page } from 'playwright-core';
import { newPhonePage, screenshot, screenshotOnFailure, settle } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { expectText as see, setClock, signInAs, tapButton } from './support/ui';

/**
 * A community meeting with sign-in (issue 14 item 5): the community schedules Friday's 调度会 on
 * Thursday, one officer asks leave and gets it, the other signs in with the code shown in the room,
 * a wrong code is refused, and after it the chief sees both as attended (approved leave excused).
 */
describe('a meeting from scheduling to sign-in and compliance', () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;

  async function openMyMeeting(page: Page, title: RegExp): Promise<void> {
    await page.goto(`${base()}/#/packages/staff/index/index`);
    await tapButton(page, '我的会议');
    await tapButton(page, title);
    await see(page, '我的签到');
  }

  it('schedules, approves leave, signs in by code, and counts attendance in the week', async () => {
    await setClock(base(), { set: '2026-12-03T16:00:00+08:00', freeze: true });

    const staff = await newPhonePage(env.browser);
    let code = '';
    await screenshotOnFailure(staff.page, 'meeting-staff', async () => {
      await signInAs(staff.page, base(), '刘建国');
      await staff.page.goto(`${base()}/#/packages/staff/index/index`);
      await tapButton(staff.page, '安排会议、查看到会');
      await tapButton(staff.page, '安排新会议');
      await see(staff.page, '会议类型');
      await staff.page.locator('input[aria-label="会议地点"]').fill('社区二楼会议室');
      await screenshot(staff.page, 'meeting-schedule');
      await tapButton(staff.page, /^安排会议并通知/);
      await see(staff.page, '签到码（请在会场出示）');
      await see(staff.page, '到会情况（应到');
      code = ((await staff.page.locator('.mt-code').filter({ visible: true }).first().textContent()) ?? '').replace(/\D/g, '');
      expect(code).toMatch(/^\d{6}$/);
      await screenshot(staff.page, 'meeting-organiser');
    });

    // 李强 cannot come and asks leave.
    const li = await newPhonePage(env.browser);
    await screenshotOnFailure(li.page, 'meeting-leave', async () => {
      await signInAs(li.page, base(), '李强');
      await openMyMeeting(li.page, /调度会/);
      await tapButton(li.page, '不能参加，请假');
      await li.page.locator('textarea[aria-label="请假理由"]').fill('陪同独居老人就医');
      await tapButton(li.page, '提交请假');
      await see(li.page, '请假待批');
    });

    // The organiser approves it.
    await screenshotOnFailure(staff.page, 'meeting-approve', async () => {
      await staff.page.reload();
      await tapButton(staff.page, '准假：李强');
      await see(staff.page, '已准假 1');
    });

    // Friday 08:45, in the room: 张丽 types a wrong code, then the right one.
    await setClock(base(), { set: '2026-12-04T08:45:00+08:00' });
    const zhang = await newPhonePage(env.browser);
    await screenshotOnFailure(zhang.page, 'meeting-sign-in', async () => {
      await signInAs(zhang.page, base(), '张丽');
      await openMyMeeting(zhang.page, /调度会/);
      const wrong = code === '000000' ? '111111' : '000000';
      await zhang.page.locator('input[aria-label="签到码"]').fill(wrong);
      await tapButton(zhang.page, '输入签到码签到');
      await see(zhang.page, '签到码不正确');
      await zhang.page.locator('input[aria-label="签到码"]').fill(code);
      // A quick double tap, as an elderly thumb does: one sign-in, and no error for the second tap.
      await zhang.page.locator('.nut-button', { hasText: '输入签到码签到' }).filter({ visible: true }).first().dblclick();
      await see(zhang.page, '已签到');
      await settle(zhang.page);
      expect(await zhang.page.locator('[role="alert"]').filter({ visible: true }).allTextContents()).toEqual([]);
      await screenshot(zhang.page, 'meeting-signed-in');
    });

    // After the meeting the chief sees this week: 张丽 attended; 李强's approved leave excuses him (the
    // street rule meetings_leave_excused), so nothing is required of him; the chief, invited too, missed it.
    await setClock(base(), { set: '2026-12-04T11:00:00+08:00' });
    const chief = await newPhonePage(env.browser);
    await screenshotOnFailure(chief.page, 'meeting-compliance', async () => {
      await signInAs(chief.page, base(), '王秀兰');
      await chief.page.goto(`${base()}/#/packages/worker/compliance/index`);
      await see(chief.page, '考勤规则与依据');
      const cell = (name: string) => chief.page.locator('.wl-row', { hasText: name }).locator('.wl-row__meta', { hasText: '参加会议' }).first();
      await cell('张丽').getByText(/参加会议：1 \/ 1/).waitFor();
      expect(await cell('张丽').textContent()).toMatch(/^达标/);
      await cell('李强').getByText(/参加会议：0 \/ 0/).waitFor();
      expect(await cell('王秀兰').textContent()).toMatch(/^未达标参加会议：0 \/ 1/);
      await screenshot(chief.page, 'meeting-compliance');
    });
    for (const p of [staff, li, zhang, chief]) await p.context.close();
  }, 240_000);
});

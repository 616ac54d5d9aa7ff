/**
 * H5 smoke check before the local cloud exists: serves dist/h5 (build it first with
 * `TARO_APP_LOCAL=true npx taro build --type h5`) behind a stub gateway that answers like the real one,
 * walks home → dev-login → home → font size in Chromium, screenshots each step and runs axe.
 * Run: npx tsx tests/e2e/h5-smoke.ts   (not a jest suite; the integration lead wires the real E2E).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { checkA11y, launchChromium, newPhonePage, screenshot, screenshotOnFailure } from './support/browser';
import { startStaticServer, type RouteHandler } from './support/static-server';

const USERS = [
  { userId: 'u-resident', name: '王阿姨', roleLabels: ['居民'] },
  { userId: 'u-officer', name: '李网格', roleLabels: ['网格员', '志愿者'] },
];

function stubGateway(): RouteHandler {
  let version = 1;
  let fontScale = 'standard';
  return (req, body) => {
    const signedIn = /gl_session=u-officer/.test(req.headers.cookie ?? '');
    if (req.method === 'GET' && req.url === '/internal/users') return { status: 200, json: USERS };
    if (req.method === 'POST' && req.url === '/internal/login') {
      return { status: 204, json: null, headers: { 'set-cookie': `gl_session=${JSON.parse(body).userId}; Path=/; HttpOnly` } };
    }
    if (req.method === 'POST' && req.url === '/api/fn/user') {
      if (!signedIn) return { status: 401, json: { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } } };
      const { action, data } = JSON.parse(body) as { action: string; data: { fontScale?: string } };
      if (action === 'me') {
        const roles = [
          { role: 'grid_officer', streetId: 's1', communityId: 'c1', gridIds: ['g1'] },
          { role: 'volunteer', streetId: 's1' },
        ];
        return { status: 200, json: { ok: true, data: { userId: 'u-officer', name: '李网格', roles, prefs: { fontScale }, registered: true } } };
      }
      if (action === 'updatePrefs') {
        fontScale = data.fontScale ?? fontScale;
        version += 1;
        return { status: 200, json: { ok: true, data: { fontScale, version } } };
      }
    }
    return undefined;
  };
}

async function expectText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout: 10_000 });
}

/** NutUI's inner label does not take pointer events; tap the button element itself. */
async function tapButton(page: Page, label: string): Promise<void> {
  await page.locator('.nut-button', { hasText: label }).first().click();
}

/** Body text and buttons as the elderly-user rule asks: ≥ 17px text, ≥ 48px tall buttons. */
async function expectLargeTargets(page: Page): Promise<void> {
  const sizes = await page.evaluate(() => {
    const text = document.querySelector('.section__text, .section__error');
    const buttons = Array.from(document.querySelectorAll('.nut-button')).map((b) => b.getBoundingClientRect().height);
    return { font: text ? parseFloat(getComputedStyle(text).fontSize) : 0, minButton: Math.min(...buttons) };
  });
  if (sizes.font < 17 || sizes.minButton < 48) throw new Error(`too small: ${JSON.stringify(sizes)}`);
  console.log(`sizes ok: text ${sizes.font}px, smallest button ${sizes.minButton}px`);
}

async function main(): Promise<void> {
  const { url, server } = await startStaticServer(path.resolve('dist/h5'), stubGateway());
  const browser = await launchChromium();
  const { context, page } = await newPhonePage(browser);
  try {
    await page.goto(`${url}/#/pages/index/index`);
    await screenshotOnFailure(page, 'home-signed-out', async () => {
      await expectText(page, '还没有登录');
      await screenshot(page, 'home-signed-out');
      await checkA11y(page);
      await expectLargeTargets(page);
    });

    await tapButton(page, '切换测试用户');
    await screenshotOnFailure(page, 'dev-login', async () => {
      await expectText(page, '李网格（网格员、志愿者）');
      await screenshot(page, 'dev-login');
      await checkA11y(page);
    });

    await tapButton(page, '李网格（网格员、志愿者）');
    await screenshotOnFailure(page, 'home-signed-in', async () => {
      await expectText(page, '您好，李网格');
      await expectText(page, '身份：网格员、志愿者');
      await screenshot(page, 'home-signed-in');
      await checkA11y(page);
    });

    await tapButton(page, '特大字');
    await screenshotOnFailure(page, 'home-xlarge', async () => {
      await expectText(page, '已保存：特大字（第 2 版）');
      await screenshot(page, 'home-xlarge');
      await checkA11y(page);
    });

    await tapButton(page, '网格工作台');
    await screenshotOnFailure(page, 'staff-subpackage', async () => {
      await expectText(page, '网格员、网格长的待办');
      await screenshot(page, 'staff-subpackage');
      await checkA11y(page);
    });
    console.log('H5 smoke: all steps passed');
  } finally {
    await context.close();
    await browser.close();
    server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

import type { BrowserContext, Page } from 'playwright-core';
import { newPhonePage } from './support/browser';
import { useE2eCloud } from './support/e2e-cloud';
import { signInAs } from './support/ui';
import { developerTextIn } from '../../src/domain/developer-text';
import { appPagesOf, readAppConfig } from '../../scripts/app-config.cjs';

/**
 * Issue 8 item 4: every page of the app rendered against the demo street and its visible text scanned
 * for developer text. Main pages are also scanned at both text sizes in elder-mode.e2e.ts; errors that
 * actions return are covered by the contract fuzz test (Chinese messages, no field paths).
 */
describe('plain words on every page', () => {
  const env = useE2eCloud();
  const base = () => env.cloud.baseUrl;
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });
  /** The text of the route's own page element: the page left behind may still be on screen while this one mounts. */
  const shownPage = (route: string) => `.taro_page.taro_page_show[id^="/${route}?"], .taro_page.taro_page_show[id="/${route}"]`;
  const visibleText = (page: Page, route: string) => page.locator(shownPage(route)).first().innerText();

  it('no page of the app shows developer text (Latin identifiers, field paths, L-references, spec names), opened as the street administrator', async () => {
    // Issue 8 item 4. The app's own page list, as the production build reads it; debug pages of local builds are left out.
    const routes = appPagesOf(readAppConfig());
    const QUERY: Record<string, string> = {
      'pages/grid/index': 'gridId=grid-a1',
      'packages/staff/queue/index': 'kind=inbox',
      'packages/admin/grid/index': 'gridId=grid-a1',
      'packages/admin/members/index': 'gridId=grid-a1',
      'packages/admin/grid-edit/index': 'gridId=grid-a1&communityId=community-a',
      'packages/admin/community-edit/index': 'communityId=community-a',
    };
    // The SLA table and the points rules are the administrator's detail views of the rules, where their sources belong (issue 8 item 4).
    const RULE_SOURCES_SHOWN = new Set(['packages/admin/sla/index', 'packages/volunteer/manage/rules/index']);
    const { context, page } = await newPhonePage(env.browser);
    contexts.push(context);
    await signInAs(page, base(), '系统管理员');
    const found: string[] = [];
    for (const route of routes.filter((r) => !RULE_SOURCES_SHOWN.has(r))) {
      await page.goto(`${base()}/#/${route}${QUERY[route] ? `?${QUERY[route]}` : ''}`);
      // This route's page is shown (not the one before it), and has answered once it no longer says it is loading.
      await page.locator(shownPage(route)).first().waitFor({ timeout: 15_000 });
      await page.waitForFunction((sel) => !(document.querySelector(sel) as HTMLElement | null)?.innerText.includes('正在加载'), shownPage(route), { timeout: 10_000 }).catch(() => undefined);
      for (const bad of developerTextIn(await visibleText(page, route))) found.push(`${route}: ${bad}`);
    }
    console.log(`developer-text scan: ${routes.length - RULE_SOURCES_SHOWN.size} pages, ${found.length} findings${found.length ? `:\n${found.join('\n')}` : ''}`);
    expect(found).toEqual([]);
  }, 240_000);

});

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Debian's Chromium (apt-get install chromium fonts-noto-cjk); without the fonts Chinese renders as boxes. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** A phone-sized viewport: the app is designed at 375 wide. */
export const PHONE_VIEWPORT = { width: 375, height: 812 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The local cloud whose clock browser pages follow (set by useE2eCloud), and the contexts pinned to it. */
let clockSource: string | undefined;
const pinnedContexts = new Set<BrowserContext>();

export function pinBrowserClocksTo(baseUrl: string | undefined): void {
  clockSource = baseUrl;
  pinnedContexts.clear();
}

/** The local cloud's "now" (its test clock), in epoch ms. */
export async function cloudNowMs(baseUrl: string): Promise<number> {
  const res = await fetch(`${baseUrl}/internal/clock`);
  if (res.status !== 200) throw new Error(`reading the local cloud's clock: HTTP ${res.status}`);
  return Date.parse(((await res.json()) as { now: string }).now);
}

/**
 * Moves every open page's clock to the cloud's (Playwright's clock API: Date and timers follow, time keeps
 * running). Called after each change to the cloud's clock, so a page never computes "this month" from a
 * different day than the functions that dated its data.
 */
export async function syncBrowserClocks(): Promise<void> {
  if (!clockSource) return;
  const now = await cloudNowMs(clockSource);
  await Promise.all([...pinnedContexts].map((c) => c.clock.setSystemTime(now).catch(() => pinnedContexts.delete(c))));
}

/** AxeBuilder needs a page from a context, not `browser.newPage()`. The page's clock starts at the cloud's. */
export async function newPhonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'zh-CN', deviceScaleFactor: 2 });
  if (clockSource) {
    await context.clock.install({ time: await cloudNowMs(clockSource) });
    pinnedContexts.add(context);
    context.on('close', () => pinnedContexts.delete(context));
  }
  const page = await context.newPage();
  return { context, page };
}

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Waits until no toast is on screen. A toast fades out over 100 ms after its 1.5 s; axe caught one
 * mid-fade at 3.2:1 on a busy machine (issue 12): the check is of the page, so it runs after they go.
 */
export async function toastsGone(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    () => Array.from(document.querySelectorAll('.taro__toast, .nut-toast')).every((el) => !(el as HTMLElement).checkVisibility({ opacityProperty: true })),
    undefined,
    { timeout },
  );
}

/** Fails with one readable line per serious/critical axe violation (rule, impact, first nodes); runs once toasts have gone. */
export async function checkA11y(page: Page): Promise<void> {
  await toastsGone(page);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''));
  if (blocking.length === 0) return;
  const lines = blocking.map((v) => {
    const nodes = v.nodes
      .slice(0, 3)
      .map((n) => `      ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ') ?? ''}`)
      .join('\n');
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n${nodes}`;
  });
  throw new Error(`Accessibility violations on ${page.url()}:\n${lines.join('\n')}`);
}

export const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots');

/** Waits for Taro's page-slide transitions to finish, so a screenshot shows the page, not half of it. */
export async function settle(page: Page): Promise<void> {
  // The slide may start a frame after the new page's text appears; give it a moment to begin.
  await page.waitForTimeout(350);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await settle(page).catch(() => undefined);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Runs `body`; on failure saves a full-page screenshot named after the step and rethrows. */
export async function screenshotOnFailure<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    const file = await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    if (file && e instanceof Error) e.message += `\n(screenshot: ${file})`;
    throw e;
  }
}

import type { Page } from 'playwright-core';
import { cloudNowMs, syncBrowserClocks } from './browser';

// Taro's H5 router keeps earlier pages of the stack in the DOM, hidden: every helper here looks only at
// what is on screen.

export async function expectText(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.getByText(text, { exact: false }).filter({ visible: true }).first().waitFor({ timeout });
}

/** Waits until the field named `label` is marked invalid. Taro's Input hands nativeProps to its inner
 *  input a render after the error text appears, so reading the attribute once races the message. */
export async function expectInvalidField(page: Page, label: string, timeout = 15_000): Promise<void> {
  await page.locator(`input[aria-label="${label}"][aria-invalid="true"]`).filter({ visible: true }).first().waitFor({ timeout });
}

export const TEXT_SIZE_LABEL = { standard: '标准', xlarge: '特大字' } as const;

/** Taps the shell's 字号 button until it shows `size`, as a user would. */
export async function switchTextSize(page: Page, size: keyof typeof TEXT_SIZE_LABEL): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    const button = page.getByRole('button', { name: /^字号：/ }).filter({ visible: true }).first();
    if (((await button.textContent()) ?? '').includes(TEXT_SIZE_LABEL[size])) return;
    await button.click();
  }
  await expectText(page, `字号：${TEXT_SIZE_LABEL[size]}`);
}

/** NutUI's inner label does not take pointer events; tap the button element itself. */
export async function tapButton(page: Page, label: string | RegExp): Promise<void> {
  await page.locator('.nut-button', { hasText: label }).filter({ visible: true }).first().click();
}

/** Signs this page's context in as a seeded person through the dev-login page, as a tester would. */
export async function signInAs(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/dev-login/index`);
  await page.locator('.nut-button', { hasText: name }).first().click();
  await expectText(page, `您好，${name}`);
}

/**
 * Changes the local cloud's clock (a test control; absent outside dev/test mode) — `set` an ISO instant, or
 * a command such as `{ advanceMs }` / `{ set, freeze: true }` — and moves the pinned browser pages with it.
 */
export async function setClock(baseUrl: string, set: string | Record<string, unknown>): Promise<void> {
  const body = typeof set === 'string' ? { set } : set;
  const res = await fetch(`${baseUrl}/internal/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`setting the clock to ${JSON.stringify(body)}: HTTP ${res.status}`);
  await syncBrowserClocks();
}

/** "Today" as the cloud sees it, China time (`YYYY-MM-DD`), `plusDays` later. */
export async function cloudChinaDay(baseUrl: string, plusDays = 0): Promise<string> {
  return new Date((await cloudNowMs(baseUrl)) + 8 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

export { cloudNowMs };

/** The elderly-user rule: body text ≥ 17px, buttons ≥ 48px tall. */
export async function largeTargetSizes(page: Page): Promise<{ font: number; minButton: number }> {
  return page.evaluate(() => {
    const text = document.querySelector('.section__text, .section__error');
    const buttons = Array.from(document.querySelectorAll('.nut-button')).map((b) => b.getBoundingClientRect().height);
    return { font: text ? parseFloat(getComputedStyle(text).fontSize) : 0, minButton: Math.min(...buttons) };
  });
}

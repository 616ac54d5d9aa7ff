import type { Page } from 'playwright-core';

// Taro's H5 router keeps earlier pages of the stack in the DOM, hidden: every helper here looks only at
// what is on screen.

export async function expectText(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.getByText(text, { exact: false }).filter({ visible: true }).first().waitFor({ timeout });
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

/** Sets the local cloud's clock (a test control; absent outside dev/test mode). */
export async function setClock(baseUrl: string, set: string): Promise<void> {
  const res = await fetch(`${baseUrl}/internal/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ set }) });
  if (res.status !== 200) throw new Error(`setting the clock to ${set}: HTTP ${res.status}`);
}

/** The elderly-user rule: body text ≥ 17px, buttons ≥ 48px tall. */
export async function largeTargetSizes(page: Page): Promise<{ font: number; minButton: number }> {
  return page.evaluate(() => {
    const text = document.querySelector('.section__text, .section__error');
    const buttons = Array.from(document.querySelectorAll('.nut-button')).map((b) => b.getBoundingClientRect().height);
    return { font: text ? parseFloat(getComputedStyle(text).fontSize) : 0, minButton: Math.min(...buttons) };
  });
}

import type { Page } from 'playwright-core';

export async function expectText(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout });
}

/** NutUI's inner label does not take pointer events; tap the button element itself. */
export async function tapButton(page: Page, label: string): Promise<void> {
  await page.locator('.nut-button', { hasText: label }).first().click();
}

/** The elderly-user rule: body text ≥ 17px, buttons ≥ 48px tall. */
export async function largeTargetSizes(page: Page): Promise<{ font: number; minButton: number }> {
  return page.evaluate(() => {
    const text = document.querySelector('.section__text, .section__error');
    const buttons = Array.from(document.querySelectorAll('.nut-button')).map((b) => b.getBoundingClientRect().height);
    return { font: text ? parseFloat(getComputedStyle(text).fontSize) : 0, minButton: Math.min(...buttons) };
  });
}

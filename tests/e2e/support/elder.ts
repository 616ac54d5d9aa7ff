import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { developerTextIn } from '../../../src/domain/developer-text';
import { PHONE_VIEWPORT, checkA11y, screenshot, settle } from './browser';
import { ELDER_LIMITS, describeMeasure, measureScreen } from './measure';
import { TEXT_SIZE_LABEL } from './ui';

export type TextSize = keyof typeof ELDER_LIMITS;

/** What is on screen, as read (Taro keeps earlier pages in the DOM, hidden; innerText skips them). */
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

/**
 * Issue 8 item 6 on one screen at 375 px: the smallest visible text, the typed text and the smallest tap
 * target held to the size's limits, nothing wider than the phone, axe, and no developer text; the figures
 * go to `report` (printed by the caller) and a screenshot named `name-size`. With DOC_SHOTS=1 the screenshot
 * also goes to docs/img for the guides.
 */
export async function measureElderScreen(page: Page, name: string, size: TextSize, report: string[]): Promise<void> {
  await settle(page).catch(() => undefined);
  const m = await measureScreen(page);
  report.push(describeMeasure(`${name} ${TEXT_SIZE_LABEL[size]}`, m));
  const shot = await screenshot(page, `${name}-${size}`);
  if (process.env.DOC_SHOTS === '1') {
    mkdirSync(resolve('docs/img'), { recursive: true });
    copyFileSync(shot, resolve('docs/img', `${name}-${size}.png`));
  }
  expect({ name, text: m.smallestText.px >= ELDER_LIMITS[size].text, typed: m.typedText.every((px) => px >= ELDER_LIMITS[size].text), target: m.smallestTarget.px >= ELDER_LIMITS[size].target - 0.5, width: m.pageWidth <= PHONE_VIEWPORT.width }).toEqual({
    name,
    text: true,
    typed: true,
    target: true,
    width: true,
  });
  await checkA11y(page);
  expect({ name, developerText: developerTextIn(await visibleText(page)) }).toEqual({ name, developerText: [] });
}

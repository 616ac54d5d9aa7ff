import type { Page } from 'playwright-core';

/** What issue 8 item 6 measures on one screen at 375 px: the smallest text, typed text and tap target. */
export interface ScreenMeasure {
  smallestText: { px: number; text: string };
  /** Font size of every visible input and textarea (what a user types in). */
  typedText: number[];
  smallestTarget: { px: number; label: string };
  /** Wider than the viewport means sideways scrolling: text that does not fit. */
  pageWidth: number;
}

/** Measures only what is on screen (Taro's H5 router keeps earlier pages in the DOM, hidden). */
export async function measureScreen(page: Page): Promise<ScreenMeasure> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && (el as HTMLElement).checkVisibility({ opacityProperty: true, visibilityProperty: true });
    };
    let smallestText = { px: Infinity, text: '' };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!own || !visible(el)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < smallestText.px) smallestText = { px, text: own.slice(0, 20) };
    }
    const typedText = Array.from(document.querySelectorAll('input:not([type=file]), textarea'))
      .filter(visible)
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    const TARGETS = '[role=button],[role=radio],[role=link],[role=switch],[role=checkbox],a[href],button,input:not([type=file]),textarea,.nut-button';
    let smallestTarget = { px: Infinity, label: '' };
    for (const el of Array.from(document.querySelectorAll(TARGETS))) {
      // A control inside another (the label span of a button, the input inside its box) shares its target.
      if (!visible(el) || el.parentElement?.closest(TARGETS)) continue;
      const px = el.getBoundingClientRect().height;
      if (px < smallestTarget.px) smallestTarget = { px, label: (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim().slice(0, 20) };
    }
    return { smallestText, typedText, smallestTarget, pageWidth: document.documentElement.scrollWidth };
  });
}

/** Issue 8 item 6: at 标准 text ≥ 16 px and targets ≥ 44 px; at 特大字 text ≥ 22 px and targets ≥ 60 px. */
export const ELDER_LIMITS = { standard: { text: 16, target: 44 }, xlarge: { text: 22, target: 60 } } as const;

/** One line per screen for the test log: the numbers the issue asks to be measured. */
export function describeMeasure(name: string, m: ScreenMeasure): string {
  const typed = m.typedText.length ? ` typed ${Math.min(...m.typedText)}px` : '';
  return `${name}: text ≥ ${m.smallestText.px}px («${m.smallestText.text}»)${typed}, targets ≥ ${Math.round(m.smallestTarget.px)}px («${m.smallestTarget.label}»), width ${m.pageWidth}px`;
}

/** WCAG contrast of an element's text against the background it sits on (first opaque ancestor). */
export async function textContrast(page: Page, selector: string): Promise<number> {
  return page.locator(selector).filter({ visible: true }).first().evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    let bg: Element | null = el;
    while (bg && (rgb(getComputedStyle(bg).backgroundColor)[3] ?? 1) === 0) bg = bg.parentElement;
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(bg ? getComputedStyle(bg).backgroundColor : 'rgb(255,255,255)'))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

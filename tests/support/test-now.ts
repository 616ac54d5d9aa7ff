/**
 * "Today" for the whole suite: GRIDLINK_TEST_NOW (an ISO instant with offset, e.g.
 * `2026-12-31T23:50:00+08:00`) starts the local cloud's clock there — in the integration harness, the E2E
 * cloud and the browser's clock (pinned to the cloud's) — so the suite proves it passes on month ends, New
 * Year's Eve, a 调休 Saturday or 春节 eve, not only on the day it was written. Unset: real time.
 * Any test that needs "now" reads it from here (or from the cloud's clock), never from `new Date()` alone.
 */
export const TEST_NOW_ENV = 'GRIDLINK_TEST_NOW';

/** The dates CI and `scripts/test-all.mjs --dates` run the suite at (issue 12 item 4), with why each is hard. */
export const HARD_DATES: Record<string, string> = {
  '2026-11-30T17:50:00+08:00': 'last working minutes of a month: "tomorrow" is next month',
  '2026-12-31T23:50:00+08:00': 'New Year\'s Eve: tomorrow is 元旦 of a year the bundled holiday table does not know',
  '2026-02-28T10:00:00+08:00': '调休 Saturday (春节 2026 make-up working day)',
  '2026-02-16T20:00:00+08:00': '春节 eve (除夕 2026), a statutory holiday in the middle of a nine-day break',
};

/** Epoch ms of GRIDLINK_TEST_NOW, or undefined when unset. A malformed value fails loudly, naming the variable. */
export function testNowMs(): number | undefined {
  const raw = process.env[TEST_NOW_ENV]?.trim();
  if (!raw) return undefined;
  const ms = /T.*(Z|[+-]\d\d:\d\d)$/.test(raw) ? Date.parse(raw) : NaN;
  if (!Number.isFinite(ms)) throw new Error(`${TEST_NOW_ENV}="${raw}" is not an ISO instant with offset, e.g. 2026-12-31T23:50:00+08:00`);
  return ms;
}

/** The suite's "now" at start: GRIDLINK_TEST_NOW or the real time. */
export function suiteStart(): Date {
  return new Date(testNowMs() ?? Date.now());
}

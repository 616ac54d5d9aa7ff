/** The worker subpackage's pages (src/app.config.ts `packages/worker`), here in the main package because the staff workbench links to them too (a subpackage cannot import from another). */
export const PATROL_URL = '/packages/worker/patrol/index';
export const CHECK_IN_URL = '/packages/worker/check-in/index';
export const EIGHT_REPORTS_URL = '/packages/worker/eight-reports/index';
export const SAMPLES_URL = '/packages/worker/samples/index';

export type FindingMode = 'case' | 'on_spot';

/** The problem form of a patrol: as a case or 当场处置, optionally prefilled with a category (八必报). */
export function findingUrl(patrolId: string, mode: FindingMode, categoryId?: string, title?: string): string {
  const query = [`patrolId=${encodeURIComponent(patrolId)}`, `mode=${mode}`];
  if (categoryId) query.push(`categoryId=${encodeURIComponent(categoryId)}`);
  if (title) query.push(`title=${encodeURIComponent(title)}`);
  return `/packages/worker/finding/index?${query.join('&')}`;
}

/** The scene of a mini-program code, from the page's options or from a scanned code's path (`…?scene=b%3A…`). */
export function sceneOfPath(path: string): string | null {
  const match = /[?&]scene=([^&]+)/.exec(path);
  return match ? decodeURIComponent(match[1]) : null;
}

import { chinaWall } from '../../../domain/calendar/china-time';
/** Pages of the assessment subpackage and where a deduction's evidence leads. */
export const ASSESS_HOME_URL = '/packages/assess/index/index';
export const MY_SHEETS_URL = '/packages/assess/my/index';
export const runUrl = (runId: string) => `/packages/assess/run/index?runId=${encodeURIComponent(runId)}`;
export const sheetUrl = (sheetId: string) => `/packages/assess/sheet/index?sheetId=${encodeURIComponent(sheetId)}`;
export const bulletinPath = (bulletinId: string) => `packages/assess/bulletin/index?bulletinId=${encodeURIComponent(bulletinId)}`;
/** The same 通报 page, showing a 巡查通报 (its own rows and columns). */
export const patrolBulletinPath = (bulletinId: string) => `packages/assess/bulletin/index?patrolBulletinId=${encodeURIComponent(bulletinId)}`;
/** A deduction's case opens in the staff case page (the worker's own grid, so they may open it). */
export const evidenceCaseUrl = (caseId: string) => `/packages/staff/case/index?caseId=${encodeURIComponent(caseId)}`;

/** The last three China months, newest first: assessments are of a finished or current month. */
export function recentMonths(now = new Date()): string[] {
  const china = chinaWall(now);
  return [0, 1, 2].map((back) => {
    const d = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - back, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

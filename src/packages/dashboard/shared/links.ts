import type { CounterKey, Period, ScopeInput } from '../../../domain/stats';

/** Page addresses of the dashboard subpackage (the workbench links here). */
export const DASHBOARD_URL = '/packages/dashboard/index/index';

export const dashboardUrl = (scope?: ScopeInput) => (scope ? `${DASHBOARD_URL}?level=${scope.level}&id=${encodeURIComponent(scope.id)}` : DASHBOARD_URL);

/** The cases behind a figure; `ownerId` narrows them to the cases one worker signed for (the worker cards). */
export const casesUrl = (figure: CounterKey, period: Period, scope?: ScopeInput, label = '', ownerId?: string) =>
  `/packages/dashboard/cases/index?figure=${figure}&from=${period.from}&to=${period.to}&label=${encodeURIComponent(label)}` +
  (scope ? `&level=${scope.level}&id=${encodeURIComponent(scope.id)}` : '') +
  (ownerId ? `&ownerId=${encodeURIComponent(ownerId)}` : '');

/** 网格员考勤 (packages/worker/compliance): each worker's patrol, visit and log measures of the week. */
export const COMPLIANCE_URL = '/packages/worker/compliance/index';

const LEVELS = ['street', 'community', 'grid'] as const;
/** The scope in a page's query, or none (the caller's widest). */
export function scopeFromParams(params: Record<string, string | undefined>): ScopeInput | undefined {
  const level = LEVELS.find((l) => l === params.level);
  const id = params.id ? decodeURIComponent(params.id) : '';
  return level && id ? { level, id } : undefined;
}

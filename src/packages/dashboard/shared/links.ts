import type { CounterKey, Period, ScopeInput } from '../../../domain/stats';

/** Page addresses of the dashboard subpackage (the workbench links here). */
export const DASHBOARD_URL = '/packages/dashboard/index/index';

export const dashboardUrl = (scope?: ScopeInput) => (scope ? `${DASHBOARD_URL}?level=${scope.level}&id=${encodeURIComponent(scope.id)}` : DASHBOARD_URL);

export const casesUrl = (figure: CounterKey, period: Period, scope?: ScopeInput, label = '') =>
  `/packages/dashboard/cases/index?figure=${figure}&from=${period.from}&to=${period.to}&label=${encodeURIComponent(label)}` +
  (scope ? `&level=${scope.level}&id=${encodeURIComponent(scope.id)}` : '');

const LEVELS = ['street', 'community', 'grid'] as const;
/** The scope in a page's query, or none (the caller's widest). */
export function scopeFromParams(params: Record<string, string | undefined>): ScopeInput | undefined {
  const level = LEVELS.find((l) => l === params.level);
  const id = params.id ? decodeURIComponent(params.id) : '';
  return level && id ? { level, id } : undefined;
}

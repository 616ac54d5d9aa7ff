import type { CounterKey, Period, ScopeInput, WorkerRecordKind } from '../../../domain/stats';

/** Page addresses of the dashboard subpackage (the workbench links here). */
export const DASHBOARD_URL = '/packages/dashboard/index/index';

export const dashboardUrl = (scope?: ScopeInput) => (scope ? `${DASHBOARD_URL}?level=${scope.level}&id=${encodeURIComponent(scope.id)}` : DASHBOARD_URL);

/** A category the cases page narrows to: its id for stats.cases, its name for the heading. */
export interface CategoryOfCases {
  id: string;
  label: string;
}

/**
 * The cases behind a figure; `ownerId` narrows them to the cases one worker signed for (the worker cards),
 * `category` to one category's (the 按分类 table).
 */
export const casesUrl = (figure: CounterKey, period: Period, scope?: ScopeInput, label = '', ownerId?: string, category?: CategoryOfCases) =>
  `/packages/dashboard/cases/index?figure=${figure}&from=${period.from}&to=${period.to}&label=${encodeURIComponent(label)}` +
  (scope ? `&level=${scope.level}&id=${encodeURIComponent(scope.id)}` : '') +
  (ownerId ? `&ownerId=${encodeURIComponent(ownerId)}` : '') +
  (category ? `&categoryId=${encodeURIComponent(category.id)}&categoryLabel=${encodeURIComponent(category.label)}` : '');

/** The category in the cases page's query, or none; its name falls back to the id (an old link). */
export function categoryFromParams(params: Record<string, string | undefined>): CategoryOfCases | undefined {
  const id = params.categoryId ? decodeURIComponent(params.categoryId) : '';
  if (!id) return undefined;
  return { id, label: params.categoryLabel ? decodeURIComponent(params.categoryLabel) : id };
}

/** One worker's records behind a work figure of their card (stats.workerRecords), for the card's scope and period. */
export const workerRecordsUrl = (kind: WorkerRecordKind, period: Period, scope: ScopeInput | undefined, userId: string, name: string) =>
  `/packages/dashboard/worker/index?kind=${kind}&userId=${encodeURIComponent(userId)}&name=${encodeURIComponent(name)}&from=${period.from}&to=${period.to}` +
  (scope ? `&level=${scope.level}&id=${encodeURIComponent(scope.id)}` : '');

const LEVELS = ['street', 'community', 'grid'] as const;
/** The scope in a page's query, or none (the caller's widest). */
export function scopeFromParams(params: Record<string, string | undefined>): ScopeInput | undefined {
  const level = LEVELS.find((l) => l === params.level);
  const id = params.id ? decodeURIComponent(params.id) : '';
  return level && id ? { level, id } : undefined;
}

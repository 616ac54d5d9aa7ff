import type { Category } from '../../../src/domain/case/api';
import { DEFAULT_CATEGORIES } from '../../../src/domain/case/categories';
import { categoriesConfigRecordSchema, configRecordSchema, slaConfigRecordSchema, templatesConfigRecordSchema, type ConfigRecord } from '../../../src/domain/case/records';
import { DEFAULT_SLA } from '../../../src/domain/case/sla-config';
import type { SlaContext } from '../../../src/domain/case/sla';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/domain/calendar';
import type { Database } from '../app';
import { templatesFromStored, type NotificationKind, type TemplateConfig } from '../../../src/domain/notification';
import { collectionOf } from '../records';

/**
 * A street's case configuration (PRODUCT.md §4–§5; STYLE 9 "configuration, not conditionals"): three
 * `configs` documents — `categories-<street>`, `sla-<street>` ({ sla, calendar }) and
 * `notification-templates-<street>` — each falling back to the defaults in `src/domain` when absent
 * (version 0). All three are read in ONE query, so a case step stays within its round-trip budget.
 * Shared by the `case` and `escalate` functions (both bundle `_lib`).
 */
export const configIds = (streetId: string) => ({
  categories: `categories-${streetId}`,
  sla: `sla-${streetId}`,
  templates: `notification-templates-${streetId}`,
});

export interface StreetConfig {
  streetId: string;
  categories: Category[];
  categoriesVersion: number;
  sla: SlaContext;
  slaVersion: number;
  templates: Record<NotificationKind, TemplateConfig>;
  templatesVersion: number;
}

export const configsOf = (db: Database) => collectionOf(db, 'configs', configRecordSchema);

export async function loadStreetConfig(db: Database, streetId: string): Promise<StreetConfig> {
  return streetConfigFrom(streetId, await configsOf(db).loadMany(Object.values(configIds(streetId))));
}

/** The street's configuration from its `configs` documents as read (any others among them are ignored). */
export function streetConfigFrom(streetId: string, docs: readonly ConfigRecord[]): StreetConfig {
  const ids = configIds(streetId);
  const byId = new Map(docs.map((d) => [d._id, d]));
  const cat = byId.has(ids.categories) ? categoriesConfigRecordSchema.parse(byId.get(ids.categories)) : null;
  const sla = byId.has(ids.sla) ? slaConfigRecordSchema.parse(byId.get(ids.sla)) : null;
  const tpl = byId.has(ids.templates) ? templatesConfigRecordSchema.parse(byId.get(ids.templates)) : null;
  const templates = templatesFromStored(tpl?.templates);
  return {
    streetId,
    categories: cat ? cat.categories : DEFAULT_CATEGORIES,
    categoriesVersion: cat?.version ?? 0,
    sla: sla ? { sla: sla.sla ?? DEFAULT_SLA, calendar: sla.calendar ?? DEFAULT_WORKING_CALENDAR } : { sla: DEFAULT_SLA, calendar: DEFAULT_WORKING_CALENDAR },
    slaVersion: sla?.version ?? 0,
    templates,
    templatesVersion: tpl?.version ?? 0,
  };
}

/** The escalation sweep reads each street's configuration once per run, however many of its cases are due. */
export type StreetConfigCache = Map<string, Promise<StreetConfig>>;
export function cachedStreetConfig(db: Database, streetId: string, cache?: StreetConfigCache): Promise<StreetConfig> {
  const hit = cache?.get(streetId);
  if (hit) return hit;
  const loading = loadStreetConfig(db, streetId);
  cache?.set(streetId, loading);
  return loading;
}

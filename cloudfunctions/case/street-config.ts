import type { z } from 'zod';
import { categoryTreeSchema, type caseApi, type Category } from '../../src/domain/case/api';
import { DEFAULT_CATEGORIES } from '../../src/domain/case/categories';
import { DEFAULT_SLA, slaConfigSchema } from '../../src/domain/case/sla-config';
import type { SlaContext } from '../../src/domain/case/sla';
import { DEFAULT_WORKING_CALENDAR, workingCalendarConfigSchema } from '../../src/domain/calendar';
import { canManageStreet } from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';
import { authorize, requireCaller, type Caller, type Database, type Invocation } from '../_lib';
import { templatesFromStored, type NotificationKind, type TemplateConfig } from '../../src/domain/notification';

/**
 * A street's case configuration (PRODUCT.md §4–§5; STYLE 9 "configuration, not conditionals"): three
 * `configs` documents — `categories-<street>`, `sla-<street>` ({ sla, calendar }) and
 * `notification-templates-<street>` — each falling back to the defaults in `src/domain` when absent
 * (version 0). All three are read in ONE query, so `case.report` stays within its round-trip budget.
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

type ConfigDoc = { _id: string; version: number } & Record<string, unknown>;

export async function loadStreetConfig(db: Database, streetId: string): Promise<StreetConfig> {
  const ids = configIds(streetId);
  const _ = db.command;
  const { data } = await db.collection('configs').where({ _id: _.in(Object.values(ids)) }).limit(3).get();
  const byId = new Map((data as ConfigDoc[]).map((d) => [d._id, d]));
  const cat = byId.get(ids.categories);
  const sla = byId.get(ids.sla);
  const tpl = byId.get(ids.templates);
  const templates = templatesFromStored(tpl?.templates);
  return {
    streetId,
    categories: cat ? categoryTreeSchema.parse(cat.categories) : DEFAULT_CATEGORIES,
    categoriesVersion: cat?.version ?? 0,
    sla: sla
      ? { sla: slaConfigSchema.parse(sla.sla ?? {}), calendar: workingCalendarConfigSchema.parse(sla.calendar ?? {}) }
      : { sla: DEFAULT_SLA, calendar: DEFAULT_WORKING_CALENDAR },
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

/** The street the administrator means: the one named (which they must administer), else their first. */
function adminStreet(caller: Caller, streetId: string | undefined, message: string): string {
  const street = streetId ?? caller.roles.find((g) => g.role === 'admin')?.streetId;
  authorize(street !== undefined && canManageStreet(caller.roles, street), message);
  return street as string;
}

/**
 * Writes a config document conditional on the version the administrator saw (0: the built-in default,
 * first save is an add that fails if someone saved meanwhile). Returns the new version.
 */
export async function saveConfigDoc(call: Invocation, id: string, expectedVersion: number, doc: Record<string, unknown>, conflict: string): Promise<number> {
  const configs = call.db.collection('configs');
  if (expectedVersion === 0) {
    await configs.add({ _id: id, ...doc, version: 1, createdAt: call.now }).catch(() => {
      throw new DomainError('CONFLICT', conflict);
    });
    return 1;
  }
  const result = await configs.where({ _id: id, version: expectedVersion }).update({ ...doc, version: expectedVersion + 1 });
  if (!result.updated) throw new DomainError('CONFLICT', conflict);
  return expectedVersion + 1;
}

type Input<A extends keyof typeof caseApi> = z.infer<(typeof caseApi)[A]['input']>;

/** streetConfig: the street administrator's view of the SLA table, calendar and template ids. */
export async function streetConfig(input: Input<'streetConfig'>, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = adminStreet(caller, input.streetId, '只有街道管理员可以查看时限配置');
  const c = await loadStreetConfig(call.db, streetId);
  return { streetId, sla: c.sla.sla, calendar: c.sla.calendar, slaVersion: c.slaVersion, templates: c.templates, templatesVersion: c.templatesVersion };
}

/** saveSla: replaces the street's SLA and calendar (validated by the domain schemas in the contract). */
export async function saveSla(input: Input<'saveSla'>, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = adminStreet(caller, input.streetId, '只有街道管理员可以修改时限');
  const doc = { kind: 'sla', streetId, sla: input.sla, calendar: input.calendar, updatedAt: call.now, updatedBy: caller.userId };
  return { version: await saveConfigDoc(call, configIds(streetId).sla, input.expectedVersion, doc, '时限配置已被其他人修改，请刷新后重试') };
}

/**
 * saveTemplates: per kind, the template id issued in the WeChat admin console and which fact fills each
 * of its keywords; the contract's schema (src/domain/notification/templates.ts) refuses unknown kinds and
 * keywords whose type cannot take the fact, naming the field.
 */
export async function saveTemplates(input: Input<'saveTemplates'>, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = adminStreet(caller, input.streetId, '只有街道管理员可以修改消息模板');
  // `_.set`: an update would merge the object into the stored one, keeping keywords the admin removed.
  const doc = { kind: 'notification-templates', streetId, templates: input.expectedVersion === 0 ? input.templates : call.db.command.set(input.templates), updatedAt: call.now, updatedBy: caller.userId };
  return { version: await saveConfigDoc(call, configIds(streetId).templates, input.expectedVersion, doc, '消息模板已被其他人修改，请刷新后重试') };
}

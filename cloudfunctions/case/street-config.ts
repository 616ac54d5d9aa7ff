import type { z } from 'zod';
import type { caseApi } from '../../src/domain/case/api';
import { canManageStreet } from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';
import { configRecordSchema } from '../../src/domain/case/records';
import { authorize, collectionOf, requireCaller, type Caller, type Invocation } from '../_lib';
import { configIds, loadStreetConfig } from '../_lib/cases/street-config';

export { cachedStreetConfig, configIds, loadStreetConfig, type StreetConfig, type StreetConfigCache } from '../_lib/cases/street-config';

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
  const configs = collectionOf(call.db, 'configs', configRecordSchema);
  if (expectedVersion === 0) {
    if (!(await configs.insertOnce({ _id: id, ...doc, version: 1, createdAt: call.now })).created) throw new DomainError('CONFLICT', conflict);
    return 1;
  }
  return configs.update({ _id: id, version: expectedVersion }, doc).catch((err: unknown) => {
    throw err instanceof DomainError && err.code === 'CONFLICT' ? new DomainError('CONFLICT', conflict) : err;
  });
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

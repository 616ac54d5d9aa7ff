import type { z } from 'zod';
import { canManageStreet } from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';
import { registerRulesSchema } from '../../src/domain/register';
import type { registerApi } from '../../src/domain/register/api';
import { authorize, requireCaller, type Invocation } from '../_lib';
import { loadRegisterRules, registerConfigId } from '../_lib/register';
import { actingInOwnStreet } from './context';

type Input<A extends keyof typeof registerApi> = z.infer<(typeof registerApi)[A]['input']>;

/** rules: the street's register rules (care groups and who sees them, deadlines, retention). */
export async function rules(_input: Input<'rules'>, call: Invocation) {
  const caller = await requireCaller(call);
  const admin = caller.roles.find((g) => g.role === 'admin');
  const streetId = admin?.streetId ?? (await actingInOwnStreet(call)).streetId;
  const loaded = await loadRegisterRules(call.db, streetId);
  return { streetId, rules: loaded.rules, version: loaded.version, canManage: canManageStreet(caller.roles, streetId) };
}

/** saveRules: street admins change care groups, deadlines and retention, each with its reason. */
export async function saveRules(input: Input<'saveRules'>, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = caller.roles.find((g) => g.role === 'admin')?.streetId;
  authorize(streetId !== undefined && canManageStreet(caller.roles, streetId), '只有街道管理员可以修改登记规则');
  const stored = registerRulesSchema.parse({
    careGroups: input.careGroups,
    deadlines: input.deadlines,
    retention: { days: input.retentionDays, reason: input.retentionReason },
  });
  const configs = call.db.collection('configs');
  const _id = registerConfigId(streetId!);
  const doc = { kind: 'register', streetId, rules: { careGroups: stored.careGroups, deadlines: input.deadlines, retention: stored.retention }, updatedAt: call.now, updatedBy: caller.userId };
  if (input.expectedVersion === 0) {
    await configs.add({ _id, ...doc, version: 1, createdAt: call.now }).catch(() => {
      throw new DomainError('CONFLICT', '登记规则已被其他人修改，请刷新后重试');
    });
    return { version: 1 };
  }
  const result = await configs.where({ _id, version: input.expectedVersion }).update({ ...doc, rules: call.db.command.set(doc.rules), version: input.expectedVersion + 1 });
  if (!result.updated) throw new DomainError('CONFLICT', '登记规则已被其他人修改，请刷新后重试');
  return { version: input.expectedVersion + 1 };
}

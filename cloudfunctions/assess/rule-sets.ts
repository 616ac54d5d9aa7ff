import type { z } from 'zod';
import { canRunAssessments } from '../../src/domain/assessment/access';
import type { assessApi } from '../../src/domain/assessment/api';
import { describeChanges } from '../../src/domain/assessment/edit';
import type { RuleSetRecord } from '../../src/domain/assessment/records';
import { ruleSetSchema, type RuleSet } from '../../src/domain/assessment/rule-set';
import { SHIPPED_RULE_SETS, shippedRuleSet } from '../../src/domain/assessment/shipped';
import { DomainError } from '../../src/domain/errors';
import { authorize, requireCaller, type Caller, type Invocation } from '../_lib';
import { ruleSetsOf } from './store';

type In<A extends keyof typeof assessApi> = z.infer<(typeof assessApi)[A]['input']>;

/** The caller's street: every staff grant belongs to one street. */
export function streetOf(caller: Caller): string {
  const grant = caller.roles[0];
  authorize(Boolean(grant));
  return grant!.streetId;
}

/** A street's copies are stored as `<street>-<id>`; shipped tables answer by their own id. */
const storedId = (streetId: string, ruleSetId: string) => `${streetId}-${ruleSetId}`;

export async function resolveRuleSet(call: Invocation, streetId: string, ruleSetId: string): Promise<{ ruleSet: RuleSet; version: number; record: RuleSetRecord | null }> {
  const shipped = shippedRuleSet(ruleSetId);
  if (shipped) return { ruleSet: shipped, version: 0, record: null };
  const record = await ruleSetsOf(call.db).load(storedId(streetId, ruleSetId));
  if (!record || record.streetId !== streetId) throw new DomainError('NOT_FOUND', '考核规则不存在', { ruleSetId: '考核规则不存在' });
  return { ruleSet: record.ruleSet, version: record.version, record };
}

/** Staff of the street may read the tables (they are the rules everyone is measured by); only runners edit. */
async function staffOfStreet(call: Invocation): Promise<{ caller: Caller; streetId: string }> {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  authorize(caller.roles.some((g) => ['street_staff', 'admin', 'community_staff'].includes(g.role)));
  return { caller, streetId };
}

export async function ruleSets(_input: In<'ruleSets'>, call: Invocation) {
  const { streetId } = await staffOfStreet(call);
  const own = await ruleSetsOf(call.db).all({ streetId });
  const summary = (s: RuleSet, shipped: boolean, version: number) => ({ id: s.id, name: s.name, unit: s.unit, subject: s.subject, source: s.source, shipped, version });
  return { ruleSets: [...own.map((r) => summary(r.ruleSet, false, r.version)), ...SHIPPED_RULE_SETS.map((s) => summary(s, true, 0))] };
}

export async function ruleSet(input: In<'ruleSet'>, call: Invocation) {
  const { streetId } = await staffOfStreet(call);
  const { ruleSet: set, version, record } = await resolveRuleSet(call, streetId, input.ruleSetId);
  return {
    ruleSet: set,
    shipped: record === null,
    version,
    changes: (record?.changes ?? []).map((c) => ({ version: c.version, reason: c.reason, summary: c.summary, byName: c.byName, at: c.at.toISOString() })),
  };
}

export async function copyRuleSet(input: In<'copyRuleSet'>, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  authorize(canRunAssessments(caller.roles, streetId), '只有街道工作人员可以制定考核规则');
  if (shippedRuleSet(input.newId)) throw new DomainError('CONFLICT', '编号与内置规则重复', { newId: '编号与内置规则重复' });
  const { ruleSet: from } = await resolveRuleSet(call, streetId, input.fromId);
  const copy = ruleSetSchema.parse({ ...from, id: input.newId, name: input.name });
  const record: RuleSetRecord = {
    _id: storedId(streetId, input.newId),
    streetId,
    copiedFrom: from.id,
    ruleSet: copy,
    changes: [{ version: 1, reason: input.reason, summary: [`复制自「${from.name}」`], byUserId: caller.userId, byName: caller.name, at: call.now }],
    version: 1,
    createdAt: call.now,
    updatedAt: call.now,
  };
  const { created } = await ruleSetsOf(call.db).insertOnce(record);
  if (!created) throw new DomainError('CONFLICT', '该编号的规则已存在', { newId: '该编号的规则已存在' });
  return { ruleSetId: input.newId, version: 1 };
}

export async function saveRuleSet(input: In<'saveRuleSet'>, call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOf(caller);
  authorize(canRunAssessments(caller.roles, streetId), '只有街道工作人员可以调整考核规则');
  if (shippedRuleSet(input.ruleSetId)) throw new DomainError('FORBIDDEN', '内置规则不能修改,请先复制一份再调整');
  const { record } = await resolveRuleSet(call, streetId, input.ruleSetId);
  if (input.ruleSet.id !== input.ruleSetId) throw new DomainError('INVALID_INPUT', '规则集编号不能修改', { 'ruleSet.id': '规则集编号不能修改' });
  if (record!.version !== input.expectedVersion) throw new DomainError('CONFLICT', '规则已被他人修改,请刷新后重试');
  const summary = describeChanges(record!.ruleSet, input.ruleSet);
  if (!summary.length) throw new DomainError('INVALID_INPUT', '没有任何修改', { ruleSet: '没有任何修改' });
  const change = { version: record!.version + 1, reason: input.reason, summary, byUserId: caller.userId, byName: caller.name, at: call.now };
  const version = await ruleSetsOf(call.db).update(record!, { ruleSet: call.db.command.set(input.ruleSet), changes: [...record!.changes, change], updatedAt: call.now });
  return { ruleSetId: input.ruleSetId, version, summary };
}

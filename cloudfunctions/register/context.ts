import type { WorkingCalendarConfig } from '../../src/domain/calendar';
import { DomainError } from '../../src/domain/errors';
import { mayAt, type Place, type RegisterAccessKind, type RegisterRules } from '../../src/domain/register';
import { authorize, requireCaller, type Caller, type Invocation } from '../_lib';
import { loadStreetConfig } from '../_lib/cases/street-config';
import { loadRegisterRules, registerStores, type RegisterStores } from '../_lib/register';
import type { RegisterKeys } from './sealing';

/** What every register handler works with besides its input. */
export interface RegisterCall extends Invocation {
  /** Opened on first use: a refused or malformed call never needs the key. */
  keys(): RegisterKeys;
}

export interface Acting {
  caller: Caller;
  stores: RegisterStores;
  rules: RegisterRules;
}

export const DENIED: Record<RegisterAccessKind, string> = {
  read: '您没有查看这户登记信息的权限',
  write: '您没有修改这户登记信息的权限',
  reveal: '您没有查看完整证件号码的权限',
  export: '您没有导出户况的权限',
  handover: '只有社区岗位责任人可以签收交接单',
};

/** Role and scope for `kind` at a stored place (never at ids from the payload). */
export function authorizeAt(acting: Acting, place: Place, kind: RegisterAccessKind): void {
  authorize(mayAt(acting.caller.roles, place, acting.rules, kind), DENIED[kind]);
}

/** The caller and the rules of the street a stored record belongs to. */
export async function actingIn(call: Invocation, streetId: string): Promise<Acting> {
  const [caller, { rules }] = await Promise.all([requireCaller(call), loadRegisterRules(call.db, streetId)]);
  return { caller, stores: registerStores(call.db), rules };
}

/** For actions naming no record: the street of the caller's first grant among the roles that may read. */
export async function actingInOwnStreet(call: Invocation): Promise<Acting & { streetId: string }> {
  const caller = await requireCaller(call);
  const streets = [...new Set(caller.roles.map((g) => g.streetId))];
  for (const streetId of streets) {
    const { rules } = await loadRegisterRules(call.db, streetId);
    const readRoles = rules.access.read.roles;
    if (caller.roles.some((g) => g.streetId === streetId && readRoles.includes(g.role))) return { caller, stores: registerStores(call.db), rules, streetId };
  }
  throw new DomainError('FORBIDDEN', '您没有查看户况登记的权限');
}

/** The street's working calendar (the one the case deadlines use). */
export async function calendarOf(call: Invocation, streetId: string): Promise<WorkingCalendarConfig> {
  return (await loadStreetConfig(call.db, streetId)).sla.calendar;
}

export const placeOf = (r: Place): Place => ({ streetId: r.streetId, communityId: r.communityId, gridId: r.gridId });

export function requireRequestId(requestId: string | undefined): string {
  if (!requestId) throw new DomainError('INVALID_INPUT', '输入有误：新建时需要请求编号', { requestId: '新建时需要请求编号' });
  return requestId;
}

export function requireVersion(expectedVersion: number | undefined): number {
  if (expectedVersion === undefined) throw new DomainError('INVALID_INPUT', '输入有误：修改时需要数据版本', { expectedVersion: '修改时需要数据版本' });
  return expectedVersion;
}

export const invalid = (field: string, message: string): DomainError => new DomainError('INVALID_INPUT', `输入有误：${message}`, { [field]: message });

import { idCheckChar } from '../../src/domain/register/id-number';
import type { FunctionName } from '../../src/domain/api';
import { contractCaller, type ContractCall } from './contract-call';
import { newRequestId } from './org-builders';

/**
 * Test data for the `register` function: made-up but valid ID numbers (GB 11643 check character
 * computed, never a real person's), payloads for households and people, and a caller bound to a demo user.
 */
export const anIdNumber = (birth = '19800101', seq = '123', region = '340102') => {
  const first17 = `${region}${birth}${seq}`;
  return `${first17}${idCheckChar(first17)}`;
};

export const aHousehold = (gridId = 'grid-a1', over: Record<string, unknown> = {}) => ({
  requestId: newRequestId('hh'),
  gridId,
  buildingName: '3栋',
  unit: '2单元',
  room: '301',
  address: '肥东路12号3栋2单元301',
  tenure: 'owner',
  ...over,
});

export const aResident = (householdId: string, over: Record<string, unknown> = {}) => ({
  requestId: newRequestId('res'),
  householdId,
  name: '王芳',
  idNumber: anIdNumber('19450312', '042'),
  phone: '13955667788',
  relation: 'head',
  partyMember: false,
  job: 'retired',
  skills: '剪纸',
  ...over,
});

export type RegisterCallFn = ContractCall<'register'>;

/** Signs in as a seeded user (e.g. 'user-officer-a1') and calls `register` actions as them. */
export const registerAs = (baseUrl: string, userId: string): Promise<RegisterCallFn> => contractCaller(baseUrl, 'register', userId);

/** Same, for another function (org's audit log, the board). */
export const functionAs = <F extends FunctionName>(baseUrl: string, userId: string, fn: F): Promise<ContractCall<F>> => contractCaller(baseUrl, fn, userId);

/** A household with its people, made by `officer`; returns their ids. */
export async function householdWith(officer: RegisterCallFn, gridId: string, people: Array<Record<string, unknown>>, over: Record<string, unknown> = {}) {
  const h = await officer('saveHousehold', aHousehold(gridId, over));
  if (!h.ok) throw new Error(`saveHousehold: ${JSON.stringify(h.error)}`);
  const ids: string[] = [];
  for (const p of people) {
    const saved = await officer('savePerson', aResident(h.data.id, p));
    if (!saved.ok) throw new Error(`savePerson: ${JSON.stringify(saved.error)}`);
    ids.push(saved.data.id);
  }
  return { householdId: h.data.id, residentIds: ids };
}

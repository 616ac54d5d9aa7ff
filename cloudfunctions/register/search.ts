import type { z } from 'zod';
import { flagsVisibleAt, personView, type ResidentRecord } from '../../src/domain/register';
import type { registerApi } from '../../src/domain/register/api';
import { auditRead } from './audit-reads';
import { invalid, placeOf, type RegisterCall } from './context';
import { maskedOf } from './people-masking';
import { scopedListing, scopedWhere } from './scope-where';

type Input = z.infer<(typeof registerApi)['searchPeople']['input']>;

/** A search answers at most this many people; a worker narrows the words rather than pages. */
const SEARCH_MAX = 50;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * searchPeople (issue 15 item 7): within the caller's scope, by name (contains), phone tail or ID tail
 * (the last 4, matched by their keyed hash — the database holds no plain digits to match), or address
 * (contains, over households). Results are masked and show only the care groups the caller may see.
 */
export async function searchPeople(input: Input, call: RegisterCall) {
  const { acting, scopes, grid } = await scopedListing(call, 'read', input.gridId);
  const extra: Record<string, unknown> = { status: 'active', ...grid };
  const text = input.text;
  const keys = call.keys();
  let found: ResidentRecord[];
  let more = false;
  if (input.by === 'address') {
    const households = await acting.stores.households.page(scopedWhere(call, acting.streetId, scopes, { ...grid, address: call.db.RegExp({ regexp: escapeRegExp(text), options: 'i' }) }), { limit: SEARCH_MAX });
    const ids = households.items.map((h) => h._id);
    const page = ids.length ? await acting.stores.residents.page(scopedWhere(call, acting.streetId, scopes, { ...extra, householdId: call.db.command.in(ids) }), { limit: SEARCH_MAX }) : { items: [], next: null };
    found = page.items;
    more = Boolean(households.next || page.next);
  } else {
    const byField: Record<Exclude<Input['by'], 'address'>, () => Record<string, unknown>> = {
      name: () => ({ name: call.db.RegExp({ regexp: escapeRegExp(text), options: 'i' }) }),
      // Every configured key's hash: rows not yet moved to the current key by rotateKeys are found too.
      phone_tail: () => ({ phoneTailKey: call.db.command.in(keys.keyedHashes('phone_tail', tail(text, 'text', /^\d{4}$/, '请输入手机号后4位数字'))) }),
      id_tail: () => ({ idTailKey: call.db.command.in(keys.keyedHashes('id_tail', tail(text.toUpperCase(), 'text', /^\d{3}[\dX]$/, '请输入身份证号后4位'))) }),
    };
    const page = await acting.stores.residents.page(scopedWhere(call, acting.streetId, scopes, { ...extra, ...byField[input.by]() }), { orderBy: ['name', 'asc'], limit: SEARCH_MAX });
    found = page.items;
    more = Boolean(page.next);
  }
  const addresses = new Map((await acting.stores.households.loadMany(found.map((r) => r.householdId))).map((h) => [h._id, h.address]));
  const people = found.map((r) => {
    const flags = flagsVisibleAt(acting.caller.roles, placeOf(r), acting.rules, r.careFlags);
    return { flags, view: personView(r, maskedOf(keys, r), flags, acting.rules.careGroups, addresses.get(r.householdId)) };
  });
  await auditRead(call, {
    caller: acting.caller,
    streetId: acting.streetId,
    action: 'register.readCareGroups',
    target: { collection: 'residents', id: `search:${input.by}`, label: '人员查找' },
    fields: [...new Set(people.flatMap((p) => p.flags))],
  });
  return { people: people.map((p) => p.view), truncated: more };
}

function tail(text: string, field: string, shape: RegExp, message: string): string {
  if (!shape.test(text)) throw invalid(field, message);
  return text;
}

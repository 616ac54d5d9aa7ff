import type { z } from 'zod';
import { flagsVisibleAt, nameQueryKey, personView, type ResidentRecord } from '../../src/domain/register';
import type { registerApi } from '../../src/domain/register/api';
import { auditRead } from './audit-reads';
import { invalid, placeOf, type RegisterCall } from './context';
import { maskedOf } from './people-masking';
import type { Scopes } from '../../src/domain/register';
import { scopedListing, scopedWhere, type ScopedListing } from './scope-where';

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
  } else if (input.by === 'name') {
    ({ found, more } = await searchByName(call, acting, scopes, extra, text));
  } else {
    const byField: Record<'phone_tail' | 'id_tail', () => Record<string, unknown>> = {
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

/**
 * By name, "contains" as before, without reading the street: one key of the query (nameQueryKey) by
 * equality on the multikey-indexed `nameKeys`, then the same contains test on those few. Records written
 * before keys existed (no `nameKeys`) are looked up alongside, by `nameKeys: null` — also served by the
 * index (its null entries), so it reads only such records and nothing once the admin's key walk
 * (rotateKeys) has filled them (docs/decisions.md). Both in parallel: one round trip of latency.
 */
async function searchByName(call: RegisterCall, acting: ScopedListing['acting'], scopes: Scopes, extra: Record<string, unknown>, text: string) {
  const contains = call.db.RegExp({ regexp: escapeRegExp(text), options: 'i' });
  const where = (nameKeys: unknown) => scopedWhere(call, acting.streetId, scopes, { ...extra, nameKeys, name: contains });
  const [keyed, unkeyed] = await Promise.all([
    acting.stores.residents.page(where(nameQueryKey(text)), { orderBy: ['name', 'asc'], limit: SEARCH_MAX }),
    acting.stores.residents.page(where(null), { orderBy: ['name', 'asc'], limit: SEARCH_MAX }),
  ]);
  const all = [...keyed.items, ...unkeyed.items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { found: all.slice(0, SEARCH_MAX), more: Boolean(keyed.next || unkeyed.next) || all.length > SEARCH_MAX };
}

function tail(text: string, field: string, shape: RegExp, message: string): string {
  if (!shape.test(text)) throw invalid(field, message);
  return text;
}

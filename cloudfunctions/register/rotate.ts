import type { z } from 'zod';
import { canManageStreet } from '../../src/domain/access';
import { nameSearchKeys, type ResidentRecord, type TenancyRecord } from '../../src/domain/register';
import type { registerApi } from '../../src/domain/register/api';
import { DomainError } from '../../src/domain/errors';
import { authorize, requireCaller } from '../_lib';
import { registerStores } from '../_lib/register';
import type { RegisterCall } from './context';
import { openedOf, sealContext, sealedFields } from './people-masking';

type Input = z.infer<(typeof registerApi)['rotateKeys']['input']>;

/** Which collection a rotation cursor is in: residents first, then the tenancies' landlord phones. */
const PHASES = ['residents', 'tenancies'] as const;
type Phase = (typeof PHASES)[number];

function cursorOf(after: string | undefined): { phase: Phase; after: string | null } {
  if (!after) return { phase: 'residents', after: null };
  const [phase, rest] = [after.slice(0, after.indexOf(':')), after.slice(after.indexOf(':') + 1)];
  return { phase: (PHASES as readonly string[]).includes(phase) ? (phase as Phase) : 'residents', after: rest || null };
}

/**
 * rotateKeys (docs/privacy.md "Key rotation"): after a new GRIDLINK_REGISTER_KEY is set with the old one
 * in GRIDLINK_REGISTER_OLD_KEYS, the street admin moves the street's rows to the new key one batch per
 * call (`next` continues; null when every row of the street is under the current key). A row is opened
 * with the key that sealed it, sealed again and re-hashed under the current key, with a versioned write:
 * a row edited meanwhile is left for the next pass (it was written under the current key anyway, or the
 * next run finds it). Idempotent: rows already under the current key are only read.
 *
 * The same walk fills the name search keys of people written before keys existed (docs/decisions.md,
 * "Name search by keys"): run once after deploying them (`next` until null), with or without a new key.
 */
export async function rotateKeys(input: Input, call: RegisterCall) {
  const caller = await requireCaller(call);
  const streetId = caller.roles.find((g) => g.role === 'admin')?.streetId;
  authorize(streetId !== undefined && canManageStreet(caller.roles, streetId), '只有街道管理员可以更换登记簿密钥');
  const keys = call.keys();
  const stores = registerStores(call.db);
  const cursor = cursorOf(input.after);
  let moved = 0;
  let skipped = 0;
  const write = async (run: () => Promise<unknown>) => {
    try {
      await run();
      moved++;
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'CONFLICT')) throw err;
      skipped++;
    }
  };
  if (cursor.phase === 'residents') {
    const page = await stores.residents.page({ streetId }, { orderBy: ['_id', 'asc'], after: cursor.after, limit: input.limit });
    for (const r of page.items) {
      const sealsStale = stale(keys.keyId, r, keys.keyIdOf);
      const keysStale = nameKeysStale(r);
      if (!sealsStale && !keysStale) continue;
      const opened = sealsStale ? openedOf(keys, r) : undefined;
      await write(() => stores.residents.update(r, { ...(opened ? sealedFields(keys, r._id, opened.idNumber, opened.phone) : {}), ...(keysStale ? { nameKeys: nameSearchKeys(r.name) } : {}), updatedAt: call.now }));
    }
    return { checked: page.items.length, moved, skipped, next: page.next ? `residents:${page.next}` : 'tenancies:' };
  }
  const page = await stores.tenancies.page({ streetId }, { orderBy: ['_id', 'asc'], after: cursor.after, limit: input.limit });
  for (const t of page.items.filter((x) => staleTenancy(keys.keyId, x, keys.keyIdOf))) {
    const phone = keys.open(t.landlordPhoneSealed!, sealContext.landlordPhone(t._id));
    await write(() => stores.tenancies.update(t, { landlordPhoneSealed: keys.seal(phone, sealContext.landlordPhone(t._id)), updatedAt: call.now }));
  }
  return { checked: page.items.length, moved, skipped, next: page.next ? `tenancies:${page.next}` : null };
}

const stale = (current: string, r: ResidentRecord, keyIdOf: (s: string) => string) => [r.idSealed, r.phoneSealed].some((s) => s !== undefined && keyIdOf(s) !== current);
/** Written before name keys existed (or under an older derivation): the walk fills them, so the search's fallback reads nothing. */
const nameKeysStale = (r: ResidentRecord) => r.nameKeys === undefined || r.nameKeys.join('\u0000') !== nameSearchKeys(r.name).join('\u0000');
const staleTenancy = (current: string, t: TenancyRecord, keyIdOf: (s: string) => string) => t.landlordPhoneSealed !== undefined && keyIdOf(t.landlordPhoneSealed) !== current;

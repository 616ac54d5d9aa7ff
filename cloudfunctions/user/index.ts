import { DomainError } from '../../src/domain/errors';
import { userPrefsSchema, roleGrantSchema, type UserPrefs } from '../../src/domain/user';
import { defineFunction, updateVersioned, type Invocation } from '../_lib';
import { z } from 'zod';

const DEFAULT_PREFS: UserPrefs = { fontScale: 'standard' };

// What this function reads of a stored user; parsing it keeps a malformed record from reaching a client.
const storedUserSchema = z.object({
  _id: z.string(),
  name: z.string(),
  roles: z.array(roleGrantSchema).default([]),
  prefs: userPrefsSchema.default(DEFAULT_PREFS),
  version: z.number().int().default(0),
});
type StoredUser = z.infer<typeof storedUserSchema>;

async function findCaller({ db, openid }: Invocation): Promise<StoredUser | null> {
  const { data } = await db.collection('users').where({ openid }).limit(1).get();
  return data.length ? storedUserSchema.parse(data[0]) : null;
}

/** WeChat gives every visitor an openid; the first thing they save makes them a resident on record. */
async function createResident(call: Invocation, prefs: UserPrefs): Promise<{ version: number }> {
  const { db, openid, now } = call;
  try {
    // A deterministic _id: two concurrent first writes collide on it instead of creating two records.
    await db.collection('users').add({ _id: `u-${openid}`, openid, name: '居民', roles: [], prefs, version: 1, createdAt: now, updatedAt: now });
  } catch (err) {
    console.warn('[user] resident create failed, treating as concurrent create', err);
    throw new DomainError('CONFLICT', '数据已被其他操作修改，请刷新后重试');
  }
  return { version: 1 };
}

export const main = defineFunction('user', {
  async me(_input, call) {
    const user = await findCaller(call);
    if (!user) return { userId: '', name: '访客', roles: [], prefs: DEFAULT_PREFS, registered: false };
    return { userId: user._id, name: user.name, roles: user.roles, prefs: user.prefs, registered: true };
  },

  async updatePrefs({ fontScale }, call) {
    const user = await findCaller(call);
    if (!user) return { fontScale, ...(await createResident(call, { ...DEFAULT_PREFS, fontScale })) };
    const version = await updateVersioned(call.db, 'users', user, { 'prefs.fontScale': fontScale, updatedAt: call.now });
    return { fontScale, version };
  },
});

import { userApi } from '../../src/domain/user-api';
import type { UserPrefs } from '../../src/domain/user';
import { defineFunction, findCallerRecord, newResident, usersOf } from '../_lib';

const DEFAULT_PREFS: UserPrefs = { fontScale: 'standard' };

export const main = defineFunction('user', userApi, {
  async me(_input, call) {
    const user = await findCallerRecord(call);
    if (!user) return { userId: '', name: '访客', roles: [], prefs: DEFAULT_PREFS, registered: false };
    return { userId: user._id, name: user.name, roles: user.roles, prefs: user.prefs, registered: true };
  },

  /** WeChat gives every visitor an openid; the first thing they save makes them a resident on record. */
  async updatePrefs({ fontScale }, call) {
    const found = await findCallerRecord(call);
    if (!found) {
      const made = await newResident(call, { ...DEFAULT_PREFS, fontScale });
      // A concurrent first write made the record first: save this choice on top of it (versioned).
      if (made.prefs.fontScale === fontScale) return { fontScale, version: made.version };
      return { fontScale, version: await usersOf(call.db).update(made, { 'prefs.fontScale': fontScale, updatedAt: call.now }) };
    }
    const version = await usersOf(call.db).update(found, { 'prefs.fontScale': fontScale, updatedAt: call.now });
    return { fontScale, version };
  },
});

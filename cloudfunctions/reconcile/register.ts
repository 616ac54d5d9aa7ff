import { residentRecordSchema } from '../../src/domain/register';
import { appendAudit, inTransaction, type Caller, type Database } from '../_lib';
import { registerStores } from '../_lib/register';
import type { Fixed } from './checks';

/** People deleted per run; the rest wait for the next run (every 5 minutes). */
const BATCH = 100;
const SYSTEM: Caller = { userId: 'system', name: '系统（保留期满删除）', roles: [] };

/**
 * Retention of the register (issue 15 item 3, docs/privacy.md): a person who moved away or died is kept
 * for the street's retention period from the day they left (`purgeAt`, fixed when they left), then their
 * record — sealed ID number and phone, history — is deleted, each deletion audited. Reads only what is due
 * (index purgeAt); a person who came back (status active again) is never deleted.
 */
export async function purgeLeftResidents(db: Database, now: Date): Promise<Fixed> {
  const _ = db.command;
  const { items } = await registerStores(db).residents.page({ purgeAt: _.lte(now), status: _.neq('active') }, { orderBy: ['purgeAt', 'asc'], limit: BATCH });
  let purged = 0;
  for (const r of items) {
    const removed = await inTransaction(db, async (tx) => {
      const residents = tx.collectionOf('residents', residentRecordSchema);
      const fresh = await residents.load(r._id);
      if (!fresh || fresh.status === 'active' || fresh.version !== r.version) return false;
      await residents.remove(r._id);
      return true;
    });
    if (!removed) continue;
    purged++;
    await appendAudit(db, { caller: SYSTEM, streetId: r.streetId, now, action: 'register.purge', target: { collection: 'residents', id: r._id, label: '保留期满人员' }, before: { resident: r._id }, after: { resident: null } });
  }
  return { residentsPurged: purged };
}

import { configRecordSchema } from '../../src/domain/case/records';
import { entryOfRecord, isEarnedEntry } from '../../src/domain/volunteer';
import { accountRecordSchema, ledgerRecordSchema, type AccountRecord } from '../../src/domain/volunteer/records';
import { collectionOf, inTransaction, type Database } from '../_lib';
import type { Fixed } from './checks';

/** Accounts checked per run; the next run goes on from where this one stopped (the cursor below). */
export const ACCOUNTS_PER_RUN = 200;
/** Where the sweep over `points_accounts` stands (a `configs` document: one per deployment). */
export const POINTS_CURSOR_ID = 'reconcile-points-accounts';

const same = (a: AccountRecord | null, b: AccountRecord) => a !== null && a.earned === b.earned && a.available === b.available;

/**
 * Issue 9 item 5, the volunteer half: each year's account must equal the sum of that volunteer's ledger
 * for the year (available = every entry; earned = awards and corrections). Today every entry and its
 * account move in one transaction, so drift can only come from an earlier version or a hand edit. The
 * ledger is the truth (it only grows); a drifted account is set to the ledger's sums — but only if the
 * account is still what was read BEFORE the ledger was summed: an entry committed meanwhile moves its
 * account too, so a changed account means "look again next run", never an overwrite with stale sums.
 * A ledger that sums below zero is reported, not written (an account is never negative).
 */
export async function repairPointsAccounts(db: Database): Promise<Fixed> {
  const accounts = collectionOf(db, 'points_accounts', accountRecordSchema);
  const ledger = collectionOf(db, 'ledger', ledgerRecordSchema);
  const cursors = collectionOf(db, 'configs', configRecordSchema);
  const cursor = await cursors.load(POINTS_CURSOR_ID);
  const after = typeof cursor?.after === 'string' ? cursor.after : null;
  const page = await accounts.page({}, { after, limit: ACCOUNTS_PER_RUN });
  const fixed = { accountsChecked: 0, accountsRepaired: 0, accountsNegative: 0, accountsBusy: 0 };
  for (const read of page.items) {
    fixed.accountsChecked++;
    const entries = (await ledger.all({ volunteerId: read.volunteerId, year: read.year })).map((r) => entryOfRecord(r));
    const truth: AccountRecord = {
      ...read,
      available: entries.reduce((sum, e) => sum + e.points, 0),
      earned: entries.filter(isEarnedEntry).reduce((sum, e) => sum + e.points, 0),
    };
    if (same(read, truth)) continue;
    if (truth.available < 0) {
      fixed.accountsNegative++;
      console.error('[reconcile] ledger sums below zero; account left as it is', read._id, truth.available);
      continue;
    }
    const repaired = await inTransaction(db, async (tx) => {
      const inTx = tx.collectionOf('points_accounts', accountRecordSchema);
      if (!same(await inTx.load(read._id), read)) return false;
      await inTx.set(truth);
      return true;
    });
    if (repaired) fixed.accountsRepaired++;
    else fixed.accountsBusy++;
  }
  await cursors.replace({ _id: POINTS_CURSOR_ID, kind: 'reconcile-cursor', after: page.next, version: (cursor?.version ?? 0) + 1 });
  return fixed;
}

import { isEarnedEntry, type LedgerEntry } from '../../src/domain/volunteer';
import { accountId, accountRecordSchema, ledgerRecordSchema, recordOfEntry, type AccountRecord } from '../../src/domain/volunteer/records';
import { inTransaction, type Invocation, type Tx } from '../_lib';

/**
 * Multi-document volunteer writes in one CloudBase transaction each (issue 9 item 2): the ledger entry and
 * its account move together, a redemption moves account, stock, ledger and record together. Conflicts under
 * a crowd (one gift, one account) are retried by the accessor's `inTransaction` before the caller hears "busy".
 */
export const atomically = <R>(call: Invocation, work: (tx: Tx) => Promise<R>): Promise<R> => inTransaction(call.db, work);

/** Thrown inside a transaction when a move would take the year's available points below zero. */
export class WouldGoNegative extends Error {
  constructor(readonly available: number) {
    super('available points would go negative');
  }
}

export const accountsIn = (tx: Tx) => tx.collectionOf('points_accounts', accountRecordSchema);
export const ledgerIn = (tx: Tx) => tx.collectionOf('ledger', ledgerRecordSchema);

/** Moves (or opens) the year's account of the entry's volunteer inside `tx`; never below zero. */
export async function moveAccountIn(tx: Tx, e: Pick<LedgerEntry, 'volunteerId' | 'communityId' | 'streetId' | 'year'>, earned: number, available: number): Promise<AccountRecord> {
  const accounts = accountsIn(tx);
  const _id = accountId(e.volunteerId, e.year);
  const current = await accounts.load(_id);
  const next: AccountRecord = {
    _id, volunteerId: e.volunteerId, communityId: current?.communityId ?? e.communityId, streetId: current?.streetId ?? e.streetId, year: e.year,
    earned: (current?.earned ?? 0) + earned,
    available: (current?.available ?? 0) + available,
  };
  if (next.available < 0) throw new WouldGoNegative(current?.available ?? 0);
  await accounts.set(next);
  return next;
}

/**
 * Appends one entry and moves its account in one transaction; false when the entry exists already (the
 * retry). The account always equals the sum of its year's ledger.
 */
export async function appendEntryAtomically(call: Invocation, entry: LedgerEntry): Promise<boolean> {
  return atomically(call, async (tx) => {
    const ledger = ledgerIn(tx);
    if (await ledger.load(entry.id)) return false;
    await ledger.insert(recordOfEntry(entry));
    await moveAccountIn(tx, entry, isEarnedEntry(entry) ? entry.points : 0, entry.points);
    return true;
  });
}

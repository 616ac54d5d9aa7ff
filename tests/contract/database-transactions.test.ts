import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { TRANSACTION_CONFLICT_MESSAGE, TRANSACTION_NOT_EXIST_MESSAGE } from '../../local-cloud/services/database/errors';
import { startTestCloud, useTestCloud } from '../support/local-cloud-harness';

/** A document as a transaction reads it back: whatever was stored, with its id. */
type Stored = { _id: string } & Record<string, unknown>;
/** The queries this test runs inside a transaction (@cloudbase/database src/transaction/query.ts). */
interface TxQuery {
  where(query: object): TxQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): TxQuery;
  skip(n: number): TxQuery;
  limit(n: number): TxQuery;
  field(projection: Record<string, boolean>): TxQuery;
  get(): Promise<{ data: Stored[] }>;
  updateAndReturn(data: object): Promise<{ updated: number; doc: Stored | null }>;
}
interface TxCollection extends TxQuery {
  /** Inside a transaction `doc().get()` answers the document itself (or null), not a list as outside. */
  doc(id: string): { get(): Promise<{ data: Stored | null }>; set(data: object): Promise<unknown>; update(data: object): Promise<unknown>; delete(): Promise<unknown> };
  add(data: object): Promise<{ id?: string; ids?: string[] }>;
}
/**
 * What `db.startTransaction()` resolves to (@cloudbase/database src/transaction/index.ts). The SDK types
 * it `any` and its d.ts gives the transaction's collection the plain CollectionReference, whose reads
 * answer lists — wrong inside a transaction — so the test states the shapes it relies on here.
 */
interface Tx {
  collection(name: string): TxCollection;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
  /** Raw requests (modifyDocument / removeDocument with a query) answer what they changed. */
  getRequestMethod(): { send(action: string, params: Record<string, unknown>): Promise<{ data: { updated?: number; deleted?: number } }> };
  getTransactionId(): string;
}
/** An account as this test stores it; a read that is not one fails here rather than as NaN later. */
const accountSchema = z.object({ _id: z.string(), balance: z.number() }).passthrough();
const balanceOf = (doc: Stored | null) => accountSchema.parse(doc).balance;

/** CloudBase database transactions through the real SDK: snapshot reads, first writer wins, all or nothing. */
describe('database transactions through the CloudBase SDK', () => {
  const t = useTestCloud({ collections: ['accounts'] });
  const start = (): Promise<Tx> => t.db.startTransaction();
  const plain = (id: string) => t.db.collection('accounts').doc(id);
  const read = async (id: string) => (await plain(id).get()).data[0];

  beforeEach(async () => {
    await t.db.collection('accounts').add({ _id: 'alice', balance: 100 });
    await t.db.collection('accounts').add({ _id: 'bob', balance: 0 });
  });

  test('a committed transaction applies every write: update, set, add and delete', async () => {
    const tx = await start();
    await tx.collection('accounts').doc('alice').update({ balance: t.db.command.inc(-30) });
    await tx.collection('accounts').doc('bob').set({ balance: 30, note: '转账' });
    const added = await tx.collection('ledger').add({ _id: 'entry-1', from: 'alice', to: 'bob', amount: 30 });
    await tx.collection('accounts').doc('carol').set({ balance: 5 });
    await tx.collection('accounts').doc('carol').delete();
    expect(added).toMatchObject({ id: 'entry-1' });
    await tx.commit();
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 70 });
    expect(await read('bob')).toEqual({ _id: 'bob', balance: 30, note: '转账' });
    expect(await t.db.collection('ledger').doc('entry-1').get()).toMatchObject({ data: [{ amount: 30 }] });
    expect(await read('carol')).toBeUndefined();
  });

  test('nothing is visible outside before commit, and a rollback leaves nothing', async () => {
    const tx = await start();
    await tx.collection('accounts').doc('alice').update({ balance: 0 });
    await tx.collection('ledger').add({ _id: 'entry-2', amount: 100 });
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 100 });
    expect((await t.db.collection('ledger').count()).total).toBe(0);
    await tx.rollback();
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 100 });
    expect((await t.db.collection('ledger').count()).total).toBe(0);
  });

  test('reads inside see the transaction’s own writes, including deletes and new documents', async () => {
    const tx = await start();
    await tx.collection('accounts').doc('alice').update({ balance: t.db.command.inc(-1) });
    await tx.collection('accounts').doc('bob').delete();
    await tx.collection('accounts').add({ _id: 'dave', balance: 7 });
    expect((await tx.collection('accounts').doc('alice').get()).data).toEqual({ _id: 'alice', balance: 99 });
    expect((await tx.collection('accounts').doc('bob').get()).data).toBeNull();
    expect((await tx.collection('accounts').doc('dave').get()).data).toEqual({ _id: 'dave', balance: 7 });
    await tx.rollback();
  });

  test('reads inside see the snapshot taken at its first operation, not later commits (repeatable read)', async () => {
    const tx = await start();
    await tx.collection('accounts').doc('bob').get(); // first command: MongoDB sets the snapshot here
    await plain('alice').update({ balance: 1 });
    await t.db.collection('accounts').add({ _id: 'late', balance: 2 });
    expect((await tx.collection('accounts').doc('alice').get()).data).toEqual({ _id: 'alice', balance: 100 });
    expect((await tx.collection('accounts').doc('late').get()).data).toBeNull();
    const all = await tx.collection('accounts').where({ balance: t.db.command.gte(0) }).get();
    expect(all.data.map((d) => d._id).sort()).toEqual(['alice', 'bob']);
    expect(all.data.find((d) => d._id === 'alice')).toEqual({ _id: 'alice', balance: 100 });
    await tx.rollback();
  });

  test('a commit between startTransaction and the first operation is visible: the snapshot is not set at start', async () => {
    const tx = await start();
    await plain('alice').update({ balance: 1 });
    expect((await tx.collection('accounts').doc('alice').get()).data).toEqual({ _id: 'alice', balance: 1 });
    await tx.collection('accounts').doc('alice').update({ balance: 2 }); // no conflict: written before the snapshot
    await tx.commit();
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 2 });
  });

  test('writing a document committed by someone else after the snapshot is a conflict; the transaction is aborted', async () => {
    const tx = await start();
    await tx.collection('accounts').doc('alice').get();
    await plain('alice').update({ balance: 1 });
    await expect(tx.collection('accounts').doc('alice').update({ balance: 2 })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
      message: TRANSACTION_CONFLICT_MESSAGE,
    });
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await tx.rollback(); // harmless, as the SDK's runTransaction assumes
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 1 });
  });

  test('two transactions writing one document: the first writer wins, the second gets a retryable conflict', async () => {
    const first = await start();
    const second = await start();
    await first.collection('accounts').doc('alice').update({ balance: 10 });
    await expect(second.collection('accounts').doc('alice').update({ balance: 20 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await first.commit();
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 10 });
    // A fresh attempt after the winner committed reads its result and succeeds.
    const retry = await start();
    const seen = (await retry.collection('accounts').doc('alice').get()).data;
    await retry.collection('accounts').doc('alice').update({ balance: balanceOf(seen) + 20 });
    await retry.commit();
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 30 });
  });

  test('a plain write overtaking a transaction’s write wins; the transaction ends in a conflict, no update lost', async () => {
    const tx = await start();
    await tx.collection('accounts').doc('alice').update({ balance: t.db.command.inc(5) });
    await plain('alice').update({ balance: t.db.command.inc(1) });
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 101 });
  });

  test('concurrent runTransaction increments all land: conflicts are retried by the SDK', async () => {
    let attempts = 0;
    let bothRead!: () => void;
    const gate = new Promise<void>((resolve) => (bothRead = resolve));
    let reads = 0;
    const increment = () =>
      t.db.runTransaction(async (tx: Tx) => {
        attempts += 1;
        const { data } = await tx.collection('accounts').doc('bob').get();
        if (++reads === 2) bothRead();
        await gate; // both read balance 0 before either writes: a lost update without isolation
        await tx.collection('accounts').doc('bob').update({ balance: balanceOf(data) + 1 });
        return balanceOf(data) + 1;
      });
    const results = await Promise.allSettled([increment(), increment()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(await read('bob')).toEqual({ _id: 'bob', balance: 2 });
  });

  test('many concurrent transfers: every one either lands whole or fails with a conflict, money is conserved', async () => {
    const transfer = () =>
      t.db.runTransaction(async (tx: Tx) => {
        const from = (await tx.collection('accounts').doc('alice').get()).data;
        const to = (await tx.collection('accounts').doc('bob').get()).data;
        await tx.collection('accounts').doc('alice').update({ balance: balanceOf(from) - 10 });
        await tx.collection('accounts').doc('bob').update({ balance: balanceOf(to) + 10 });
      }, 1);
    const results = await Promise.allSettled(Array.from({ length: 6 }, transfer));
    const landed = results.filter((r) => r.status === 'fulfilled').length;
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(landed).toBeGreaterThanOrEqual(1);
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 100 - 10 * landed });
    expect(await read('bob')).toEqual({ _id: 'bob', balance: 10 * landed });
  });

  test('runTransaction: an error thrown in the callback rolls back and is not retried; rollback(reason) rejects with the reason', async () => {
    let attempts = 0;
    const failing = t.db.runTransaction(async (tx: Tx) => {
      attempts += 1;
      await tx.collection('accounts').doc('alice').update({ balance: 0 });
      throw new Error('余额不足');
    });
    await expect(failing).rejects.toThrow('余额不足');
    expect(attempts).toBe(1);
    const rolledBack = t.db.runTransaction(async (tx: Tx) => {
      await tx.collection('accounts').doc('alice').update({ balance: 0 });
      await tx.rollback('手动回滚');
    });
    await expect(rolledBack).rejects.toBe('手动回滚');
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 100 });
  });

  test('a transaction must end within 30 s: after that it is gone (DATABASE_TRANSACTION_FAIL) and wrote nothing', async () => {
    const tx = await start();
    await tx.collection('accounts').doc('alice').update({ balance: 0 });
    t.cloud.clock.advance(30_001);
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 100 });
    // Its claim on alice is released with it.
    const next = await start();
    await next.collection('accounts').doc('alice').update({ balance: 50 });
    await next.commit();
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 50 });
  });

  test('a committed or unknown transaction cannot be used again: DATABASE_TRANSACTION_FAIL, CloudBase’s TransactionNotExist', async () => {
    const notExist = { code: 'DATABASE_TRANSACTION_FAIL', message: TRANSACTION_NOT_EXIST_MESSAGE };
    const tx = await start();
    await tx.commit();
    await expect(tx.commit()).rejects.toMatchObject(notExist);
    await expect(tx.collection('accounts').doc('alice').get()).rejects.toMatchObject(notExist);
    await expect(tx.collection('accounts').doc('alice').set({ balance: 0 })).rejects.toMatchObject(notExist);
    const send = tx.getRequestMethod();
    await expect(send.send('database.commitTransaction', { transactionId: 'no-such-transaction' })).rejects.toMatchObject(notExist);
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 100 });
  });

  test('batch inserts and where queries inside a transaction see its own writes and its snapshot only', async () => {
    const _ = t.db.command;
    const tx = await start();
    const added = await tx.collection('accounts').add([
      { _id: 'carol', balance: 50 },
      { _id: 'dave', balance: 5 },
    ]);
    expect(added.ids).toEqual(['carol', 'dave']);
    await tx.collection('accounts').doc('bob').delete();
    await plain('alice').update({ balance: 999 }); // after the snapshot: invisible inside
    const rich = await tx.collection('accounts').where({ balance: _.gte(50) }).orderBy('balance', 'desc').get();
    expect(rich.data).toEqual([
      { _id: 'alice', balance: 100 },
      { _id: 'carol', balance: 50 },
    ]);
    const page = await tx.collection('accounts').where({}).orderBy('balance', 'asc').skip(1).limit(1).field({ balance: true }).get();
    expect(page.data).toEqual([{ _id: 'carol', balance: 50 }]);
    expect((await t.db.collection('accounts').where({ _id: _.in(['carol', 'dave']) }).get()).data).toEqual([]);
    await tx.commit();
    expect((await t.db.collection('accounts').orderBy('_id', 'asc').get()).data.map((d: { _id: string }) => d._id)).toEqual(['alice', 'carol', 'dave']);
  });

  test('query-based writes inside a transaction (raw modifyDocument / removeDocument with a where) land at commit only', async () => {
    const tx = await start();
    const send = tx.getRequestMethod();
    const transactionId = tx.getTransactionId();
    const where = JSON.stringify({ balance: { $gte: 0 } });
    const modified = await send.send('database.modifyDocument', {
      transactionId,
      collectionName: 'accounts',
      query: where,
      data: JSON.stringify({ $inc: { balance: 1 } }),
      multi: true,
      merge: true,
    });
    expect(modified.data.updated).toBe(2);
    const removed = await send.send('database.removeDocument', { transactionId, collectionName: 'accounts', query: JSON.stringify({ balance: 1 }), multi: true });
    expect(removed.data.deleted).toBe(1);
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 100 });
    await tx.commit();
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 101 });
    expect(await read('bob')).toBeUndefined();
  });

  test('updateAndReturn inside a transaction answers the updated document and claims it like any write', async () => {
    const tx = await start();
    const result = await tx.collection('accounts').where({ _id: 'alice' }).updateAndReturn({ balance: t.db.command.inc(-40) });
    expect(result).toMatchObject({ updated: 1, doc: { _id: 'alice', balance: 60 } });
    const rival = await start();
    await expect(rival.collection('accounts').doc('alice').update({ balance: 0 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await tx.commit();
    expect(await read('alice')).toEqual({ _id: 'alice', balance: 60 });
  });
});

describe('database transactions and crashes', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'gridlink-txn-crash-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('kill -9 before commit leaves nothing of the open transaction; a committed one survives whole', async () => {
    await runUntilKilled(dataDir);
    const restarted = await startTestCloud({ dataDir });
    try {
      const ids = async (collection: string) => (await restarted.db.collection(collection).get()).data.map((d: { _id: string }) => d._id).sort();
      expect(await ids('committed')).toEqual(['c-1', 'c-2']);
      expect(await ids('uncommitted')).toEqual([]);
      expect((await restarted.db.collection('committed').doc('c-1').get()).data[0].v).toBe(1);
    } finally {
      await restarted.stop();
    }
  }, 60000);
});

/** Runs tests/contract/support/transaction-writer.ts and kills it (SIGKILL) once its open transaction holds writes. */
function runUntilKilled(dataDir: string): Promise<void> {
  const writer = join(__dirname, 'support', 'transaction-writer.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('open-with-writes') && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited early: ${stderr}`))));
  });
}

/**
 * Child process for the transaction crash test: on the data dir given as argv[2] it commits one
 * transaction, then leaves a second one open with writes, prints `open-with-writes` and waits for the
 * parent's SIGKILL.
 */
import { startTestCloud } from '../../support/local-cloud-harness';

async function writeThenWait(dataDir: string): Promise<void> {
  const { db } = await startTestCloud({ dataDir, collections: ['committed', 'uncommitted'] });
  const committed = await db.startTransaction();
  await committed.collection('committed').add({ _id: 'c-1', v: 1 });
  await committed.collection('committed').add({ _id: 'c-2', v: 2 });
  await committed.commit();
  const open = await db.startTransaction();
  await open.collection('uncommitted').add({ _id: 'u-1', v: 1 });
  await open.collection('committed').doc('c-1').update({ v: 99 });
  process.stdout.write('open-with-writes\n');
  setInterval(() => {}, 1000);
}

writeThenWait(process.argv[2]).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/**
 * Child process for the durability contract test: starts a local cloud on the data dir given as argv[2],
 * writes documents one by one through the SDK and prints `acked <id>` after each acknowledged write,
 * then keeps writing until the parent kills it with SIGKILL.
 */
import { startTestCloud } from '../../support/local-cloud-harness';

async function writeUntilKilled(dataDir: string): Promise<void> {
  const { db } = await startTestCloud({ dataDir, collections: ['durable'] });
  for (let i = 0; ; i += 1) {
    const id = `doc-${i}`;
    await db.collection('durable').add({ _id: id, i, at: new Date(1_700_000_000_000 + i) });
    process.stdout.write(`acked ${id}\n`);
  }
}

writeUntilKilled(process.argv[2]).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFullLocalCloud } from '../../local-cloud/main';
import { registerTables } from './register';

/** Just the register figures (register.ts), for a quicker run than `npm run bench`: `npx tsx scripts/bench/register-only.ts` after `npm run build:functions`. */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gridlink-bench-register-'));
  const cloud = await startFullLocalCloud({ port: 0, dataDir, mode: 'test', seed: true, timers: false });
  try {
    await registerTables(cloud.baseUrl);
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});

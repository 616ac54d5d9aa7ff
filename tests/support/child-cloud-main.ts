/**
 * A full local cloud (functions, dev login, clock, crash control; timers off) in its own process, for
 * tests that kill it: argv[2] is the data dir, argv[3] "seed" writes the demo street when absent,
 * argv[4] (optional) is the function bundles folder, default dist/functions.
 * Prints `ready <baseUrl>` once it serves. Started by tests/support/crash-walk.ts.
 */
import { startFullLocalCloud } from '../../local-cloud/main';
import { BUILT_FUNCTIONS } from '../integration/function-cloud';

async function main(): Promise<void> {
  const [dataDir, seed, functionsDir] = process.argv.slice(2);
  const cloud = await startFullLocalCloud({
    port: 0,
    dataDir,
    mode: 'test',
    seed: seed === 'seed',
    timers: false,
    functionsDir: functionsDir || BUILT_FUNCTIONS,
  });
  process.stdout.write(`ready ${cloud.baseUrl}\n`);
  const stop = () => cloud.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

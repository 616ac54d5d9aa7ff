#!/usr/bin/env node
/** `npm run seed [baseUrl]`: seed the demo street into a running local cloud (no-op when already seeded). */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const loader = join(dirname(fileURLToPath(import.meta.url)), 'seed', 'load.ts');
const result = spawnSync(process.execPath, ['--import', 'tsx', loader, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);

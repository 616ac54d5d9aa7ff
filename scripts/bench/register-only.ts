import { registerTables } from './register';
import { runStandalone } from './seed';

/** Just the register figures (register.ts), for a quicker run than `npm run bench`: `npx tsx scripts/bench/register-only.ts` after `npm run build:functions`. */
runStandalone('register', registerTables);

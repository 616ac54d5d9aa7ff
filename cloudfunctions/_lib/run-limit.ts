import { invocationVariables, type PlatformContext } from './platform-context';

/**
 * How many items one run of a timer function may take on (issue 13 item 2: a backlog of 10 000 due items
 * is worked off in bounded runs that each end well inside the function's timeout, the rest by the next
 * run). The default is the function's own constant, chosen from `npm run bench` (scripts/bench/timer-runs.ts
 * prints each run's time against the timeout in config.json). A function environment variable — CloudBase
 * `envVariables`, changeable in the console without a deploy — may set another positive whole number, e.g.
 * to take smaller bites while the database is slow; the integration tests set a small one so a backlog
 * bigger than one run fits in a test. Anything else is ignored (with a log line) and the default holds.
 */
export function runLimit(context: PlatformContext | undefined, variable: string, fallback: number): number {
  const raw = invocationVariables(context)[variable];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (Number.isInteger(n) && n > 0) return n;
  console.error(`[run-limit] ${variable}=${JSON.stringify(raw)} is not a positive whole number; using ${fallback}`);
  return fallback;
}

/**
 * Gateway latency: a read and a write action through POST /api/fn/user, beside a bare SDK
 * `doc(id).get()` against the same local cloud. Calls are interleaved (read, write, bare get) so
 * GC and JIT phases fall on all three alike; client and server share this process in all three.
 */
import { callFn } from './gateway';
import { elapsedMs, median, percentile } from './table';

export const WARMUP_CALLS = 20;
export const MEASURED_CALLS = 200;

export interface LatencyFigures {
  label: string;
  calls: number;
  median: number;
  p95: number;
}

export interface LatencyTargets {
  baseUrl: string;
  cookie: string;
  /** The bare SDK read, e.g. `() => db.collection('users').doc(id).get()`. */
  bareGet: () => Promise<unknown>;
}

export async function measureLatency({ baseUrl, cookie, bareGet }: LatencyTargets): Promise<LatencyFigures[]> {
  let writes = 0;
  const runs: Array<{ label: string; run: () => Promise<unknown>; samples: number[] }> = [
    { label: 'user.me', run: () => callFn(baseUrl, cookie, 'user', 'me', {}), samples: [] },
    {
      label: 'user.updatePrefs',
      // Alternate the value so every call really writes (and bumps the version).
      run: () => callFn(baseUrl, cookie, 'user', 'updatePrefs', { fontScale: writes++ % 2 === 0 ? 'large' : 'standard' }),
      samples: [],
    },
    { label: 'sdk doc().get()', run: bareGet, samples: [] },
  ];
  for (let i = 0; i < WARMUP_CALLS; i++) for (const r of runs) await r.run();
  for (let i = 0; i < MEASURED_CALLS; i++) {
    for (const r of runs) {
      const start = process.hrtime.bigint();
      await r.run();
      r.samples.push(elapsedMs(start));
    }
  }
  return runs.map((r) => ({ label: r.label, calls: r.samples.length, median: median(r.samples), p95: percentile(r.samples, 95) }));
}

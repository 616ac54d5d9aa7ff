import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFullLocalCloud } from '../../local-cloud/main';
import { localApp } from '../../local-cloud/local-sdk';

/**
 * What the scale benches share to write their data: the seeded demo street and its staff, a deterministic
 * random source, array inserts straight through the SDK (one admin call per chunk: 100 000 cases go in
 * about a minute, where 100 000 function calls would take far longer) and a standalone runner.
 */

/** The demo street (scripts/seed) every bench writes into, and its street staff (any caller of the street). */
export const STREET_ID = 'street-demo';
export const STREET_STAFF = 'user-street';

/** Deterministic PRNG (mulberry32), so every run inserts the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Documents per insert call: larger chunks gain little and hold the local cloud's event loop longer. */
export const INSERT_CHUNK = 1_000;

/**
 * Inserts `docs` into `collection` in array inserts of `chunk` (creating the collection when missing);
 * returns the ms it took. Ids must be unique across benches of one run: each bench prefixes its own.
 */
export async function insertAll(baseUrl: string, collection: string, docs: readonly object[], chunk = INSERT_CHUNK): Promise<number> {
  const db = localApp(baseUrl).database();
  await db.createCollection(collection).catch(() => undefined);
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i += chunk) await db.collection(collection).add(docs.slice(i, i + chunk) as object[]);
  return performance.now() - t0;
}

/**
 * `npx tsx scripts/bench/<bench>.ts` (functions built first): one bench's tables alone, as `npm run bench`
 * runs them — a full local cloud in test mode on a free port, a fresh data dir, the demo seed.
 */
export function runStandalone(name: string, tables: (baseUrl: string) => Promise<void>): void {
  const dataDir = mkdtempSync(join(tmpdir(), `gridlink-bench-${name}-`));
  void (async () => {
    const cloud = await startFullLocalCloud({ port: 0, dataDir, mode: 'test', seed: true, timers: false });
    try {
      await tables(cloud.baseUrl);
    } finally {
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  })().then(
    // The SDK's keep-alive sockets can outlive the cloud; end explicitly once everything is printed.
    () => process.exit(0),
    (err) => {
      console.error(`${name} bench failed:`, err);
      process.exit(2);
    },
  );
}

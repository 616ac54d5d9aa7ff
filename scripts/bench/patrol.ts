import { calculateObjectSize, EJSON } from 'bson';
import { localApp } from '../../local-cloud/local-sdk';
import { DEFAULT_PATROL_RULES } from '../../src/domain/patrol/rules';
import { withBudget } from './budgets';
import { callFn, login } from './gateway';
import { printTable } from './table';

/**
 * Issue 14 item 8: storage per patrol hour. An officer patrols one hour while the phone hands over a
 * point every 10 s (faster than the street's 30 s rule), in batches as the offline queue would send
 * them, checks in at three buildings and ends; the ONE patrol document is then measured as BSON (what
 * CloudBase stores; its document limit is 16 MB) and as the JSON the SDK sends. The figure to watch is
 * bytes per hour: the document of the longest patrol the rules allow must stay far below 16 MB.
 */
const OFFICER = 'user-officer-a1';
const COMMUNITY_STAFF = 'user-community-a';
const PHONE_EVERY_S = 10;
const BATCH = 100;
const CLOUDBASE_DOCUMENT_LIMIT = 16 * 1024 * 1024;

async function setClock(baseUrl: string, body: unknown): Promise<void> {
  await fetch(`${baseUrl}/internal/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export async function patrolStorageTables(baseUrl: string): Promise<void> {
  const start = Date.parse('2026-11-30T09:00:00+08:00');
  await setClock(baseUrl, { set: new Date(start).toISOString(), freeze: true });
  const officer = await login(baseUrl, OFFICER);
  const staff = await login(baseUrl, COMMUNITY_STAFF);
  const buildings: string[] = [];
  for (let i = 1; i <= 3; i += 1) {
    const saved = (await callFn(baseUrl, staff, 'org', 'saveBuilding', { requestId: `bench-building-${i}`, gridId: 'grid-a1', name: `肥东路 ${i} 栋`, kind: 'building' })) as { id: string };
    buildings.push(saved.id);
  }
  const started = (await callFn(baseUrl, officer, 'patrol', 'start', { requestId: 'bench-patrol-0001', gridId: 'grid-a1' })) as { patrol: { patrolId: string } };
  const patrolId = started.patrol.patrolId;
  await setClock(baseUrl, { advanceMs: 60 * 60_000 });
  const points = Array.from({ length: 3600 / PHONE_EVERY_S + 1 }, (_, i) => ({
    at: new Date(start + i * PHONE_EVERY_S * 1000).toISOString(),
    lat: 31.86 + i * 0.00009,
    lng: 117.28 + i * 0.00007,
    acc: 12 + (i % 7),
  }));
  const t0 = Date.now();
  for (let i = 0; i < points.length; i += BATCH) {
    await callFn(baseUrl, officer, 'patrol', 'appendPoints', { patrolId, requestId: `bench-pts-${i}`, points: points.slice(i, i + BATCH) });
  }
  const syncMs = Date.now() - t0;
  for (const [i, b] of buildings.entries()) await callFn(baseUrl, officer, 'patrol', 'checkIn', { requestId: `bench-ci-${i}-0001`, scene: `b:${b}` });
  await callFn(baseUrl, officer, 'patrol', 'end', { patrolId });
  // The tables after this one read the real time.
  await setClock(baseUrl, { reset: true });

  const { data } = await localApp(baseUrl).database().collection('patrols').doc(patrolId).get();
  const doc = data[0] as Record<string, unknown> & { track: unknown[] };
  const bsonBytes = calculateObjectSize(doc);
  const jsonBytes = Buffer.byteLength(EJSON.stringify(doc, { relaxed: false }));
  const perPoint = calculateObjectSize({ track: doc.track }) / Math.max(1, doc.track.length);
  const longest = DEFAULT_PATROL_RULES.maxPatrolMinutes.value / 60;
  const cap = DEFAULT_PATROL_RULES.maxPointsPerPatrol.value;
  printTable(
    'Patrol storage (one document per patrol; phone sampled every 10 s, thinned to the 30 s rule)',
    ['figure', 'value'],
    [
      ['points handed over / stored', `${points.length} / ${doc.track.length}`],
      ['BSON bytes per patrol hour', withBudget('patrol BSON bytes per hour', bsonBytes, CLOUDBASE_DOCUMENT_LIMIT / longest / 10, 0)],
      ['EJSON bytes per patrol hour', jsonBytes],
      ['BSON bytes per stored point', perPoint.toFixed(1)],
      [`document at the cap (${cap} points)`, `${((bsonBytes - perPoint * doc.track.length + perPoint * cap) / 1024).toFixed(0)} KB of 16 384 KB`],
      [`sync of ${points.length} points in batches of ${BATCH}`, `${syncMs} ms`],
    ],
    `budget: a ${longest}-hour patrol (the longest the rules count) stays under a tenth of CloudBase's 16 MB document limit`,
  );
}

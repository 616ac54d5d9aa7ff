import type { Database } from '../app';

/**
 * The grid's household and population counts from the register (issue 15 item 1), written onto the
 * grid as `registerCounts` so the public board keeps its two reads. Recounted (two count queries) after
 * each change rather than incremented: a crash between writes leaves it stale until the next change or
 * the reconciler, never wrong forever.
 */
export async function refreshGridCounts(db: Database, gridId: string, now: Date): Promise<{ households: number; population: number }> {
  const _ = db.command;
  const [households, population] = await Promise.all([
    db.collection('households').where({ gridId, memberCount: _.gt(0) }).count(),
    db.collection('residents').where({ gridId, status: 'active' }).count(),
  ]);
  const counts = { households: households.total, population: population.total };
  await db.collection('grids').where({ _id: gridId }).update({ registerCounts: _.set({ ...counts, countedAt: now }) });
  return counts;
}

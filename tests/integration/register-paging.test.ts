import { chinaInstant } from '../../src/domain/calendar';
import { householdRecordSchema } from '../../src/domain/register';
import type { ActionOutput } from '../../src/domain/api';
import { registerAs, type RegisterCallFn } from '../support/register-builders';
import { useFunctionCloud } from './function-cloud';

/**
 * Issue 15: the household list pages with a cursor (加载更多) — over 250 households of one grid every
 * household comes exactly once, in address order, and another grid's worker pages through only their own.
 */
describe('register household list paging', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;

  /** Households straight into the database, as saveHousehold stores them (validated by the stored schema). */
  async function seedHouseholds(gridId: string, communityId: string, n: number): Promise<string[]> {
    const at = new Date(chinaInstant('2026-11-01', '09:00'));
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      // Rooms in an order unlike insertion, so the page order is the query's and not the file's.
      const room = String(((i * 37) % n) + 1).padStart(3, '0');
      const doc = householdRecordSchema.parse({ _id: `hh-${gridId}-${i}`, streetId: 'street-demo', communityId, gridId, buildingName: '9栋', unit: '1单元', room, address: `肥东路99号9栋${room}室`, tenure: 'owner', memberCount: 0, careFlags: [], note: '', version: 1, createdAt: at, updatedAt: at });
      await t.db.collection('households').add(doc);
      ids.push(doc._id);
    }
    return ids;
  }

  async function pageThrough(who: RegisterCallFn, limit: number) {
    const pages: Array<ActionOutput<'register', 'households'>['items']> = [];
    let after: string | undefined;
    do {
      const answer = await who('households', { limit, ...(after ? { after } : {}) });
      expect(answer.ok).toBe(true);
      pages.push(answer.data.items);
      after = answer.data.next ?? undefined;
    } while (after && pages.length < 20);
    return pages;
  }

  it('pages 250 households 100 at a time, each once and in address order, scoped to the caller\'s grid', async () => {
    t.cloud.clock.set(chinaInstant('2026-11-30', '10:00'));
    const mine = await seedHouseholds('grid-a1', 'community-a', 250);
    const theirs = await seedHouseholds('grid-a2', 'community-a', 7);
    const officer = await registerAs(base(), 'user-officer-a1');
    const pages = await pageThrough(officer, 100);
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    const seen = pages.flat();
    expect(new Set(seen.map((h) => h.householdId))).toEqual(new Set(mine));
    const addresses = seen.map((h) => h.address);
    expect(addresses).toEqual([...addresses].sort());

    const other = await registerAs(base(), 'user-officer-a2');
    const theirPages = await pageThrough(other, 3);
    expect(theirPages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(new Set(theirPages.flat().map((h) => h.householdId))).toEqual(new Set(theirs));

    expect((await officer('households', { after: 'not-a-cursor' })).error).toMatchObject({ code: 'INVALID_INPUT', fields: { after: '翻页位置无效' } });
  });
});

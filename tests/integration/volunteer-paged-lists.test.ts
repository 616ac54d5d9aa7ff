import { z } from 'zod';
import type { ActionName, ActionOutput } from '../../src/domain/api';
import { useFunctionCloud } from './function-cloud';
import { setClock } from '../support/case-builders';
import { found } from '../support/contract-call';
import { allDocs, COMMUNITY_A, crowdOfVolunteers, publishedActivity, STAFF_A, STAFF_B, STREET, VOLUNTEER_A, volunteerAs, type VolunteerCall } from '../support/volunteer-builders';

/**
 * Issue 8 item 9 for the volunteer lists: activities, the points ledger, redemptions, the volunteers of a
 * community and the gift catalogue each answer one cursor page at a time. 250 stored items per list, walked
 * to the end through the real SDK: every item exactly once, in the list's order, each page no longer than
 * asked, `next` null only at the end, the total right, and the same denials as before paging.
 */
describe('volunteer lists page with a cursor', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const NOW = Date.parse('2026-06-10T10:00:00+08:00');
  const N = 250;
  const pad = (i: number) => String(i).padStart(3, '0');

  beforeEach(async () => setClock(base(), new Date(NOW).toISOString()));

  /**
   * Walks a list action page by page (page size `limit`), checking each page's size and the total on each
   * page. `listOf` picks the page's items, so each walk is typed from that action's contract output.
   */
  async function walk<A extends ActionName<'volunteer'>, T>(
    who: VolunteerCall,
    action: A,
    input: Record<string, unknown>,
    listOf: (page: ActionOutput<'volunteer', A>) => T[],
    limit: number,
  ) {
    const items: T[] = [];
    const sizes: number[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    let last: ActionOutput<'volunteer', A> | undefined;
    do {
      const answer = await who(action, { ...input, limit, ...(after ? { after } : {}) });
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      const page = pageSchema.parse(answer.data);
      last = answer.data;
      sizes.push(listOf(answer.data).length);
      totals.add(page.total);
      items.push(...listOf(answer.data));
      after = page.next;
    } while (after && sizes.length < 20);
    return { items, sizes, totals: [...totals], last: found(last, `a page of ${action}`) };
  }
  /** What every paged list answers besides its items (issue 8 item 9), asserted on each page. */
  const pageSchema = z.object({ next: z.string().nullable(), total: z.number().int().nonnegative() });

  /** [100, 100, 50] for 250 in pages of 100: full pages, then the rest, then nothing more. */
  const pagesOf = (n: number, size: number) => [...Array.from({ length: Math.floor(n / size) }, () => size), ...(n % size ? [n % size] : [])];

  it('activities: 250 published ones of community A walked soonest first by a volunteer and newest first by staff; another community’s staff get none of them', async () => {
    const staff = await volunteerAs(base(), STAFF_A);
    const first = await publishedActivity(staff, NOW);
    const stored = (await allDocs(t.db, 'activities', { _id: first }))[0];
    const { _id: _ignored, ...rest } = stored;
    // Copies an hour apart; every tenth starts at the same time as the one before (ties broken by id, never skipped).
    for (let i = 1; i < N; i++) {
      const startAt = new Date(NOW + 24 * 3600_000 + (i - (i % 10 === 0 ? 1 : 0)) * 3600_000);
      await t.db.collection('activities').add({ ...rest, _id: `act-paged-${pad(i)}`, title: `活动${i}`, startAt, endAt: new Date(startAt.getTime() + 2 * 3600_000) });
    }
    const published = (await allDocs(t.db, 'activities', { communityId: COMMUNITY_A, state: 'published' })).length;
    expect(published).toBeGreaterThanOrEqual(N);

    const volunteer = await volunteerAs(base(), VOLUNTEER_A);
    const soonest = await walk(volunteer, 'activities', { state: 'published', order: 'soonest' }, (p) => p.activities, 100);
    expect(soonest.sizes).toEqual(pagesOf(published, 100));
    expect(soonest.totals).toEqual([published]);
    expect(soonest.last.next).toBeNull();
    const ids = soonest.items.map((a) => a.activityId);
    expect(new Set(ids).size).toBe(published);
    const keys = soonest.items.map((a) => `${a.startAt}|${a.activityId}`);
    expect(keys).toEqual([...keys].sort());

    const latest = await walk(staff, 'activities', { communityId: COMMUNITY_A }, (p) => p.activities, 60);
    const all = (await allDocs(t.db, 'activities', { communityId: COMMUNITY_A })).length;
    expect([latest.sizes, latest.totals, new Set(latest.items.map((a) => a.activityId)).size]).toEqual([pagesOf(all, 60), [all], all]);
    const times = latest.items.map((a) => Date.parse(a.startAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // Without a limit: the default page, with a cursor to the rest.
    const firstPage = (await volunteer('activities', { state: 'published' })).data;
    expect([firstPage.activities.length, typeof firstPage.next, firstPage.total]).toEqual([50, 'string', published]);
    // 签到 lists only the activities the volunteer holds a place in, wherever they fall in the full list.
    for (const id of ['act-paged-240', 'act-paged-120']) expect((await volunteer('signUp', { activityId: id })).ok).toBe(true);
    const mine = await walk(volunteer, 'activities', { state: 'published', order: 'soonest', signedUp: true }, (p) => p.activities, 100);
    expect([mine.items.map((a) => [a.activityId, a.mine]), mine.totals, mine.last.next]).toEqual([[['act-paged-120', 'signed_up'], ['act-paged-240', 'signed_up']], [2], null]);
    // Community B's staff see only B's activities, however far they page.
    const other = await walk(await volunteerAs(base(), STAFF_B), 'activities', {}, (p) => p.activities, 100);
    expect(other.items.filter((a) => a.communityId === COMMUNITY_A)).toEqual([]);
  });

  it('the ledger: 250 entries read newest first, a correction marks its award on another page, the totals sum the whole ledger; staff of another community are refused', async () => {
    const at = (i: number) => new Date(NOW - i * 3600_000);
    const entries = Array.from({ length: N - 1 }, (_, i) => ({
      _id: `award-paged-${pad(i)}`, kind: 'award', points: 2, year: 2026, volunteerId: VOLUNTEER_A, communityId: COMMUNITY_A, streetId: STREET,
      by: STAFF_A, at: at(i + 1), ruleId: 'governance.sanitation', source: { activityId: `act-x-${i}` },
    }));
    // The newest entry corrects the oldest award: they sit on the first and the last page.
    const correction = { _id: 'correction-paged', kind: 'correction', points: -2, year: 2026, volunteerId: VOLUNTEER_A, communityId: COMMUNITY_A, streetId: STREET, by: STAFF_A, at: at(0), correctsEntryId: `award-paged-${pad(N - 2)}`, reason: '误记', source: {} };
    await t.db.collection('ledger').add([...entries, correction]);
    const before = await allDocs(t.db, 'ledger', { volunteerId: VOLUNTEER_A });
    expect(before).toHaveLength(N);

    const volunteer = await volunteerAs(base(), VOLUNTEER_A);
    const read = await walk(volunteer, 'ledger', {}, (p) => p.entries, 100);
    expect([read.sizes, read.totals, read.last.next]).toEqual([[100, 100, 50], [N], null]);
    expect(read.items.map((e) => e.entryId)).toEqual(['correction-paged', ...entries.map((e) => e._id)]);
    expect(found(read.items.find((e) => e.entryId === `award-paged-${pad(N - 2)}`), 'the corrected award').correctedBy).toBe('correction-paged');
    expect(read.items.filter((e) => e.correctedBy)).toHaveLength(1);
    expect([read.last.allTime, read.last.yearAvailable]).toEqual([(N - 1) * 2 - 2, (N - 1) * 2 - 2]);
    // A year filter pages the same way; another year is empty and says so.
    expect((await walk(volunteer, 'ledger', { year: 2026 }, (p) => p.entries, 80)).sizes).toEqual([80, 80, 80, 10]);
    expect((await volunteer('ledger', { year: 2025 })).data).toMatchObject({ entries: [], next: null, total: 0, allTime: (N - 1) * 2 - 2, yearAvailable: 0 });

    const staff = await walk(await volunteerAs(base(), STAFF_A), 'ledger', { volunteerId: VOLUNTEER_A }, (p) => p.entries, 100);
    expect(staff.items).toEqual(read.items);
    expect((await (await volunteerAs(base(), STAFF_B))('ledger', { volunteerId: VOLUNTEER_A, limit: 10 })).error.code).toBe('FORBIDDEN');
    expect(await allDocs(t.db, 'ledger', { volunteerId: VOLUNTEER_A })).toEqual(before);
  });

  it('redemptions: a volunteer’s own 250 and the community’s pickups page newest first; pickup codes only to their owner; another community’s staff refused', async () => {
    const docs = Array.from({ length: N }, (_, i) => ({
      _id: `red-paged-${pad(i)}`, volunteerId: VOLUNTEER_A, volunteerName: '黄志明', giftId: 'gift-x', giftName: '毛巾', communityId: COMMUNITY_A, streetId: STREET,
      points: 5, year: 2026, state: i % 5 === 0 ? 'picked_up' : 'awaiting_pickup', pickupCode: String(100000 + i), at: new Date(NOW - Math.floor(i / 2) * 60_000),
    }));
    await t.db.collection('redemptions').add(docs);
    // Pairs share a time: the id breaks the tie, descending like the time.
    const expected = [...docs].sort((a, b) => b.at.getTime() - a.at.getTime() || (a._id < b._id ? 1 : -1)).map((d) => d._id);

    const own = await walk(await volunteerAs(base(), VOLUNTEER_A), 'redemptions', {}, (p) => p.redemptions, 100);
    expect([own.sizes, own.totals, own.last.next]).toEqual([[100, 100, 50], [N], null]);
    expect(own.items.map((r) => r.redemptionId)).toEqual(expected);
    expect(own.items.every((r) => r.pickupCode !== undefined && /^\d{6}$/.test(r.pickupCode))).toBe(true);

    const waiting = await walk(await volunteerAs(base(), STAFF_A), 'redemptions', { communityId: COMMUNITY_A, state: 'awaiting_pickup' }, (p) => p.redemptions, 100);
    expect([waiting.sizes, waiting.totals]).toEqual([[100, 100], [200]]);
    expect(waiting.items.map((r) => r.redemptionId)).toEqual(expected.filter((id) => Number(id.slice(-3)) % 5 !== 0));
    expect(waiting.items.some((r) => r.pickupCode !== undefined)).toBe(false);
    expect((await (await volunteerAs(base(), STAFF_B))('redemptions', { communityId: COMMUNITY_A })).error.code).toBe('FORBIDDEN');
  });

  it('volunteers of a community: 250 more walked by staff in id order with the total; a volunteer and another community’s staff are refused', async () => {
    await crowdOfVolunteers(t.db, N);
    const inA = (await allDocs(t.db, 'volunteers', { communityId: COMMUNITY_A })).map((v) => v._id).sort();
    expect(inA.length).toBeGreaterThanOrEqual(N);
    const read = await walk(await volunteerAs(base(), STAFF_A), 'volunteers', { communityId: COMMUNITY_A }, (p) => p.volunteers, 100);
    expect([read.sizes, read.totals, read.last.next]).toEqual([pagesOf(inA.length, 100), [inA.length], null]);
    expect(read.items.map((v) => v.volunteerId)).toEqual(inA);
    expect((await (await volunteerAs(base(), STAFF_B))('volunteers', { communityId: COMMUNITY_A, limit: 5 })).error.code).toBe('FORBIDDEN');
    expect((await (await volunteerAs(base(), VOLUNTEER_A))('volunteers', { communityId: COMMUNITY_A })).error.code).toBe('FORBIDDEN');
  });

  it('the gift catalogue: staff page through all 250 gifts, a volunteer through the 200 on the shelf only, in full pages', async () => {
    const gifts = Array.from({ length: N }, (_, i) => ({ _id: `gift-paged-${pad(i)}`, communityId: COMMUNITY_A, streetId: STREET, name: `礼品${i}`, pointsCost: 10, stock: 3, active: i % 5 !== 0, version: 1, createdAt: new Date(NOW) }));
    await t.db.collection('rewards').add(gifts);
    const stored = (await allDocs(t.db, 'rewards', { communityId: COMMUNITY_A })).map((g) => g._id).sort();
    const onShelf = (await allDocs(t.db, 'rewards', { communityId: COMMUNITY_A, active: true })).map((g) => g._id).sort();

    const staff = await walk(await volunteerAs(base(), STAFF_A), 'gifts', { communityId: COMMUNITY_A }, (p) => p.gifts, 100);
    expect([staff.sizes, staff.totals, staff.items.map((g) => g.giftId)]).toEqual([pagesOf(stored.length, 100), [stored.length], stored]);
    const volunteer = await walk(await volunteerAs(base(), VOLUNTEER_A), 'gifts', {}, (p) => p.gifts, 100);
    expect([volunteer.sizes, volunteer.totals, volunteer.items.map((g) => g.giftId)]).toEqual([pagesOf(onShelf.length, 100), [onShelf.length], onShelf]);
    expect(volunteer.items.every((g) => g.active)).toBe(true);
    expect((await (await volunteerAs(base(), STAFF_B))('gifts', { communityId: COMMUNITY_A })).error.code).toBe('FORBIDDEN');
  });

  it('报名名单: 250 sign-ups of one activity walked in sign-up order with how many checked in; a volunteer and another community’s staff are refused', async () => {
    const staff = await volunteerAs(base(), STAFF_A);
    const activityId = await publishedActivity(staff, NOW, { headcount: 300 });
    const ids = await crowdOfVolunteers(t.db, N);
    // Signed up a minute apart, in pairs at the same minute (the id breaks the tie); every fifth checked in.
    const rows = ids.map((volunteerId, i) => ({
      _id: `${activityId}:${volunteerId}`, activityId, volunteerId, communityId: COMMUNITY_A, signedAt: new Date(NOW - 3600_000 + Math.floor(i / 2) * 60_000),
      ...(i % 5 === 0 ? { checkedInAt: new Date(NOW), checkedInBy: STAFF_A } : {}),
    }));
    await t.db.collection('signups').add(rows);
    const expected = [...rows].sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime() || (a._id < b._id ? -1 : 1)).map((r) => r.volunteerId);

    const read = await walk(staff, 'signups', { activityId }, (p) => p.signups, 100);
    expect([read.sizes, read.totals, read.last.next, read.last.checkedIn]).toEqual([[100, 100, 50], [N], null, 50]);
    expect(read.items.map((r) => r.volunteerId)).toEqual(expected);
    expect(read.items.filter((r) => r.checkedInAt)).toHaveLength(50);
    expect(read.items[0].name).toBe(`志愿者${ids.indexOf(expected[0])}`);
    // The detail no longer carries the list; the street reads it too, volunteers and other communities do not.
    expect((await staff('activity', { activityId })).data).not.toHaveProperty('signups');
    expect((await walk(await volunteerAs(base(), 'user-admin'), 'signups', { activityId }, (p) => p.signups, 100)).items).toHaveLength(N);
    expect((await (await volunteerAs(base(), VOLUNTEER_A))('signups', { activityId })).error.code).toBe('FORBIDDEN');
    expect((await (await volunteerAs(base(), STAFF_B))('signups', { activityId, limit: 5 })).error.code).toBe('FORBIDDEN');
  });

  it('a damaged cursor is refused in plain words naming the page position', async () => {
    const answer = await (await volunteerAs(base(), VOLUNTEER_A))('redemptions', { after: 'not-a-cursor' });
    expect(answer.error.code).toBe('INVALID_INPUT');
    expect(answer.error.message).toMatch(/翻页位置/);
    const tooBig = await (await volunteerAs(base(), VOLUNTEER_A))('ledger', { limit: 101 });
    expect(tooBig.error.code).toBe('INVALID_INPUT');
    expect(tooBig.error.message).toMatch(/每页条数/);
  });
});

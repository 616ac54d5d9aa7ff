import { useFunctionCloud } from './function-cloud';
import { aReport, caseCaller, setClock } from '../support/case-builders';

/** Issue 8 item 9: 我的上报 pages with a cursor and never stops silently — 250 reports, read in pages. */
describe('paged lists', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;

  beforeEach(async () => setClock(base(), '2026-12-07T09:00:00+08:00'));

  it('a resident with 250 reports reads all of them, newest first, 100 at a time, and the last page says there is no more', async () => {
    const resident = await caseCaller(base(), 'user-resident-1');
    const first = await resident('report', aReport());
    expect(first.ok).toBe(true);
    // The other 249 are copies of the stored one a minute apart (filing them through `report` would hit its hourly limit).
    const stored = (await t.db.collection('cases').where({ _id: first.data.caseId }).get()).data[0] as Record<string, any>;
    const { _id: _ignored, ...rest } = stored;
    const start = new Date(stored.createdAt).getTime();
    for (let i = 1; i < 250; i++) {
      await t.db.collection('cases').add({ ...rest, _id: `case-paged-${String(i).padStart(3, '0')}`, createdAt: new Date(start - i * 60_000) });
    }

    const pages: Array<{ cases: Array<{ caseId: string; createdAt: string }>; next: string | null }> = [];
    let after: string | undefined;
    do {
      const answer = await resident('mine', after ? { after, limit: 100 } : { limit: 100 });
      expect(answer.ok).toBe(true);
      pages.push(answer.data);
      after = answer.data.next ?? undefined;
    } while (after && pages.length < 10);

    expect(pages.map((p) => p.cases.length)).toEqual([100, 100, 50]);
    expect(pages[2].next).toBeNull();
    const all = pages.flatMap((p) => p.cases);
    expect(new Set(all.map((c) => c.caseId)).size).toBe(250);
    const times = all.map((c) => Date.parse(c.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // Another resident's list stays empty however it is paged.
    const other = await caseCaller(base(), 'user-resident-2');
    expect((await other('mine', { limit: 100 })).data).toEqual({ cases: [], next: null });
  });

  it('the A1 officer reads 250 open cases of the inbox in pages with the total and how many are past their deadline; A2’s officer sees none', async () => {
    const resident = await caseCaller(base(), 'user-resident-1');
    const first = await resident('report', aReport());
    expect(first.ok).toBe(true);
    const stored = (await t.db.collection('cases').where({ _id: first.data.caseId }).get()).data[0] as Record<string, any>;
    const { _id: _ignored, ...rest } = stored;
    const start = new Date(stored.createdAt).getTime();
    // 40 of the copies had their deadline an hour ago: the workbench's overdue badge counts them.
    for (let i = 1; i < 250; i++) {
      const dueAt = i <= 40 ? new Date(start - 3600_000) : new Date(start + 3 * 3600_000);
      await t.db.collection('cases').add({ ...rest, _id: `case-inbox-${String(i).padStart(3, '0')}`, createdAt: new Date(start - i * 60_000), dueAt });
    }
    const officer = await caseCaller(base(), 'user-officer-a1');

    const badge = await officer('inbox', { limit: 1 });
    expect([badge.data.cases.length, badge.data.total, badge.data.overdueCount, typeof badge.data.next]).toEqual([1, 250, 40, 'string']);

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const answer = await officer('inbox', after ? { after } : {});
      expect(answer.ok).toBe(true);
      seen.push(...answer.data.cases.map((c: { caseId: string }) => c.caseId));
      after = answer.data.next ?? undefined;
      pages += 1;
    } while (after && pages < 10);
    expect([pages, seen.length, new Set(seen).size]).toEqual([3, 250, 250]);

    const other = await caseCaller(base(), 'user-officer-a2');
    expect((await other('inbox', {})).data).toMatchObject({ cases: [], next: null, total: 0, overdueCount: 0 });
  });

  it('消息: 250 notifications of a resident read newest first in pages, with the total and the unread count; another resident sees none of them', async () => {
    const start = Date.parse('2026-12-07T09:00:00+08:00');
    const rows = Array.from({ length: 250 }, (_, i) => ({
      _id: `note-paged-${String(i).padStart(3, '0')}`, toUserId: 'user-resident-1', kind: 'case_progress', template: 'case_progress', title: `进展${i}`, body: '',
      status: 'sent', createdAt: new Date(start - Math.floor(i / 2) * 60_000), ...(i < 200 ? { readAt: new Date(start) } : {}),
    }));
    await t.db.collection('notifications').add(rows);
    const before = (await t.db.collection('notifications').where({ toUserId: 'user-resident-1' }).limit(1000).get()).data.length;
    const resident = await caseCaller(base(), 'user-resident-1');
    const seen: string[] = [];
    const sizes: number[] = [];
    let after: string | undefined;
    let last: any;
    do {
      const answer = await resident('notifications', after ? { after, limit: 100 } : { limit: 100 });
      expect(answer.ok).toBe(true);
      last = answer.data;
      expect(last.total).toBe(before);
      sizes.push(last.items.length);
      seen.push(...last.items.map((n: { id: string }) => n.id));
      after = last.next ?? undefined;
    } while (after && sizes.length < 10);
    expect([sizes.reduce((a, b) => a + b, 0), new Set(seen).size, last.next]).toEqual([before, before, null]);
    expect(sizes.slice(0, -1).every((n) => n === 100)).toBe(true);
    // Ours in order: newest first, ties by id descending.
    const ours = seen.filter((id) => id.startsWith('note-paged-'));
    expect(ours).toEqual([...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? 1 : -1)).map((r) => r._id));
    expect(last.unread).toBeGreaterThanOrEqual(50);
    const other = await caseCaller(base(), 'user-resident-2');
    expect((await other('notifications', { limit: 100 })).data.items.filter((n: { id: string }) => n.id.startsWith('note-paged-'))).toEqual([]);
  });

  it('a damaged cursor is refused in plain words and changes nothing', async () => {
    const resident = await caseCaller(base(), 'user-resident-1');
    const answer = await resident('mine', { after: 'not-a-cursor' });
    expect(answer.error.code).toBe('INVALID_INPUT');
    expect(answer.error.message).toMatch(/翻页位置/);
  });
});

import { appendPage, firstPage } from './paged-merge';

/** Issue 8 item 9: a list read page by page shows every item once, in the server's order, and knows when it ends. */
describe('paged list merging', () => {
  const page = (ids: string[], next: string | null, total?: number) => ({ activities: ids.map((id) => ({ activityId: id })), next, ...(total === undefined ? {} : { total }) });

  it('walks 250 items in pages of 100: each once, in order, the end has no next and the total survives a page without one', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `a-${String(i).padStart(3, '0')}`);
    let list = firstPage(page(ids.slice(0, 100), 'c1', 250), 'activities');
    expect([list.items.length, list.next, list.total, list.more]).toEqual([100, 'c1', 250, 'idle']);
    list = appendPage({ ...list, more: 'loading' }, page(ids.slice(100, 200), 'c2'), 'activities');
    expect([list.items.length, list.next, list.total, list.more]).toEqual([200, 'c2', 250, 'idle']);
    list = appendPage(list, page(ids.slice(200), null, 250), 'activities');
    expect(list.items.map((a) => a.activityId)).toEqual(ids);
    expect(list.next).toBeNull();
  });

  it('reads the items under the key it is given, and a new total replaces the old one', () => {
    const people = { people: [{ personId: 'p1' }], next: 'x' as string | null, total: 3, version: 1 };
    const list = firstPage(people, 'people');
    expect(list.items).toEqual([{ personId: 'p1' }]);
    const more = appendPage(list, { people: [{ personId: 'p2' }, { personId: 'p3' }], next: null, total: 4, version: 1 }, 'people');
    expect([more.items.map((p) => p.personId), more.total]).toEqual([['p1', 'p2', 'p3'], 4]);
    // What the list says beside its items comes from the latest answer.
    expect(appendPage(more, { people: [], next: null, total: 4, version: 2 }, 'people').page.version).toBe(2);
  });

  it('a first page starts the list over and does not share the answer array', () => {
    const answer = page(['a', 'b'], null);
    const list = firstPage(answer, 'activities');
    list.items.push({ activityId: 'c' });
    expect(answer.activities).toHaveLength(2);
    expect(firstPage(page([], null), 'activities')).toEqual({ status: 'ready', items: [], next: null, total: undefined, more: 'idle', page: { activities: [], next: null } });
  });
});

/**
 * The pure half of usePagedList (issue 8 item 9): how a cursor page becomes the list on screen. Kept apart
 * from the hook so the merging is unit-tested without a renderer.
 */

/** What every cursor list answers beside its items: `next` is null only at the end; `total` where it is cheap. */
export interface PageMeta {
  next: string | null;
  total?: number;
}

/** A cursor page whose items sit under `K` (`cases`, `activities`, `people`, …). */
export type PageOf<K extends string> = PageMeta & { [Key in K]: readonly unknown[] };
/** The item type under that key. */
export type ItemOf<P, K extends keyof P> = P[K] extends ReadonlyArray<infer T> ? T : never;

export type MoreState = 'idle' | 'loading' | { failed: string };
export interface ReadyList<T, P = unknown> {
  status: 'ready';
  items: T[];
  next: string | null;
  total?: number;
  more: MoreState;
  /** The latest answer as it came, for what a list says beside its items (the ledger's owner and totals). */
  page: P;
}

/** The list after its first page (a reload starts over: the items shown are this page's only). */
export function firstPage<K extends string, P extends PageOf<K>>(page: P, key: K): ReadyList<ItemOf<P, K>, P> {
  return { status: 'ready', items: [...(page[key] as ReadonlyArray<ItemOf<P, K>>)], next: page.next, total: page.total, more: 'idle', page };
}

/**
 * The list after the page that `shown.next` pointed at: its items follow the shown ones in the server's
 * order, `next` is the new page's (null ends the list), and a page without a total keeps the one known.
 */
export function appendPage<K extends string, P extends PageOf<K>>(shown: ReadyList<ItemOf<P, K>, P>, page: P, key: K): ReadyList<ItemOf<P, K>, P> {
  return { status: 'ready', items: [...shown.items, ...(page[key] as ReadonlyArray<ItemOf<P, K>>)], next: page.next, total: page.total ?? shown.total, more: 'idle', page };
}

import { CallError } from './call-error';
import type { ItemOf, PageOf } from './paged-merge';

/** Walks no further than this many pages: a picker that needs more wants a search, not a longer walk. */
const MAX_PAGES = 50;

/**
 * Every item of a cursor list, page after page until `next` is null, for the few screens that need the whole
 * set at once (the grid members form picks among all of the caller's people). Lists a user reads use
 * usePagedList instead. Beyond MAX_PAGES it fails with a message on the page rather than hand back part of the list.
 */
export async function allPages<K extends string, P extends PageOf<K>>(load: (after?: string) => Promise<P>, key: K): Promise<Array<ItemOf<P, K>>> {
  const out: Array<ItemOf<P, K>> = [];
  let after: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await load(after);
    out.push(...(page[key] as ReadonlyArray<ItemOf<P, K>>));
    if (!page.next) return out;
    after = page.next;
  }
  throw new CallError('INTERNAL', '名单太长，无法一次列出，请联系管理员');
}

import { useCallback, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { useOnShow } from './use-on-show';
import { isCallError, type CallError } from './call';
import type { QueryState } from './use-query';
import { appendPage, firstPage, type ItemOf, type PageOf, type ReadyList } from './paged-merge';

export type { PageMeta } from './paged-merge';

export type PagedState<T, P = unknown> = { status: 'loading' } | { status: 'failed'; error: CallError } | ReadyList<T, P>;

/** The paged state as QueryView takes it: loading, failed, or the list shown so far as its data. */
export const asQuery = <T, P>(state: PagedState<T, P>): QueryState<ReadyList<T, P>> => (state.status === 'ready' ? { status: 'ready', data: state } : state);

/**
 * A list read one cursor page at a time (issue 8 item 9): the first page each time the page shows, the
 * next when the user scrolls to the bottom or taps 加载更多. Never cut off silently: `next` says more exist.
 * `key` names the page's item array (`cases` for the case lists, `activities`, `entries`, `people`, …), so
 * an action's answer is used as it comes, e.g. `usePagedList((after) => call('case', 'mine', { after }), 'cases')`.
 */
export function usePagedList<K extends string, P extends PageOf<K>>(
  load: (after?: string) => Promise<P>,
  key: K,
): { state: PagedState<ItemOf<P, K>, P>; reload: () => void; loadMore: () => void } {
  type T = ItemOf<P, K>;
  const [state, setState] = useState<PagedState<T, P>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const stateRef = useRef(state);
  stateRef.current = state;

  const reload = useCallback(() => {
    loadRef
      .current()
      .then((p) => setState(firstPage(p, key)))
      .catch((e: unknown) => {
        if (!isCallError(e)) throw e;
        setState({ status: 'failed', error: e });
      });
  }, [key]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.status !== 'ready' || !s.next || s.more === 'loading') return;
    const loading: PagedState<T, P> = { ...s, more: 'loading' };
    setState(loading);
    // A reload that answered meanwhile started the list over: this page belongs to the old one, drop it.
    const unlessReloaded = (next: PagedState<T, P>) => setState((now) => (now === loading ? next : now));
    loadRef
      .current(s.next)
      .then((p) => unlessReloaded(appendPage(s, p, key)))
      .catch((e: unknown) => {
        if (!isCallError(e)) throw e;
        unlessReloaded({ ...s, more: { failed: e.message } });
      });
  }, [key]);

  useOnShow(reload);
  useReachBottom(loadMore);
  return { state, reload, loadMore };
}

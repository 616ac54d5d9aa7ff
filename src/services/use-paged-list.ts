import { useCallback, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { useOnShow } from './use-on-show';
import { isCallError, type CallError } from './call';

/** A page of any cursor list (`case.mine`, the work lists): items plus `next`, null only at the end. */
export interface CursorPage<T> {
  cases: T[];
  next: string | null;
  total?: number;
}

export type PagedState<T> =
  | { status: 'loading' }
  | { status: 'failed'; error: CallError }
  | { status: 'ready'; items: T[]; next: string | null; total?: number; more: 'idle' | 'loading' | { failed: string } };

/**
 * A list read one cursor page at a time (issue 8 item 9): the first page each time the page shows, the
 * next when the user scrolls to the bottom or taps 加载更多. Never cut off silently: `next` says more exist.
 */
export function usePagedList<T>(load: (after?: string) => Promise<CursorPage<T>>): { state: PagedState<T>; reload: () => void; loadMore: () => void } {
  const [state, setState] = useState<PagedState<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const stateRef = useRef(state);
  stateRef.current = state;

  const reload = useCallback(() => {
    loadRef
      .current()
      .then((p) => setState({ status: 'ready', items: p.cases, next: p.next, total: p.total, more: 'idle' }))
      .catch((e: unknown) => {
        if (!isCallError(e)) throw e;
        setState({ status: 'failed', error: e });
      });
  }, []);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.status !== 'ready' || !s.next || s.more === 'loading') return;
    setState({ ...s, more: 'loading' });
    loadRef
      .current(s.next)
      .then((p) => setState({ status: 'ready', items: [...s.items, ...p.cases], next: p.next, total: p.total ?? s.total, more: 'idle' }))
      .catch((e: unknown) => {
        if (!isCallError(e)) throw e;
        setState({ ...s, more: { failed: e.message } });
      });
  }, []);

  useOnShow(reload);
  useReachBottom(loadMore);
  return { state, reload, loadMore };
}

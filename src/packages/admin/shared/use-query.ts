import { useCallback, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { isCallError, type CallError } from '../../../services/call';

export type QueryState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: CallError };

/** Loads when the page shows (so coming back from an edit page shows the saved values). */
export function useQuery<T>(load: () => Promise<T>): { state: QueryState<T>; reload: () => void } {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => {
    loadRef
      .current()
      .then((data) => setState({ status: 'ready', data }))
      .catch((e: unknown) => {
        if (!isCallError(e)) throw e;
        setState({ status: 'failed', error: e });
      });
  }, []);
  useDidShow(reload);
  return { state, reload };
}

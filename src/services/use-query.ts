import { useCallback, useRef, useState } from 'react';
import { useOnShow } from './use-on-show';
import { isCallError, type CallError } from './call';

export type QueryState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: CallError };

/** Loads each time the page shows, so coming back from an action page shows the new state. */
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
  useOnShow(reload);
  return { state, reload };
}

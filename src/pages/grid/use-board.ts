import { useCallback, useEffect, useState } from 'react';
import { call, isCallError } from '../../services/call';
import type { BoardView } from '../../domain/org/api';
import { rememberGrid } from '../../services/last-grid';

export type BoardState =
  | { status: 'loading' }
  | { status: 'ready'; board: BoardView }
  | { status: 'missing' }
  | { status: 'failed'; message: string };

/** One `board.get` per visit (PRODUCT.md §3; issue 3 item 9: one function call per board). */
export function useBoard(gridId: string | null): { state: BoardState; reload: () => void } {
  const [state, setState] = useState<BoardState>(gridId ? { status: 'loading' } : { status: 'missing' });
  const reload = useCallback(() => {
    if (!gridId) return setState({ status: 'missing' });
    setState({ status: 'loading' });
    call('board', 'get', { gridId })
      .then((board) => {
        rememberGrid({ gridId: board.grid.gridId, title: `${board.grid.code} ${board.grid.name}` });
        setState({ status: 'ready', board });
      })
      .catch((e: unknown) => {
        if (!isCallError(e)) throw e;
        // INVALID_INPUT: a malformed id in a hand-typed URL is as missing as an unknown one.
        if (e.code === 'NOT_FOUND' || e.code === 'INVALID_INPUT') return setState({ status: 'missing' });
        setState({ status: 'failed', message: e.message });
      });
  }, [gridId]);
  useEffect(reload, [reload]);
  return { state, reload };
}

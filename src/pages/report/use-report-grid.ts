import { useEffect, useState } from 'react';
import { call } from '../../services/call';

/**
 * The grid a report goes to and its name: from the board/QR (`gridId` already in the draft), else the
 * first grid the signed-in person belongs to. Null while unknown; the name comes from the public board.
 */
export function useReportGrid(gridId: string, setGridId: (gridId: string) => void): string | null {
  const [name, setName] = useState<string | null>(null);

  useEffect(() => {
    if (gridId) return;
    call('user', 'me', {})
      .then((me) => {
        const own = me.roles.flatMap((g) => g.gridIds ?? [])[0];
        if (own) setGridId(own);
      })
      .catch(() => undefined);
  }, [gridId]);

  useEffect(() => {
    if (!gridId) return;
    call('board', 'get', { gridId })
      .then((b) => setName(`${b.grid.code} ${b.grid.name}`))
      .catch(() => setName(null));
  }, [gridId]);

  return name;
}

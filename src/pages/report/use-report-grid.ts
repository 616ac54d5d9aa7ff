import { useEffect, useState } from 'react';
import type { RoleGrant } from '../../domain/user';
import { call } from '../../services/call';

/**
 * The grid a report goes to and its name: from the board/QR (`gridId` already in the draft), else the
 * first grid the signed-in person belongs to. Null while unknown; the name comes from the public board.
 * Also the caller's roles (`user.me`, from the platform identity): a grid's worker is offered 户况有变动.
 */
export function useReportGrid(gridId: string, setGridId: (gridId: string) => void): { name: string | null; roles: readonly RoleGrant[] } {
  const [name, setName] = useState<string | null>(null);
  const [roles, setRoles] = useState<readonly RoleGrant[]>([]);

  useEffect(() => {
    call('user', 'me', {})
      .then((me) => {
        setRoles(me.roles);
        const own = me.roles.flatMap((g) => g.gridIds ?? [])[0];
        if (!gridId && own) setGridId(own);
      })
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!gridId) return;
    call('board', 'get', { gridId })
      .then((b) => setName(`${b.grid.code} ${b.grid.name}`))
      .catch(() => setName(null));
  }, [gridId]);

  return { name, roles };
}

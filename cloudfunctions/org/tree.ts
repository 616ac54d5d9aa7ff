import { canEditGridInfo, canManageCommunity, canManageStreet } from '../../src/domain/access';
import { requireCaller, type Invocation } from '../_lib';
import { gridScope } from './grids';
import { listRecords, loadRecord, type RecordOf } from './records';
import { streetOfGrants } from './scope';

/** Roles that work inside the hierarchy; residents, volunteers and assistants have no admin view. */
const STAFF_ROLES = ['admin', 'street_staff', 'community_staff', 'grid_chief', 'grid_officer'] as const;

/**
 * tree: the caller's street with the communities and grids they may see — street admin and street
 * staff all of it, community staff their community, officers and chiefs only their own grids.
 */
export async function tree(call: Invocation) {
  const caller = await requireCaller(call);
  const streetId = streetOfGrants(caller, STAFF_ROLES);
  const [street, communities, grids] = await Promise.all([
    loadRecord(call, 'streets', streetId),
    listRecords(call, 'communities', { streetId }),
    listRecords(call, 'grids', { streetId }),
  ]);
  const grants = caller.roles.filter((g) => g.streetId === streetId);
  const seesStreet = grants.some((g) => g.role === 'admin' || g.role === 'street_staff');
  const seesGrid = (grid: RecordOf<'grids'>) => seesStreet || canEditGridInfo(grants, gridScope(grid));
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'en', { numeric: true });
  return {
    street: { streetId, name: street.name, gridCodeScheme: street.gridCodeScheme, canManage: canManageStreet(grants, streetId) },
    communities: communities
      .map((community) => ({ community, visible: grids.filter((g) => g.communityId === community._id && seesGrid(g)).sort(byCode) }))
      .filter(({ community, visible }) => seesStreet || visible.length > 0 || canManageCommunity(grants, streetId, community._id))
      .sort((a, b) => (a.community.letter ?? a.community.villageCode ?? a.community.name).localeCompare(b.community.letter ?? b.community.villageCode ?? b.community.name))
      .map(({ community, visible }) => ({
        communityId: community._id,
        name: community.name,
        ...(community.letter ? { letter: community.letter } : {}),
        ...(community.villageCode ? { villageCode: community.villageCode } : {}),
        enabled: community.enabled,
        version: community.version,
        canManage: canManageCommunity(grants, streetId, community._id),
        grids: visible.map((g) => ({
          gridId: g._id,
          code: g.code,
          name: g.name,
          type: g.type,
          enabled: g.enabled,
          households: g.households,
          population: g.population,
          boundary: g.boundary,
          version: g.version,
          canEditInfo: canEditGridInfo(grants, gridScope(g)),
        })),
      })),
  };
}

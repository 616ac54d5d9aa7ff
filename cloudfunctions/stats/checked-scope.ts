import { DomainError } from '../../src/domain/errors';
import { communityRecordSchema } from '../../src/domain/org/records';
import { resolveScope, STATS_LEVEL_LABELS, type ResolvedScope, type ScopeInput } from '../../src/domain/stats';
import type { RoleGrant } from '../../src/domain/user';
import { collectionOf, type Database } from '../_lib';
import { gridsOf } from '../_lib/stats/rows';

const communitiesOf = (db: Database) => collectionOf(db, 'communities', communityRecordSchema.pick({ _id: true, streetId: true }).passthrough());

/**
 * The scope the caller may read (resolveScope), and a community or grid asked for by id must really lie
 * inside it. resolveScope narrows such a request to the caller's own street or community, so a grid of
 * another community matched no rows: no leak, but an answer of zeros labelled with that grid. Now it is
 * FORBIDDEN, like every other scope the caller does not hold. One read, only for those requests: a grid
 * officer's own grid and the caller's own community or street need none.
 */
export async function checkedScope(db: Database, grants: readonly RoleGrant[], requested?: ScopeInput): Promise<ResolvedScope> {
  const scope = resolveScope(grants, requested);
  const { level, id, match } = scope;
  const narrowed = (level === 'grid' && match.gridId === id && !grants.some((g) => (g.gridIds ?? []).includes(id))) || (level === 'community' && match.communityId === id && !grants.some((g) => g.communityId === id && g.gridIds === undefined));
  if (!narrowed) return scope;
  const place = level === 'grid' ? await gridsOf(db).load(id) : await communitiesOf(db).load(id);
  const inside = place !== null && place.streetId === match.streetId && (level === 'community' || match.communityId === undefined || (place as { communityId?: string }).communityId === match.communityId);
  if (!inside) throw new DomainError('FORBIDDEN', `您无权查看该${STATS_LEVEL_LABELS[level]}的统计`);
  return scope;
}

import * as z from 'zod';
import { DomainError } from '../errors';
import type { Role, RoleGrant } from '../user';

/**
 * Who may read which figures (issue 16 items 1–2, PRODUCT.md §11): street staff and the street's
 * administrator their street, community staff their community, grid chiefs and officers their grids.
 * Residents, volunteers and assistants see none. Pure: the grants come from `users`, never the payload.
 *
 * A resolved scope is a database match: a community or grid asked for by street or community staff is
 * matched together with the caller's own street / community, so a grid outside their scope simply has no
 * rows — nothing to leak without a read of `grids`.
 */
export const STATS_LEVELS = ['street', 'community', 'grid'] as const;
export type StatsLevel = (typeof STATS_LEVELS)[number];
export const STATS_LEVEL_LABELS: Record<StatsLevel, string> = { street: '街道', community: '社区', grid: '网格' };

export const scopeInputSchema = z
  .object({ level: z.enum(STATS_LEVELS, { error: '请选择统计范围' }), id: z.string({ error: '请选择统计范围' }).min(1, '请选择统计范围').max(64) })
  .strict();
export type ScopeInput = z.infer<typeof scopeInputSchema>;

export interface ScopeMatch {
  streetId: string;
  communityId?: string;
  gridId?: string;
}
export interface ResolvedScope {
  level: StatsLevel;
  id: string;
  match: ScopeMatch;
}

/** The level each role reads at; roles not listed read no statistics. */
const ROLE_LEVEL: Partial<Record<Role, StatsLevel>> = { admin: 'street', street_staff: 'street', community_staff: 'community', grid_chief: 'grid', grid_officer: 'grid' };

type Reach = (g: RoleGrant, id: string) => ScopeMatch | null;
const whole = (g: RoleGrant) => g.communityId === undefined && g.gridIds === undefined;

/** For each level of the grant: how it reaches a requested street, community or grid. */
const REACH: Record<StatsLevel, Record<StatsLevel, Reach>> = {
  street: {
    street: (g, id) => (whole(g) && g.streetId === id ? { streetId: id } : null),
    community: (g, id) => (whole(g) ? { streetId: g.streetId, communityId: id } : null),
    grid: (g, id) => (whole(g) ? { streetId: g.streetId, gridId: id } : null),
  },
  community: {
    street: () => null,
    community: (g, id) => (g.communityId === id && g.gridIds === undefined ? { streetId: g.streetId, communityId: id } : null),
    grid: (g, id) => (g.communityId !== undefined && g.gridIds === undefined ? { streetId: g.streetId, communityId: g.communityId, gridId: id } : null),
  },
  grid: {
    street: () => null,
    community: () => null,
    grid: (g, id) => ((g.gridIds ?? []).includes(id) ? { streetId: g.streetId, ...(g.communityId ? { communityId: g.communityId } : {}), gridId: id } : null),
  },
};

const LEVEL_RANK: Record<StatsLevel, number> = { street: 0, community: 1, grid: 2 };

export const canReadStats = (grants: readonly RoleGrant[]): boolean => grants.some((g) => ROLE_LEVEL[g.role] !== undefined);

/** The widest scope the caller holds: the dashboard opens on it when none is asked for. */
export function defaultScope(grants: readonly RoleGrant[]): ScopeInput | null {
  const held = grants
    .flatMap((g) => {
      const level = ROLE_LEVEL[g.role];
      if (!level) return [];
      const id = level === 'street' ? g.streetId : level === 'community' ? g.communityId : g.gridIds?.[0];
      return id ? [{ level, id }] : [];
    })
    .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  return held[0] ?? null;
}

/** The match for the requested scope (else the caller's widest), or FORBIDDEN naming why. */
export function resolveScope(grants: readonly RoleGrant[], requested?: ScopeInput): ResolvedScope {
  if (!canReadStats(grants)) throw new DomainError('FORBIDDEN', '只有街道、社区工作人员和网格长、网格员可以查看统计');
  const want = requested ?? defaultScope(grants);
  if (!want) throw new DomainError('FORBIDDEN', '您还没有负责的街道、社区或网格');
  for (const g of grants) {
    const level = ROLE_LEVEL[g.role];
    if (!level) continue;
    const match = REACH[level][want.level](g, want.id);
    if (match) return { level: want.level, id: want.id, match };
  }
  throw new DomainError('FORBIDDEN', `您无权查看该${STATS_LEVEL_LABELS[want.level]}的统计`);
}

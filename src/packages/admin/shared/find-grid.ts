import { call } from '../../../services/call';
import type { ActionOutput } from '../../../domain/api';

export type OrgTree = ActionOutput<'org', 'tree'>;
export type TreeCommunity = OrgTree['communities'][number];
export type TreeGrid = TreeCommunity['grids'][number];

export interface GridInTree {
  grid: TreeGrid;
  community: TreeCommunity;
}

/** The grid (with the caller's rights on it) from `org.tree`; null when the caller cannot see it. */
export async function findGrid(gridId: string): Promise<GridInTree | null> {
  const tree = await call('org', 'tree', {});
  for (const community of tree.communities) {
    const grid = community.grids.find((g) => g.gridId === gridId);
    if (grid) return { grid, community };
  }
  return null;
}

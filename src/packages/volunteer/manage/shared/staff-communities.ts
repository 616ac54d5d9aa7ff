import { call } from '../../../../services/call';

export interface StaffCommunity {
  communityId: string;
  name: string;
}

/** The communities the caller manages (community staff: their own; street staff: every one of the street). */
export async function staffCommunities(): Promise<StaffCommunity[]> {
  const tree = await call('org', 'tree', {});
  return tree.communities.filter((c) => c.canManage || tree.street.canManage).map((c) => ({ communityId: c.communityId, name: c.name }));
}

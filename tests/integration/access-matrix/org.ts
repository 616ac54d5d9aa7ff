import { aGrid, aPerson, jpegBytes, newRequestId, photoOf } from '../../support/org-builders';
import { allow, ALL_STAFF, versionOf, type FunctionMatrix } from './types';

/**
 * `org` (PRODUCT.md §2): the hierarchy. The street admin manages the street and its communities;
 * community staff their own community's grids, buildings, members and people; officers and chiefs edit
 * their grid's descriptive info; every staff member sees the tree of what they may see.
 * A person's record belongs to every community they serve (issue 10 item 1): person-officer-a1 serves A only.
 */
export const orgMatrix: FunctionMatrix<'org', null> = {
  setup: async () => null,
  actions: {
    tree: { payload: () => ({}), who: allow(...ALL_STAFF) },
    saveCommunity: {
      payload: async (_fx, _c, ctx) => ({ communityId: 'community-a', expectedVersion: await versionOf(ctx, 'communities', 'community-a'), name: '肥东路社区', letter: 'A' }),
      who: allow('admin'),
    },
    saveGrid: {
      payload: async (_fx, _c, ctx) => ({ ...aGrid({ code: 'A1', name: '肥东路社区一号网格' }), gridId: 'grid-a1', expectedVersion: await versionOf(ctx, 'grids', 'grid-a1') }),
      who: allow('staff', 'admin'),
    },
    updateGridInfo: {
      payload: async (_fx, _c, ctx) => ({ gridId: 'grid-a1', expectedVersion: await versionOf(ctx, 'grids', 'grid-a1'), households: 420, population: 1100, boundary: '肥东路以北' }),
      who: allow('officer', 'chief', 'staff', 'admin'),
    },
    saveBuilding: { payload: (_fx, caller) => ({ requestId: newRequestId('bld'), gridId: 'grid-a1', name: `${caller}楼`, kind: 'building' }), who: allow('staff', 'admin') },
    gridDetail: { payload: () => ({ gridId: 'grid-a1' }), who: allow('officer', 'chief', 'staff', 'admin') },
    setGridMembers: {
      payload: async (_fx, _c, ctx) => {
        const grid = (await ctx.db.collection('grids').doc('grid-a1').get()).data[0] as { version: number; members: unknown[] };
        return { gridId: 'grid-a1', expectedVersion: grid.version, members: grid.members };
      },
      who: allow('staff', 'admin'),
    },
    listPeople: { payload: () => ({}), who: allow('staff', 'staffB', 'admin'), why: 'community staff see the people serving their own community (filtered, not refused)' },
    savePerson: {
      payload: async (_fx, _c, ctx) => ({ ...aPerson({ name: '张丽', phone: '13905511001' }), requestId: undefined, personId: 'person-officer-a1', expectedVersion: await versionOf(ctx, 'persons', 'person-officer-a1') }),
      who: allow('staff', 'admin'),
    },
    departments: { payload: () => ({}), who: allow('street', 'admin'), why: 'the street\'s 职能部门: street staff read them (department assessment runs), the admin keeps them' },
    saveDepartment: {
      payload: (_fx, caller) => ({ requestId: newRequestId('dept'), name: `${caller}科`, responsiblePersonId: 'person-street', memberPersonIds: [] }),
      who: allow('admin'),
      why: 'the street admin adds, renames and deactivates departments',
    },
    uploadPersonPhoto: { payload: () => photoOf('person-officer-a1', jpegBytes()), who: allow('staff', 'admin') },
    auditLog: { payload: () => ({ limit: 20 }), who: allow('admin') },
    exportAudit: { payload: () => ({}), who: allow('admin') },
  },
};

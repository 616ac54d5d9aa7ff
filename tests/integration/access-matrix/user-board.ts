
import { allow, everyone, type FunctionMatrix } from './types';

/** `user`: one's own record only; every WeChat user may read who they are and save a text size. */
export const userMatrix: FunctionMatrix<'user', null> = {
  setup: async () => null,
  actions: {
    me: { payload: () => ({}), who: everyone() },
    updatePrefs: { payload: () => ({ fontScale: 'large' }), who: everyone(), why: 'a visitor\'s first saved setting makes them a resident on record (PRODUCT.md §1)' },
  },
};

/**
 * `board`: the public board of a grid (anyone who scans its QR code); its codes, poster and building sheet
 * only for staff who may edit the grid's info (src/domain/access.ts canEditGridInfo: its officers and
 * chief, its community's staff, the street admin). Street staff supervise but do not print boards.
 */
const gridStaff = allow('officer', 'chief', 'staff', 'admin');

export const boardMatrix: FunctionMatrix<'board', { buildingId: string }> = {
  setup: async (ctx) => {
    const saved = await ctx.must('staff', 'org', 'saveBuilding', { requestId: 'matrix-building-1', gridId: 'grid-a1', name: '1栋', kind: 'building' });
    return { buildingId: saved.id };
  },
  actions: {
    get: { payload: () => ({ gridId: 'grid-a1' }), who: everyone() },
    qrcode: { payload: () => ({ gridId: 'grid-a1' }), who: gridStaff },
    poster: { payload: () => ({ gridId: 'grid-a1' }), who: gridStaff },
    buildingQrcode: { payload: (fx) => ({ buildingId: fx.buildingId }), who: gridStaff },
    buildingSheet: { payload: () => ({ gridId: 'grid-a1' }), who: gridStaff },
  },
};

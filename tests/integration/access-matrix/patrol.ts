import { buildingScene } from '../../../src/domain/patrol/building-code';
import { jpegBytes, newRequestId } from '../../support/org-builders';
import { setPatrolRules, walk } from '../../support/patrol-builders';
import { allow, ALL_STAFF, everyone, refuse, SIGNED_IN, type FunctionMatrix } from './types';

interface PatrolFixtures {
  /** 张丽's running patrol of grid A1, with one 当场处置 finding picked for 抽查. */
  patrol: string;
  finding: string;
  /** Her own photos (a finding takes only the worker's own uploads). */
  photos: string[];
  /** 刘建国's (community A staff) running patrol of A1: what only he may end. */
  staffPatrol: string;
  /** A building of A1 and its check-in code. */
  scene: string;
}

const problem = (patrolId: string) => ({
  patrolId,
  requestId: newRequestId('find'),
  categoryId: 'fire_lane',
  description: '3 栋北侧消防车道被私家车堵住',
  location: { lat: 31.861, lng: 117.281, address: '肥东路 3 栋北侧' },
});

/**
 * `patrol` (issue 14 item 1, src/domain/patrol/access.ts): the grid's officers and chief, its community's
 * staff and street staff patrol it; a track is shown to the worker and the grid's supervisors (chief,
 * community, street, admin) only; findings are recorded by the one patrolling.
 */
export const patrolMatrix: FunctionMatrix<'patrol', PatrolFixtures> = {
  setup: async (ctx) => {
    // Every 当场处置 is picked for 抽查, so there is one to verify.
    await setPatrolRules(ctx.db, 'street-demo', { onSpotSamplePercent: { value: 100, reason: '访问矩阵测试：每条都抽查' } });
    const patrol = (await ctx.must('officer', 'patrol', 'start', { requestId: newRequestId('patrol'), gridId: 'grid-a1' })).patrol.patrolId;
    const staffPatrol = (await ctx.must('staff', 'patrol', 'start', { requestId: newRequestId('patrol'), gridId: 'grid-a1' })).patrol.patrolId;
    const photos: string[] = [];
    for (const shade of [3, 5, 7, 9]) photos.push((await ctx.must('officer', 'case', 'uploadPhoto', { mimeType: 'image/jpeg', dataBase64: jpegBytes(shade).toString('base64') })).fileId);
    const finding = (await ctx.must('officer', 'patrol', 'handleOnSpot', { ...problem(patrol), beforePhotos: [photos[0]], afterPhotos: [photos[1]] })).findingId;
    const building = (await ctx.must('staff', 'org', 'saveBuilding', { requestId: newRequestId('bld'), gridId: 'grid-a1', name: '9栋', kind: 'building' })).id;
    return { patrol, finding, photos: photos.slice(2), staffPatrol, scene: buildingScene(building)! };
  },
  actions: {
    grids: { payload: () => ({}), who: allow(...SIGNED_IN), why: 'filtered: the grids the caller may patrol (none for residents)' },
    start: { payload: () => ({ requestId: newRequestId('patrol'), gridId: 'grid-a1' }), who: allow('officer', 'assistant', 'chief', 'staff', 'street'), why: 'PATROLLING_ROLES over grid A1 (its officer, 信息协管员 and chief, community A staff, street staff); the admin configures, does not patrol' },
    appendPoints: { payload: (fx, _c, ctx) => ({ patrolId: fx.patrol, requestId: newRequestId('pts'), points: walk(ctx.now(), 1, 30) }), who: allow('officer'), why: 'one\'s own patrol only' },
    checkIn: {
      payload: (fx) => ({ requestId: newRequestId('chk'), scene: fx.scene }),
      who: refuse(allow('officer', 'staff'), 'NOT_FOUND', 'resident', 'residentB1', 'volunteer', 'officerA2', 'officerB1', 'assistant', 'chief', 'staffB', 'street', 'admin'),
      why: 'checks in on the caller\'s own running patrol (张丽\'s and 刘建国\'s run in A1): without one there is nothing to check in on',
    },
    end: { payload: (fx) => ({ patrolId: fx.staffPatrol }), who: allow('staff'), why: 'one\'s own patrol only' },
    active: { payload: () => ({}), who: everyone(), why: 'one\'s own running patrol (a visitor has none)' },
    mine: { payload: () => ({}), who: allow(...SIGNED_IN), why: 'one\'s own patrols' },
    get: { payload: (fx) => ({ patrolId: fx.patrol }), who: allow('officer', 'chief', 'staff', 'street', 'admin'), why: 'the worker and the grid\'s supervisors; never the neighbouring officer' },
    list: { payload: () => ({ gridId: 'grid-a1' }), who: allow('chief', 'staff', 'street', 'admin') },
    fileCase: { payload: (fx) => problem(fx.patrol), who: allow('officer') },
    handleOnSpot: { payload: (fx) => ({ ...problem(fx.patrol), beforePhotos: [fx.photos[0]], afterPhotos: [fx.photos[1]] }), who: allow('officer') },
    samples: { payload: () => ({ gridId: 'grid-a1' }), who: allow('chief', 'staff', 'street', 'admin') },
    verifySample: {
      payload: (fx) => ({ patrolId: fx.patrol, findingId: fx.finding, result: 'confirmed' }),
      who: allow('chief', 'staff', 'street', 'admin'),
      allowedErrors: { codes: ['CONFLICT'], why: 'checked once by the chief, the others find it checked' },
      why: 'the grid\'s supervisors, never the worker who handled it (001 L323)',
    },
    eightReports: { payload: () => ({ gridId: 'grid-a1' }), who: allow(...ALL_STAFF, 'assistant'), why: 'anyone working in the grid system, 信息协管员 included' },
  },
};

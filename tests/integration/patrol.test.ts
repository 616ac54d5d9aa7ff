import { post, useFunctionCloud } from './function-cloud';
import { newRequestId } from '../support/org-builders';
import {
  aBuilding,
  CHIEF_A,
  CHIEF_B,
  COMMUNITY_A,
  OFFICER_A1,
  OFFICER_A2,
  patrolAs,
  patrolCount,
  patrolDoc,
  RESIDENT,
  sendInBatches,
  STREET,
  walk,
} from '../support/patrol-builders';

/** Issue 14 item 1: a patrol with its track, through the gateway and the real SDK, on a pinned clock. */
describe('patrol', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const MORNING = Date.parse('2026-11-30T09:00:00+08:00');
  const MINUTE = 60_000;

  beforeEach(() => {
    t.cloud.clock.set(MORNING);
    t.cloud.clock.freeze();
  });

  async function startedPatrol(userId = OFFICER_A1, gridId = 'grid-a1') {
    const worker = await patrolAs(base(), userId);
    const started = await worker('start', { requestId: newRequestId('patrol'), gridId });
    expect(started.ok).toBe(true);
    return { worker, patrolId: started.data.patrol.patrolId as string, started };
  }

  it('an officer patrols 70 minutes: one document holds the track, one point per 30 s, and 70 minutes are counted', async () => {
    const { worker, patrolId, started } = await startedPatrol();
    expect(started.data.sampling).toEqual({ minPointIntervalSeconds: 30, maxPointsPerBatch: 200 });
    t.cloud.clock.advance(70 * MINUTE);
    // The phone sampled every 10 s: 421 points, sent in batches of 100.
    const answers = await sendInBatches(worker, patrolId, walk(MORNING, 70, 10), 100);
    expect(answers.every((a) => a.ok)).toBe(true);
    const stored = answers.reduce((s, a) => s + a.data.stored, 0);
    expect(stored).toBe(141); // 70 min × 2 per minute + the first
    expect(answers.reduce((s, a) => s + a.data.thinned, 0)).toBe(421 - 141);
    const ended = await worker('end', { patrolId });
    expect(ended.data.patrol).toMatchObject({ state: 'ended', minutes: 70, pointCount: 141 });
    expect(await patrolCount(t.db)).toBe(1);
    const doc = await patrolDoc(t.db, patrolId);
    expect(doc.track).toHaveLength(141);
    const gaps = doc.track.slice(1).map((p, i) => new Date(p.at).getTime() - new Date(doc.track[i].at).getTime());
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(30_000);
    const mine = await worker('mine', {});
    expect(mine.data.patrols.map((p: any) => p.patrolId)).toEqual([patrolId]);
  });

  it('stores a replayed batch once, refuses points from before the start or the phone\'s future, and a batch over the street\'s size', async () => {
    const { worker, patrolId } = await startedPatrol();
    t.cloud.clock.advance(10 * MINUTE);
    const batch = { patrolId, requestId: newRequestId('pts'), points: walk(MORNING, 5, 30) };
    const first = await worker('appendPoints', batch);
    const again = await worker('appendPoints', batch);
    expect(first.data).toMatchObject({ stored: 11, duplicate: false });
    expect(again.data).toMatchObject({ stored: 0, duplicate: true, pointCount: 11 });
    const odd = await worker('appendPoints', {
      patrolId,
      requestId: newRequestId('pts'),
      points: [
        { at: new Date(MORNING - MINUTE).toISOString(), lat: 31.86, lng: 117.28 },
        { at: new Date(MORNING + 60 * MINUTE).toISOString(), lat: 31.86, lng: 117.28 },
      ],
    });
    expect(odd.data).toMatchObject({ stored: 0, outOfWindow: 2 });
    const tooMany = await worker('appendPoints', { patrolId, requestId: newRequestId('pts'), points: walk(MORNING, 9, 2) });
    expect(tooMany.error).toMatchObject({ code: 'INVALID_INPUT', fields: { points: '一次最多上传 200 个轨迹点' } });
    expect((await patrolDoc(t.db, patrolId)).track).toHaveLength(11);
  });

  it('a second start while a patrol runs answers the running one; a retried start starts one patrol', async () => {
    const worker = await patrolAs(base(), OFFICER_A1);
    const requestId = newRequestId('patrol');
    const [a, b] = await Promise.all([worker('start', { requestId, gridId: 'grid-a1' }), worker('start', { requestId, gridId: 'grid-a1' })]);
    expect(a.data.patrol.patrolId).toBe(b.data.patrol.patrolId);
    const other = await worker('start', { requestId: newRequestId('patrol'), gridId: 'grid-a1' });
    expect(other.data).toMatchObject({ resumed: true, patrol: { patrolId: a.data.patrol.patrolId } });
    expect(await patrolCount(t.db)).toBe(1);
  });

  it('a forgotten patrol is counted up to the street\'s maximum (8 hours) and ended when the next one starts', async () => {
    const { worker, patrolId } = await startedPatrol();
    t.cloud.clock.advance(24 * 60 * MINUTE);
    const next = await worker('start', { requestId: newRequestId('patrol'), gridId: 'grid-a1' });
    expect(next.data.resumed).toBe(false);
    expect(await patrolDoc(t.db, patrolId)).toMatchObject({ state: 'ended', endCause: 'timeout', minutes: 480 });
  });

  it('an officer cannot patrol another officer\'s grid, and a resident cannot patrol at all', async () => {
    const officer = await patrolAs(base(), OFFICER_A1);
    expect((await officer('start', { requestId: newRequestId('patrol'), gridId: 'grid-a2' })).error.code).toBe('FORBIDDEN');
    const resident = await patrolAs(base(), RESIDENT);
    expect((await resident('start', { requestId: newRequestId('patrol'), gridId: 'grid-a1' })).error.code).toBe('FORBIDDEN');
    expect(await patrolCount(t.db)).toBe(0);
    expect((await officer('grids', {})).data.grids.map((g: any) => g.gridId)).toEqual(['grid-a1']);
  });

  it('lets community and street staff patrol the grids of their scope (挂点 patrols, 002 L36, L54), not another community\'s', async () => {
    const community = await patrolAs(base(), COMMUNITY_A);
    expect((await community('grids', {})).data.grids.map((g: any) => g.gridId)).toEqual(['grid-a1', 'grid-a2', 'grid-a3']);
    expect((await community('start', { requestId: newRequestId('patrol'), gridId: 'grid-b1' })).error.code).toBe('FORBIDDEN');
    const street = await patrolAs(base(), STREET);
    expect((await street('grids', {})).data.grids).toHaveLength(7);
    expect((await street('start', { requestId: newRequestId('patrol'), gridId: 'grid-c2' })).ok).toBe(true);
  });

  it('shows a track to the worker and their supervisors only — never to another officer, another community\'s chief or a resident', async () => {
    const { worker, patrolId } = await startedPatrol();
    t.cloud.clock.advance(5 * MINUTE);
    await worker('appendPoints', { patrolId, requestId: newRequestId('pts'), points: walk(MORNING, 4, 30) });
    expect((await worker('get', { patrolId })).data.track).toHaveLength(9);
    for (const supervisor of [CHIEF_A, COMMUNITY_A, STREET]) {
      const seen = await (await patrolAs(base(), supervisor))('get', { patrolId });
      expect(seen.data?.track).toHaveLength(9);
    }
    for (const outsider of [OFFICER_A2, CHIEF_B, RESIDENT]) {
      const refused = await (await patrolAs(base(), outsider))('get', { patrolId });
      expect(refused.error).toMatchObject({ code: 'FORBIDDEN', message: '巡查轨迹只有本人和上级可以查看' });
      expect(JSON.stringify(refused)).not.toContain('31.86');
    }
    expect((await (await patrolAs(base(), CHIEF_A))('list', { gridId: 'grid-a1' })).data.patrols).toHaveLength(1);
    expect((await (await patrolAs(base(), OFFICER_A2))('list', { gridId: 'grid-a1' })).error.code).toBe('FORBIDDEN');
    expect((await (await patrolAs(base(), OFFICER_A1))('list', { gridId: 'grid-a1' })).error.code).toBe('FORBIDDEN');
    // Points, check-ins and the end are the worker's own.
    const other = await patrolAs(base(), CHIEF_A);
    expect((await other('appendPoints', { patrolId, requestId: newRequestId('pts'), points: walk(MORNING, 1, 30) })).error.code).toBe('FORBIDDEN');
    expect((await other('end', { patrolId })).error.code).toBe('FORBIDDEN');
  });

  it('checks in at a building of the patrol\'s grid by its QR payload, once per scan, and refuses other grids\' buildings', async () => {
    const inGrid = await aBuilding(base(), 'grid-a1', '肥东路 3 栋');
    const elsewhere = await aBuilding(base(), 'grid-a2', '亳州路 8 栋');
    const worker = await patrolAs(base(), OFFICER_A1);
    expect((await worker('checkIn', { requestId: newRequestId('ci'), scene: `b:${inGrid}` })).error.code).toBe('NOT_FOUND');
    const { patrolId } = await startedPatrol();
    t.cloud.clock.advance(12 * MINUTE);
    const scan = { requestId: newRequestId('ci'), scene: encodeURIComponent(`b:${inGrid}`) };
    const first = await worker('checkIn', scan);
    expect(first.data).toMatchObject({ patrolId, buildingId: inGrid, buildingName: '肥东路 3 栋', duplicate: false });
    expect((await worker('checkIn', scan)).data.duplicate).toBe(true);
    const wrong = await worker('checkIn', { requestId: newRequestId('ci'), scene: `b:${elsewhere}` });
    expect(wrong.error).toMatchObject({ code: 'INVALID_INPUT', fields: { scene: expect.stringContaining('不在本次巡查的网格') } });
    expect((await worker('checkIn', { requestId: newRequestId('ci'), scene: 'grid-a1' })).error.fields.scene).toContain('不是楼栋码');
    expect((await patrolDoc(t.db, patrolId)).checkIns).toHaveLength(1);
  });

  it('deletes a track after the street\'s retention time and keeps its minutes and check-ins', async () => {
    const building = await aBuilding(base(), 'grid-a1', '肥东路 5 栋');
    const { worker, patrolId } = await startedPatrol();
    t.cloud.clock.advance(65 * MINUTE);
    await worker('appendPoints', { patrolId, requestId: newRequestId('pts'), points: walk(MORNING, 60, 30) });
    await worker('checkIn', { requestId: newRequestId('ci'), scene: `b:${building}` });
    await worker('end', { patrolId });
    t.cloud.clock.advance(119 * 24 * 60 * MINUTE);
    await post(base(), '/internal/timers/reconcile/run', {});
    expect((await patrolDoc(t.db, patrolId)).track).toHaveLength(121);
    t.cloud.clock.advance(24 * 60 * MINUTE);
    await post(base(), '/internal/timers/reconcile/run', {});
    const doc = await patrolDoc(t.db, patrolId);
    expect(doc).toMatchObject({ track: [], minutes: 65, pointCount: 121 });
    expect(doc.checkIns).toHaveLength(1);
    expect((await worker('get', { patrolId })).data).toMatchObject({ trackPurged: true, track: [], minutes: 65 });
  });
});

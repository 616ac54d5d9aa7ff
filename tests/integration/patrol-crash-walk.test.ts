import { post } from './function-cloud';
import { callerOf, OFFICER_A1, photoBy } from '../support/patrol-builders';
import { walkCrashPoints, type ChildCloud } from '../support/crash-walk';

/**
 * Issue 9 item 4 for patrol findings. fileCase files through case.report (the rate-limit window, the
 * case holding its report event and outbox, the officers' notifications) and then links the finding on
 * the patrol; 当场处置 is one versioned write of the patrol. Crash after each write, restart on the same
 * data, retry the same request, and check: the retry is answered with the same case / finding, nothing
 * is half-written (the case has its event and every outbox row is stored once, the finding is on the
 * patrol once), and nothing is applied twice (one case, one finding, one hit in the reporter's window).
 */
const MORNING = '2026-11-30T09:00:00+08:00';
const setClock = (cloud: ChildCloud, iso: string) => post(cloud.baseUrl, '/internal/clock', { set: iso, freeze: true });

const state = { patrolId: '', before: '', after: '' };
const PROBLEM = {
  requestId: 'crash-walk-finding-1',
  categoryId: 'fire_lane',
  description: '3 栋北侧消防车道被私家车堵住',
  location: { lat: 31.861, lng: 117.281, address: '肥东路 3 栋北侧' },
};

async function worker(cloud: ChildCloud) {
  await setClock(cloud, MORNING);
  return callerOf(cloud.baseUrl, 'patrol', OFFICER_A1);
}
const fileCase = async (cloud: ChildCloud) => (await worker(cloud))('fileCase', { ...PROBLEM, patrolId: state.patrolId });
const handleOnSpot = async (cloud: ChildCloud) =>
  (await worker(cloud))('handleOnSpot', { ...PROBLEM, categoryId: 'clutter', description: '楼道堆放杂物，已劝导清理', patrolId: state.patrolId, beforePhotos: [state.before], afterPhotos: [state.after] });

async function startPatrol(cloud: ChildCloud) {
  const started = await (await worker(cloud))('start', { requestId: 'crash-walk-patrol', gridId: 'grid-a1' });
  if (!started.ok) throw new Error(JSON.stringify(started));
  state.patrolId = started.data.patrol.patrolId;
}

const docs = async (cloud: ChildCloud, collection: string, where: Record<string, unknown>) => (await cloud.db.collection(collection).where(where).limit(1000).get()).data as any[];

async function expectFiledOnce(cloud: ChildCloud, caseId: string) {
  const cases = await docs(cloud, 'cases', { requestId: PROBLEM.requestId });
  expect(cases.map((c) => c._id)).toEqual([caseId]);
  const [c] = cases;
  expect(c.timeline.map((e: any) => e.type)).toEqual(['report']);
  const rows = await docs(cloud, 'notifications', { caseId });
  expect(rows.length).toBeGreaterThan(0);
  for (const row of c.outbox ?? []) expect(rows.map((r) => r._id)).toContain(row._id);
  expect(new Set(rows.map((r) => r._id)).size).toBe(rows.length);
  const [patrol] = await docs(cloud, 'patrols', { _id: state.patrolId });
  expect(patrol.findings.map((f: any) => [f.kind, f.caseId])).toEqual([['case', caseId]]);
  // The reporter's window counts this report once, however often it was tried.
  const windows = await docs(cloud, 'rate_limits', { subject: OFFICER_A1 });
  expect(windows.flatMap((w) => w.windows.report ?? []).map((h: any) => h.id)).toEqual([caseId]);
}

const tested: Record<string, number> = {};
afterAll(() => {
  const total = Object.values(tested).reduce((a, b) => a + b, 0);
  console.log(`patrol crash walk: ${total} crash points tested (${Object.entries(tested).map(([k, v]) => `${k} ${v}`).join(', ')})`);
});

describe('crash at every write of a patrol finding', () => {
  jest.setTimeout(30 * 60_000);

  it('fileCase: the retry with the same request id answers the same case, whole and linked to the patrol once', async () => {
    const { totalWrites } = await walkCrashPoints({
      seed: true,
      prepare: startPatrol,
      invoke: fileCase,
      afterCrash: async (cloud) => {
        const answer = await fileCase(cloud);
        expect(answer).toMatchObject({ ok: true, data: { findingId: expect.any(String) } });
        await expectFiledOnce(cloud, answer.data.caseId);
        expect((await fileCase(cloud)).data).toMatchObject({ caseId: answer.data.caseId, findingId: answer.data.findingId, created: false });
        await expectFiledOnce(cloud, answer.data.caseId);
      },
    });
    tested.fileCase = totalWrites;
    expect(totalWrites).toBe(4); // the window, the case, the notifications, the patrol's finding
  });

  it('当场处置: the retry records the finding once, no case filed', async () => {
    const { totalWrites } = await walkCrashPoints({
      seed: true,
      prepare: async (cloud) => {
        await startPatrol(cloud);
        state.before = await photoBy(cloud.baseUrl, OFFICER_A1, 40);
        state.after = await photoBy(cloud.baseUrl, OFFICER_A1, 200);
      },
      invoke: handleOnSpot,
      afterCrash: async (cloud) => {
        const answer = await handleOnSpot(cloud);
        expect(answer).toMatchObject({ ok: true, data: { created: false } });
        const [patrol] = await docs(cloud, 'patrols', { _id: state.patrolId });
        expect(patrol.findings.map((f: any) => [f.kind, f.id])).toEqual([['on_spot', answer.data.findingId]]);
        expect(patrol.pendingSamples ?? 0).toBe(answer.data.sampled ? 1 : 0);
        expect(await docs(cloud, 'cases', {})).toHaveLength(0);
      },
    });
    tested.handleOnSpot = totalWrites;
    expect(totalWrites).toBe(1); // one versioned write of the patrol
  });
});

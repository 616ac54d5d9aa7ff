import { chinaInstant } from '../../src/domain/calendar';
import { aReport, setClock } from '../support/case-builders';
import { walkCrashPoints, type ChildCloud } from '../support/crash-walk';
import { functionAs, householdWith, registerAs } from '../support/register-builders';
import { callFunction, useFunctionCloud } from './function-cloud';

/**
 * Issue 15 item 5 on the shared 我要上报 page: a grid officer's report with 户况有变动 files the case and a
 * register draft linked to it (`source: 'case'`, `sourceId` the case) — in one transaction, so a retry
 * with the same request id finds one of each and a crash never leaves the case without its draft. A
 * resident sending the note, and an officer naming a household outside their grids, are refused before
 * anything is written.
 */
const MOVE_IN = { kind: 'move_in', subject: '李明' } as const;

describe('我要上报 with 户况有变动', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const all = async (collection: string) => (await t.db.collection(collection).limit(1000).get()).data as any[];

  it("an officer's report with a change files one case and one draft linked to it, also when sent again with the same request id", async () => {
    t.cloud.clock.set(chinaInstant('2026-12-01', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }]);
    const cases = await functionAs(base(), 'user-officer-a1', 'case');
    const report = aReport({ categoryId: 'population_change', description: '3栋301新迁入一人', register: { householdId, ...MOVE_IN } });

    const first = await cases('report', report);
    expect(first).toMatchObject({ ok: true, data: { created: true } });
    const again = await cases('report', report);
    expect(again).toMatchObject({ ok: true, data: { caseId: first.data.caseId, created: false } });

    expect((await all('cases')).map((c) => c._id)).toEqual([first.data.caseId]);
    const drafts = await all('register_changes');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ source: 'case', sourceId: first.data.caseId, householdId, gridId: 'grid-a1', kind: 'move_in', state: 'draft', summary: '李明：迁入' });
    // The worker finds it among the drafts to confirm, said as coming from a case.
    expect((await officer('drafts', {})).data.items.map((c: any) => [c.summary, c.householdId, c.sourceLabel])).toEqual([['李明：迁入', householdId, '来自事件上报']]);
  });

  it('a resident sending the change is refused under the field, in Chinese, and nothing is written — also a first-time visitor', async () => {
    t.cloud.clock.set(chinaInstant('2026-12-01', '10:00'));
    const officer = await registerAs(base(), 'user-officer-a1');
    const { householdId } = await householdWith(officer, 'grid-a1', [{ name: '王芳' }]);
    // A fresh browser with no account: the gateway's anonymous identity, as WeChat's openid of a first-time user.
    const cookie = ((await callFunction(base(), 'user', 'me', {})).setCookie ?? '').split(';')[0];
    const before = { users: (await all('users')).length, limits: await all('rate_limits') };

    const resident = await functionAs(base(), 'user-resident-1', 'case');
    const refused = await resident('report', aReport({ categoryId: 'population_change', register: { householdId, ...MOVE_IN } }));
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('户况变动'), fields: { register: expect.stringContaining('只有本网格的网格员') } });
    const newcomer = (await callFunction(base(), 'case', 'report', aReport({ categoryId: 'population_change', register: { householdId, ...MOVE_IN } }), cookie)).body as any;
    expect(newcomer.error).toMatchObject({ code: 'FORBIDDEN', fields: { register: expect.any(String) } });

    expect(await all('cases')).toEqual([]);
    expect(await all('register_changes')).toEqual([]);
    expect((await all('users')).length).toBe(before.users);
    expect(await all('rate_limits')).toEqual(before.limits);
  });

  it("an officer naming a household outside their grids is refused and nothing is written, in the household's grid or in their own", async () => {
    t.cloud.clock.set(chinaInstant('2026-12-01', '10:00'));
    const { householdId } = await householdWith(await registerAs(base(), 'user-officer-a2'), 'grid-a2', [{ name: '周敏' }]);
    const cases = await functionAs(base(), 'user-officer-a1', 'case');

    const inOwnGrid = await cases('report', aReport({ categoryId: 'population_change', register: { householdId, ...MOVE_IN } }));
    expect(inOwnGrid.error).toMatchObject({ code: 'FORBIDDEN', fields: { householdId: expect.any(String) } });
    const inTheirGrid = await cases('report', aReport({ gridId: 'grid-a2', categoryId: 'population_change', register: { householdId, ...MOVE_IN } }));
    expect(inTheirGrid.error).toMatchObject({ code: 'FORBIDDEN', fields: { register: expect.any(String) } });

    expect(await all('cases')).toEqual([]);
    expect(await all('register_changes')).toEqual([]);
  });
});

describe('crash at every write of a report with 户况有变动', () => {
  jest.setTimeout(10 * 60_000);
  const NOW = '2026-12-01T10:00:00+08:00';
  const REQUEST_ID = 'crash-walk-register-report-1';
  let householdId = '';
  const report = () => aReport({ requestId: REQUEST_ID, categoryId: 'population_change', description: '3栋301新迁入一人', register: { householdId, ...MOVE_IN } });
  const send = async (cloud: ChildCloud) => (await cloud.call('case', 'report', report(), await cloud.login('user-officer-a1'))).body as any;
  const stored = async (cloud: ChildCloud, collection: string) => (await cloud.db.collection(collection).limit(100).get()).data as any[];

  it('never leaves the case without its draft; the retry ends with one of each', async () => {
    const { totalWrites } = await walkCrashPoints({
      seed: true,
      prepare: async (cloud) => {
        await setClock(cloud.baseUrl, NOW);
        householdId = (await householdWith(await registerAs(cloud.baseUrl, 'user-officer-a1'), 'grid-a1', [{ name: '王芳' }])).householdId;
      },
      invoke: async (cloud) => {
        await setClock(cloud.baseUrl, NOW);
        return send(cloud);
      },
      afterCrash: async (cloud) => {
        // Right after the crash, before any retry: a case on disk has its draft.
        const cases = (await stored(cloud, 'cases')).filter((c) => c.requestId === REQUEST_ID);
        const drafts = (await stored(cloud, 'register_changes')).filter((d) => d.source === 'case');
        expect(drafts.map((d) => d.sourceId)).toEqual(cases.map((c) => c._id));
        await setClock(cloud.baseUrl, NOW);
        expect(await send(cloud)).toMatchObject({ ok: true });
        const after = (await stored(cloud, 'cases')).filter((c) => c.requestId === REQUEST_ID);
        expect(after).toHaveLength(1);
        expect((await stored(cloud, 'register_changes')).filter((d) => d.source === 'case').map((d) => d.sourceId)).toEqual([after[0]._id]);
      },
    });
    // The rate-limit window, the case with its draft (one commit), the officers' messages.
    expect(totalWrites).toBeGreaterThanOrEqual(3);
  });
});

import { seedDemoData } from '../../scripts/seed/load';
import { WxOpenApiService } from '../../local-cloud/services/wx-openapi';
import { useTestCloud, type TestCloud } from '../support/local-cloud-harness';
import { callFunction, ensureBundlesBuilt, functionServices, loginAs } from './function-cloud';

/** The functions cloud plus the WeChat open-API emulation the board's QR code and poster call. */
export function useBoardCloud(): TestCloud {
  ensureBundlesBuilt();
  const cloud = useTestCloud({ extraServices: [new WxOpenApiService(), ...functionServices()] });
  beforeEach(async () => {
    await seedDemoData(cloud.cloud.baseUrl);
  });
  return cloud;
}

describe('board.get: the public notice board a resident reaches by QR code', () => {
  const t = useBoardCloud();
  const base = () => t.cloud.baseUrl;

  it('shows grid A1 to a first-time visitor with its people in role order, full phones, the masked cover and the duty contacts', async () => {
    const { status, body } = await callFunction(base(), 'board', 'get', { gridId: 'grid-a1' });
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    const view = body.data;
    expect(view.grid).toEqual({
      gridId: 'grid-a1',
      code: 'A1',
      name: '肥东路社区一号网格',
      communityName: '肥东路社区',
      typeLabel: '普通网格',
      households: 412,
      population: 1086,
      boundary: '肥东路以北、长江中路以南、小区东门至菜市场',
    });
    expect(view.people.map((p: { roleLabel: string }) => p.roleLabel)).toEqual(['网格长', '网格员']);
    expect(view.people[1]).toEqual({
      personId: 'person-officer-a1',
      name: '张丽',
      role: 'grid_officer',
      roleLabel: '网格员',
      employmentLabel: '专职',
      duties: '日常巡查、入户走访、收集上报问题、政策宣传',
      phone: '13905511001',
      cover: { name: '李强', phoneMasked: '139****1002' },
    });
    expect(view.people[0]).toMatchObject({ name: '王秀兰', phone: '13805510101' });
    expect(view.upperContacts).toEqual([
      { name: '刘建国', title: '肥东路社区值班电话', phone: '13805510102', level: 'community' },
      { name: '杨文斌', title: '街道网格办', phone: '13705510001', level: 'street' },
    ]);
  });

  it('shows no resident data and never the cover officer\'s full phone', async () => {
    const { body } = await callFunction(base(), 'board', 'get', { gridId: 'grid-a1' });
    const text = JSON.stringify(body);
    expect(text).not.toContain('徐大爷');
    expect(text).not.toContain('13505519901');
    expect(text).not.toContain('13905511002');
  });

  it('answers NOT_FOUND for an unknown grid', async () => {
    const { body } = await callFunction(base(), 'board', 'get', { gridId: 'grid-zz' });
    expect(body).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '该网格不存在或已停用' } });
  });

  it('answers NOT_FOUND for a disabled grid', async () => {
    await t.db.collection('grids').doc('grid-a2').update({ enabled: false });
    const { body } = await callFunction(base(), 'board', 'get', { gridId: 'grid-a2' });
    expect(body).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '该网格不存在或已停用' } });
  });

  it('costs at most 2 database round trips to open a board', async () => {
    await callFunction(base(), 'board', 'get', { gridId: 'grid-b1' }); // warm the function instance
    await fetch(`${base()}/internal/db/stats/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { body } = await callFunction(base(), 'board', 'get', { gridId: 'grid-a1' });
    expect(body.ok).toBe(true);
    const stats = (await (await fetch(`${base()}/internal/db/stats`)).json()) as { roundTrips: number; byAction: Record<string, number> };
    expect(stats.roundTrips).toBeLessThanOrEqual(2);
    expect(stats.roundTrips).toBe(2);
  });

  it('refuses a QR code and a poster to a visitor without a record', async () => {
    for (const action of ['qrcode', 'poster']) {
      const { body } = await callFunction(base(), 'board', action, { gridId: 'grid-a1' });
      expect(body.error.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a QR code and a poster of A1 to a resident of A1 and to the officer of A2', async () => {
    for (const userId of ['user-resident-1', 'user-officer-a2']) {
      const cookie = await loginAs(base(), userId);
      for (const action of ['qrcode', 'poster']) {
        const { body } = await callFunction(base(), 'board', action, { gridId: 'grid-a1' }, cookie);
        expect({ userId, action, code: body.error?.code }).toEqual({ userId, action, code: 'FORBIDDEN' });
      }
    }
  });
});

import { useFunctionCloud } from './function-cloud';
import { aCommunity, aGrid, aPerson, gridInfo, jpegBytes, photoOf, readDoc, signedInAs, snapshotOrg } from '../support/org-builders';

/** Issue 3 item 7: role and scope on every org action, through the gateway and the real SDK. */
describe('org permissions', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;

  /** One call of every action against community A / grid A1 (real ids, valid payloads). */
  const everyActionOnA1 = (): Array<[string, unknown]> => [
    ['tree', {}],
    ['saveCommunity', aCommunity()],
    ['saveCommunity', { communityId: 'community-a', expectedVersion: 1, name: '改名社区', letter: 'A' }],
    ['saveGrid', aGrid()],
    ['saveGrid', { ...aGrid({ code: 'A1', name: '改名网格' }), gridId: 'grid-a1', expectedVersion: 1 }],
    ['updateGridInfo', gridInfo('grid-a1')],
    ['saveBuilding', { requestId: 'building-0001', gridId: 'grid-a1', name: '1栋' }],
    ['gridDetail', { gridId: 'grid-a1' }],
    ['setGridMembers', { gridId: 'grid-a1', expectedVersion: 1, members: [] }],
    ['listPeople', {}],
    ['savePerson', aPerson()],
    ['savePerson', { ...aPerson({ phone: '13900000000' }), requestId: undefined, personId: 'person-officer-a1', expectedVersion: 1 }],
    ['uploadPersonPhoto', photoOf('person-officer-a1', jpegBytes())],
  ];

  it('refuses a resident every org action with FORBIDDEN and changes nothing', async () => {
    const resident = await signedInAs(base(), 'user-resident-1');
    const before = await snapshotOrg(t.db);
    expect(before.grids).toHaveLength(7);
    for (const [action, data] of everyActionOnA1()) {
      expect([action, (await resident(action, data)).error?.code]).toEqual([action, 'FORBIDDEN']);
    }
    expect(await snapshotOrg(t.db)).toEqual(before);
  });

  it('refuses a visitor WeChat knows but we do not, like a resident', async () => {
    const visitor = async (action: string, data: unknown) =>
      (await fetch(`${base()}/api/fn/org`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, data }) }).then((r) => r.json())) as any;
    const before = await snapshotOrg(t.db);
    for (const [action, data] of everyActionOnA1()) expect([action, (await visitor(action, data)).error?.code]).toEqual([action, 'FORBIDDEN']);
    expect(await snapshotOrg(t.db)).toEqual(before);
  });

  it('lets the officer of A1 update A1\'s households, population and boundary', async () => {
    const officer = await signedInAs(base(), 'user-officer-a1');
    expect(await officer('updateGridInfo', gridInfo('grid-a1'))).toEqual({ ok: true, data: { id: 'grid-a1', version: 2 } });
    expect(await readDoc(t.db, 'grids', 'grid-a1')).toMatchObject({ households: 500, population: 1300, boundary: '新的四至范围', version: 2 });
  });

  it('refuses the officer of A1 any change to A2, and anything beyond A1\'s info', async () => {
    const officer = await signedInAs(base(), 'user-officer-a1');
    const before = await snapshotOrg(t.db);
    const refused: Array<[string, unknown]> = [
      ['updateGridInfo', gridInfo('grid-a2')],
      ['gridDetail', { gridId: 'grid-a2' }],
      ['saveGrid', { ...aGrid({ code: 'A1' }), gridId: 'grid-a1', expectedVersion: 1 }],
      ['setGridMembers', { gridId: 'grid-a1', expectedVersion: 1, members: [] }],
      ['saveBuilding', { requestId: 'building-0002', gridId: 'grid-a1', name: '2栋' }],
      ['savePerson', { ...aPerson(), requestId: undefined, personId: 'person-officer-a1', expectedVersion: 1 }],
      ['listPeople', {}],
    ];
    for (const [action, data] of refused) expect([action, (await officer(action, data)).error?.code]).toEqual([action, 'FORBIDDEN']);
    expect(await snapshotOrg(t.db)).toEqual(before);
  });

  it('shows the officer of A1 only grid A1 in the tree, editable, and community A not manageable', async () => {
    const officer = await signedInAs(base(), 'user-officer-a1');
    const { data } = await officer('tree', {});
    expect(data.street).toMatchObject({ streetId: 'street-demo', gridCodeScheme: 'letter', canManage: false });
    expect(data.communities).toHaveLength(1);
    expect(data.communities[0]).toMatchObject({ communityId: 'community-a', canManage: false });
    expect(data.communities[0].grids.map((g: any) => [g.code, g.canEditInfo])).toEqual([['A1', true]]);
  });

  it('refuses community A staff every change to community B\'s grids and people', async () => {
    const staffA = await signedInAs(base(), 'user-community-a');
    const before = await snapshotOrg(t.db);
    const refused: Array<[string, unknown]> = [
      ['saveGrid', aGrid({ communityId: 'community-b', code: 'B3' })],
      ['saveGrid', { ...aGrid({ communityId: 'community-b', code: 'B1' }), gridId: 'grid-b1', expectedVersion: 1 }],
      ['saveGrid', { ...aGrid({ communityId: 'community-a', code: 'A4' }), gridId: 'grid-b1', expectedVersion: 1 }],
      ['updateGridInfo', gridInfo('grid-b1')],
      ['gridDetail', { gridId: 'grid-b1' }],
      ['setGridMembers', { gridId: 'grid-b1', expectedVersion: 1, members: [] }],
      ['saveBuilding', { requestId: 'building-0003', gridId: 'grid-b1', name: '1栋' }],
      ['savePerson', { ...aPerson(), requestId: undefined, personId: 'person-officer-b1', expectedVersion: 1 }],
      ['uploadPersonPhoto', photoOf('person-officer-b1', jpegBytes())],
      ['saveCommunity', { communityId: 'community-a', expectedVersion: 1, name: '改名社区', letter: 'A' }],
    ];
    for (const [action, data] of refused) expect([action, (await staffA(action, data)).error?.code]).toEqual([action, 'FORBIDDEN']);
    expect(await snapshotOrg(t.db)).toEqual(before);
  });

  it('lists community A staff only the people serving community A', async () => {
    const staffA = await signedInAs(base(), 'user-community-a');
    const { data } = await staffA('listPeople', {});
    const ids = data.people.map((p: any) => p.personId).sort();
    expect(ids).toEqual(['person-chief-a', 'person-community-a', 'person-officer-a1', 'person-officer-a2', 'person-officer-a3']);
  });

  it('lets community A staff edit their own grid A2 and its officer', async () => {
    const staffA = await signedInAs(base(), 'user-community-a');
    expect((await staffA('updateGridInfo', gridInfo('grid-a2'))).ok).toBe(true);
    const saved = await staffA('savePerson', { ...aPerson({ name: '李强', phone: '13912345678' }), requestId: undefined, personId: 'person-officer-a2', expectedVersion: 1 });
    expect(saved).toEqual({ ok: true, data: { id: 'person-officer-a2', version: 2 } });
  });

  it('ignores an openid in the payload: a resident claiming the admin\'s openid is still refused', async () => {
    const resident = await signedInAs(base(), 'user-resident-1');
    const before = await snapshotOrg(t.db);
    const answer = await resident('updateGridInfo', { ...gridInfo('grid-a1'), openid: 'demo-admin' });
    expect(answer.error.code).toBe('FORBIDDEN');
    expect(await snapshotOrg(t.db)).toEqual(before);
  });
});

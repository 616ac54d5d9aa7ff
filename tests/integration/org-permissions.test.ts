import { z } from 'zod';
import type { ActionName } from '../../src/domain/api';
import { found } from '../support/contract-call';
import { callFunction, useFunctionCloud } from './function-cloud';
import { aCommunity, aGrid, aPerson, gridInfo, jpegBytes, photoOf, readDoc, signedInAs, snapshotOrg } from '../support/org-builders';

/** Issue 3 item 7: role and scope on every org action, through the gateway and the real SDK. */
describe('org permissions', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;

  /** One call of every action against community A / grid A1 (real ids, valid payloads). */
  const everyActionOnA1 = (): Array<[ActionName<'org'>, Record<string, unknown>]> => [
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
    const refused: Array<[ActionName<'org'>, Record<string, unknown>]> = [
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
    const refused: Array<[ActionName<'org'>, Record<string, unknown>]> = [
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

/** Issue 10 item 1: a person's record belongs to every community they serve; street duty people to the street admin. */
describe('org ownership of people (the cross-community takeover)', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const board = async (gridId: string) => (await callFunction(base(), 'board', 'get', { gridId })).body;
  const asMember = (personId: string, role = 'building_head') => ({ personId, role });
  const b1Members = async () => z.array(z.object({ personId: z.string(), role: z.string() })).parse(found(await readDoc(t.db, 'grids', 'grid-b1'), 'grid B1').members);

  it('refuses community B staff every step of the takeover, and every board stays as it was', async () => {
    const staffB = await signedInAs(base(), 'user-community-b');
    const boardsBefore = await Promise.all(['grid-a1', 'grid-b1', 'grid-c1'].map(board));
    const before = await snapshotOrg(t.db);
    const members = await b1Members();
    const steps: Array<[string, ActionName<'org'>, Record<string, unknown>]> = [
      ['add 张丽 of A1 to B1', 'setGridMembers', { gridId: 'grid-b1', expectedVersion: 1, members: [...members, asMember('person-officer-a1')] }],
      ['edit 张丽\'s phone', 'savePerson', { personId: 'person-officer-a1', expectedVersion: 1, name: '张丽', phone: '13900009999', duties: '' }],
      ['replace 张丽\'s photo', 'uploadPersonPhoto', photoOf('person-officer-a1', jpegBytes())],
      ['add the street duty person to B1', 'setGridMembers', { gridId: 'grid-b1', expectedVersion: 1, members: [...members, asMember('person-street')] }],
      ['edit the street duty phone', 'savePerson', { personId: 'person-street', expectedVersion: 1, name: '杨文斌', phone: '13900009999', duties: '' }],
      ['add community A\'s duty person to B1', 'setGridMembers', { gridId: 'grid-b1', expectedVersion: 1, members: [...members, asMember('person-community-a')] }],
      ['edit community A\'s duty phone', 'savePerson', { personId: 'person-community-a', expectedVersion: 1, name: '刘建国', phone: '13900009999', duties: '' }],
    ];
    for (const [step, action, data] of steps) {
      const answer = await staffB(action, data);
      expect([step, answer.error?.code]).toEqual([step, 'FORBIDDEN']);
      expect(answer.error.message).toMatch(/权限/);
    }
    expect(await snapshotOrg(t.db)).toEqual(before);
    expect(await Promise.all(['grid-a1', 'grid-b1', 'grid-c1'].map(board))).toEqual(boardsBefore);
    expect(JSON.stringify(boardsBefore[0])).toContain('13905511001');
  });

  it('makes a person serving A and B editable by neither community alone, only by the street admin', async () => {
    const admin = await signedInAs(base(), 'user-admin');
    const members = await b1Members();
    expect((await admin('setGridMembers', { gridId: 'grid-b1', expectedVersion: 1, members: [...members, asMember('person-officer-a1')] })).ok).toBe(true);
    const edit = (phone: string, expectedVersion: number) => ({ personId: 'person-officer-a1', expectedVersion, name: '张丽', phone, duties: '' });
    for (const staff of ['user-community-a', 'user-community-b']) {
      expect([staff, (await (await signedInAs(base(), staff))('savePerson', edit('13900001111', 1))).error?.code]).toEqual([staff, 'FORBIDDEN']);
    }
    expect(await admin('savePerson', edit('13900002222', 1))).toEqual({ ok: true, data: { id: 'person-officer-a1', version: 2 } });
    expect(JSON.stringify(await board('grid-a1'))).toContain('13900002222');
  });

  it('lets community staff adopt an unattached person or one of their own, and edit them afterwards', async () => {
    const staffB = await signedInAs(base(), 'user-community-b');
    const created = await staffB('savePerson', aPerson({ name: '钱进', phone: '13905519999' }));
    expect(created.ok).toBe(true);
    const members = await b1Members();
    const added = await staffB('setGridMembers', {
      gridId: 'grid-b1',
      expectedVersion: 1,
      members: [...members, asMember(created.data.id), { personId: 'person-officer-b2', role: 'assistant' }],
    });
    expect(added).toEqual({ ok: true, data: { id: 'grid-b1', version: 2 } });
    const edited = await staffB('savePerson', { personId: created.data.id, expectedVersion: 1, name: '钱进', phone: '13905518888', duties: '楼栋长' });
    expect(edited).toEqual({ ok: true, data: { id: created.data.id, version: 2 } });
  });

  it('lets only the street admin edit a street duty person', async () => {
    const edit = { personId: 'person-street', expectedVersion: 1, name: '杨文斌', phone: '13700001111', duties: '街道网格化工作统筹与督办' };
    expect((await (await signedInAs(base(), 'user-community-a'))('savePerson', edit)).error.code).toBe('FORBIDDEN');
    expect((await (await signedInAs(base(), 'user-admin'))('savePerson', edit)).ok).toBe(true);
  });
});

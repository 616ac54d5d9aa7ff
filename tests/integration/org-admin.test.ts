import { useFunctionCloud } from './function-cloud';
import { aCommunity, aGrid, aPerson, jpegBytes, newRequestId, oversizedJpeg, photoOf, pngBytes, readDoc, signedInAs, snapshotOrg } from '../support/org-builders';
import { PHOTO_MAX_BYTES } from '../../src/domain/org/api';
import { found } from '../support/contract-call';

/** The street administrator's work in the `org` function, through the gateway and the real SDK. */
describe('org administration', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const admin = () => signedInAs(base(), 'user-admin');
  const count = async (collection: string, where: object) => (await t.db.collection(collection).where(where).count()).total;

  it('creates one grid for two calls with the same requestId, with its community name, upper contacts and no members', async () => {
    const org = await admin();
    const payload = aGrid();
    const [first, second] = await Promise.all([org('saveGrid', payload), org('saveGrid', payload)]);
    expect(first.ok && second.ok).toBe(true);
    expect(second.data.id).toBe(first.data.id);
    expect(first.data.id.length).toBeLessThanOrEqual(32);
    expect(await org('saveGrid', payload)).toEqual(first);
    expect(await count('grids', { code: 'A4' })).toBe(1);
    expect(await readDoc(t.db, 'grids', first.data.id)).toMatchObject({
      streetId: 'street-demo', communityId: 'community-a', communityName: '肥东路社区', members: [],
      upperDuty: { community: ['person-community-a'], street: ['person-street'] }, version: 1,
    });
  });

  it('refuses a grid code that is already used in the street with CONFLICT 网格编号已存在', async () => {
    const answer = await (await admin())('saveGrid', aGrid({ code: 'A2' }));
    expect(answer.error).toMatchObject({ code: 'CONFLICT', message: '网格编号已存在', fields: { code: '网格编号已存在' } });
  });

  it('refuses a letter-scheme code that does not start with the community\'s letter, in Chinese', async () => {
    const answer = await (await admin())('saveGrid', aGrid({ code: 'B7' }));
    expect(answer.error).toMatchObject({ code: 'INVALID_INPUT', fields: { code: '网格编号应以所属社区字母 A 开头' } });
  });

  it('checks six-digit codes once the street switches scheme: village digits, type digit, sequence', async () => {
    await t.db.collection('streets').doc('street-demo').update({ gridCodeScheme: 'six_digit' });
    await t.db.collection('communities').doc('community-a').update({ villageCode: '012' });
    const org = await admin();
    expect((await org('saveGrid', aGrid({ code: 'A4' }))).error.fields.code).toMatch(/^网格编号应为6位数字/);
    expect((await org('saveGrid', aGrid({ code: '013101' }))).error.fields.code).toBe('网格编号前3位应为所属社区代码 012');
    expect((await org('saveGrid', aGrid({ code: '012101', type: 'dedicated' }))).error.fields.code).toBe('第4位类型码应为 2（专属网格）');
    expect((await org('saveGrid', aGrid({ code: '012201', type: 'dedicated' }))).ok).toBe(true);
  });

  it('requires the community letter under the letter scheme and the village code under six digits', async () => {
    const org = await admin();
    expect((await org('saveCommunity', aCommunity({ letter: undefined }))).error.fields).toHaveProperty('letter');
    await t.db.collection('streets').doc('street-demo').update({ gridCodeScheme: 'six_digit' });
    expect((await org('saveCommunity', aCommunity())).error.fields).toHaveProperty('villageCode');
    expect((await org('saveCommunity', aCommunity({ villageCode: '021' }))).ok).toBe(true);
  });

  it('creates a community once per requestId', async () => {
    const org = await admin();
    const payload = aCommunity();
    const first = await org('saveCommunity', payload);
    expect(await org('saveCommunity', payload)).toEqual(first);
    expect(await count('communities', { letter: 'D' })).toBe(1);
  });

  it('renames a community and its grids carry the new name', async () => {
    const answer = await (await admin())('saveCommunity', { communityId: 'community-a', expectedVersion: 1, name: '新肥东路社区', letter: 'A' });
    expect(answer).toEqual({ ok: true, data: { id: 'community-a', version: 2 } });
    expect(await readDoc(t.db, 'grids', 'grid-a2')).toMatchObject({ communityName: '新肥东路社区', version: 2 });
  });

  it('answers a stale expectedVersion with CONFLICT and keeps the newer data', async () => {
    const org = await admin();
    const edit = { communityId: 'community-b', name: '当涂路社区（新）', letter: 'B' };
    expect((await org('saveCommunity', { ...edit, expectedVersion: 1 })).ok).toBe(true);
    const stale = await org('saveCommunity', { ...edit, name: '旧名', expectedVersion: 1 });
    expect(stale.error.code).toBe('CONFLICT');
    expect(await readDoc(t.db, 'communities', 'community-b')).toMatchObject({ name: '当涂路社区（新）', version: 2 });
  });

  it('moves a grid to another community only for someone who manages both', async () => {
    const staffA = await signedInAs(base(), 'user-community-a');
    const move = { ...aGrid({ communityId: 'community-b', code: 'B3' }), gridId: 'grid-a3', expectedVersion: 1 };
    expect((await staffA('saveGrid', move)).error.code).toBe('FORBIDDEN');
    expect(await (await admin())('saveGrid', move)).toEqual({ ok: true, data: { id: 'grid-a3', version: 2 } });
    expect(await readDoc(t.db, 'grids', 'grid-a3')).toMatchObject({ communityId: 'community-b', communityName: '当涂路社区', code: 'B3' });
  });

  it('accepts an AB岗 cover who is the officer of another grid, and a person serving two grids', async () => {
    const org = await admin();
    const members = [
      { personId: 'person-officer-a1', role: 'grid_officer', employment: 'full_time', coverPersonId: 'person-officer-b1' },
      { personId: 'person-officer-a2', role: 'grid_officer', employment: 'part_time' },
    ];
    expect(await org('setGridMembers', { gridId: 'grid-a1', expectedVersion: 1, members })).toEqual({ ok: true, data: { id: 'grid-a1', version: 2 } });
    const detail = await org('gridDetail', { gridId: 'grid-a1' });
    expect(detail.data.members).toEqual(members);
  });

  it('refuses a cover from the same grid or who is no officer anywhere else, naming the field in Chinese', async () => {
    const org = await admin();
    const before = await snapshotOrg(t.db);
    const sameGrid = [{ personId: 'person-officer-a1', role: 'grid_officer', coverPersonId: 'person-officer-a1' }];
    const notOfficer = [{ personId: 'person-officer-a1', role: 'grid_officer', coverPersonId: 'person-community-b' }];
    for (const members of [sameGrid, notOfficer]) {
      const answer = await org('setGridMembers', { gridId: 'grid-a1', expectedVersion: 1, members });
      expect(answer.error).toMatchObject({ code: 'INVALID_INPUT', fields: { 'members.0.coverPersonId': 'AB岗顶岗人员应为其他网格的网格员' } });
    }
    const unknown = await org('setGridMembers', { gridId: 'grid-a1', expectedVersion: 1, members: [{ personId: 'person-nobody', role: 'assistant' }] });
    expect(unknown.error.fields).toEqual({ 'members.0.personId': '人员不存在或不属于本街道' });
    expect(await snapshotOrg(t.db)).toEqual(before);
  });

  it('creates a person once per requestId and changes their phone with the right version', async () => {
    const staffA = await signedInAs(base(), 'user-community-a');
    const payload = aPerson();
    const first = await staffA('savePerson', payload);
    expect(await staffA('savePerson', payload)).toEqual(first);
    expect(await count('persons', { name: '钱进' })).toBe(1);
    const org = await admin();
    const changed = await org('savePerson', { personId: 'person-officer-a1', expectedVersion: 1, name: '张丽', phone: '13911112222' });
    expect(changed.data.version).toBe(2);
    expect(await readDoc(t.db, 'persons', 'person-officer-a1')).toMatchObject({ phone: '13911112222', version: 2 });
    expect((await org('savePerson', { personId: 'person-officer-a1', expectedVersion: 1, name: '张丽', phone: '13933334444' })).error.code).toBe('CONFLICT');
  });

  it('stores a JPEG photo, replaces it with a PNG, and deletes the previous file', async () => {
    const org = await admin();
    const first = await org('uploadPersonPhoto', photoOf('person-officer-a1', jpegBytes()));
    expect(first.data.photoFileId).toMatch(/persons\/person-officer-a1\/[0-9a-f]{16}\.jpg$/);
    const [firstUrl] = (await t.app.getTempFileURL({ fileList: [first.data.photoFileId] })).fileList;
    expect((await fetch(firstUrl.tempFileURL)).status).toBe(200);
    const second = await org('uploadPersonPhoto', photoOf('person-officer-a1', pngBytes(), 'image/png'));
    expect(second.data).toMatchObject({ version: 3 });
    expect(await readDoc(t.db, 'persons', 'person-officer-a1')).toMatchObject({ photoFileId: second.data.photoFileId });
    expect((await fetch(firstUrl.tempFileURL)).status).toBe(404);
    const listed = found((await org('listPeople', {})).data.people.find((p) => p.personId === 'person-officer-a1'), '张丽 in the list');
    expect(listed.photoUrl).toBeTruthy();
  });

  it('refuses a photo whose bytes are not the declared image, or larger than 2MB, and stores nothing', async () => {
    const org = await admin();
    const asPng = await org('uploadPersonPhoto', photoOf('person-officer-a1', jpegBytes(), 'image/png'));
    expect(asPng.error).toMatchObject({ code: 'INVALID_INPUT', fields: { dataBase64: '照片只能是 JPG 或 PNG 图片' } });
    const pdf = await org('uploadPersonPhoto', photoOf('person-officer-a1', Buffer.from('%PDF-1.4 not a photo')));
    expect(pdf.error.fields).toEqual({ dataBase64: '照片只能是 JPG 或 PNG 图片' });
    const huge = await org('uploadPersonPhoto', photoOf('person-officer-a1', oversizedJpeg(PHOTO_MAX_BYTES + 1)));
    expect(huge.error).toMatchObject({ code: 'INVALID_INPUT', fields: { dataBase64: '照片不能超过 2MB' } });
    expect(await readDoc(t.db, 'persons', 'person-officer-a1')).toMatchObject({ version: 1 });
    expect(found(await readDoc(t.db, 'persons', 'person-officer-a1'), '张丽').photoFileId).toBeUndefined();
  });

  it('saves buildings of a grid once per requestId and shows them in the grid detail', async () => {
    const org = await admin();
    const payload = { requestId: newRequestId('building'), gridId: 'grid-a1', name: '3栋' };
    const first = await org('saveBuilding', payload);
    expect(await org('saveBuilding', payload)).toEqual(first);
    const detail = await org('gridDetail', { gridId: 'grid-a1' });
    expect(detail.data.buildings).toEqual([{ buildingId: first.data.id, name: '3栋', kind: 'building' }]);
  });

  it('shows the admin the whole street in the tree, everything manageable', async () => {
    const { data } = await (await admin())('tree', {});
    expect(data.street.canManage).toBe(true);
    expect(data.communities.map((c: any) => [c.letter, c.canManage, c.grids.map((g: any) => g.code).join(',')])).toEqual([
      ['A', true, 'A1,A2,A3'],
      ['B', true, 'B1,B2'],
      ['C', true, 'C1,C2'],
    ]);
  });
});

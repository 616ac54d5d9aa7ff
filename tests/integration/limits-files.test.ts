import jpeg from 'jpeg-js';
import { aReport, caseCaller, setClock, advanceClock, type CaseCall } from '../support/case-builders';
import { jpegBytes, jpegHeaderThenHtml, pngBytes } from '../support/org-builders';
import { callFunction, useFunctionCloud } from './function-cloud';

/** Issue 10 items 5 and 6 (case side): exact photo ownership, decoded images, per-user limits at their edges. */
const MONDAY_10 = '2026-12-07T10:00:00+08:00';
const photo = (bytes: Buffer, mimeType = 'image/jpeg') => ({ mimeType, dataBase64: bytes.toString('base64') });

/** A first-time visitor: the gateway's session cookie from the first answer, kept for later calls. */
async function visitor(base: string): Promise<CaseCall> {
  let cookie: string | undefined;
  return async (action, data) => {
    const answer = await callFunction(base, 'case', action, data, cookie);
    cookie = cookie ?? (answer.setCookie ?? '').split(';')[0];
    return answer.body;
  };
}

describe('case photos are the caller\'s own, decoded uploads', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const count = async (name: string) => (await t.db.collection(name).count()).total;

  it('accepts exactly the caller\'s upload and refuses someone else\'s, traversal, NUL and foreign ids, writing no case', async () => {
    const mine = await caseCaller(base(), 'user-resident-1');
    const other = await caseCaller(base(), 'user-resident-2');
    const own = (await mine('uploadPhoto', photo(jpegBytes()))).data.fileId as string;
    expect(own).toMatch(/^cloud:\/\/.+\/case-photos\/user-resident-1\/[0-9a-f]{20}\.jpg$/);
    const theirs = own.replace('user-resident-1', 'user-resident-2');
    const refused: Array<[string, string]> = [
      ['someone else\'s upload', own],
      ['traversal into my folder', theirs.replace('case-photos/user-resident-2/', 'case-photos/user-resident-2/../user-resident-1/')],
      ['NUL', `${own}\u0000.png`],
      ['foreign prefix', own.replace(/^cloud:\/\/[^/]+/, 'cloud://another-env')],
      ['a path, not a file id', `https://example.com/${own}`],
    ];
    const casesBefore = await count('cases');
    for (const [why, id] of refused) {
      const answer = await other('report', aReport({ gridId: 'grid-b1', photos: [id] }));
      expect([why, answer.error?.code, Object.keys(answer.error?.fields ?? {})]).toEqual([why, 'INVALID_INPUT', ['photos.0']]);
      expect(answer.error.message).toMatch(/^输入有误：/);
    }
    expect(await count('cases')).toBe(casesBefore);
    expect((await mine('report', aReport({ photos: [own] }))).ok).toBe(true);
  });

  it('refuses a JPEG header followed by HTML, and a PNG with a page appended, storing nothing', async () => {
    const resident = await caseCaller(base(), 'user-resident-1');
    const png = pngBytes();
    for (const [bytes, mimeType] of [[jpegHeaderThenHtml(), 'image/jpeg'], [Buffer.concat([png, Buffer.from('<html></html>')]), 'image/png'], [jpegBytes(), 'image/png']] as const) {
      expect((await resident('uploadPhoto', photo(bytes, mimeType))).error).toMatchObject({ code: 'INVALID_INPUT', fields: { dataBase64: '照片只能是 JPG 或 PNG 图片' } });
    }
    expect(await count('uploads')).toBe(0);
    expect((await resident('uploadPhoto', photo(png, 'image/png'))).ok).toBe(true);
    expect(await count('uploads')).toBe(1);
  });
});

describe('per-user limits (src/domain/limits.ts) at their edges', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;

  it('files the 10th report of an hour, refuses the 11th with when to try again, and files again an hour after the first', async () => {
    await setClock(base(), MONDAY_10);
    t.cloud.clock.freeze(); // the message names a minute: a busy machine must not move it
    const resident = await caseCaller(base(), 'user-resident-1');
    for (let i = 0; i < 10; i++) {
      expect([i, (await resident('report', aReport())).ok]).toEqual([i, true]);
      await advanceClock(base(), 60_000);
    }
    const casesBefore = (await t.db.collection('cases').count()).total;
    const eleventh = await resident('report', aReport());
    expect(eleventh.error).toEqual({ code: 'RATE_LIMITED', message: '操作太频繁：每小时最多上报事件 10 件，请在 11:00 后再试' });
    expect((await t.db.collection('cases').count()).total).toBe(casesBefore);
    await advanceClock(base(), 50 * 60_000 - 1); // 10:59:59.999: the first report is still inside the window
    expect((await resident('report', aReport())).error.code).toBe('RATE_LIMITED');
    await advanceClock(base(), 1);
    expect((await resident('report', aReport())).ok).toBe(true);
  });

  it('a replayed report (same requestId) and a refused one cost nothing', async () => {
    await setClock(base(), MONDAY_10);
    t.cloud.clock.freeze(); // the message names a minute: a busy machine must not move it
    const resident = await caseCaller(base(), 'user-resident-1');
    const same = aReport();
    for (let i = 0; i < 12; i++) expect((await resident('report', same)).ok).toBe(true);
    for (let i = 0; i < 12; i++) expect((await resident('report', aReport({ categoryId: 'no-such-category' }))).error.code).toBe('INVALID_INPUT');
    for (let i = 0; i < 9; i++) expect((await resident('report', aReport())).ok).toBe(true);
    expect((await resident('report', aReport())).error.code).toBe('RATE_LIMITED');
  });

  it('holds a first-time visitor to 3 reports in their first hour, and one 突发性 report', async () => {
    await setClock(base(), MONDAY_10);
    t.cloud.clock.freeze(); // the message names a minute: a busy machine must not move it
    const newcomer = await visitor(base());
    expect((await newcomer('report', aReport({ categoryId: 'gas', description: '楼道燃气味很重' }))).ok).toBe(true);
    expect((await newcomer('report', aReport({ categoryId: 'gas', description: '楼道燃气味很重' }))).error).toEqual({
      code: 'RATE_LIMITED',
      message: '操作太频繁：新用户每天最多上报突发事件 1 件，请在 12月8日 10:00 后再试',
    });
    for (let i = 0; i < 2; i++) expect((await newcomer('report', aReport())).ok).toBe(true);
    expect((await newcomer('report', aReport())).error.message).toMatch(/^操作太频繁：新用户每小时最多上报事件 3 件，请在 11:00 后再试$/);
    // An hour later the account is no longer new and the first report has left the window.
    await advanceClock(base(), 3_600_000);
    expect((await newcomer('report', aReport())).ok).toBe(true);
  });

  it('takes the 30th photo of an hour and refuses the 31st', async () => {
    await setClock(base(), MONDAY_10);
    t.cloud.clock.freeze(); // the message names a minute: a busy machine must not move it
    const resident = await caseCaller(base(), 'user-resident-1');
    for (let i = 0; i < 30; i++) expect([i, (await resident('uploadPhoto', photo(jpegBytes(i)))).ok]).toEqual([i, true]);
    expect((await resident('uploadPhoto', photo(jpegBytes(99)))).error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/每小时最多上传照片 30 张，请在 11:00 后再试/) });
    expect((await t.db.collection('uploads').count()).total).toBe(30);
  });

  it('holds a new user to 10 MB of photos a day: the 6th 1.8 MB photo is refused', async () => {
    await setClock(base(), MONDAY_10);
    t.cloud.clock.freeze(); // the message names a minute: a busy machine must not move it
    const size = 1000;
    const data = Buffer.alloc(size * size * 4);
    let seed = 12345;
    for (let i = 0; i < data.length; i++) data[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
    const big = Buffer.from(jpeg.encode({ data, width: size, height: size }, 90).data);
    expect(big.length).toBeGreaterThan(1.72 * 1024 * 1024); // 6 × this > 10 MB ≥ 5 × this
    const newcomer = await visitor(base());
    for (let i = 0; i < 5; i++) expect([i, (await newcomer('uploadPhoto', photo(big))).ok]).toEqual([i, true]);
    expect((await newcomer('uploadPhoto', photo(big))).error).toEqual({ code: 'RATE_LIMITED', message: '操作太频繁：新用户每天最多上传照片 10 MB，请在 12月8日 10:00 后再试' });
    // A small photo still fits under the byte limit: the refused one was given back.
    expect(await newcomer('uploadPhoto', photo(pngBytes(), 'image/png'))).toMatchObject({ ok: true });
  });
});

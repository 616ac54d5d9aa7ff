import { randomBytes } from 'node:crypto';
import { useTestCloud } from '../support/local-cloud-harness';

/** Photos: upload, temporary URL, download, delete through the real SDK. */
describe('storage through the CloudBase SDK', () => {
  const t = useTestCloud();
  const photo = () => randomBytes(64 * 1024);

  test('uploadFile returns a cloud:// file id for the cloud path', async () => {
    const { fileID } = await t.app.uploadFile({ cloudPath: 'cases/c1/before.jpg', fileContent: photo() });
    expect(fileID).toMatch(/^cloud:\/\/.+\/cases\/c1\/before\.jpg$/);
  });

  test('a temp URL serves the same bytes that were uploaded', async () => {
    const bytes = photo();
    const { fileID } = await t.app.uploadFile({ cloudPath: 'cases/c1/before.jpg', fileContent: bytes });
    const { fileList } = await t.app.getTempFileURL({ fileList: [fileID] });
    expect(fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' });
    expect(fileList[0].tempFileURL.startsWith(t.cloud.baseUrl)).toBe(true);
    const res = await fetch(fileList[0].tempFileURL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  test('downloadFile returns the uploaded bytes', async () => {
    const bytes = photo();
    const { fileID } = await t.app.uploadFile({ cloudPath: 'cases/c1/after.png', fileContent: bytes });
    const { fileContent } = await t.app.downloadFile({ fileID });
    expect(Buffer.from(fileContent as Buffer).equals(bytes)).toBe(true);
  });

  test('after deleteFile the temp URL answers 404', async () => {
    const { fileID } = await t.app.uploadFile({ cloudPath: 'cases/c2/x.jpg', fileContent: photo() });
    const { fileList } = await t.app.getTempFileURL({ fileList: [fileID] });
    const deleted = await t.app.deleteFile({ fileList: [fileID] });
    expect(deleted.fileList).toEqual([{ fileID, code: 'SUCCESS' }]);
    expect((await fetch(fileList[0].tempFileURL)).status).toBe(404);
  });

  test('a temp URL stops working once its maxAge has passed on the local cloud clock', async () => {
    const { fileID } = await t.app.uploadFile({ cloudPath: 'cases/c3/x.jpg', fileContent: photo() });
    const { fileList } = await t.app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
    t.cloud.clock.advance(61_000);
    expect((await fetch(fileList[0].tempFileURL)).status).toBe(403);
  });

  test('a tampered temp URL is refused', async () => {
    const { fileID } = await t.app.uploadFile({ cloudPath: 'cases/c4/x.jpg', fileContent: photo() });
    const { fileList } = await t.app.getTempFileURL({ fileList: [fileID] });
    const other = fileList[0].tempFileURL.replace('/c4/', '/c5/');
    expect((await fetch(other)).status).toBe(403);
  });

  test('asking a temp URL for a missing file reports STORAGE_FILE_NONEXIST for that entry', async () => {
    const { fileList } = await t.app.getTempFileURL({ fileList: ['cloud://gridlink-local.local-bucket/missing.jpg'] });
    expect(fileList[0].code).toBe('STORAGE_FILE_NONEXIST');
  });
});

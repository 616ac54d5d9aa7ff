import { request } from 'node:http';
import { useTestCloud } from '../support/local-cloud-harness';

/** A raw GET/PUT with the path exactly as given (fetch would normalise `..` and percent-escapes). */
function raw(baseUrl: string, method: string, path: string, body?: Buffer): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers: body ? { 'content-length': body.length } : {} }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Storage hardening (issue 10): nosniff on every storage answer; a bad path is a clear 400, never a 500. */
describe('storage paths and headers', () => {
  const t = useTestCloud();

  test('served files, upload answers and storage errors all carry X-Content-Type-Options: nosniff', async () => {
    const { fileID } = await t.app.uploadFile({ cloudPath: 'cases/c1/a.jpg', fileContent: Buffer.from('not really a jpeg <script>') });
    const { fileList } = await t.app.getTempFileURL({ fileList: [fileID] });
    const served = await fetch(fileList[0].tempFileURL);
    expect(served.status).toBe(200);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const refused = await fetch(fileList[0].tempFileURL.replace('sign=', 'sign=0'));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    const upload = await raw(t.cloud.baseUrl, 'PUT', '/storage/upload/x.jpg?expires=1&sign=bad', Buffer.from('x'));
    expect(upload.status).toBe(403);
    expect(upload.headers['x-content-type-options']).toBe('nosniff');
  });

  test.each([
    ['malformed percent-encoding', '/storage/files/cases/%E0%A4%A.jpg?expires=9999999999&sign=x'],
    ['a NUL byte', '/storage/files/cases/a%00.jpg?expires=9999999999&sign=x'],
    ['a .. segment', '/storage/files/cases/..%2F..%2Fdatabase.sqlite?expires=9999999999&sign=x'],
  ])('a file URL with %s is a 400 with a clear error', async (_what, path) => {
    for (const method of ['GET', 'PUT']) {
      const answer = await raw(t.cloud.baseUrl, method, method === 'GET' ? path : path.replace('/files/', '/upload/'), method === 'PUT' ? Buffer.from('x') : undefined);
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('<Code>InvalidURI</Code>');
      expect(answer.text).toMatch(/文件路径无效/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  test.each([['../escape.jpg'], ['cases/../../escape.jpg'], ['cases/a\u0000.jpg'], ['cases/./a.jpg']])(
    'uploadFile to cloud path %j is refused with INVALID_PARAM and writes nothing',
    async (cloudPath) => {
      await expect(t.app.uploadFile({ cloudPath, fileContent: Buffer.from('x') })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    },
  );

  test('a temp URL for a bad file id is refused per entry, not a server error', async () => {
    const { fileList } = await t.app.getTempFileURL({ fileList: ['cloud://gridlink-local.local-bucket/../database.sqlite'] });
    expect(fileList[0].code).toBe('STORAGE_FILE_NONEXIST');
    const deleted = await t.app.deleteFile({ fileList: ['cloud://gridlink-local.local-bucket/a/../../x'] });
    expect(deleted.fileList[0].code).toBe('STORAGE_FILE_NONEXIST');
  });
});

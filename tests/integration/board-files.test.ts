import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { seedDemoData } from '../../scripts/seed/load';
import { gridBoardUrl, WxOpenApiService } from '../../local-cloud/services/wx-openapi';
import { useTestCloud } from '../support/local-cloud-harness';
import { callFunction, ensureBundlesBuilt, functionServices, loginAs } from './function-cloud';

/** The text a QR in a PNG encodes, or null when none is found. */
function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('board.qrcode and board.poster: what staff print for the grid', () => {
  ensureBundlesBuilt();
  const t = useTestCloud({ extraServices: [new WxOpenApiService(), ...functionServices()] });
  const base = () => t.cloud.baseUrl;
  let work = '';
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'gridlink-poster-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  beforeEach(async () => {
    await seedDemoData(base());
  });

  it('gives the officer of A1 a QR PNG that decodes to the H5 URL of the A1 board', async () => {
    const cookie = await loginAs(base(), 'user-officer-a1');
    const { body } = await callFunction(base(), 'board', 'qrcode', { gridId: 'grid-a1' }, cookie);
    expect(body).toMatchObject({ ok: true, data: { scene: 'grid-a1', target: 'pages/grid/index?gridId=grid-a1' } });
    const png = await download(body.data.url);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(decodeQr(png)).toBe(gridBoardUrl(base(), 'grid-a1'));
  });

  it('stores the QR code in cloud storage as qrcodes/<gridId>.png', async () => {
    const cookie = await loginAs(base(), 'user-community-a');
    await callFunction(base(), 'board', 'qrcode', { gridId: 'grid-a2' }, cookie);
    const { fileList } = await t.app.getTempFileURL({ fileList: [`cloud://${'gridlink-local'}.local-bucket/qrcodes/grid-a2.png`] });
    expect(fileList[0].code).toBe('SUCCESS');
  });

  it('gives an administrator an A4 PDF poster with the grid code, Chinese text and a QR that decodes to the board URL', async () => {
    const cookie = await loginAs(base(), 'user-admin');
    const { body } = await callFunction(base(), 'board', 'poster', { gridId: 'grid-a1' }, cookie);
    expect(body.ok).toBe(true);
    expect(body.data.fileId).toMatch(/\/posters\/grid-a1\.pdf$/);
    const pdf = await download(body.data.url);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    // A subset CJK font: well under a megabyte although the font file is 10 MB.
    expect(pdf.length).toBeLessThan(1024 * 1024);
    const pdfFile = join(work, 'a1.pdf');
    writeFileSync(pdfFile, pdf);

    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('A1');
    for (const words of ['网格公示牌', '肥东路社区一号网格', '张丽', '13905511001', '139****1002', '街道网格办', '微信扫一扫', '查看网格公示牌 / 上报问题']) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('13905511002');

    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);

    execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-singlefile', '-png', pdfFile, join(work, 'page1')]);
    const page = readFileSync(join(work, 'page1.png'));
    // For a human check that the Chinese renders: GRIDLINK_KEEP_POSTER=/tmp/poster.png keeps page 1 and the PDF.
    if (process.env.GRIDLINK_KEEP_POSTER) {
      writeFileSync(process.env.GRIDLINK_KEEP_POSTER, page);
      writeFileSync(`${process.env.GRIDLINK_KEEP_POSTER}.pdf`, pdf);
    }
    expect(decodeQr(page)).toBe(gridBoardUrl(base(), 'grid-a1'));
  });

  it('refuses the poster of A1 to community B staff', async () => {
    const cookie = await loginAs(base(), 'user-community-b');
    const { body } = await callFunction(base(), 'board', 'poster', { gridId: 'grid-a1' }, cookie);
    expect(body.error.code).toBe('FORBIDDEN');
  });
});

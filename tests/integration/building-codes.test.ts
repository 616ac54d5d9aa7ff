import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { seedDemoData } from '../../scripts/seed/load';
import { WxOpenApiService } from '../../local-cloud/services/wx-openapi';
import { useTestCloud } from '../support/local-cloud-harness';
import { aBuilding, callerOf, OFFICER_A1, OFFICER_A2 } from '../support/patrol-builders';
import { ensureBundlesBuilt, functionServices } from './function-cloud';

const decodeQr = (png: Buffer): string | null => {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
};
/** A rectangle of a decoded PNG as a new PNG (pixels copied row by row). */
function cropped(image: PNG, x: number, y: number, width: number, height: number): PNG {
  const out = new PNG({ width: Math.floor(width), height: Math.floor(height) });
  for (let row = 0; row < out.height; row += 1) {
    const from = ((y + row) * image.width + x) * 4;
    image.data.copy(out.data, row * out.width * 4, from, from + out.width * 4);
  }
  return out;
}
const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

/** Issue 14 item 1: buildings get their own codes (like the grid board's) and a printable sheet per grid. */
describe('building check-in codes', () => {
  ensureBundlesBuilt();
  const t = useTestCloud({ extraServices: [new WxOpenApiService(), ...functionServices()] });
  const base = () => t.cloud.baseUrl;
  beforeEach(async () => {
    await seedDemoData(base());
  });

  it('gives the grid\'s officer a building code whose scene names the building and which opens the check-in page', async () => {
    const buildingId = await aBuilding(base(), 'grid-a1', '肥东路 3 栋');
    const board = await callerOf(base(), 'board', OFFICER_A1);
    const answer = await board('buildingQrcode', { buildingId });
    expect(answer.data).toMatchObject({ scene: `b:${buildingId}`, target: `packages/worker/check-in/index?scene=${encodeURIComponent(`b:${buildingId}`)}` });
    expect(decodeQr(await download(answer.data.url))).toBe(`${base()}/#/packages/worker/check-in/index?scene=${encodeURIComponent(`b:${buildingId}`)}`);
  });

  it('refuses an officer of another grid', async () => {
    const buildingId = await aBuilding(base(), 'grid-a1', '肥东路 3 栋');
    const board = await callerOf(base(), 'board', OFFICER_A2);
    expect((await board('buildingQrcode', { buildingId })).error.code).toBe('FORBIDDEN');
    expect((await board('buildingSheet', { gridId: 'grid-a1' })).error.code).toBe('FORBIDDEN');
  });

  it('prints a sheet of the grid\'s buildings: an A4 PDF with each building\'s name and a code per building', async () => {
    const names = ['肥东路 1 栋', '肥东路 2 栋', '肥东路 3 栋', '肥东路 4 栋', '肥东路 5 栋', '肥东路 6 栋', '肥东路 7 栋'];
    for (const name of names) await aBuilding(base(), 'grid-a1', name);
    await aBuilding(base(), 'grid-a2', '亳州路 8 栋');
    const board = await callerOf(base(), 'board', OFFICER_A1);
    const answer = await board('buildingSheet', { gridId: 'grid-a1' });
    expect(answer).toMatchObject({ ok: true });
    expect(answer.data).toMatchObject({ buildings: 7, fileId: expect.stringMatching(/posters\/buildings-grid-a1\.pdf$/) });
    const pdf = await download(answer.data.url);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const work = mkdtempSync(join(tmpdir(), 'gridlink-sheet-'));
    try {
      writeFileSync(join(work, 'sheet.pdf'), pdf);
      execFileSync('pdftoppm', ['-png', '-r', '100', join(work, 'sheet.pdf'), join(work, 'page')]);
      // jsQR reads one code per image: the first building's cell (top left, below the heading).
      const page1 = PNG.sync.read(execFileSync('cat', [join(work, 'page-1.png')]));
      const decoded = decodeQr(PNG.sync.write(cropped(page1, 0, 0, page1.width / 2, page1.height / 3 + 60)));
      expect(decoded).toMatch(/#\/packages\/worker\/check-in\/index\?scene=b%3Abuilding-/);
      // Six a page: seven buildings take two pages.
      expect(() => execFileSync('cat', [join(work, 'page-2.png')])).not.toThrow();
      expect(() => execFileSync('cat', [join(work, 'page-3.png')])).toThrow();
      const text = execFileSync('pdftotext', [join(work, 'sheet.pdf'), '-']).toString('utf8');
      for (const name of names) expect(text.replace(/\s+/g, ' ')).toContain(name);
      expect(text).not.toContain('亳州路');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * Renders page 1 of a PDF the way a printer would see it (poppler's pdftoppm, Debian `poppler-utils`)
 * and decodes the QR code on it. Returns the PNG path too, so a test can look at the poster.
 */
export function decodeQrOnFirstPage(pdf: Buffer, pngOut?: string): { text: string | null; png: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-poster-'));
  try {
    const pdfPath = join(dir, 'poster.pdf');
    writeFileSync(pdfPath, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(dir, 'page')]);
    const bytes = readFileSync(join(dir, 'page.png'));
    if (pngOut) writeFileSync(pngOut, bytes);
    const image = PNG.sync.read(bytes);
    const qr = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
    return { text: qr?.data ?? null, png: pngOut ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

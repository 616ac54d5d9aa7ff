import { join } from 'node:path';
// Noto Sans SC (SIL OFL 1.1, embedding allowed) from @expo-google-fonts/noto-sans-sc. The build copies the
// TTF beside the bundle (esbuild `file` loader) and this import is its file name there; pdfkit embeds only
// the glyphs used, so a 10 MB font makes a poster of some tens of KB.
import fontFile from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
import type { BoardView } from '../../src/domain/org/api';
import { loadPdfKit } from '../_lib/pdfkit';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
// Read on a stairwell wall, often by elderly residents: large type, a QR big enough for old phone cameras.
const QR_SIZE = 190;
const INK = '#1f2937';
const MUTED = '#6b7280';
const ACCENT = '#b91c1c';

/** Where the bundled font lives: beside index.js in the function bundle, beside this file under ts-node. */
function fontPath(): string {
  return fontFile.startsWith('/') ? fontFile : join(__dirname, fontFile);
}

/**
 * The printable 网格公示牌 (PRODUCT.md §3): an A4 page with the grid, its people and duty contacts, and the
 * grid's code with the caption residents know from the paper boards. The QR sits in the header so it
 * is on page 1 however many people the grid lists.
 */
export function renderPoster(view: BoardView, qrPng: Buffer): Promise<Buffer> {
  // `font` replaces pdfkit's default Helvetica, whose AFM file the bundle does not carry.
  const PDFDocument = loadPdfKit(); // on this action only, not at cold start
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, font: fontPath(), info: { Title: `网格公示牌 ${view.grid.code}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const contentWidth = A4.width - MARGIN * 2;
  const headerWidth = contentWidth - QR_SIZE - 16;
  const { grid } = view;

  doc.rect(0, 0, A4.width, 10).fill(ACCENT);
  doc.fillColor(ACCENT).fontSize(40).text('网格公示牌', MARGIN, MARGIN, { width: headerWidth });
  doc.moveDown(0.3).fillColor(INK).fontSize(24).text(`${grid.code}  ${grid.name}`, { width: headerWidth });
  doc.moveDown(0.2).fontSize(15).fillColor(MUTED).text(`${grid.communityName} · ${grid.typeLabel}`, { width: headerWidth });
  doc.moveDown(0.4).fillColor(INK).fontSize(15).text(`户数 ${grid.households} 户    人口 ${grid.population} 人`, { width: headerWidth });
  if (grid.boundary) doc.moveDown(0.2).text(`四至范围：${grid.boundary}`, { width: headerWidth });

  const qrX = A4.width - MARGIN - QR_SIZE;
  doc.image(qrPng, qrX, MARGIN, { width: QR_SIZE, height: QR_SIZE });
  doc.fontSize(12).fillColor(INK).text('微信扫一扫', qrX, MARGIN + QR_SIZE + 4, { width: QR_SIZE, align: 'center' });
  doc.text('查看网格公示牌 / 上报问题', { width: QR_SIZE, align: 'center' });

  doc.x = MARGIN;
  doc.y = Math.max(doc.y, MARGIN + QR_SIZE + 40);
  section(doc, '网格工作人员', contentWidth);
  for (const person of view.people) {
    const role = person.employmentLabel ? `${person.roleLabel}（${person.employmentLabel}）` : person.roleLabel;
    doc.fontSize(20).fillColor(INK).text(`${role}  ${person.name}    电话 ${person.phone}`, MARGIN, doc.y, { width: contentWidth });
    if (person.duties) doc.fontSize(13).fillColor(MUTED).text(`职责：${person.duties}`, { width: contentWidth });
    if (person.cover) doc.fontSize(13).fillColor(MUTED).text(`AB岗（顶岗）：${person.cover.name}  ${person.cover.phoneMasked}`, { width: contentWidth });
    doc.moveDown(0.6);
  }

  if (view.upperContacts.length) {
    section(doc, '社区、街道值班联系人', contentWidth);
    for (const contact of view.upperContacts) {
      const level = contact.level === 'street' ? '街道' : '社区';
      doc.fontSize(16).fillColor(INK).text(`【${level}】${contact.title}  ${contact.name}    ${contact.phone}`, MARGIN, doc.y, { width: contentWidth });
      doc.moveDown(0.3);
    }
  }

  doc.end();
  return done;
}

function section(doc: PDFKit.PDFDocument, title: string, width: number): void {
  doc.moveDown(0.8).fontSize(20).fillColor(ACCENT).text(title, MARGIN, doc.y, { width });
  const y = doc.y + 2;
  doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.8).strokeColor(ACCENT).stroke();
  doc.y = y + 8;
}

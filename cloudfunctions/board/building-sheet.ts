import { join } from 'node:path';
// The same bundled Noto Sans SC as the board poster (poster.ts explains the import).
import fontFile from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
import { loadPdfKit } from '../_lib/pdfkit';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const COLUMNS = 2;
const ROWS = 3;
// Scanned at arm's length on a stairwell door: 170 pt (6 cm) reads on old phone cameras.
const QR_SIZE = 170;
const INK = '#1f2937';
const MUTED = '#6b7280';
const ACCENT = '#b91c1c';

export interface SheetBuilding {
  name: string;
  png: Buffer;
}

function fontPath(): string {
  return fontFile.startsWith('/') ? fontFile : join(__dirname, fontFile);
}

/**
 * The printable sheet of a grid's building codes (issue 14 item 1): six per A4 page, each with the
 * building's name and the grid, cut apart and posted at each building's door. Scanned during a patrol,
 * a code records a check-in there.
 */
export function renderBuildingSheet(grid: { code: string; name: string }, buildings: readonly SheetBuilding[]): Promise<Buffer> {
  const PDFDocument = loadPdfKit(); // on this action only, not at cold start
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, font: fontPath(), info: { Title: `楼栋巡查码 ${grid.code}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const cellWidth = (A4.width - MARGIN * 2) / COLUMNS;
  const cellHeight = (A4.height - MARGIN * 2 - 40) / ROWS;
  buildings.forEach((b, i) => {
    const onPage = i % (COLUMNS * ROWS);
    if (onPage === 0) {
      if (i > 0) doc.addPage();
      doc.fillColor(ACCENT).fontSize(18).text(`楼栋巡查码  ${grid.code} ${grid.name}`, MARGIN, MARGIN, { width: A4.width - MARGIN * 2 });
    }
    const x = MARGIN + (onPage % COLUMNS) * cellWidth;
    const y = MARGIN + 40 + Math.floor(onPage / COLUMNS) * cellHeight;
    doc.rect(x + 4, y + 4, cellWidth - 8, cellHeight - 8).lineWidth(0.5).dash(4, { space: 4 }).strokeColor(MUTED).stroke().undash();
    doc.image(b.png, x + (cellWidth - QR_SIZE) / 2, y + 14, { width: QR_SIZE, height: QR_SIZE });
    doc.fillColor(INK).fontSize(16).text(b.name, x + 8, y + QR_SIZE + 20, { width: cellWidth - 16, align: 'center' });
    doc.fillColor(MUTED).fontSize(11).text('网格员巡查时微信扫码打卡', x + 8, doc.y + 2, { width: cellWidth - 16, align: 'center' });
  });
  if (!buildings.length) doc.fillColor(INK).fontSize(16).text(`${grid.code} ${grid.name}：还没有登记楼栋`, MARGIN, MARGIN);
  doc.end();
  return done;
}

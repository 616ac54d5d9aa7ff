import { join } from 'node:path';
// The poster's font (cloudfunctions/board/poster.ts): Noto Sans SC, SIL OFL 1.1; pdfkit embeds only the glyphs used.
import fontFile from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
import type { BulletinRow } from '../../src/domain/assessment/bulletin';
import { loadPdfKit } from '../_lib/pdfkit';

const MARGIN = 48;
const INK = '#1f2937';
const MUTED = '#6b7280';
const RED = '#b91c1c';
const BLACK = '#111827';

function fontPath(): string {
  return fontFile.startsWith('/') ? fontFile : join(__dirname, fontFile);
}

export interface BulletinPdf {
  title: string;
  subtitle: string;
  /** One table per section: its column line and one text line per row. */
  sections: Array<{ heading: string; tone: 'red' | 'black' | 'plain'; header: string; lines: string[] }>;
}

/** A section of a ranking 通报 (ranking, 红榜 or 黑榜) in the table layout the renderer draws. */
export function rankingSection(heading: string, tone: 'red' | 'black' | 'plain', rows: readonly BulletinRow[], unit: string): BulletinPdf['sections'][number] {
  return {
    heading,
    tone,
    header: `名次    姓名/单位    得分(${unit})    等级    实发激励    预警`,
    lines: rows.map((r) => `${String(r.rank).padEnd(6)}${r.name}    ${r.total}    ${r.grade ?? '—'}    ${r.paidYuan === null ? '—' : `${r.paidYuan}元`}    ${r.flags.join('、') || '—'}`),
  };
}

/** An A4 通报: title, issuing line, then one table per section (ranking, 红榜 and 黑榜, or the 巡查通报). */
export function renderBulletin(b: BulletinPdf): Promise<Buffer> {
  const PDFDocument = loadPdfKit(); // on this action only, not at cold start
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, font: fontPath(), info: { Title: b.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;
  doc.fillColor(RED).fontSize(24).text(b.title, { width, align: 'center' });
  doc.moveDown(0.3).fillColor(MUTED).fontSize(12).text(b.subtitle, { width, align: 'center' });
  for (const section of b.sections) {
    doc.moveDown(0.8).fillColor(section.tone === 'red' ? RED : section.tone === 'black' ? BLACK : INK).fontSize(18).text(section.heading, MARGIN, doc.y, { width });
    doc.moveDown(0.2).fontSize(13).fillColor(MUTED).text(section.header, { width });
    for (const line of section.lines) doc.fillColor(INK).fontSize(14).text(line, MARGIN, doc.y, { width });
    if (!section.lines.length) doc.fillColor(MUTED).fontSize(13).text('(无)', { width });
  }
  doc.end();
  return done;
}

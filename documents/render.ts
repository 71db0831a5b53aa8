// Prints a document model as an A4 PDF with pdfkit: the title, the blocks, and on every page a footer
// with the QR code (the verification address with the proof) and the document's code. Each fact is
// printed inside a marked-content span `F<index>` and the code inside `Code`, so read-pdf.ts reads back
// exactly what was printed for each; the PDF's Subject holds the proof with the per-fact hashes.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { type Block, type DocumentModel, type Fact, factsOf } from './model.ts';
import { encodePayload, type Payload, qrText } from './proof.ts';
import { wordsFor } from './words.ts';

const margin = 40;
const footer = 96;
const pageWidth = 595.28;
const pageHeight = 841.89;
const width = pageWidth - 2 * margin;
const bottom = pageHeight - footer;
type Doc = PDFKit.PDFDocument;

export interface RenderOptions {
  /** The public address the QR code opens, e.g. https://siklus.example.go.id */
  publicUrl: string;
  /** The organisation heading the first page: its logo, name and region (printed, not a proven fact). */
  letterhead?: Letterhead;
  /** A training cycle's document: marked on every page as not official (printed, not a proven fact). */
  training?: boolean;
}

export interface Letterhead {
  name: string;
  region: string | null;
  logo: { bytes: Buffer; type: 'image/png' | 'image/jpeg' } | null;
}

export async function renderPdf(
  model: DocumentModel,
  payload: Payload,
  options: RenderOptions,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top: margin, left: margin, right: margin, bottom: footer },
    info: {
      Title: `${options.training ? `${wordsFor(model.lang)('trainingMark')}: ` : ''}${model.title} ${model.subtitle}`,
      Subject: encodePayload(payload),
      Creator: 'siklus',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const index = new Map(factsOf(model).map((f, i) => [f, i]));
  const put = (f: Fact, x: number, y: number, w: number) => {
    doc.markContent(`F${index.get(f)}` as never);
    doc.text(f.value, x, y, { width: w });
    doc.endMarkedContent();
  };

  const top = options.letterhead ? drawLetterhead(doc, options.letterhead) : margin;
  doc.font('Helvetica-Bold').fontSize(13).text(model.title, margin, top, { width, align: 'center' });
  doc.font('Helvetica').fontSize(9).text(model.subtitle, { width, align: 'center' });
  if (options.training) {
    const mark = wordsFor(model.lang)('trainingMark');
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(12).fillColor('#b00020');
    doc.text(mark, { width, align: 'center' }).fillColor('#000');
  }
  doc.moveDown(0.8);
  for (const block of model.blocks) drawBlock(doc, block, put);

  const qr = QRCode.create(qrText(options.publicUrl, payload), { errorCorrectionLevel: 'M' });
  const w = wordsFor(model.lang);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    drawFooter(doc, qr, payload.code, `${w('page')} ${i + 1}/${range.count}`, w('verifyHint'));
    if (options.training) drawTrainingMark(doc, w('trainingMark'));
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

type Put = (f: Fact, x: number, y: number, w: number) => void;

/** The kop: the logo at the left, the name and region beside it, a rule below; answers where text goes on. */
function drawLetterhead(doc: Doc, head: Letterhead): number {
  const size = 44;
  let x = margin;
  if (head.logo) {
    try {
      doc.image(head.logo.bytes, margin, margin, { fit: [size, size] });
      x = margin + size + 10;
    } catch {
      // An image pdfkit cannot read (a JPEG it does not support) leaves the kop without it.
    }
  }
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(head.name.toUpperCase(), x, margin + 6, { width: width - (x - margin) });
  if (head.region)
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(head.region, x, doc.y + 1, { width: width - (x - margin) });
  const rule = Math.max(margin + size, doc.y) + 6;
  doc
    .moveTo(margin, rule)
    .lineTo(margin + width, rule)
    .lineWidth(1.5)
    .stroke()
    .lineWidth(1);
  return rule + 10;
}

function ensure(doc: Doc, height: number) {
  if (doc.y + height > bottom) doc.addPage();
}

function drawBlock(doc: Doc, block: Block, put: Put) {
  doc.fontSize(8.5);
  if (block.kind === 'heading') {
    ensure(doc, 40);
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(9.5).text(block.text, margin, doc.y, { width });
    doc.moveDown(0.3);
    return;
  }
  if (block.kind === 'fields') {
    const labelWidth = 170;
    for (const f of block.facts) {
      doc.font('Helvetica').fontSize(8.5);
      const h = doc.heightOfString(f.value, { width: width - labelWidth - 10 });
      ensure(doc, h + 4);
      const y = doc.y;
      doc.text(f.label, margin, y, { width: labelWidth });
      doc.text(':', margin + labelWidth, y);
      put(f, margin + labelWidth + 10, y, width - labelWidth - 10);
      doc.y = y + Math.max(h, 10) + 3;
    }
    return;
  }
  if (block.kind === 'table') {
    const xs: number[] = [];
    let x = margin;
    for (const c of block.columns) {
      xs.push(x);
      x += c.share * width;
    }
    const colWidth = (i: number) => (block.columns[i]?.share ?? 0) * width;
    const header = () => {
      doc.font('Helvetica-Bold').fontSize(7.5);
      const h =
        Math.max(...block.columns.map((c, i) => doc.heightOfString(c.title, { width: colWidth(i) - 6 }))) + 6;
      ensure(doc, h + 20);
      const y = doc.y;
      doc.rect(margin, y, width, h).fillAndStroke('#e8e8e8', '#000').fillColor('#000');
      for (const [i, c] of block.columns.entries())
        doc.text(c.title, (xs[i] ?? 0) + 3, y + 3, { width: colWidth(i) - 6 });
      doc.y = y + h;
    };
    header();
    for (const row of block.rows) {
      doc.font('Helvetica').fontSize(8);
      const h =
        Math.max(
          10,
          ...row.map((cell, i) => (cell ? doc.heightOfString(cell.value, { width: colWidth(i) - 6 }) : 0)),
        ) + 6;
      if (doc.y + h > bottom) {
        doc.addPage();
        header();
        doc.font('Helvetica').fontSize(8);
      }
      const y = doc.y;
      row.forEach((cell, i) => {
        doc.rect(xs[i] ?? 0, y, colWidth(i), h).stroke();
        if (cell) put(cell, (xs[i] ?? 0) + 3, y + 3, colWidth(i) - 6);
      });
      doc.y = y + h;
    }
    doc.moveDown(0.5);
    return;
  }
  // Signatures: the columns side by side, with room to sign above each name.
  ensure(doc, 100);
  doc.moveDown(0.5);
  const top = doc.y;
  const colWidth = width / block.columns.length;
  let lowest = top;
  block.columns.forEach((column, i) => {
    const x = margin + i * colWidth + 20;
    let y = top;
    for (const [j, f] of column.entries()) {
      doc.font(j === 1 ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
      if (j === 0) doc.text(`${f.label}: `, x, y, { continued: false, width: 50 });
      put(f, j === 0 ? x + 50 : x, y, colWidth - 70);
      y += doc.heightOfString(f.value, { width: colWidth - 70 }) + (j === 1 ? 44 : 3);
    }
    lowest = Math.max(lowest, y);
  });
  doc.y = lowest;
}

/** A practice document's mark at the top of every page, so a page alone is never taken for a real one. */
function drawTrainingMark(doc: Doc, mark: string) {
  doc.page.margins.top = 0;
  doc.font('Helvetica-Bold').fontSize(9).fillColor('#b00020');
  doc.text(mark, margin, 14, { width, align: 'right' }).fillColor('#000');
  doc.page.margins.top = margin;
}

function drawFooter(doc: Doc, qr: QRCode.QRCode, code: string, page: string, hint: string) {
  const size = 84;
  const y = pageHeight - footer + 8;
  const n = qr.modules.size;
  const cell = size / n;
  doc.save();
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c)) doc.rect(margin + c * cell, y + r * cell, cell, cell);
  doc.fill('#000').restore();
  // Writing into the bottom margin must not start a new page.
  doc.page.margins.bottom = 0;
  const x = margin + size + 12;
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(hint, x, y + 8, { width: 300 });
  doc.font('Courier-Bold').fontSize(14);
  doc.markContent('Code' as never);
  doc.text(code, x, y + 24, { width: 300 });
  doc.endMarkedContent();
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(page, pageWidth - margin - 80, y + 8, { width: 80, align: 'right' });
  doc.page.margins.bottom = footer;
}

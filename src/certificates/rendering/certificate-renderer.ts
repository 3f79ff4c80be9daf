import { readFileSync } from 'fs';
import PDFDocument from 'pdfkit';
import { qrMatrix, qrRects, QrRect } from './qr';
import { isWinAnsi } from './win-ansi';

/**
 * Certificate (piagam) PDF renderer. Plain TypeScript, no NestJS/TypeORM: it is meant to be
 * called from a queue worker. Rendering is synchronous CPU work; parallelism comes from
 * worker processes.
 */

export interface CertificateData {
  organizerName: string;
  publicBodyName: string;
  categoryName: string;
  year: number;
  qualificationLabel: string;
  /** Already formatted with a decimal point, e.g. "91.25"; printed as "91,25". */
  finalScore: string;
  /** The rank line is printed only for 1..3. */
  rankInCategory: number | null;
  signatoryName: string;
  signatoryTitle: string;
  place: string;
  issueDate: string;
  verificationCode: string;
  verificationUrl: string;
}

export interface CertificateRendererOptions {
  fontPath?: string;
  boldFontPath?: string;
}

/** Where the QR code went on the page (internal; used by tests to check what was drawn). */
export interface QrDrawing {
  x: number;
  y: number;
  moduleSize: number;
  /** Modules per side. */
  modules: number;
  /** The rectangles filled, in page coordinates (top-left origin), one per horizontal run. */
  rects: QrRect[];
}

export interface RenderResult {
  pdf: Buffer;
  qr: QrDrawing;
}

type Style = 'sans' | 'sansBold' | 'serif' | 'serifBold' | 'serifItalic';

const STANDARD: Record<Style, string> = {
  sans: 'Helvetica',
  sansBold: 'Helvetica-Bold',
  serif: 'Times-Roman',
  serifBold: 'Times-Bold',
  serifItalic: 'Times-Italic',
};
const FALLBACK_REGULAR = 'DejaVuSans';
const FALLBACK_BOLD = 'DejaVuSans-Bold';
const FALLBACK: Record<Style, string> = {
  sans: FALLBACK_REGULAR,
  sansBold: FALLBACK_BOLD,
  serif: FALLBACK_REGULAR,
  serifBold: FALLBACK_BOLD,
  serifItalic: FALLBACK_REGULAR,
};

// A4 landscape, points.
const PAGE_W = 841.89;
const PAGE_H = 595.28;
const CONTENT_X = 70;
const CONTENT_W = PAGE_W - 2 * CONTENT_X;

const INK = '#1a1a1a';
const ACCENT = '#12355b';
const GOLD = '#a8842c';

/** Middle block (from "diberikan kepada" to the rank line) must stay within these y values. */
const BAND_TOP_MIN = 128;
const BAND_BOTTOM = 405;

const QR_X = 62;
const QR_Y = 418;
const QR_TARGET = 82; // points per side, before rounding the module size
const SIGN_W = 290;
const SIGN_X = PAGE_W - 62 - SIGN_W;

function defaultFont(file: string): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
}

/** Collapse whitespace and control characters, NFC-normalise (so "e"+U+0301 becomes WinAnsi "é"). */
function clean(text: string): string {
  return (
    String(text ?? '')
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
      .trim()
  );
}

/** "91.25" -> "91,25" (Indonesian decimal comma). */
export function formatScoreId(score: string): string {
  return clean(score).replace('.', ',');
}

interface Block {
  text: string;
  style: Style;
  size: number;
  height: number;
  gapAfter: number;
  color: string;
  /** Used only when the text had to be cut at its minimum size. */
  maxHeight?: number;
}

export class CertificateRenderer {
  private readonly regular: Buffer;
  private readonly bold: Buffer;

  /**
   * Reads the fallback TTFs once. Each document registers these buffers; pdfkit parses a buffer
   * (fontkit, ~15 ms for DejaVuSans) only in documents that actually draw non-WinAnsi text.
   * Reusing one parsed fontkit font across documents would be ~5x faster there, but fontkit
   * caches glyph objects with the code points of their first use, so ToUnicode maps of later
   * documents go wrong (e.g. Latin "e" extracted as Cyrillic "е"): not done.
   */
  constructor(opts: CertificateRendererOptions = {}) {
    this.regular = readFileSync(opts.fontPath ?? defaultFont('DejaVuSans.ttf'));
    this.bold = readFileSync(opts.boldFontPath ?? defaultFont('DejaVuSans-Bold.ttf'));
  }

  async render(data: CertificateData): Promise<Buffer> {
    return (await this.renderWithLayout(data)).pdf;
  }

  /** render() plus where the QR code's rectangles were drawn (internal, for tests). */
  renderWithLayout(data: CertificateData): Promise<RenderResult> {
    return new Promise<RenderResult>((resolve, reject) => {
      try {
        const organizer = clean(data.organizerName);
        const body = clean(data.publicBodyName);
        const doc = new PDFDocument({
          size: 'A4',
          layout: 'landscape',
          margin: 0, // we position everything ourselves; no automatic page breaks near the edge
          compress: true,
          info: {
            Title: `Piagam Penghargaan - ${body} - ${data.year}`,
            Author: organizer,
            Subject: `Monitoring dan Evaluasi Keterbukaan Informasi Publik Tahun ${data.year}`,
            Creator: 'monev-kip',
            Producer: 'monev-kip',
          },
        });
        // Registering only records the source; a font is opened and embedded (as a subset of
        // the glyphs used) only when a non-WinAnsi text actually uses it.
        doc.registerFont(FALLBACK_REGULAR, this.regular);
        doc.registerFont(FALLBACK_BOLD, this.bold);

        const chunks: Buffer[] = [];
        let qr: QrDrawing | undefined; // eslint-disable-line prefer-const -- assigned in a callback below
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('error', reject);
        doc.on('end', () => resolve({ pdf: Buffer.concat(chunks), qr: qr as QrDrawing }));

        qr = drawCertificate(doc, data, organizer, body);
        doc.end();
      } catch (err) {
        reject(err);
      }
    });
  }
}

function fontFor(text: string, style: Style): string {
  return isWinAnsi(text) ? STANDARD[style] : FALLBACK[style];
}

function setFont(doc: PDFKit.PDFDocument, text: string, style: Style, size: number): void {
  doc.font(fontFor(text, style), size);
}

/** Height of `text` wrapped to `width` with the given font, and its line height. */
function measure(doc: PDFKit.PDFDocument, text: string, style: Style, size: number, width: number) {
  setFont(doc, text, style, size);
  const lineHeight = doc.currentLineHeight(true);
  const height = doc.heightOfString(text, { width, lineGap: 0 });
  return { height, lineHeight, lines: Math.round(height / lineHeight) };
}

/**
 * Largest size from `maxSize` down to `minSize` (step 0.5pt) at which `text` wraps to at most
 * `maxLines` lines within `width` and (optionally) at most `maxHeight` points. When even
 * `minSize` does not fit, it returns `minSize` with `fits: false` and a height capped at
 * `maxLines` lines, so the caller draws with `height` + ellipsis and nothing overflows.
 */
function fitText(
  doc: PDFKit.PDFDocument,
  text: string,
  style: Style,
  maxSize: number,
  minSize: number,
  width: number,
  maxLines: number,
  maxHeight = Infinity,
): { size: number; height: number; fits: boolean } {
  for (let size = maxSize; size >= minSize - 1e-9; size -= 0.5) {
    const m = measure(doc, text, style, size, width);
    if (m.lines <= maxLines && m.height <= maxHeight + 0.01) return { size, height: m.height, fits: true };
  }
  const m = measure(doc, text, style, minSize, width);
  const lines = Math.max(1, Math.min(maxLines, Math.floor((maxHeight + 0.01) / m.lineHeight)));
  return { size: minSize, height: lines * m.lineHeight, fits: false };
}

function drawText(
  doc: PDFKit.PDFDocument,
  text: string,
  style: Style,
  size: number,
  x: number,
  y: number,
  width: number,
  height: number,
  color: string,
  align: 'center' | 'left' = 'center',
): void {
  setFont(doc, text, style, size);
  doc.fillColor(color).text(text, x, y, {
    width,
    // +1: a little slack so the last line is never dropped by rounding; `height` also stops
    // pdfkit from ever adding a page.
    height: height + 1,
    align,
    lineGap: 0,
    ellipsis: true,
  });
}

function drawBorder(doc: PDFKit.PDFDocument): void {
  doc
    .lineWidth(3)
    .strokeColor(ACCENT)
    .rect(18, 18, PAGE_W - 36, PAGE_H - 36)
    .stroke();
  doc
    .lineWidth(1)
    .strokeColor(GOLD)
    .rect(25, 25, PAGE_W - 50, PAGE_H - 50)
    .stroke();
  doc
    .lineWidth(0.5)
    .strokeColor(ACCENT)
    .rect(29, 29, PAGE_W - 58, PAGE_H - 58)
    .stroke();
}

function drawCertificate(doc: PDFKit.PDFDocument, data: CertificateData, organizer: string, body: string): QrDrawing {
  drawBorder(doc);

  // --- Header: organizer, rule, title -------------------------------------------------------
  let y = 50;
  const org = fitText(doc, organizer, 'sansBold', 16, 10, CONTENT_W, 2);
  drawText(doc, organizer, 'sansBold', org.size, CONTENT_X, y, CONTENT_W, org.height, ACCENT);
  y += org.height + 6;
  doc
    .lineWidth(0.8)
    .strokeColor(GOLD)
    .moveTo(PAGE_W / 2 - 120, y)
    .lineTo(PAGE_W / 2 + 120, y)
    .stroke();
  y += 10;
  const title = 'PIAGAM PENGHARGAAN';
  const titleH = measure(doc, title, 'serifBold', 32, CONTENT_W).height;
  drawText(doc, title, 'serifBold', 32, CONTENT_X, y, CONTENT_W, titleH, ACCENT);
  y += titleH;
  const bandTop = Math.max(BAND_TOP_MIN, y + 6);
  const bandHeight = BAND_BOTTOM - bandTop;

  // --- Middle block, vertically centred in the band -----------------------------------------
  const category = clean(data.categoryName);
  const rank = data.rankInCategory;
  const blocks: Block[] = [];
  const add = (text: string, style: Style, size: number, gapAfter: number, color = INK, maxLines = 2, minSize = 9) => {
    const f = fitText(doc, text, style, size, minSize, CONTENT_W, maxLines);
    blocks.push({ text, style, size: f.size, height: f.height, gapAfter, color });
  };
  add('diberikan kepada', 'serifItalic', 14, 6);
  const nameIndex = blocks.length;
  blocks.push({ text: body, style: 'sansBold', size: 30, height: 0, gapAfter: 8, color: ACCENT });
  add(`Kategori ${category}`, 'sans', 14, 12);
  add(`atas capaian hasil Monitoring dan Evaluasi Keterbukaan Informasi Publik Tahun ${data.year} dengan kualifikasi`, 'serif', 13, 4);
  add(clean(data.qualificationLabel).toUpperCase(), 'serifBold', 26, 6, GOLD, 1, 12);
  add(`Nilai Akhir: ${formatScoreId(data.finalScore)}`, 'sans', 13, 4);
  if (rank != null && Number.isInteger(rank) && rank >= 1 && rank <= 3) {
    add(`Peringkat ${rank} Kategori ${category}`, 'sansBold', 13, 0, ACCENT);
  }
  blocks[blocks.length - 1].gapAfter = 0;

  // The name gets what the other blocks leave, at most 3 lines, shrinking step by step.
  const others = blocks.reduce((sum, b, i) => sum + (i === nameIndex ? 0 : b.height) + b.gapAfter, 0);
  const name = fitText(doc, body, 'sansBold', 30, 11, CONTENT_W, 3, Math.max(14, bandHeight - others));
  blocks[nameIndex].size = name.size;
  blocks[nameIndex].height = name.height;

  const total = blocks.reduce((sum, b) => sum + b.height + b.gapAfter, 0);
  y = bandTop + Math.max(0, (bandHeight - total) / 2);
  for (const b of blocks) {
    drawText(doc, b.text, b.style, b.size, CONTENT_X, y, CONTENT_W, b.height, b.color);
    y += b.height + b.gapAfter;
  }

  // --- Signature block (bottom right) -------------------------------------------------------
  y = 420;
  const placeDate = `${clean(data.place)}, ${clean(data.issueDate)}`;
  const pd = fitText(doc, placeDate, 'sans', 11, 7, SIGN_W, 1);
  drawText(doc, placeDate, 'sans', pd.size, SIGN_X, y, SIGN_W, pd.height, INK);
  y += pd.height + 2;
  const signTitle = clean(data.signatoryTitle);
  const st = fitText(doc, signTitle, 'sansBold', 11, 7, SIGN_W, 2);
  drawText(doc, signTitle, 'sansBold', st.size, SIGN_X, y, SIGN_W, st.height, INK);
  const signName = clean(data.signatoryName);
  const sn = fitText(doc, signName, 'sansBold', 12, 7, SIGN_W, 1);
  const nameY = 532 - sn.height;
  drawText(doc, signName, 'sansBold', sn.size, SIGN_X, nameY, SIGN_W, sn.height, INK);
  setFont(doc, signName, 'sansBold', sn.size);
  const underline = Math.min(SIGN_W, doc.widthOfString(signName));
  doc
    .lineWidth(0.6)
    .strokeColor(INK)
    .moveTo(SIGN_X + (SIGN_W - underline) / 2, nameY + sn.height)
    .lineTo(SIGN_X + (SIGN_W + underline) / 2, nameY + sn.height)
    .stroke();

  // --- QR code (bottom left), vector squares, one fill --------------------------------------
  const matrix = qrMatrix(data.verificationUrl);
  const moduleSize = Math.round((QR_TARGET / matrix.size) * 100) / 100;
  const rects = qrRects(matrix, QR_X, QR_Y, moduleSize);
  // Colour first: PDF allows no colour operator between path construction and painting.
  doc.fillColor('#000000');
  for (const r of rects) doc.rect(r.x, r.y, r.w, r.h);
  doc.fill();
  const qrBottom = QR_Y + matrix.size * moduleSize;

  const codeText = `Kode verifikasi: ${clean(data.verificationCode)}`;
  const textW = SIGN_X - QR_X - 20;
  const ct = fitText(doc, codeText, 'sansBold', 8.5, 6, textW, 1);
  let ty = qrBottom + 6;
  drawText(doc, codeText, 'sansBold', ct.size, QR_X, ty, textW, ct.height, INK, 'left');
  ty += ct.height + 1;
  const url = clean(data.verificationUrl);
  const ut = fitText(doc, url, 'sans', 7.5, 5, textW, 2);
  drawText(doc, url, 'sans', ut.size, QR_X, ty, textW, ut.height, INK, 'left');

  return { x: QR_X, y: QR_Y, moduleSize, modules: matrix.size, rects };
}

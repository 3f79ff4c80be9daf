import { execFile } from 'child_process';
import * as path from 'path';
import { inflateSync } from 'zlib';
import jsQR from 'jsqr';
import PDFDocument from 'pdfkit';

/**
 * A real PDF drawn by pdfkit, `pages` pages of text, optionally locked with a user password.
 * Synchronous: pdfkit pushes every chunk while `end()` runs, so the stream's buffer holds the whole file.
 */
export function pdfkitDocument(opts: { pages?: number; text?: string; userPassword?: string } = {}): Buffer {
  const doc = new PDFDocument({ size: 'A4', margin: 56, ...(opts.userPassword ? { userPassword: opts.userPassword } : {}) });
  for (let i = 0; i < (opts.pages ?? 1); i++) {
    if (i > 0) doc.addPage();
    doc.fontSize(12).text(`${opts.text ?? 'Data dukung'}, halaman ${i + 1}`);
  }
  doc.end();
  const chunks: Buffer[] = [];
  for (let c: Buffer | null; (c = doc.read() as Buffer | null) !== null;) chunks.push(c);
  return Buffer.concat(chunks);
}

/**
 * pdf-parse loads its worker with a dynamic import(), which jest's CommonJS VM refuses; the text is
 * extracted in a plain child node process.
 */
const EXTRACT_SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const t = await parser.getText();
    const i = await parser.getInfo();
    process.stdout.write(JSON.stringify({ text: t.text, pages: t.total, info: i.info || {} }));
  } finally {
    await parser.destroy();
  }
});
`;

/** The text of every page, the page count and the document info (Title, Author, ...). */
export function pdfText(pdf: Buffer): Promise<{ text: string; pages: number; info: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', EXTRACT_SCRIPT], { cwd: path.join(__dirname, '..', '..'), maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(pdf);
  });
}

/** Inflated content of every FlateDecode stream in the file. */
export function contentStreams(pdf: Buffer): string[] {
  const s = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream
    }
    re.lastIndex = end;
  }
  return out;
}

/**
 * Decodes the QR code drawn as vector squares in the PDF: the longest run of equal-height `re`
 * rectangles closed by one fill is rebuilt as a module grid, rasterised and read with jsQR.
 */
export function decodeQrFromPdf(pdf: Buffer): string | null {
  for (const content of contentStreams(pdf)) {
    const lines = content.split('\n');
    let best: { x: number; y: number; w: number; h: number }[] = [];
    let run: { x: number; y: number; w: number; h: number }[] = [];
    for (const line of lines) {
      const m = /^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re$/.exec(line);
      if (m) run.push({ x: +m[1], y: +m[2], w: +m[3], h: +m[4] });
      else {
        if (line === 'f' && run.length > best.length) best = run;
        run = [];
      }
    }
    if (best.length < 20) continue;
    const size = Math.min(...best.map((r) => r.h));
    const x0 = Math.min(...best.map((r) => r.x));
    const y0 = Math.min(...best.map((r) => r.y));
    const modules = Math.round((Math.max(...best.map((r) => r.x + r.w)) - x0) / size);
    const scale = 4;
    const quiet = 4;
    const side = (modules + 2 * quiet) * scale;
    const data = new Uint8ClampedArray(side * side * 4).fill(255);
    for (const r of best) {
      const row = Math.round((r.y - y0) / size);
      const c0 = Math.round((r.x - x0) / size);
      for (let c = c0; c < c0 + Math.round(r.w / size); c++) {
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const i = (((row + quiet) * scale + dy) * side + (c + quiet) * scale + dx) * 4;
            data[i] = data[i + 1] = data[i + 2] = 0;
          }
        }
      }
    }
    const found = jsQR(data, side, side);
    if (found) return found.data;
  }
  return null;
}

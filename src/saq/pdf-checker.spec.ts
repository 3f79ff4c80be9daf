import { randomBytes } from 'crypto';
import PDFDocument from 'pdfkit';
import { PdfChecker, pdfRefusal } from './pdf-checker';

/** A pdfkit PDF of `pages` pages, drawn synchronously (pdfkit pushes every chunk while end() runs). */
function pdfkit(pages: number, security: { userPassword?: string; ownerPassword?: string } = {}): Buffer {
  const doc = new PDFDocument({ size: 'A4', ...security, ...(security.ownerPassword ? { permissions: { printing: 'lowResolution', copying: false } } : {}) });
  for (let i = 0; i < pages; i++) {
    if (i > 0) doc.addPage();
    doc.text(`Data dukung, halaman ${i + 1}`);
  }
  doc.end();
  const chunks: Buffer[] = [];
  for (let c: Buffer | null; (c = doc.read() as Buffer | null) !== null;) chunks.push(c);
  return Buffer.concat(chunks);
}

describe('PdfChecker (pdf.js on its own thread)', () => {
  const checker = new PdfChecker();
  afterAll(() => checker.onModuleDestroy());

  it('refuses what only starts like a PDF', async () => {
    expect(await checker.check(Buffer.from('%PDF-'))).toEqual({ ok: false, reason: 'UNREADABLE' });
    expect(await checker.check(Buffer.concat([Buffer.from('%PDF-'), randomBytes(4000)]))).toEqual({ ok: false, reason: 'UNREADABLE' });
    const real = pdfkit(2);
    expect(await checker.check(real.subarray(0, Math.floor(real.length / 2)))).toEqual({ ok: false, reason: 'UNREADABLE' });
  });

  it('accepts a real PDF of several pages and counts them', async () => {
    expect(await checker.check(pdfkit(3))).toEqual({ ok: true, pages: 3 });
  });

  it('refuses a PDF that needs a password to open, and accepts one only restricted by its owner', async () => {
    expect(await checker.check(pdfkit(2, { userPassword: 'rahasia', ownerPassword: 'pemilik' }))).toEqual({ ok: false, reason: 'PASSWORD_PROTECTED' });
    expect(await checker.check(pdfkit(2, { ownerPassword: 'pemilik' }))).toEqual({ ok: true, pages: 2 });
  });

  it('refuses a well-formed PDF without pages', async () => {
    const body = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n';
    expect(await checker.check(Buffer.from(`${body}trailer<</Root 1 0 R>>\n%%EOF\n`))).toEqual({ ok: false, reason: 'NO_PAGES' });
  });

  it('answers TIMEOUT for a check that outlives its limit, and checks again on a fresh thread', async () => {
    const slow = new PdfChecker();
    slow.timeoutMs = 1;
    try {
      expect(await slow.check(pdfkit(1))).toEqual({ ok: false, reason: 'TIMEOUT' });
      slow.timeoutMs = 20_000;
      expect(await slow.check(pdfkit(1))).toEqual({ ok: true, pages: 1 });
    } finally {
      await slow.onModuleDestroy();
    }
  });

  it('words each refusal for the API', () => {
    expect(pdfRefusal({ ok: true, pages: 1 })).toBeNull();
    expect(pdfRefusal({ ok: false, reason: 'UNREADABLE' })).toEqual({ code: 'EVIDENCE_PDF_UNREADABLE', message: 'The file is not a readable PDF', reason: 'UNREADABLE' });
    expect(pdfRefusal({ ok: false, reason: 'PASSWORD_PROTECTED' })?.message).toBe('The PDF is password-protected');
  });
});

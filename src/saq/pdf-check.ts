/**
 * Whether a file is a PDF a reader can open: it parses (Mozilla's pdf.js, through pdf-parse), has at
 * least one page, and needs no password to open. A PDF locked only against printing or copying (an
 * owner password) opens, and is accepted.
 *
 * pdf.js loads its parser with a dynamic import(), so this runs in plain Node only: the app calls it
 * on the PdfChecker's thread (pdf-check-thread.ts), never on the request thread.
 */
import { PasswordException, PDFParse } from 'pdf-parse';
import type { PdfVerdict } from './pdf-checker';

export async function inspectPdf(data: Uint8Array): Promise<PdfVerdict> {
  const parser = new PDFParse({ data, verbosity: 0, isEvalSupported: false, stopAtErrors: true });
  try {
    const { total } = await parser.getInfo();
    return total >= 1 ? { ok: true, pages: total } : { ok: false, reason: 'NO_PAGES' };
  } catch (e) {
    return { ok: false, reason: e instanceof PasswordException || (e as Error)?.name === 'PasswordException' ? 'PASSWORD_PROTECTED' : 'UNREADABLE' };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

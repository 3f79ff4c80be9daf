/**
 * A rendering thread: fonts are loaded once (in the renderer's constructor), then each message is
 * one certificate to draw. Runs in a worker_thread so both cores draw while the main thread does I/O.
 */
import { createHash } from 'crypto';
import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import { parentPort } from 'worker_threads';
import { CertificateData, CertificateRenderer } from './rendering';

const renderer = new CertificateRenderer();
const madeDirs = new Set<string>();

// A few throw-away renders so the first real certificates do not pay for JIT warm-up.
const WARM_UP: CertificateData = {
  organizerName: 'Komisi Informasi',
  publicBodyName: 'Badan Publik',
  categoryName: 'Kategori',
  year: 2000,
  qualificationLabel: 'Informatif',
  finalScore: '90.00',
  rankInCategory: 1,
  signatoryName: 'Ketua',
  signatoryTitle: 'Ketua',
  place: 'Jakarta',
  issueDate: '1 Januari 2000',
  verificationCode: 'warmupwarmupwarmupwarm',
  verificationUrl: 'http://localhost/verify/warmupwarmupwarmupwarm',
};
void (async () => {
  for (let i = 0; i < 5; i++) await renderer.render(WARM_UP);
})();

parentPort!.on('message', async (msg: { id: number; data: CertificateData; writeTo?: string }) => {
  try {
    const pdf = await renderer.render(msg.data);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    if (msg.writeTo) {
      // Local storage: the thread writes the file itself, straight to its key. No temporary file and
      // rename (on some disks they cost a third of a render): the file counts only once the
      // certificate is ISSUED, after this write returned, and a retry rewrites it whole.
      const dir = dirname(msg.writeTo);
      if (!madeDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        madeDirs.add(dir);
      }
      writeFileSync(msg.writeTo, pdf);
      parentPort!.postMessage({ id: msg.id, size: pdf.length, sha256 });
      return;
    }
    const ab = pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength);
    parentPort!.postMessage({ id: msg.id, pdf: ab, size: pdf.length, sha256 }, [ab as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).message });
  }
});

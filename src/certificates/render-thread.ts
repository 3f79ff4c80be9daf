/**
 * A rendering thread: fonts are loaded once (in the renderer's constructor), then each message is
 * one certificate to draw. Runs in a worker_thread so both cores draw while the main thread does I/O.
 */
import { createHash } from 'crypto';
import { parentPort } from 'worker_threads';
import { CertificateData, CertificateRenderer } from './rendering';

const renderer = new CertificateRenderer();

parentPort!.on('message', async (msg: { id: number; data: CertificateData }) => {
  try {
    const pdf = await renderer.render(msg.data);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const ab = pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength);
    parentPort!.postMessage({ id: msg.id, pdf: ab, sha256 }, [ab as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).message });
  }
});

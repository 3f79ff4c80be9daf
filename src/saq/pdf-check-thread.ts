/** The PdfChecker's thread: each message is one file to inspect; the answer carries its id. */
import { parentPort } from 'worker_threads';
import { inspectPdf } from './pdf-check';

parentPort!.on('message', async (msg: { id: number; data: Uint8Array }) => {
  const verdict = await inspectPdf(msg.data).catch(() => ({ ok: false, reason: 'UNREADABLE' }) as const);
  parentPort!.postMessage({ id: msg.id, verdict });
});

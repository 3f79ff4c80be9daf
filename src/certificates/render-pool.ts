import { cpus } from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { CertificateData } from './rendering';

export interface RenderedPdf {
  /** The PDF, unless the thread wrote it to `writeTo` itself. */
  pdf: Buffer | null;
  size: number;
  sha256: string;
}

interface Pending {
  resolve: (r: RenderedPdf) => void;
  reject: (e: Error) => void;
}

/**
 * A fixed pool of rendering threads (one per core by default). `render` queues a certificate on the
 * least busy thread; PDF drawing is synchronous CPU work, so parallelism comes from threads.
 */
export class RenderPool {
  private readonly threads: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(size = 0) {
    const n = size > 0 ? size : Math.max(1, cpus().length);
    const ts = __filename.endsWith('.ts');
    const file = path.join(__dirname, `render-thread.${ts ? 'ts' : 'js'}`);
    for (let i = 0; i < n; i++) {
      const worker = new Worker(file, ts ? { execArgv: ['-r', 'ts-node/register/transpile-only'] } : {});
      const slot = { worker, busy: 0 };
      worker.on('message', (m: { id: number; pdf?: ArrayBuffer; size?: number; sha256?: string; error?: string }) => {
        slot.busy--;
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.error) p.reject(new Error(m.error));
        else p.resolve({ pdf: m.pdf ? Buffer.from(m.pdf) : null, size: m.size!, sha256: m.sha256! });
      });
      worker.on('error', (e) => {
        for (const [id, p] of this.pending) {
          p.reject(e);
          this.pending.delete(id);
        }
      });
      this.threads.push(slot);
    }
  }

  /** Draws one certificate on the least busy thread, which hashes it and, given `writeTo`, writes it there. */
  render(data: CertificateData, writeTo?: string): Promise<RenderedPdf> {
    const slot = this.threads.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, data, writeTo });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}

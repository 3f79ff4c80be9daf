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

interface Task {
  id: number;
  data: CertificateData;
  writeTo?: string;
  /** Already in hand of a thread that crashed: runs again once, alone on its thread. */
  retried: boolean;
  resolve: (r: RenderedPdf) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  inHand: Map<number, Task>;
  /** Runs a retried task and nothing else, so a second crash names that task alone. */
  solo: boolean;
  lastError: Error | null;
}

/** Renders sent to one thread at once: enough to keep it busy between messages. */
const IN_HAND_PER_THREAD = 2;

/**
 * A fixed pool of rendering threads (one per core by default). `render` queues a certificate and the
 * least busy thread draws it; PDF drawing is synchronous CPU work, so parallelism comes from threads.
 * A thread that dies is replaced at once; the renders it had in hand run again once, each alone on a
 * thread, and a render that kills its thread twice fails. Renders on other threads are unaffected.
 */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly file: string;
  private readonly execArgv: string[];
  private nextId = 1;
  private closing = false;

  /** `threadFile` replaces the render thread (tests give one that crashes on purpose). */
  constructor(size = 0, opts: { threadFile?: string } = {}) {
    const n = size > 0 ? size : Math.max(1, cpus().length);
    this.file = opts.threadFile ?? path.join(__dirname, `render-thread.${__filename.endsWith('.ts') ? 'ts' : 'js'}`);
    this.execArgv = this.file.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : [];
    for (let i = 0; i < n; i++) this.slots.push(this.startThread());
  }

  private startThread(): Slot {
    const slot: Slot = { worker: new Worker(this.file, { execArgv: this.execArgv }), inHand: new Map(), solo: false, lastError: null };
    slot.worker.on('message', (m: { id: number; pdf?: ArrayBuffer; size?: number; sha256?: string; error?: string }) => {
      const task = slot.inHand.get(m.id);
      if (!task) return;
      slot.inHand.delete(m.id);
      if (task.retried) slot.solo = false;
      if (m.error) task.reject(new Error(m.error));
      else task.resolve({ pdf: m.pdf ? Buffer.from(m.pdf) : null, size: m.size!, sha256: m.sha256! });
      this.pump();
    });
    slot.worker.on('error', (e) => {
      slot.lastError = e;
    });
    slot.worker.on('exit', (code) => this.replace(slot, code));
    return slot;
  }

  /** A dead thread: a new one takes its place, and what it had in hand runs again once or fails. */
  private replace(dead: Slot, code: number): void {
    if (this.closing) return;
    const i = this.slots.indexOf(dead);
    if (i < 0) return;
    this.slots[i] = this.startThread();
    const reason = dead.lastError?.message ?? `exit code ${code}`;
    const again: Task[] = [];
    for (const task of dead.inHand.values()) {
      if (task.retried) task.reject(new Error(`The render thread crashed twice on this certificate (${reason})`));
      else again.push({ ...task, retried: true });
    }
    this.queue.unshift(...again);
    this.pump();
  }

  /** Hands queued renders to threads: a retried one only to an idle thread, which then takes nothing else. */
  private pump(): void {
    for (let q = 0; q < this.queue.length;) {
      const task = this.queue[q];
      const slot = task.retried ? this.slots.find((s) => s.inHand.size === 0) : this.leastBusy();
      if (!slot) {
        q++;
        continue;
      }
      this.queue.splice(q, 1);
      if (task.retried) slot.solo = true;
      slot.inHand.set(task.id, task);
      slot.worker.postMessage({ id: task.id, data: task.data, writeTo: task.writeTo });
    }
  }

  private leastBusy(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (!s.solo && s.inHand.size < IN_HAND_PER_THREAD && (!best || s.inHand.size < best.inHand.size)) best = s;
    return best;
  }

  /** Draws one certificate on the least busy thread, which hashes it and, given `writeTo`, writes it there. */
  render(data: CertificateData, writeTo?: string): Promise<RenderedPdf> {
    if (this.closing) return Promise.reject(new Error('The render pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, data, writeTo, retried: false, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const closed = new Error('The render pool is closed');
    for (const task of this.queue.splice(0)) task.reject(closed);
    for (const s of this.slots) for (const task of s.inHand.values()) task.reject(closed);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

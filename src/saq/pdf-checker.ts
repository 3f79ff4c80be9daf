import * as path from 'path';
import { Worker } from 'worker_threads';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { EvidenceErrorCode } from './saq.errors';

/** What inspecting a file found: a PDF with pages, or why a reader could not open it. */
export type PdfVerdict = { ok: true; pages: number } | { ok: false; reason: PdfRefusalReason };
export type PdfRefusalReason = 'UNREADABLE' | 'NO_PAGES' | 'PASSWORD_PROTECTED' | 'TIMEOUT';

const REFUSAL_CODE: Record<PdfRefusalReason, EvidenceErrorCode> = {
  UNREADABLE: EvidenceErrorCode.PDF_UNREADABLE,
  NO_PAGES: EvidenceErrorCode.PDF_NO_PAGES,
  PASSWORD_PROTECTED: EvidenceErrorCode.PDF_PASSWORD_PROTECTED,
  TIMEOUT: EvidenceErrorCode.PDF_TIMEOUT,
};

const REFUSAL_MESSAGE: Record<PdfRefusalReason, string> = {
  UNREADABLE: 'The file is not a readable PDF',
  NO_PAGES: 'The PDF has no pages',
  PASSWORD_PROTECTED: 'The PDF is password-protected',
  TIMEOUT: 'The PDF could not be read in time',
};

/** The refusal of an evidence file (message and reason), or null for a PDF a reader can open. */
export const pdfRefusal = (v: PdfVerdict): { code: EvidenceErrorCode; message: string; reason: PdfRefusalReason } | null =>
  v.ok ? null : { code: REFUSAL_CODE[v.reason], message: REFUSAL_MESSAGE[v.reason], reason: v.reason };

interface Pending {
  thread: Worker;
  resolve: (v: PdfVerdict) => void;
  timer: NodeJS.Timeout;
}

/**
 * Inspects uploaded PDFs (pdf-check.ts) on one background thread, started on first use and replaced
 * when it dies, so a large or hostile file costs the request thread only a message. A check that
 * outlives `timeoutMs` ends the thread (the checks queued behind it answer TIMEOUT too); a thread that
 * dies by itself mid-check, for instance out of memory on a crafted file, answers UNREADABLE.
 */
@Injectable()
export class PdfChecker implements OnModuleDestroy {
  timeoutMs = 20_000;
  private thread: Worker | null = null;
  private readonly stopped = new WeakSet<Worker>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  check(pdf: Uint8Array): Promise<PdfVerdict> {
    const thread = this.thread ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle(id, { ok: false, reason: 'TIMEOUT' });
        this.stop(thread);
      }, this.timeoutMs);
      this.pending.set(id, { thread, resolve, timer });
      thread.postMessage({ id, data: pdf });
    });
  }

  async onModuleDestroy(): Promise<void> {
    const thread = this.thread;
    if (!thread) return;
    this.stop(thread);
    await thread.terminate();
  }

  private start(): Worker {
    const ts = __filename.endsWith('.ts');
    const file = path.join(__dirname, `pdf-check-thread.${ts ? 'ts' : 'js'}`);
    const thread = new Worker(file, { ...(ts ? { execArgv: ['-r', 'ts-node/register/transpile-only'] } : {}), resourceLimits: { maxOldGenerationSizeMb: 256 } });
    thread.unref();
    thread.on('message', (m: { id: number; verdict: PdfVerdict }) => this.settle(m.id, m.verdict));
    const died = () => {
      if (this.thread === thread) this.thread = null;
      const verdict: PdfVerdict = { ok: false, reason: this.stopped.has(thread) ? 'TIMEOUT' : 'UNREADABLE' };
      for (const [id, p] of [...this.pending]) if (p.thread === thread) this.settle(id, verdict);
    };
    thread.on('error', died);
    thread.on('exit', died);
    this.thread = thread;
    return thread;
  }

  private stop(thread: Worker): void {
    this.stopped.add(thread);
    if (this.thread === thread) this.thread = null;
    void thread.terminate();
  }

  private settle(id: number, verdict: PdfVerdict): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(verdict);
  }
}

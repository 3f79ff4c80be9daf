/**
 * Autosave of per-question drafts (a PPID's answers, an assessor's verifications): one entry per question, each edit debounced and sent in the
 * background (typing never waits on the network), at most one save in flight per question (a newer
 * edit waits and is sent after it, with the version the server just gave). Every draft not yet on the
 * server is kept in storage (localStorage) and restored on the next visit. A stale version (409) is
 * kept aside with the server's current draft so the user chooses. No React here: the page
 * subscribes.
 */

/** idle: as on the server; pending: waiting for the debounce; incomplete: nothing to send yet (no value). */
export type SaveState = 'idle' | 'pending' | 'incomplete' | 'saving' | 'saved' | 'failed' | 'conflict';

export interface Entry<Draft> {
  draft: Draft;
  /** The server's version this draft builds on (0: not answered yet). */
  version: number;
  state: SaveState;
  error?: unknown;
  /** On a conflict: the answer as the server now has it. */
  theirs?: { draft: Draft; version: number } | null;
}

export interface AutosaveDeps<Draft> {
  save(code: string, draft: Draft, version: number): Promise<{ version: number }>;
  /** The server's current draft of a question (after a 409). */
  loadCurrent(code: string): Promise<{ draft: Draft; version: number } | null>;
  isConflict(error: unknown): boolean;
  /** Whether a draft can be sent (an incomplete one waits for more input). */
  isComplete(draft: Draft): boolean;
  /** The draft of a question nobody has answered yet. */
  empty: Draft;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  storageKey: string;
  delayMs?: number;
}

export class AutosaveQueue<Draft> {
  private entries = new Map<string, Entry<Draft>>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private inFlight = new Map<string, Promise<void>>();
  private listeners = new Set<() => void>();

  constructor(private readonly deps: AutosaveDeps<Draft>) {}

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  get(code: string): Entry<Draft> | undefined {
    return this.entries.get(code);
  }

  /** Any edit the server does not have yet (the page warns before leaving). */
  get unsaved(): boolean {
    return [...this.entries.values()].some((e) => e.state === 'pending' || e.state === 'saving' || e.state === 'failed' || e.state === 'conflict');
  }

  /**
   * The server's draft of a question; a draft kept in storage from an earlier visit wins and is
   * sent again (on the version it was made on: a 409 when the server's moved since).
   */
  load(code: string, server: { draft: Draft; version: number }): void {
    const kept = this.readStored(code);
    if (kept && JSON.stringify(kept.draft) !== JSON.stringify(server.draft)) {
      this.set(code, { draft: kept.draft, version: kept.version, state: 'pending' });
      this.schedule(code, 0);
      return;
    }
    if (kept) this.deps.storage?.removeItem(this.key(code));
    this.set(code, { draft: server.draft, version: server.version, state: 'idle' });
  }

  edit(code: string, draft: Draft): void {
    const e = this.entries.get(code) ?? { draft, version: 0, state: 'idle' as SaveState };
    this.deps.storage?.setItem(this.key(code), JSON.stringify({ draft, version: e.version }));
    if (e.state === 'conflict') {
      this.set(code, { ...e, draft });
      return;
    }
    const complete = this.deps.isComplete(draft);
    this.set(code, { ...e, draft, state: complete ? 'pending' : 'incomplete', error: undefined });
    if (complete) this.schedule(code, this.deps.delayMs ?? 600);
  }

  retry(code: string): void {
    const e = this.entries.get(code);
    if (!e || (e.state !== 'failed' && e.state !== 'pending')) return;
    this.set(code, { ...e, state: 'pending', error: undefined });
    this.schedule(code, 0);
  }

  /** After a 409: keep mine (sent again on the server's version) or take theirs. */
  resolve(code: string, choice: 'mine' | 'theirs'): void {
    const e = this.entries.get(code);
    if (!e || e.state !== 'conflict') return;
    const theirs = e.theirs ?? { draft: this.deps.empty, version: 0 };
    if (choice === 'theirs') {
      this.deps.storage?.removeItem(this.key(code));
      this.set(code, { draft: theirs.draft, version: theirs.version, state: 'idle' });
      return;
    }
    this.deps.storage?.setItem(this.key(code), JSON.stringify({ draft: e.draft, version: theirs.version }));
    this.set(code, { draft: e.draft, version: theirs.version, state: 'pending' });
    this.schedule(code, 0);
  }

  /** Sends every waiting edit now and resolves when no save is in flight (before submit). */
  async flush(): Promise<void> {
    for (const [code, t] of this.timers) {
      clearTimeout(t);
      this.timers.delete(code);
      void this.send(code);
    }
    while (this.inFlight.size) await Promise.all([...this.inFlight.values()]);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.listeners.clear();
  }

  private schedule(code: string, delay: number): void {
    clearTimeout(this.timers.get(code));
    this.timers.set(
      code,
      setTimeout(() => {
        this.timers.delete(code);
        void this.send(code);
      }, delay),
    );
  }

  private async send(code: string): Promise<void> {
    const running = this.inFlight.get(code);
    if (running) {
      // One save per question at a time; the newest draft goes once this one is answered.
      await running;
      const e = this.entries.get(code);
      if (e?.state === 'pending') return this.send(code);
      return;
    }
    const e = this.entries.get(code);
    if (!e || e.state !== 'pending') return;
    const sent = e.draft;
    this.set(code, { ...e, state: 'saving' });
    const done = this.deps
      .save(code, sent, e.version)
      .then(({ version }) => {
        const now = this.entries.get(code)!;
        const newer = now.draft !== sent;
        if (!newer) this.deps.storage?.removeItem(this.key(code));
        else this.deps.storage?.setItem(this.key(code), JSON.stringify({ draft: now.draft, version }));
        this.set(code, { ...now, version, state: newer ? 'pending' : 'saved', error: undefined });
      })
      .catch(async (error: unknown) => {
        if (this.deps.isConflict(error)) {
          const theirs = await this.deps.loadCurrent(code).catch(() => null);
          this.set(code, { ...this.entries.get(code)!, state: 'conflict', error, theirs });
        } else {
          this.set(code, { ...this.entries.get(code)!, state: 'failed', error });
        }
      })
      .finally(() => {
        this.inFlight.delete(code);
        const after = this.entries.get(code);
        if (after?.state === 'pending' && !this.timers.has(code)) this.schedule(code, 0);
      });
    this.inFlight.set(code, done);
    await done;
  }

  private set(code: string, e: Entry<Draft>): void {
    this.entries.set(code, e);
    this.listeners.forEach((l) => l());
  }

  private key(code: string): string {
    return `${this.deps.storageKey}:${code}`;
  }

  private readStored(code: string): { draft: Draft; version: number } | null {
    try {
      const raw = this.deps.storage?.getItem(this.key(code));
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  }
}

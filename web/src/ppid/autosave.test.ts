import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveQueue, type Draft } from './autosave';

const d = (value: unknown): Draft => ({ value, evidenceIds: [], url: '' });

class MemoryStorage {
  m = new Map<string, string>();
  getItem = (k: string) => this.m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.m.set(k, v);
  removeItem = (k: string) => void this.m.delete(k);
}

describe('AutosaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces edits, keeps one save in flight, sends the newest draft on the new version and clears the stored draft', async () => {
    const calls: [unknown, number][] = [];
    let release: (() => void) | null = null;
    const storage = new MemoryStorage();
    const q = new AutosaveQueue({
      storageKey: 'k',
      storage,
      delayMs: 100,
      isConflict: () => false,
      loadCurrent: async () => null,
      save: (_code, draft, version) => {
        calls.push([draft.value, version]);
        return new Promise((r) => (release = () => r({ version: version + 1 })));
      },
    });
    q.load('1', { draft: d(undefined), version: 0 });
    q.edit('1', d('a'));
    q.edit('1', d('ab'));
    expect(storage.getItem('k:1')).toContain('ab');
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toEqual([['ab', 0]]);
    expect(q.get('1')!.state).toBe('saving');
    q.edit('1', d('abc'));
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(1); // waits for the save in flight
    release!();
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toEqual([['ab', 0], ['abc', 1]]);
    release!();
    await vi.advanceTimersByTimeAsync(10);
    expect(q.get('1')).toMatchObject({ state: 'saved', version: 2 });
    expect(storage.getItem('k:1')).toBeNull();
    expect(q.unsaved).toBe(false);
  });

  it('on a 409 keeps the draft with the server’s answer; keep mine re-saves on their version, take theirs drops mine', async () => {
    const storage = new MemoryStorage();
    const versions: number[] = [];
    const q = new AutosaveQueue({
      storageKey: 'k',
      storage,
      delayMs: 10,
      isConflict: (e) => e === 'stale',
      loadCurrent: async () => ({ draft: d('theirs'), version: 5 }),
      save: async (_c, _draft, version) => {
        versions.push(version);
        if (version < 5) throw 'stale';
        return { version: version + 1 };
      },
    });
    q.load('1', { draft: d('old'), version: 3 });
    q.edit('1', d('mine'));
    await vi.advanceTimersByTimeAsync(20);
    expect(q.get('1')).toMatchObject({ state: 'conflict', theirs: { draft: d('theirs'), version: 5 } });
    expect(q.unsaved).toBe(true);
    q.resolve('1', 'mine');
    await vi.advanceTimersByTimeAsync(20);
    expect(versions).toEqual([3, 5]);
    expect(q.get('1')).toMatchObject({ state: 'saved', version: 6, draft: d('mine') });

    q.edit('1', d('again'));
    q.load('2', { draft: d('x'), version: 1 });
    const q2 = new AutosaveQueue({ storageKey: 'k', storage, isConflict: () => true, loadCurrent: async () => ({ draft: d('theirs'), version: 9 }), save: async () => Promise.reject('stale') });
    // A draft left in storage comes back on the next visit and is sent again.
    q2.load('1', { draft: d('mine'), version: 6 });
    expect(q2.get('1')).toMatchObject({ state: 'pending', draft: d('again') });
    await vi.advanceTimersByTimeAsync(5);
    expect(q2.get('1')!.state).toBe('conflict');
    q2.resolve('1', 'theirs');
    expect(q2.get('1')).toMatchObject({ state: 'idle', draft: d('theirs'), version: 9 });
    expect(storage.getItem('k:1')).toBeNull();
  });

  it('does not send a draft without a value, and marks a failed save for retry', async () => {
    let fail = true;
    const q = new AutosaveQueue({ storageKey: 'k', delayMs: 10, isConflict: () => false, loadCurrent: async () => null, save: async (_c, _d, v) => (fail ? Promise.reject(new Error('down')) : { version: v + 1 }) });
    q.edit('1', d(''));
    expect(q.get('1')!.state).toBe('incomplete');
    q.edit('1', d(7));
    await vi.advanceTimersByTimeAsync(20);
    expect(q.get('1')!.state).toBe('failed');
    fail = false;
    q.retry('1');
    await vi.advanceTimersByTimeAsync(5);
    expect(q.get('1')).toMatchObject({ state: 'saved', version: 1 });
  });
});

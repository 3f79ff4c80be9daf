import { BatchWriter, distinctGroups, StatementBatch } from './statement-batch';

interface Item {
  key: string;
  value: number;
}

/** A writer that records its statements: `many` answers value * 10 per item, `one` value * 100. */
function recordingWriter(opts: { failMany?: unknown; failOne?: (i: Item) => unknown; retryAlone?: boolean } = {}) {
  const statements: string[][] = [];
  const writer: BatchWriter<Item, number> = {
    key: (i) => i.key,
    one: async (i) => {
      statements.push([i.key]);
      const failure = opts.failOne?.(i);
      if (failure) throw failure;
      return i.value * 100;
    },
    many: async (items) => {
      statements.push(items.map((i) => i.key));
      if (opts.failMany) throw opts.failMany;
      return items.map((i) => i.value * 10);
    },
    retryAlone: () => opts.retryAlone ?? true,
  };
  return { writer, statements };
}

describe('StatementBatch', () => {
  it('writes the items of one turn in one statement, each caller getting its own result', async () => {
    const { writer, statements } = recordingWriter();
    const batch = new StatementBatch(writer);
    const results = await Promise.all([1, 2, 3].map((v) => batch.write({ key: `k${v}`, value: v })));
    expect(results).toEqual([10, 20, 30]);
    expect(statements).toEqual([['k1', 'k2', 'k3']]);
    expect(batch.stats).toEqual({ batches: 1, batchedItems: 3, singles: 0, fallbacks: 0 });
  });

  it('writes a lone item alone, and items of later turns in later statements', async () => {
    const { writer, statements } = recordingWriter();
    const batch = new StatementBatch(writer);
    expect(await batch.write({ key: 'a', value: 1 })).toBe(100);
    expect(await Promise.all([batch.write({ key: 'b', value: 2 }), batch.write({ key: 'c', value: 3 })])).toEqual([20, 30]);
    expect(statements).toEqual([['a'], ['b', 'c']]);
    expect(batch.stats).toEqual({ batches: 1, batchedItems: 2, singles: 1, fallbacks: 0 });
  });

  it('never puts one key twice in a statement, nor more than its maximum', async () => {
    const { writer, statements } = recordingWriter();
    const batch = new StatementBatch(writer, 3);
    const keys = ['a', 'b', 'a', 'c', 'd', 'e', 'a'];
    await Promise.all(keys.map((key, i) => batch.write({ key, value: i })));
    expect(statements).toEqual([['a', 'b', 'c'], ['a', 'd', 'e'], ['a']]);
  });

  it('writes a repeated key only after the statement holding its earlier write has settled', async () => {
    const events: string[] = [];
    let release!: () => void;
    const firstHeld = new Promise<void>((r) => (release = r));
    const writer: BatchWriter<Item, number> = {
      key: (i) => i.key,
      one: async (i) => {
        events.push(`start ${i.key}${i.value}`);
        return i.value;
      },
      many: async (items) => {
        events.push(`start ${items.map((i) => `${i.key}${i.value}`).join(' ')}`);
        await firstHeld;
        events.push('end first');
        return items.map((i) => i.value);
      },
      retryAlone: () => true,
    };
    const batch = new StatementBatch(writer);
    const all = Promise.all([batch.write({ key: 'a', value: 1 }), batch.write({ key: 'b', value: 2 }), batch.write({ key: 'a', value: 3 })]);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual(['start a1 b2']);
    release();
    expect(await all).toEqual([1, 2, 3]);
    expect(events).toEqual(['start a1 b2', 'end first', 'start a3']);
  });

  it('after a refused statement writes each item alone, so only the refused one fails', async () => {
    const refusal = Object.assign(new Error('refused'), { refused: true });
    const { writer, statements } = recordingWriter({ failMany: refusal, failOne: (i) => (i.key === 'b' ? refusal : undefined) });
    const batch = new StatementBatch(writer);
    const outcomes = await Promise.allSettled(['a', 'b', 'c'].map((key, i) => batch.write({ key, value: i + 1 })));
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 100 },
      { status: 'rejected', reason: refusal },
      { status: 'fulfilled', value: 300 },
    ]);
    expect(statements).toEqual([['a', 'b', 'c'], ['a'], ['b'], ['c']]);
    expect(batch.stats).toMatchObject({ batches: 0, fallbacks: 1, singles: 3 });
  });

  it('fails every item with the statement when the failure is not one to retry item by item', async () => {
    const lost = new Error('connection lost');
    const { writer, statements } = recordingWriter({ failMany: lost, retryAlone: false });
    const batch = new StatementBatch(writer);
    const outcomes = await Promise.allSettled(['a', 'b'].map((key) => batch.write({ key, value: 1 })));
    expect(outcomes.map((o) => o.status === 'rejected' && o.reason)).toEqual([lost, lost]);
    expect(statements).toEqual([['a', 'b']]);
  });
});

describe('distinctGroups', () => {
  it('keeps the arrival order of a repeated key across groups', () => {
    const groups = distinctGroups(['x1', 'y1', 'x2', 'x3', 'z1'], (s) => s[0], 10);
    expect(groups).toEqual([['x1', 'y1', 'z1'], ['x2'], ['x3']]);
  });
});

/**
 * Writes that arrive together go to the database as one statement. Under load the server's cost of
 * a small write is mostly per statement (parse, commit, the round trip), not per row: five rows in one
 * multi-row upsert cost MariaDB about a third per row of five single upserts (bench/answers.ts). So
 * items handed to `run` in the same turn of the event loop are written together; when the load is
 * light a turn holds one item and it is written alone, as it would have been, with no wait added.
 *
 * A statement holds at most `maxItems` items and never two with the same key: a second write of one
 * row goes in a later statement, written after the earlier one (two statements writing the same row at
 * once would only wait on, or deadlock with, each other). When the many-row statement fails
 * with an error the server gave for the statement (a refused row, a deadlock), which means it
 * changed nothing, each item is written alone so each gets its own outcome; an unreachable database
 * fails them all as it would have failed each.
 */
export interface BatchWriter<T, R> {
  /** The item's row: items with one key never share a statement. */
  key(item: T): string;
  /** One item in its own statement: its result, or the error for it. */
  one(item: T): Promise<R>;
  /** Several items (distinct keys) in one statement: their results in the items' order, or throws. */
  many(items: T[]): Promise<R[]>;
  /** Whether the failure of `many` leaves the items to be written one by one (else they fail with it). */
  retryAlone(error: unknown): boolean;
}

export interface StatementBatchStats {
  /** Statements of several items that were written. */
  batches: number;
  /** Items written in those. */
  batchedItems: number;
  /** Items written alone (light load, or after a failed batch). */
  singles: number;
  /** Batches that failed and were written one by one. */
  fallbacks: number;
}

interface Waiting<T, R> {
  item: T;
  resolve(r: R): void;
  reject(e: unknown): void;
}

export class StatementBatch<T, R> {
  readonly stats: StatementBatchStats = { batches: 0, batchedItems: 0, singles: 0, fallbacks: 0 };
  private waiting: Waiting<T, R>[] = [];
  private scheduled = false;

  constructor(
    private readonly writer: BatchWriter<T, R>,
    private readonly maxItems = 32,
  ) {}

  write(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O callbacks of this turn: every request parsed in it has had its say.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const all = this.waiting;
    this.waiting = [];
    // writeGroup settles every item itself and never throws.
    for (const group of distinctGroups(all, (w) => this.writer.key(w.item), this.maxItems)) await this.writeGroup(group);
  }

  private async writeGroup(group: Waiting<T, R>[]): Promise<void> {
    if (group.length === 1) return this.writeAlone(group[0]);
    let results: R[];
    try {
      results = await this.writer.many(group.map((w) => w.item));
    } catch (e) {
      if (!this.writer.retryAlone(e)) {
        for (const w of group) w.reject(e);
        return;
      }
      this.stats.fallbacks++;
      await Promise.all(group.map((w) => this.writeAlone(w)));
      return;
    }
    this.stats.batches++;
    this.stats.batchedItems += group.length;
    group.forEach((w, i) => w.resolve(results[i]));
  }

  private async writeAlone(w: Waiting<T, R>): Promise<void> {
    this.stats.singles++;
    try {
      w.resolve(await this.writer.one(w.item));
    } catch (e) {
      w.reject(e);
    }
  }
}

/** Items in arrival order, cut into groups of at most `max` with distinct keys (a repeated key starts the next group it fits). */
export function distinctGroups<W>(items: W[], keyOf: (w: W) => string, max: number): W[][] {
  const groups: { items: W[]; keys: Set<string> }[] = [];
  for (const w of items) {
    const key = keyOf(w);
    let g = groups.find((c) => c.items.length < max && !c.keys.has(key));
    if (!g) groups.push((g = { items: [], keys: new Set() }));
    g.items.push(w);
    g.keys.add(key);
  }
  return groups.map((g) => g.items);
}

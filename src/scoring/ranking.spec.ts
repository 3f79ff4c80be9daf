import fc from 'fast-check';
import { dec } from './decimal';
import { RankInput, compareForRank, decidingKey, rankEntries } from './ranking';

const T0 = Date.UTC(2026, 5, 1, 3, 0, 0);

function entry(key: string, final: string, saq: string, presentation: string | null, minutes: number | null, categoryCode = 'K'): RankInput {
  return {
    key,
    categoryCode,
    finalRounded: dec(final),
    saq: dec(saq),
    presentation: presentation === null ? null : dec(presentation),
    submittedAt: minutes === null ? null : new Date(T0 + minutes * 60000),
  };
}

const ranks = (list: ReturnType<typeof rankEntries>) => list.map((r) => [r.key, r.rankOverall, r.rankInCategory]);

describe('compareForRank', () => {
  it('final rounded desc first', () => {
    expect(compareForRank(entry('a', '90.01', '10', null, 1), entry('b', '90', '99', '99', 0))).toBeLessThan(0);
    expect(compareForRank(entry('b', '90', '99', '99', 0), entry('a', '90.01', '10', null, 1))).toBeGreaterThan(0);
  });
  it('then exact SAQ desc', () => {
    expect(compareForRank(entry('a', '90', '88.3333333333333333334', null, 5), entry('b', '90', '88.3333333333333333333', '100', 0))).toBeLessThan(0);
  });
  it('then exact presentation desc, null below any value', () => {
    expect(compareForRank(entry('a', '90', '88', '95.5', 5), entry('b', '90', '88', '95.49', 0))).toBeLessThan(0);
    expect(compareForRank(entry('a', '90', '88', '0', 5), entry('b', '90', '88', null, 0))).toBeLessThan(0);
    expect(compareForRank(entry('a', '90', '88', null, 5), entry('b', '90', '88', '0', 0))).toBeGreaterThan(0);
  });
  it('then earlier submission first, null last', () => {
    expect(compareForRank(entry('a', '90', '88', '70', 1), entry('b', '90', '88', '70', 2))).toBeLessThan(0);
    expect(compareForRank(entry('a', '90', '88', '70', 2), entry('b', '90', '88', '70', 1))).toBeGreaterThan(0);
    expect(compareForRank(entry('a', '90', '88', '70', 2), entry('b', '90', '88', '70', null))).toBeLessThan(0);
    expect(compareForRank(entry('a', '90', '88', '70', null), entry('b', '90', '88', '70', 2))).toBeGreaterThan(0);
  });
  it('is 0 for a full tie (equal values in any notation)', () => {
    expect(compareForRank(entry('a', '90.00', '88.5', '70.10', 3), entry('b', '90', '88.50', '70.1', 3))).toBe(0);
    expect(compareForRank(entry('a', '90', '88', null, null), entry('b', '90', '88', null, null))).toBe(0);
  });
});

describe('decidingKey', () => {
  it('names the key that ordered two bodies, null for a shared rank', () => {
    expect(decidingKey(entry('a', '90.01', '10', null, 1), entry('b', '90', '99', '99', 0))).toBe('FINAL_SCORE');
    expect(decidingKey(entry('a', '90', '88.01', null, 5), entry('b', '90', '88', '100', 0))).toBe('SAQ_SCORE');
    expect(decidingKey(entry('a', '90', '88', null, 5), entry('b', '90', '88', '0', 0))).toBe('PRESENTATION_SCORE');
    expect(decidingKey(entry('a', '90', '88', '70', 2), entry('b', '90', '88', '70', 1))).toBe('SUBMITTED_AT');
    expect(decidingKey(entry('a', '90', '88', '70', 3), entry('b', '90', '88', '70', 3))).toBeNull();
  });
});

describe('rankEntries', () => {
  it('breaks ties by SAQ, then presentation, then earlier submission', () => {
    const out = rankEntries([
      entry('late', '85', '80', '90', 30),
      entry('lowSaq', '85', '79.99', '100', 0),
      entry('noPres', '85', '80', null, 0),
      entry('early', '85', '80', '90', 10),
      entry('top', '85.01', '60', '60', 99),
    ]);
    expect(ranks(out)).toEqual([
      ['top', 1, 1],
      ['early', 2, 2],
      ['late', 3, 3],
      ['noPres', 4, 4],
      ['lowSaq', 5, 5],
    ]);
  });
  it('full ties share a rank and the next rank skips (1, 2, 2, 4)', () => {
    const out = rankEntries([entry('d', '70', '70', null, null), entry('c', '80', '80', '80', 5), entry('b', '80', '80', '80', 5), entry('a', '90', '90', '90', 1)]);
    expect(ranks(out)).toEqual([
      ['a', 1, 1],
      ['b', 2, 2],
      ['c', 2, 2],
      ['d', 4, 4],
    ]);
  });
  it('ranks within each category and overall', () => {
    const out = rankEntries([
      entry('k1', '95', '95', '95', 0, 'KAB'),
      entry('p1', '92', '92', '92', 0, 'PROV'),
      entry('k2', '90', '90', '90', 0, 'KAB'),
      entry('p2', '90', '90', '90', 0, 'PROV'),
      entry('k3', '90', '90', '90', 0, 'KAB'),
      entry('p3', '50', '50', null, 0, 'PROV'),
    ]);
    expect(out.map((r) => [r.key, r.rankOverall, r.rankInCategory, r.categoryCode])).toEqual([
      ['k1', 1, 1, 'KAB'],
      ['p1', 2, 1, 'PROV'],
      ['k2', 3, 2, 'KAB'],
      ['k3', 3, 2, 'KAB'],
      ['p2', 3, 2, 'PROV'],
      ['p3', 6, 3, 'PROV'],
    ]);
  });
  it('keeps extra fields and does not modify its input', () => {
    const input = [
      { ...entry('x', '50', '50', null, null), name: 'Dinas X' },
      { ...entry('y', '60', '60', null, null), name: 'Dinas Y' },
    ];
    const before = input.map((e) => ({ ...e }));
    const out = rankEntries(input);
    expect(out.map((r) => r.name)).toEqual(['Dinas Y', 'Dinas X']);
    expect(input).toEqual(before);
    expect(rankEntries([])).toEqual([]);
  });

  it('matches an O(n^2) reference on random sets (property)', () => {
    // small value ranges so ties at every level are common
    const row = fc.record({
      cat: fc.constantFrom('A', 'B', 'C', 'D'),
      final: fc.integer({ min: 8995, max: 9001 }),
      saq: fc.integer({ min: 0, max: 3 }),
      saqTail: fc.boolean(),
      pres: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
      at: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    });
    type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;
    // the reference works on plain integers, independent of compareForRank
    const saqKey = (r: Row) => r.saq * 2 + (r.saqTail ? 1 : 0);
    const better = (x: Row, y: Row): boolean => {
      if (x.final !== y.final) return x.final > y.final;
      if (saqKey(x) !== saqKey(y)) return saqKey(x) > saqKey(y);
      const px = x.pres === null ? -1 : x.pres;
      const py = y.pres === null ? -1 : y.pres;
      if (px !== py) return px > py;
      const tx = x.at === null ? Infinity : x.at;
      const ty = y.at === null ? Infinity : y.at;
      return tx < ty;
    };
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), (rows) => {
        const entries = rows.map((r, i) => ({
          key: `e${String(i).padStart(3, '0')}`,
          categoryCode: r.cat,
          finalRounded: dec(r.final).div(100),
          // a non-terminating tail that only exact comparison tells apart
          saq: dec(80 + r.saq).plus(r.saqTail ? dec(1).div(3).div('1e20') : 0),
          presentation: r.pres === null ? null : dec(70).plus(dec(r.pres).div(1000)),
          submittedAt: r.at === null ? null : new Date(T0 + r.at * 1000),
          idx: i,
        }));
        const out = rankEntries(entries);
        expect(out).toHaveLength(rows.length);
        expect(new Set(out.map((o) => o.key)).size).toBe(rows.length);
        for (const o of out) {
          const me = rows[o.idx];
          expect(o.rankOverall).toBe(1 + rows.filter((r) => better(r, me)).length);
          expect(o.rankInCategory).toBe(1 + rows.filter((r) => r.cat === me.cat && better(r, me)).length);
        }
        for (let i = 1; i < out.length; i++) {
          expect(compareForRank(out[i - 1], out[i])).toBeLessThanOrEqual(0);
          expect(out[i - 1].rankOverall).toBeLessThanOrEqual(out[i].rankOverall);
        }
      }),
      { numRuns: 150 },
    );
  });

  // Correct at national scale; its speed is measured by bench:ranking, not asserted here.
  it('ranks 100,000 entries', () => {
    const n = 100_000;
    const cats = ['PUSAT', 'PROV', 'KAB', 'KOTA', 'BUMN', 'PTN'];
    let seed = 12345;
    const rnd = (m: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % m;
    };
    const entries: RankInput[] = [];
    for (let i = 0; i < n; i++) {
      const saq = dec(rnd(10001)).div(100);
      entries.push({
        key: `b${i}`,
        categoryCode: cats[rnd(cats.length)],
        finalRounded: saq,
        saq,
        presentation: rnd(4) === 0 ? dec(rnd(101)) : null,
        submittedAt: rnd(10) === 0 ? null : new Date(T0 + rnd(1000) * 60000),
      });
    }
    const out = rankEntries(entries);
    expect(out).toHaveLength(n);
    expect(out[0].rankOverall).toBe(1);
    // plain checks, one expect: 100k expect() calls would dominate the run time
    let misordered = 0;
    let misranked = 0;
    const lastInCategory = new Map<string, { entry: RankInput; rank: number; seen: number }>();
    for (let i = 0; i < n; i++) {
      const c = i === 0 ? -1 : compareForRank(out[i - 1], out[i]);
      if (c > 0) misordered++;
      if (out[i].rankOverall !== (c === 0 ? out[i - 1].rankOverall : i + 1)) misranked++;
      const cat = lastInCategory.get(out[i].categoryCode);
      const seen = (cat?.seen ?? 0) + 1;
      const rank = cat && compareForRank(cat.entry, out[i]) === 0 ? cat.rank : seen;
      if (out[i].rankInCategory !== rank) misranked++;
      lastInCategory.set(out[i].categoryCode, { entry: out[i], rank, seen });
    }
    expect({ misordered, misranked }).toEqual({ misordered: 0, misranked: 0 });
    expect(new Set(out.map((o) => o.key)).size).toBe(n);
  });
});

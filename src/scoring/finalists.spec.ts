import fc from 'fast-check';
import { dec } from './decimal';
import { checkFinalistRule, selectFinalists } from './finalists';

const e = (key: string, categoryCode: string, saq: string) => ({ key, categoryCode, saq: dec(saq) });
const sorted = (s: Set<string>) => [...s].sort();

describe('selectFinalists THRESHOLD', () => {
  const entries = [
    e('a', 'K1', '80'),
    e('b', 'K1', '79.999'),
    e('c', 'K2', '80.00'),
    e('d', 'K2', '79.99999999999999999999999999999999999999'),
    e('f', 'K2', '95.5'),
    e('g', 'K3', '0'),
  ];
  it('compares the exact SAQ, inclusive', () => {
    expect(sorted(selectFinalists(entries, { type: 'THRESHOLD', value: 80 }))).toEqual(['a', 'c', 'f']);
    expect(sorted(selectFinalists(entries, { type: 'THRESHOLD', value: '79.999' }))).toEqual(['a', 'b', 'c', 'd', 'f']);
    expect(sorted(selectFinalists(entries, { type: 'THRESHOLD', value: 0 }))).toEqual(['a', 'b', 'c', 'd', 'f', 'g']);
    expect(sorted(selectFinalists(entries, { type: 'THRESHOLD', value: '95.51' }))).toEqual([]);
  });
});

describe('selectFinalists TOP_N', () => {
  const entries = [
    e('a1', 'A', '90'),
    e('a2', 'A', '85.5'),
    e('a3', 'A', '85.5'),
    e('a4', 'A', '80'),
    e('a5', 'A', '85.49999999999'),
    e('b1', 'B', '50'),
    e('c1', 'C', '70'),
    e('c2', 'C', '75'),
    e('c3', 'C', '72'),
  ];
  it('takes the best N per category and everyone tied with the N-th', () => {
    expect(sorted(selectFinalists(entries, { type: 'TOP_N', value: 2 }))).toEqual(['a1', 'a2', 'a3', 'b1', 'c2', 'c3']);
    expect(sorted(selectFinalists(entries, { type: 'TOP_N', value: 3 }))).toEqual(['a1', 'a2', 'a3', 'b1', 'c1', 'c2', 'c3']);
    expect(sorted(selectFinalists(entries, { type: 'TOP_N', value: 1 }))).toEqual(['a1', 'b1', 'c2']);
    expect(sorted(selectFinalists(entries, { type: 'TOP_N', value: 4 }))).toEqual(['a1', 'a2', 'a3', 'a5', 'b1', 'c1', 'c2', 'c3']);
    expect(selectFinalists(entries, { type: 'TOP_N', value: 0 }).size).toBe(0);
  });
  it('a tie across the whole category takes everyone', () => {
    const tied = [e('x', 'A', '70'), e('y', 'A', '70'), e('z', 'A', '70.00')];
    expect(sorted(selectFinalists(tied, { type: 'TOP_N', value: 1 }))).toEqual(['x', 'y', 'z']);
  });
  it('rejects a bad N', () => {
    expect(() => selectFinalists(entries, { type: 'TOP_N', value: 1.5 })).toThrow();
    expect(() => selectFinalists(entries, { type: 'TOP_N', value: -1 })).toThrow();
  });
  it('matches a reference: in iff fewer than N in its category are strictly better (property)', () => {
    const arb = fc.array(fc.record({ cat: fc.constantFrom('A', 'B', 'C'), h: fc.integer({ min: 7990, max: 8010 }) }), { maxLength: 60 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 8 }), (rows, n) => {
        const entries = rows.map((r, i) => ({ key: `k${i}`, categoryCode: r.cat, saq: dec(r.h).div(100) }));
        const got = selectFinalists(entries, { type: 'TOP_N', value: n });
        rows.forEach((r, i) => {
          const better = rows.filter((o) => o.cat === r.cat && o.h > r.h).length;
          expect(got.has(`k${i}`)).toBe(better < n);
        });
        const threshold = selectFinalists(entries, { type: 'THRESHOLD', value: 80 });
        rows.forEach((r, i) => expect(threshold.has(`k${i}`)).toBe(r.h >= 8000));
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkFinalistRule', () => {
  it('accepts valid rules', () => {
    expect(checkFinalistRule({ type: 'THRESHOLD', value: 80 })).toEqual([]);
    expect(checkFinalistRule({ type: 'THRESHOLD', value: '79.5' })).toEqual([]);
    expect(checkFinalistRule({ type: 'TOP_N', value: 10 })).toEqual([]);
  });
  it('rejects invalid rules', () => {
    expect(checkFinalistRule(null)[0].field).toBe('finalistRule');
    expect(checkFinalistRule({ type: 'BEST', value: 1 })).toEqual([{ field: 'finalistRule.type', message: 'must be THRESHOLD or TOP_N', code: 'FIELD_NOT_IN_LIST' }]);
    expect(checkFinalistRule({ type: 'THRESHOLD', value: 100.5 })).toEqual([{ field: 'finalistRule.value', message: 'must be between 0 and 100', code: 'FIELD_OUT_OF_RANGE' }]);
    expect(checkFinalistRule({ type: 'TOP_N', value: 0 })[0].field).toBe('finalistRule.value');
    expect(checkFinalistRule({ type: 'TOP_N', value: '3' })[0].field).toBe('finalistRule.value');
    expect(checkFinalistRule({ type: 'TOP_N', value: 2.5 })[0].field).toBe('finalistRule.value');
  });
});

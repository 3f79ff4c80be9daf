import fc from 'fast-check';
import { Band, DEFAULT_BANDS, NOT_PARTICIPATING, bandFor, checkBands } from './bands';
import { dec } from './decimal';
import { finalScore } from './final-score';

const code = (v: string | number) => bandFor(v, DEFAULT_BANDS).code;

describe('DEFAULT_BANDS', () => {
  it('are the Perki bands, descending', () => {
    expect(DEFAULT_BANDS.map((b) => [b.code, b.label, dec(b.min).toNumber()])).toEqual([
      ['INFORMATIF', 'Informatif', 90],
      ['MENUJU_INFORMATIF', 'Menuju Informatif', 80],
      ['CUKUP_INFORMATIF', 'Cukup Informatif', 60],
      ['KURANG_INFORMATIF', 'Kurang Informatif', 40],
      ['TIDAK_INFORMATIF', 'Tidak Informatif', 0],
    ]);
    expect(checkBands(DEFAULT_BANDS)).toEqual([]);
    expect(NOT_PARTICIPATING).toEqual({ code: 'NOT_PARTICIPATING', label: 'Tidak Mengikuti Monev' });
  });
});

describe('bandFor', () => {
  it.each([
    ['100', 'INFORMATIF'],
    ['90', 'INFORMATIF'],
    ['90.00', 'INFORMATIF'],
    ['89.995', 'INFORMATIF'],
    ['89.994', 'MENUJU_INFORMATIF'],
    ['89.99', 'MENUJU_INFORMATIF'],
    ['80', 'MENUJU_INFORMATIF'],
    ['79.995', 'MENUJU_INFORMATIF'],
    ['79.994', 'CUKUP_INFORMATIF'],
    ['79.99', 'CUKUP_INFORMATIF'],
    ['60', 'CUKUP_INFORMATIF'],
    ['59.995', 'CUKUP_INFORMATIF'],
    ['59.99', 'KURANG_INFORMATIF'],
    ['40', 'KURANG_INFORMATIF'],
    ['39.995', 'KURANG_INFORMATIF'],
    ['39.99', 'TIDAK_INFORMATIF'],
    ['0.01', 'TIDAK_INFORMATIF'],
    ['0', 'TIDAK_INFORMATIF'],
  ])('%s -> %s', (value, expected) => {
    expect(code(value)).toBe(expected);
  });
  it('is looked up on the rounded final score', () => {
    const r = finalScore({ saq: '89.99', visitation: null, presentation: '90.01', finalist: true }, { saq: 50, visitation: 0, presentation: 50 });
    expect(r.rounded.toString()).toBe('90');
    expect(bandFor(r.rounded, DEFAULT_BANDS).label).toBe('Informatif');
  });
  it('works on bands given in any order and custom bands', () => {
    const custom: Band[] = [
      { code: 'C', label: 'C', min: 0 },
      { code: 'A', label: 'A', min: '75.5' },
      { code: 'B', label: 'B', min: 50 },
    ];
    expect(bandFor('75.5', custom).code).toBe('A');
    expect(bandFor('75.49', custom).code).toBe('B');
    expect(bandFor('49.99', custom).code).toBe('C');
  });
  it('throws when no band covers the value', () => {
    expect(() => bandFor('-1', DEFAULT_BANDS)).toThrow(/no band/);
    expect(() => bandFor('5', [{ code: 'A', label: 'A', min: 10 }])).toThrow(/no band/);
  });
  it('matches a simple reference on every hundredth (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (h) => {
        const expected = h >= 9000 ? 'INFORMATIF' : h >= 8000 ? 'MENUJU_INFORMATIF' : h >= 6000 ? 'CUKUP_INFORMATIF' : h >= 4000 ? 'KURANG_INFORMATIF' : 'TIDAK_INFORMATIF';
        expect(bandFor(dec(h).div(100), DEFAULT_BANDS).code).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkBands', () => {
  it('accepts valid custom bands', () => {
    expect(checkBands([{ code: 'ONLY', label: 'Semua', min: 0 }])).toEqual([]);
    expect(
      checkBands([
        { code: 'A1', label: 'A', min: '85.5' },
        { code: 'B_2', label: 'B', min: '0.00' },
      ]),
    ).toEqual([]);
  });
  it('needs at least one band', () => {
    expect(checkBands([])).toEqual(['bands must have at least one band']);
  });
  it('checks codes and labels', () => {
    expect(
      checkBands([
        { code: 'informatif', label: 'x', min: 90 },
        { code: '', label: 'x', min: 80 },
        { code: 'A', label: ' ', min: 60 },
        { code: 'A', label: 'y', min: 40 },
        { code: 'NOT_PARTICIPATING', label: 'z', min: 0 },
      ]),
    ).toEqual([
      'bands[0].code must be upper case letters, digits and underscores, starting with a letter',
      'bands[1].code must be upper case letters, digits and underscores, starting with a letter',
      'bands[2].label must be a non-empty string',
      'bands[3].code A is duplicated',
      'bands[4].code NOT_PARTICIPATING is reserved',
    ]);
  });
  it('checks mins: 0..100, 2 decimals, strictly descending, the last exactly 0', () => {
    expect(
      checkBands([
        { code: 'A', label: 'A', min: 100.01 },
        { code: 'B', label: 'B', min: 0 },
      ]),
    ).toEqual(['bands[0].min must be between 0 and 100']);
    expect(
      checkBands([
        { code: 'A', label: 'A', min: '90.005' },
        { code: 'B', label: 'B', min: 0 },
      ]),
    ).toEqual(['bands[0].min must have at most 2 decimals']);
    expect(
      checkBands([
        { code: 'A', label: 'A', min: 80 },
        { code: 'B', label: 'B', min: 90 },
        { code: 'C', label: 'C', min: 0 },
      ]),
    ).toEqual(["bands[1].min must be below the previous band's min (80); bands go from the highest down"]);
    expect(
      checkBands([
        { code: 'A', label: 'A', min: 80 },
        { code: 'B', label: 'B', min: '80.00' },
        { code: 'C', label: 'C', min: 0 },
      ])[0],
    ).toMatch(/bands\[1\]\.min must be below/);
    expect(
      checkBands([
        { code: 'A', label: 'A', min: 90 },
        { code: 'B', label: 'B', min: '0.01' },
      ]),
    ).toEqual(['bands[1].min must be 0 (the last band covers every score down to 0)']);
    expect(checkBands([{ code: 'A', label: 'A', min: -1 }])).toEqual(['bands[0].min must be between 0 and 100']);
  });
});

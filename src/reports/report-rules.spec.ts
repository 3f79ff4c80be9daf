import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { roundFraction } from '../scoring/fraction';
import {
  aspectAverages,
  cleanSheetName,
  csvRecord,
  decileOf,
  deciles,
  qualificationMatrix,
  rankingCsv,
  RANKING_HEADERS,
  ReportRow,
  sheetNames,
  signedChange,
} from './report-rules';

const BANDS = [
  { code: 'INFORMATIF', label: 'Informatif' },
  { code: 'MENUJU_INFORMATIF', label: 'Menuju Informatif' },
  { code: 'TIDAK_INFORMATIF', label: 'Tidak Informatif' },
];

function row(over: Partial<ReportRow> = {}): ReportRow {
  return {
    position: 1,
    publicBodyId: '1',
    bodyName: 'Dinas Komunikasi dan Informatika',
    categoryCode: 'OPD',
    categoryName: 'Organisasi Perangkat Daerah',
    status: 'RANKED',
    finalist: true,
    saqScore: '87.50',
    visitationScore: null,
    presentationScore: '90.00',
    finalScore: '88.25',
    qualification: 'MENUJU_INFORMATIF',
    qualificationLabel: 'Menuju Informatif',
    rankInCategory: 1,
    rankOverall: 2,
    ...over,
  };
}

describe('ranking CSV', () => {
  it('writes a BOM, the Indonesian header and the DB strings, empty cells for nulls', () => {
    const csv = rankingCsv([
      row(),
      row({
        position: 2,
        bodyName: 'Badan "Pendapatan", Daerah',
        status: 'NOT_PARTICIPATING',
        saqScore: null,
        presentationScore: null,
        finalScore: null,
        qualification: 'NOT_PARTICIPATING',
        qualificationLabel: 'Tidak Mengikuti Monev',
        rankInCategory: null,
        rankOverall: null,
      }),
    ]);
    expect(csv.startsWith('\uFEFFPeringkat Kategori,Peringkat Umum,Badan Publik,')).toBe(true);
    expect(csv).toContain('\r\n');
    const records: string[][] = parse(csv, { bom: true });
    expect(records[0]).toEqual(RANKING_HEADERS);
    expect(records[1]).toEqual(['1', '2', 'Dinas Komunikasi dan Informatika', 'OPD', 'Organisasi Perangkat Daerah', '87.50', '', '90.00', '88.25', 'Menuju Informatif']);
    expect(records[2]).toEqual(['', '', 'Badan "Pendapatan", Daerah', 'OPD', 'Organisasi Perangkat Daerah', '', '', '', '', 'Tidak Mengikuti Monev']);
  });

  it('neutralizes text cells a spreadsheet would run as a formula', () => {
    expect(csvRecord(row({ bodyName: '=HYPERLINK("x")' }))[2]).toBe(`'=HYPERLINK("x")`);
    expect(csvRecord(row({ bodyName: 'Dinas =A' }))[2]).toBe('Dinas =A');
  });
});

describe('sheet names', () => {
  it('uses the code, else the name truncated to 31 characters without []:*?/\\', () => {
    expect(cleanSheetName('a[b]c:d*e?f/g\\h')).toBe('abcdefgh');
    expect(cleanSheetName("'quoted'")).toBe('quoted');
    const names = sheetNames([
      { code: 'OPD', name: 'Organisasi Perangkat Daerah' },
      { code: '[*]', name: 'Badan Usaha Milik Daerah / Perusahaan Umum Daerah: Air Minum' },
      { code: 'opd', name: 'x' },
      { code: 'RINGKASAN', name: 'y' },
    ]);
    expect(names.get('OPD')).toBe('OPD');
    expect(names.get('[*]')).toBe('Badan Usaha Milik Daerah Perusa');
    expect(names.get('[*]')!.length).toBe(31);
    expect(names.get('opd')).toBe('opd (2)');
    expect(names.get('RINGKASAN')).toBe('RINGKASAN (2)');
  });

  it('always gives valid, distinct names', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ code: fc.string({ maxLength: 40 }), name: fc.string({ maxLength: 200 }) }), { maxLength: 30 }), (cats) => {
        const unique = [...new Map(cats.map((c) => [c.code, c])).values()];
        const names = [...sheetNames(unique).values()];
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        for (const n of names) {
          expect(n.length).toBeGreaterThan(0);
          expect(n.length).toBeLessThanOrEqual(31);
          expect(n).not.toMatch(/[[\]:*?/\\]|^'|'$/);
          expect(n.toLowerCase()).not.toBe('ringkasan');
        }
      }),
    );
  });
});

describe('qualification matrix', () => {
  it('has every band (zeros included), unknown codes, NOT_PARTICIPATING last, categories by code, totals', () => {
    const m = qualificationMatrix(
      [
        { categoryCode: 'OPD', categoryName: 'OPD', qualification: 'INFORMATIF', count: 2 },
        { categoryCode: 'BUMD', categoryName: 'BUMD', qualification: 'NOT_PARTICIPATING', count: 1 },
        { categoryCode: 'OPD', categoryName: 'OPD', qualification: 'OLD_BAND', qualificationLabel: 'Lama', count: 1 },
        { categoryCode: 'BUMD', categoryName: 'BUMD', qualification: 'INFORMATIF', count: 3 },
      ],
      BANDS,
    );
    expect(m.columns.map((c) => c.code)).toEqual(['INFORMATIF', 'MENUJU_INFORMATIF', 'TIDAK_INFORMATIF', 'OLD_BAND', 'NOT_PARTICIPATING']);
    expect(m.rows.map((r) => [r.categoryCode, r.total])).toEqual([
      ['BUMD', 4],
      ['OPD', 3],
    ]);
    expect(m.rows[0].counts).toEqual({ INFORMATIF: 3, MENUJU_INFORMATIF: 0, TIDAK_INFORMATIF: 0, OLD_BAND: 0, NOT_PARTICIPATING: 1 });
    expect(m.totals).toEqual({ counts: { INFORMATIF: 5, MENUJU_INFORMATIF: 0, TIDAK_INFORMATIF: 0, OLD_BAND: 1, NOT_PARTICIPATING: 1 }, total: 7 });
  });
});

describe('deciles', () => {
  it('puts a score in floor(score/10), 100 in the last bucket', () => {
    expect(['0', '9.99', '10', '89.99', '90', '99.99', '100'].map(decileOf)).toEqual([0, 0, 1, 8, 9, 9, 9]);
    expect(() => decileOf('100.01')).toThrow();
  });

  it('fills ten buckets', () => {
    const d = deciles([
      { bucket: 9, count: 3 },
      { bucket: 4, count: 1 },
    ]);
    expect(d).toHaveLength(10);
    expect(d[0]).toEqual({ from: '0.00', to: '10.00', count: 0 });
    expect(d[4].count).toBe(1);
    expect(d[9]).toEqual({ from: '90.00', to: '100.00', count: 3 });
  });
});

describe('roundFraction', () => {
  it('rounds half-up exactly', () => {
    expect(roundFraction({ n: 2n, d: 3n }, 4)).toBe('0.6667');
    expect(roundFraction({ n: 157n, d: 323n }, 4)).toBe('0.4861');
    expect(roundFraction({ n: 1n, d: 20000n }, 4)).toBe('0.0001'); // 0.00005 -> up
    expect(roundFraction({ n: 1n, d: 20001n }, 4)).toBe('0.0000');
    expect(roundFraction({ n: 1n, d: 1n }, 4)).toBe('1.0000');
    expect(roundFraction({ n: 0n, d: 1n }, 2)).toBe('0.00');
  });
});

describe('aspect averages', () => {
  const aspects = [
    { id: '1', code: 'A1', title: 'Sarana' },
    { id: '2', code: 'A2', title: 'Pelayanan' },
    { id: '3', code: 'A3', title: 'Khusus BUMN' },
  ];

  it('averages points/max over the bodies each aspect applies to, weakest first', () => {
    const out = aspectAverages(aspects, [
      // two OPD bodies: A1 3.5/5 and 3/5 (sum 6.5), A2 5/8.5 and 6.5/8.5 (sum 11.5); A3 does not apply
      {
        categoryCode: 'OPD',
        bodies: 2,
        maxPoints: new Map([
          ['1', '5'],
          ['2', '8.5'],
          ['3', '0'],
        ]),
        points: new Map([
          ['1', '6.50'],
          ['2', '11.50'],
        ]),
      },
      // one BUMD body: A1 5/5, A2 1/9.5
      {
        categoryCode: 'BUMD',
        bodies: 1,
        maxPoints: new Map([
          ['1', '5'],
          ['2', '9.5'],
        ]),
        points: new Map([
          ['1', '5.00'],
          ['2', '1.00'],
        ]),
      },
    ]);
    // A2: (11.5/8.5 + 1/9.5) / 3 = (23/17 + 2/19) / 3 = 157/323 = 0.486068...
    // A1: (6.5/5 + 5/5) / 3 = 2.3/3 = 0.766666...
    expect(out.map((a) => [a.code, a.averageShare, a.bodies])).toEqual([
      ['A2', '0.4861', 3],
      ['A1', '0.7667', 3],
      ['A3', null, 0],
    ]);
    expect(out[0].averageShareExact!.startsWith('0.48606811145510835913312693')).toBe(true);
    expect(out[0].byCategory).toEqual([
      { categoryCode: 'BUMD', bodies: 1, maxPoints: '9.50', averageShare: '0.1053' },
      { categoryCode: 'OPD', bodies: 2, maxPoints: '8.50', averageShare: '0.6765' },
    ]);
  });

  it('keeps exact ties in instrument order and compares exactly', () => {
    // 1/3 vs 0.3333 (a float-ish approximation): the exact comparison orders them correctly
    const out = aspectAverages(aspects, [
      {
        categoryCode: 'X',
        bodies: 1,
        maxPoints: new Map([
          ['1', '3'],
          ['2', '10000'],
          ['3', '6'],
        ]),
        points: new Map([
          ['1', '1'],
          ['2', '3333'],
          ['3', '2'],
        ]),
      },
    ]);
    expect(out.map((a) => a.code)).toEqual(['A2', 'A1', 'A3']);
    expect(out.map((a) => a.averageShare)).toEqual(['0.3333', '0.3333', '0.3333']);
  });

  const fromCents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

  it('equals the mean of per-body shares (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ max: fc.integer({ min: 1, max: 2000 }), points: fc.array(fc.nat(2000), { minLength: 1, maxLength: 6 }) }), { minLength: 1, maxLength: 4 }),
        (cats) => {
          const input = cats.map((c, i) => ({
            categoryCode: `C${i}`,
            bodies: c.points.length,
            maxPoints: new Map([['1', fromCents(c.max)]]),
            points: new Map([['1', fromCents(c.points.reduce((s, p) => s + Math.min(p, c.max), 0))]]),
          }));
          // exact reference: sum over bodies of p/max as one fraction
          let n = 0n;
          let d = 1n;
          for (const c of cats) {
            for (const p of c.points) {
              const pn = BigInt(Math.min(p, c.max));
              const md = BigInt(c.max);
              n = n * md + pn * d;
              d = d * md;
            }
          }
          const bodies = BigInt(cats.reduce((s, c) => s + c.points.length, 0));
          const expected = roundFraction({ n, d: d * bodies }, 4);
          expect(aspectAverages([aspects[0]], input)[0].averageShare).toBe(expected);
        },
      ),
    );
  });
});

describe('signedChange', () => {
  it('subtracts exactly and signs the result', () => {
    expect(signedChange('95.50', '94.00')).toBe('+1.50');
    expect(signedChange('90.10', '91.00')).toBe('-0.90');
    expect(signedChange('85.88', '97.00')).toBe('-11.12');
    expect(signedChange('40.00', '40.00')).toBe('0.00');
    expect(signedChange('100.00', '0.00')).toBe('+100.00');
    expect(signedChange('0.30', '0.10')).toBe('+0.20'); // 0.3 - 0.1 in floats is 0.19999999999999998
  });
});

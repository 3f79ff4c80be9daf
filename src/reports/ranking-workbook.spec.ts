import { Workbook } from 'exceljs';
import { rankingXlsx, SCORE_FORMAT } from './ranking-workbook';
import { RANKING_HEADERS, ReportRow } from './report-rules';

const BANDS = [
  { code: 'INFORMATIF', label: 'Informatif' },
  { code: 'MENUJU_INFORMATIF', label: 'Menuju Informatif' },
  { code: 'CUKUP_INFORMATIF', label: 'Cukup Informatif' },
];

function row(position: number, over: Partial<ReportRow>): ReportRow {
  return {
    position,
    publicBodyId: String(position),
    bodyName: `Badan ${position}`,
    categoryCode: 'OPD',
    categoryName: 'Organisasi Perangkat Daerah',
    status: 'RANKED',
    finalist: false,
    saqScore: '80.00',
    visitationScore: null,
    presentationScore: null,
    finalScore: '80.00',
    qualification: 'MENUJU_INFORMATIF',
    qualificationLabel: 'Menuju Informatif',
    rankInCategory: position,
    rankOverall: position,
    ...over,
  };
}

async function load(rows: ReportRow[]) {
  const buffer = await rankingXlsx(rows, { title: 'Peringkat 2026', bands: BANDS, created: new Date('2026-11-01T00:00:00Z') });
  const wb = new Workbook();
  await wb.xlsx.load(buffer as never);
  return wb;
}

describe('ranking workbook', () => {
  const rows = [
    row(1, {
      bodyName: 'Dinas Kominfo',
      finalist: true,
      saqScore: '96.47',
      presentationScore: '90.00',
      finalScore: '94.53',
      qualification: 'INFORMATIF',
      qualificationLabel: 'Informatif',
      rankInCategory: 1,
      rankOverall: 1,
    }),
    row(2, { categoryCode: 'BUMD/PERUMDA', categoryName: 'BUMD', bodyName: 'PDAM', finalScore: '89.99', saqScore: '89.99', rankInCategory: 1, rankOverall: 2 }),
    row(3, {
      bodyName: 'Dinas Pendidikan',
      finalScore: '0.10',
      saqScore: '0.10',
      qualification: 'CUKUP_INFORMATIF',
      qualificationLabel: 'Cukup Informatif',
      rankInCategory: 2,
      rankOverall: 3,
    }),
    row(4, {
      bodyName: 'Dinas Sosial',
      status: 'NOT_PARTICIPATING',
      saqScore: null,
      finalScore: null,
      qualification: 'NOT_PARTICIPATING',
      qualificationLabel: 'Tidak Mengikuti Monev',
      rankInCategory: null,
      rankOverall: null,
    }),
  ];

  it('has a summary first, then a sheet per category by code, with frozen bold headers', async () => {
    const wb = await load(rows);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'BUMDPERUMDA', 'OPD']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    }
  });

  it('writes scores as numbers formatted 0.00, ranks as numbers, nulls as empty cells', async () => {
    const ws = (await load(rows)).getWorksheet('OPD')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(RANKING_HEADERS);
    expect(ws.getColumn(3).width).toBe(50);
    const first = ws.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(3).value).toBe('Dinas Kominfo');
    expect(first.getCell(6).value).toBe(96.47);
    expect(first.getCell(6).numFmt).toBe(SCORE_FORMAT);
    expect(first.getCell(7).value).toBeNull();
    expect(first.getCell(9).value).toBe(94.53);
    expect(first.getCell(9).numFmt).toBe(SCORE_FORMAT);
    expect(ws.getRow(3).getCell(9).value).toBe(0.1);
    const absent = ws.getRow(4);
    expect([absent.getCell(1).value, absent.getCell(9).value, absent.getCell(10).value]).toEqual([null, null, 'Tidak Mengikuti Monev']);
    expect(ws.rowCount).toBe(4);
  });

  it('counts category x qualification with totals', async () => {
    const ws = (await load(rows)).getWorksheet('Ringkasan')!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Kode Kategori', 'Kategori', 'Informatif', 'Menuju Informatif', 'Cukup Informatif', 'Tidak Mengikuti Monev', 'Jumlah']);
    expect(values(2)).toEqual(['BUMD/PERUMDA', 'BUMD', 0, 1, 0, 0, 1]);
    expect(values(3)).toEqual(['OPD', 'Organisasi Perangkat Daerah', 1, 0, 1, 1, 3]);
    expect(values(4)).toEqual(['Jumlah', '', 1, 1, 1, 1, 4]);
  });

  it('has only the summary for a run without rows', async () => {
    const wb = await load([]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan']);
  });
});

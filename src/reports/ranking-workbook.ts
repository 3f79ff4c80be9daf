/**
 * The ranking as an Excel workbook (pure: exceljs only): a summary sheet "Ringkasan" (counts per
 * category x qualification, with totals), then one sheet per category with its bodies in the
 * run's order. Scores are numbers with the format 0.00 (the DB's two-decimal string is turned into
 * a number only when written into the cell, a two-decimal value displays exactly); the header row
 * is bold, frozen and filterable.
 */
import { Workbook, Worksheet } from 'exceljs';
import { compareCodes, groupQualifications, qualificationMatrix, RANKING_COLUMNS, ReportRow, sheetNames, SUMMARY_SHEET } from './report-rules';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SCORE_FORMAT = '0.00';

export interface WorkbookMeta {
  title: string;
  bands: { code: string; label: string }[];
  created: Date;
}

const FROZEN_HEADER = [{ state: 'frozen' as const, xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];

function header(ws: Worksheet, columns: { header: string; width: number }[]) {
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export function rankingWorkbook(rows: ReportRow[], meta: WorkbookMeta): Workbook {
  const wb = new Workbook();
  wb.creator = 'Monev Keterbukaan Informasi Publik';
  wb.title = meta.title;
  wb.created = meta.created;
  wb.modified = meta.created;

  // Summary: categories x qualifications, with a totals row and column.
  const matrix = qualificationMatrix(groupQualifications(rows), meta.bands);
  const summary = wb.addWorksheet(SUMMARY_SHEET, { views: FROZEN_HEADER });
  header(summary, [
    { header: 'Kode Kategori', width: 14 },
    { header: 'Kategori', width: 40 },
    ...matrix.columns.map((c) => ({ header: c.label, width: Math.max(12, Math.min(24, c.label.length + 2)) })),
    { header: 'Jumlah', width: 10 },
  ]);
  for (const r of matrix.rows) summary.addRow([r.categoryCode, r.categoryName, ...matrix.columns.map((c) => r.counts[c.code]), r.total]);
  const totals = summary.addRow(['Jumlah', '', ...matrix.columns.map((c) => matrix.totals.counts[c.code]), matrix.totals.total]);
  totals.font = { bold: true };

  // One sheet per category (by code), rows in the run's order.
  const byCategory = new Map<string, { code: string; name: string; rows: ReportRow[] }>();
  for (const r of rows) {
    let c = byCategory.get(r.categoryCode);
    if (!c) byCategory.set(r.categoryCode, (c = { code: r.categoryCode, name: r.categoryName, rows: [] }));
    c.rows.push(r);
  }
  const categories = [...byCategory.values()].sort((a, b) => compareCodes(a.code, b.code));
  const names = sheetNames(categories);
  for (const c of categories) {
    const ws = wb.addWorksheet(names.get(c.code)!, { views: FROZEN_HEADER });
    header(ws, RANKING_COLUMNS);
    for (const r of [...c.rows].sort((a, b) => a.position - b.position)) {
      const row = ws.addRow(RANKING_COLUMNS.map((col) => cellValue(r, col.kind, col.key)));
      RANKING_COLUMNS.forEach((col, i) => {
        if (col.kind === 'score') row.getCell(i + 1).numFmt = SCORE_FORMAT;
      });
    }
  }
  return wb;
}

function cellValue(r: ReportRow, kind: 'rank' | 'text' | 'score', key: keyof ReportRow): string | number | null {
  const v = r[key];
  if (v === null || v === undefined) return null;
  if (kind === 'text') return String(v);
  // The only conversion to a binary number: a two-decimal DB value, at the write into the cell.
  return Number(v);
}

export async function rankingXlsx(rows: ReportRow[], meta: WorkbookMeta): Promise<Buffer> {
  const wb = rankingWorkbook(rows, meta);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

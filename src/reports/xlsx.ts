/** XLSX downloads (Office Open XML, opened by Excel and LibreOffice) with an "About" sheet. */
import ExcelJS from 'exceljs';
import { cell, DATA_LICENCE, type Table } from './table.js';

/** Writes the table as a workbook: the data sheet (frozen header, filters) and an About sheet. */
export async function tableToXlsx(t: Table, generatedAt = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'open1540';
  wb.created = generatedAt;
  const ws = wb.addWorksheet(t.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(12, c.header.length + 2) }));
  for (const r of t.rows) {
    const row: Record<string, string | number> = {};
    for (const c of t.columns) row[c.key] = cell(r[c.key]);
    ws.addRow(row);
  }
  ws.getRow(1).font = { bold: true };
  if (t.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };

  const about = wb.addWorksheet('About');
  about.columns = [{ width: 16 }, { width: 100 }];
  for (const [k, v] of [
    ['Title', t.title], ['Source', t.source], ['Licence', DATA_LICENCE],
    ['Downloaded from', t.url], ['Generated', generatedAt.toISOString()], ['Rows', String(t.rows.length)],
  ]) about.addRow([k, v]);
  about.getColumn(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

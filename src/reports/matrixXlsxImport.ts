/** The re-import of an edited XLSX export of a matrix (the layout is in matrixXlsxLayout.ts). */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { fieldId } from '../core/catalogue.js';
import { checkEntry } from '../core/matrixEntries.js';
import {
  MARKS, MATRIX_COLUMNS, MATRIX_SECTIONS, MATRIX_WEAPONS,
  type CatalogueField, type CatalogueSection, type Evidence, type Mark, type MatrixColumn, type MatrixSectionId, type MatrixWeapon,
} from '../core/matrixTypes.js';
import {
  COLUMN_LABELS, EVIDENCE_FORMAT, MARK_LEGEND, MARK_NOTE, OPEN_SOURCE_LABEL, SECTION_SHEETS, WEAPON_LABELS, WEAPON_SHORT,
  day, documentHeading, formatEvidenceList, matrixSource, parseEvidenceText, sectionShape, statusLabel, type MatrixFileInput,
} from './matrixFile.js';
import { DATA_LICENCE } from './table.js';
import {
  type ParsedMatrixEntry, type MatrixProblem, type ParsedMatrix, MAP_SHEET, MAP_MARKER, MAP_FORMAT, MAP_HEADER_ROW, SECTION_MARKER, HEADING, HEADER_SHEET, OPEN_SOURCE_SHEET, KEY_ROW, FIRST_DATA_ROW, PARTS, type Part, GREY, HEAD_FILL, TABLE_FILL, THIN, PROTECTION, cellSafe, orNull, fingerprint, partHeader, PART_WIDTH, type Group, colName, valueText,
} from './matrixXlsxLayout.js';

// Import.

/** The text of a cell as a person sees it (rich text joined, a formula's result, a date as YYYY-MM-DD). */
function cellText(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge && cell.master !== cell) return '';
  return valueText(cell.value);
}


const COLUMN_KEY = new RegExp(`^(${[...MATRIX_WEAPONS, '\\*'].join('|')})\\.(${MATRIX_COLUMNS.join('|')})\\.(${PARTS.join('|')})$`);

interface FieldCells { sheet: string; row: number; cells: Partial<Record<Part, ExcelJS.Cell>> }

/**
 * Reads a workbook written by matrixToXlsx and edited since. Never throws: whatever cannot be read is a problem naming the sheet,
 * the cell and what to fix. `fields` is the catalogue edition the entries are checked against.
 */
export async function parseMatrixXlsx(data: Buffer | Uint8Array, fields: CatalogueField[]): Promise<ParsedMatrix> {
  const out: ParsedMatrix = { iso3: null, edition: null, matrixNumber: null, entries: [], problems: [] };
  const problem = (sheet: string, cell: string, message: string) => { out.problems.push({ sheet, cell, message }); };
  if (!data || data.length === 0) {
    problem('', '', 'the file is empty: send the XLSX file exported from open1540 (the matrix download as XLSX), after editing it');
    return out;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch {
    problem('', '', 'this file is not an XLSX workbook (it cannot be read as Office Open XML); export the matrix as XLSX, edit that file and save it as .xlsx');
    return out;
  }
  const map = wb.getWorksheet(MAP_SHEET);
  if (!map || valueText(map.getCell(1, 1).value) !== MAP_MARKER) {
    problem('', '', 'this workbook has no open1540 field map; export the matrix first and edit that file');
    return out;
  }

  // The field map: metadata and, per field, its version at export.
  const meta = new Map<string, string>();
  for (let r = 2; r < MAP_HEADER_ROW; r++) meta.set(valueText(map.getCell(r, 1).value), valueText(map.getCell(r, 2).value).trim());
  out.iso3 = meta.get('iso3') || null;
  out.edition = meta.get('edition') || null;
  const num = meta.get('matrixNumber');
  out.matrixNumber = num && /^\d+$/.test(num) ? Number(num) : null;

  const byId = new Map(fields.map((f) => [f.id, f]));
  const exported = new Map<string, { version: number; fingerprint: string; exact: string | null; cell: string }>();
  for (let r = MAP_HEADER_ROW + 1; r <= map.rowCount; r++) {
    const idCell = map.getCell(r, 1);
    const id = valueText(idCell.value).trim();
    if (!id) continue;
    if (!byId.has(id)) { problem(MAP_SHEET, idCell.address, `"${id}" is not a field of the catalogue edition${out.edition ? ` ${out.edition}` : ''}; export the matrix again`); continue; }
    if (exported.has(id)) { problem(MAP_SHEET, idCell.address, `the field "${id}" is listed twice in the field map (first at ${exported.get(id)!.cell}); export the matrix again`); continue; }
    const vCell = map.getCell(r, 2);
    const vText = valueText(vCell.value).trim();
    if (!/^\d+$/.test(vText)) { problem(MAP_SHEET, vCell.address, `the version of "${id}" must be a whole number, found "${vText}"; export the matrix again`); continue; }
    let exact: string | null = null;
    const exactText = valueText(map.getCell(r, 4).value);
    if (exactText) {
      try { const v: unknown = JSON.parse(exactText); if (typeof v === 'string') exact = v; } catch { /* ignored: the cell text is used */ }
    }
    exported.set(id, { version: Number(vText), fingerprint: valueText(map.getCell(r, 3).value).trim(), exact, cell: idCell.address });
  }

  // Which weapon type each row has, for the `*` columns (one weapon type per row).
  const rowWeapons = new Map<string, MatrixWeapon[]>();
  for (const f of fields) {
    const k = `${f.section}/${f.row}`;
    const list = rowWeapons.get(k) ?? [];
    if (!list.includes(f.weapon)) list.push(f.weapon);
    rowWeapons.set(k, list);
  }

  const found = new Map<string, FieldCells>();
  for (const ws of wb.worksheets) {
    if (ws.name === MAP_SHEET || ws.name === OPEN_SOURCE_SHEET) continue;
    const marker = valueText(ws.getCell(1, 1).value);
    if (!marker.startsWith(SECTION_MARKER)) continue;
    const section = marker.slice(SECTION_MARKER.length) as MatrixSectionId;
    if (!(MATRIX_SECTIONS as readonly string[]).includes(section)) { problem(ws.name, 'A1', `unknown section "${section}"; export the matrix again`); continue; }

    // Column keys, grouped by weapon type and column kind.
    const groups = new Map<string, { weapon: MatrixWeapon | '*'; column: MatrixColumn; cols: Partial<Record<Part, number>> }>();
    const keyCols: number[] = [];
    for (let c = 2; c <= ws.columnCount; c++) {
      const cell = ws.getCell(KEY_ROW, c);
      const key = valueText(cell.value).trim();
      if (!key) continue;
      const m = COLUMN_KEY.exec(key);
      if (!m) { problem(ws.name, cell.address, `unknown column key "${key}" in the hidden row 1; export the matrix again`); continue; }
      const gk = `${m[1]}.${m[2]}`;
      const g = groups.get(gk) ?? { weapon: m[1] as MatrixWeapon | '*', column: m[2] as MatrixColumn, cols: {} };
      const part = m[3] as Part;
      if (g.cols[part] !== undefined) { problem(ws.name, cell.address, `the column "${key}" appears twice (first in column ${colName(g.cols[part]!)}); delete the copy`); continue; }
      g.cols[part] = c;
      groups.set(gk, g);
      keyCols.push(c);
    }
    for (const g of groups.values()) {
      for (const p of PARTS) {
        if (g.cols[p] === undefined) {
          const what = `${g.weapon === '*' ? 'the' : WEAPON_SHORT[g.weapon]} ${COLUMN_LABELS[g.column].split(':')[0]!.toLowerCase()}`;
          problem(ws.name, `${colName(Math.min(...Object.values(g.cols) as number[]))}${KEY_ROW}`, `the ${p} column of ${what} is missing; export the matrix again`);
        }
      }
    }

    for (let r = KEY_ROW + 1; r <= ws.rowCount; r++) {
      const keyCell = ws.getCell(r, 1);
      const rowId = valueText(keyCell.value).trim();
      if (rowId === HEADING) continue;
      if (!rowId) {
        const filled = keyCols.map((c) => ws.getCell(r, c)).find((c) => cellText(c).trim() !== '');
        if (filled) {
          problem(ws.name, filled.address,
            'this row is not a row of the matrix (it has no row key in the hidden column A), so its cells are ignored; enter the values in the exported rows');
        }
        continue;
      }
      const weapons = rowWeapons.get(`${section}/${rowId}`);
      if (!weapons) { problem(ws.name, keyCell.address, `the row "${rowId}" is not in the catalogue edition (section ${section}), so its cells are ignored; export the matrix again`); continue; }
      for (const g of groups.values()) {
        if (g.weapon === '*' && weapons.length !== 1) { problem(ws.name, keyCell.address, `the row "${rowId}" has several weapon types; export the matrix again`); break; }
        const weapon = g.weapon === '*' ? weapons[0]! : g.weapon;
        const id = fieldId(section, weapon, rowId, g.column);
        const cells: Partial<Record<Part, ExcelJS.Cell>> = {};
        for (const p of PARTS) if (g.cols[p] !== undefined) cells[p] = ws.getCell(r, g.cols[p]!);
        if (!byId.has(id)) {
          const filled = PARTS.map((p) => cells[p]).find((c) => c && cellText(c).trim() !== '');
          if (filled) problem(ws.name, filled.address, `this cell is not a field of the matrix (the row "${rowId}" has no ${WEAPON_SHORT[weapon]} ${g.column} column): clear it`);
          continue;
        }
        const first = found.get(id);
        const at = (cells.mark ?? cells.evidence ?? cells.remarks)!.address;
        if (first) {
          const firstAt = `${first.sheet}!${(first.cells.mark ?? first.cells.evidence ?? first.cells.remarks)!.address}`;
          problem(ws.name, at, `the field ${id} appears twice (first at ${firstAt}); keep one row and delete the other`);
          continue;
        }
        found.set(id, { sheet: ws.name, row: r, cells });
      }
    }
  }

  for (const [id, e] of exported) {
    if (!found.has(id)) problem(MAP_SHEET, e.cell, `the cells of the field ${id} were not found on the section sheets (was a row or a sheet deleted?); export the matrix again`);
  }

  // Values.
  for (const f of fields) {
    const at = found.get(f.id);
    if (!at) continue;
    const { cells, sheet } = at;
    const before = exported.get(f.id);
    let mark: Mark | null = null;
    let ok = true;
    if (cells.mark) {
      const raw = cellText(cells.mark).trim();
      const m = MARKS.find((x) => x === raw.toUpperCase());
      if (raw === '') mark = null;
      else if (m) mark = m;
      else { problem(sheet, cells.mark.address, `unknown mark "${raw}": use X, ? or NA, or leave the cell empty`); ok = false; }
    }
    let evidence: Evidence[] = [];
    const lines: number[] = [];
    if (cells.evidence) {
      const parsed = parseEvidenceText(cellText(cells.evidence));
      for (const err of parsed.errors) { problem(sheet, cells.evidence.address, `line ${err.line}: ${err.message}`); ok = false; }
      evidence = parsed.evidence;
      cellText(cells.evidence).replace(/\r\n?/g, '\n').split('\n').forEach((l, i) => { if (l.trim() !== '' && !parsed.errors.some((x) => x.line === i + 1)) lines.push(i + 1); });
    }
    let remarks: string | null = null;
    if (cells.remarks) {
      const text = cellText(cells.remarks);
      remarks = before?.exact !== null && before?.exact !== undefined && cellSafe(before.exact) === text ? before.exact : text === '' ? null : text;
    }
    const value = { mark, evidence, remarks };
    // Fields the expert changed are checked as the editor checks them (untouched ones were accepted before).
    if (ok && (!before || before.fingerprint !== fingerprint(value))) {
      for (const err of checkEntry({ ...value, provenance: 'draft' })) {
        const ev = /^evidence\[(\d+)\]\.?(.*)$/.exec(err);
        if (ev && cells.evidence) problem(sheet, cells.evidence.address, `line ${lines[Number(ev[1])] ?? Number(ev[1]) + 1}: ${ev[2]}`);
        else if (err.startsWith('remarks') && cells.remarks) problem(sheet, cells.remarks.address, err);
        else if (err.startsWith('mark') && cells.mark) problem(sheet, cells.mark.address, err);
        else problem(sheet, (cells.evidence ?? cells.mark ?? cells.remarks)!.address, err);
      }
    }
    out.entries.push({ field: f.id, version: before?.version ?? 0, ...value });
  }
  return out;
}


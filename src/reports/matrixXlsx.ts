/**
 * A State's 1540 matrix as an XLSX workbook laid out like the Committee's tables, and the import of that workbook
 * after an expert has edited it in Excel or LibreOffice.
 *
 * Sheets: "Header" (State, dates, status, what the marks mean, how to edit), one sheet per section ("OP1", "OP2",
 * "OP3 (a)–(b)", "OP3 (c)–(d)": catalogue rows under their table headings, the weapon types side by side, each
 * with Mark / Evidence / Remarks per column kind), the optional "Open-source layer (OP1)" (never imported),
 * "About", and the hidden "open1540" field map.
 *
 * How the import finds its way back: on each section sheet, the hidden cell A1 names the section, the hidden
 * row 1 holds a column key per editable column (`<weapon>.<column>.<part>`, `*` standing for the row's only
 * weapon type) and the hidden column A the catalogue row id of each row ('#' on heading rows). So a cell's field
 * id is `<section>.<weapon>.<row>.<column>`, wherever the row or column has moved. The hidden sheet "open1540"
 * holds the State, edition and matrix number, and per field its version at export, a fingerprint of the exported
 * value (to tell edited fields from untouched ones) and, when a remark holds characters a cell cannot keep (a
 * carriage return, a control character), the exact remark.
 */
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

export interface ParsedMatrixEntry { field: string; version: number; mark: Mark | null; evidence: Evidence[]; remarks: string | null }
export interface MatrixProblem { sheet: string; cell: string; message: string }
export interface ParsedMatrix {
  iso3: string | null;
  edition: string | null;
  matrixNumber: number | null;
  /** Every field found on the section sheets, in catalogue order (blank fields too: a cleared field comes back empty). */
  entries: ParsedMatrixEntry[];
  /** Sheet and A1 address (both '' for a problem with the whole file) and what to fix. */
  problems: MatrixProblem[];
}

export const MAP_SHEET = 'open1540';
const MAP_MARKER = 'open1540 field map';
const MAP_FORMAT = 1;
const MAP_HEADER_ROW = 8;
const SECTION_MARKER = 'open1540 section ';
const HEADING = '#';
const HEADER_SHEET = 'Header';
const OPEN_SOURCE_SHEET = 'Open-source layer (OP1)';
const KEY_ROW = 1;
const FIRST_DATA_ROW = 6;
const PARTS = ['mark', 'evidence', 'remarks'] as const;
type Part = (typeof PARTS)[number];

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const TABLE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } }, bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } }, right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true, selectUnlockedCells: true, formatCells: true, formatColumns: true, formatRows: true,
};

/** Characters a cell keeps: XML turns CR and CRLF into LF and cannot hold most control characters. */
function cellSafe(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

function orNull(s: string | null | undefined): string | null {
  return s === undefined || s === null || s === '' ? null : s;
}

/** A short hash of a value's mark, evidence and remarks (optional texts: null, undefined and '' alike). */
function fingerprint(v: { mark: Mark | null; evidence: readonly Evidence[]; remarks: string | null | undefined }): string {
  const canonical = JSON.stringify([
    v.mark ?? null,
    v.evidence.map((e) => [e.kind, e.document, orNull(e.locator), orNull(e.url), orNull(e.language), orNull(e.excerpt)]),
    orNull(v.remarks),
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

function partHeader(column: MatrixColumn, part: Part): string {
  if (part === 'mark') return column === 'yes' ? 'YES (X, ?, NA)' : 'Mark (X, ?, NA)';
  if (part === 'remarks') return 'Remarks';
  return column === 'yes' ? 'Relevant information: sources, one citation per line' : 'Evidence: source documents, one citation per line';
}

const PART_WIDTH: Record<Part, number> = { mark: 9, evidence: 46, remarks: 28 };

interface Group { weapon: MatrixWeapon | '*'; column: MatrixColumn; first: number }

async function writeSectionSheet(wb: ExcelJS.Workbook, section: CatalogueSection, input: MatrixFileInput, byId: Map<string, CatalogueField>): Promise<void> {
  const shape = sectionShape(section);
  const name = SECTION_SHEETS[section.id] ?? section.label.slice(0, 31);
  const labelCol = shape.single ? 4 : 3;
  const groups: Group[] = [];
  let col = labelCol + 1;
  for (const weapon of shape.single ? (['*'] as const) : shape.weapons) {
    for (const column of shape.columns) {
      groups.push({ weapon, column, first: col });
      col += PARTS.length;
    }
  }
  const lastCol = col - 1;
  const firstEditable = `${colName(labelCol + 1)}${FIRST_DATA_ROW}`;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: labelCol, ySplit: FIRST_DATA_ROW - 1, topLeftCell: firstEditable, activeCell: firstEditable }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `3:${FIRST_DATA_ROW - 1}` },
  });

  // Hidden keys: A1 names the section, row 1 the editable columns, column A the rows.
  ws.getCell(KEY_ROW, 1).value = `${SECTION_MARKER}${section.id}`;
  for (const g of groups) PARTS.forEach((p, i) => { ws.getCell(KEY_ROW, g.first + i).value = `${g.weapon}.${g.column}.${p}`; });
  ws.getRow(KEY_ROW).hidden = true;
  ws.getColumn(1).hidden = true;
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 5;
  ws.getColumn(3).width = 44;
  if (shape.single) ws.getColumn(labelCol).width = 16;
  for (const g of groups) PARTS.forEach((p, i) => { ws.getColumn(g.first + i).width = PART_WIDTH[p]; });

  // Title and the three header rows.
  for (let r = 2; r < FIRST_DATA_ROW; r++) ws.getCell(r, 1).value = HEADING;
  const title = ws.getCell(2, 2);
  title.value = `${section.label}: ${input.stateName}`;
  title.font = { bold: true, size: 13 };
  const head = (r: number, c: number, text: string, span = 1) => {
    const cell = ws.getCell(r, c);
    cell.value = text;
    if (span > 1) ws.mergeCells(r, c, r, c + span - 1);
    for (let i = 0; i < span; i++) {
      const x = ws.getCell(r, c + i);
      x.font = { bold: true };
      x.fill = HEAD_FILL;
      x.border = THIN;
      x.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    }
  };
  head(3, 2, 'No.');
  ws.mergeCells(3, 2, 5, 2);
  head(3, 3, shape.single ? 'Legally binding instruments, organizations, codes of conduct, arrangements, statements and other issues' : 'Activity or measure');
  ws.mergeCells(3, 3, 5, 3);
  if (shape.single) { head(3, labelCol, 'Weapon type'); ws.mergeCells(3, labelCol, 5, labelCol); }
  const perWeapon = shape.columns.length * PARTS.length;
  for (let i = 0; i < groups.length; i += shape.columns.length) {
    const g = groups[i]!;
    head(3, g.first, g.weapon === '*' ? 'Weapon type named in each row' : WEAPON_LABELS[g.weapon], perWeapon);
  }
  for (const g of groups) {
    head(4, g.first, COLUMN_LABELS[g.column], PARTS.length);
    PARTS.forEach((p, i) => head(5, g.first + i, partHeader(g.column, p)));
  }
  ws.getRow(4).height = 30;
  ws.getRow(5).height = 45;

  // Rows under their table headings.
  let r = FIRST_DATA_ROW;
  let n = 0;
  for (const table of section.tables) {
    ws.getCell(r, 1).value = HEADING;
    const h = ws.getCell(r, 2);
    h.value = table.label;
    h.font = { bold: true };
    for (let c = 2; c <= lastCol; c++) ws.getCell(r, c).fill = TABLE_FILL;
    r++;
    for (const row of table.rows) {
      n++;
      ws.getCell(r, 1).value = row.id;
      const no = ws.getCell(r, 2);
      no.value = n;
      no.alignment = { vertical: 'top', horizontal: 'right' };
      no.border = THIN;
      const label = ws.getCell(r, 3);
      label.value = row.label;
      label.alignment = { vertical: 'top', wrapText: true };
      label.border = THIN;
      if (row.note) label.note = row.note;
      if (shape.single) {
        const w = ws.getCell(r, labelCol);
        w.value = row.weapons.map((x) => WEAPON_SHORT[x]).join(', ');
        w.alignment = { vertical: 'top', wrapText: true };
        w.border = THIN;
      }
      for (const g of groups) {
        const weapon = g.weapon === '*' ? row.weapons[0]! : g.weapon;
        const field = byId.get(fieldId(section.id, weapon, row.id, g.column));
        const v = field ? input.values.get(field.id) : undefined;
        PARTS.forEach((p, i) => {
          const cell = ws.getCell(r, g.first + i);
          cell.border = THIN;
          if (!field) { cell.fill = GREY; return; }
          cell.protection = { locked: false };
          cell.numFmt = '@';
          cell.alignment = p === 'mark' ? { vertical: 'top', horizontal: 'center' } : { vertical: 'top', wrapText: true };
          if (p === 'mark') {
            cell.font = { bold: true };
            cell.dataValidation = {
              type: 'list', allowBlank: true, formulae: [`"${MARKS.join(',')}"`], showErrorMessage: true, errorStyle: 'stop',
              errorTitle: 'Mark', error: 'Use X, ? or NA, or leave the cell empty.',
            };
          }
          const text = !v ? '' : p === 'mark' ? v.mark ?? '' : p === 'evidence' ? formatEvidenceList(v.evidence) : cellSafe(v.remarks ?? '');
          if (text !== '') cell.value = text;
        });
      }
      fitRow(ws, r, 2);
      r++;
    }
  }
  await ws.protect('', PROTECTION);
}

/** Lines a wrapped text takes in a column `width` characters wide (an estimate: spreadsheets do not size rows on opening). */
function lineCount(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/** Sets a row's height from its wrapped cells (one line: the default height). */
function fitRow(ws: ExcelJS.Worksheet, r: number, fromCol = 1): void {
  const row = ws.getRow(r);
  let lines = 1;
  row.eachCell((cell, c) => {
    if (c < fromCol || !cell.alignment?.wrapText || cell.isMerged) return;
    lines = Math.max(lines, lineCount(valueText(cell.value), ws.getColumn(c).width ?? 9));
  });
  if (lines > 1) row.height = Math.min(409, lines * 15);
}

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function keyValueSheet(ws: ExcelJS.Worksheet, rows: Array<[string, string | number]>): void {
  ws.columns = [{ width: 30 }, { width: 110 }];
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  for (const [k, v] of rows) {
    const row = ws.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
    row.getCell(2).alignment = { vertical: 'top', wrapText: true };
    fitRow(ws, row.number);
  }
}

/** Writes the matrix as a workbook (see the top of this file for the layout). */
export async function matrixToXlsx(input: MatrixFileInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'open1540';
  const created = new Date(input.generatedAt);
  if (!Number.isNaN(created.getTime())) wb.created = created;
  wb.title = documentHeading(input);
  const byId = new Map(input.fields.map((f) => [f.id, f]));

  // Header.
  const header = wb.addWorksheet(HEADER_SHEET);
  const heading = header.addRow([documentHeading(input)]);
  heading.getCell(1).font = { bold: true, size: 14 };
  header.addRow([]);
  keyValueSheet(header, [
    ['State', `${input.stateName} (${input.iso3})`],
    ['Matrix number', input.matrixNumber === null ? '—' : String(input.matrixNumber)],
    ['Status', statusLabel(input.status)],
    ['Date of first report', day(input.header.firstReport) || '—'],
    ['Dates of additional information', input.header.additional.map(day).join('\n') || '—'],
    ['Date of Committee approval', day(input.header.approvedAt) || '—'],
    ['Catalogue edition', `${input.editionTitle} (${input.edition})`],
    ...(input.reconstructed ? [['Reconstructed edition', input.reconstructed] as [string, string]] : []),
    ['', ''],
    ['How cells are recorded', ''],
    ...MARK_LEGEND.map(([m, t]) => [m, t] as [string, string]),
    ['', MARK_NOTE],
    ['', ''],
    ['Editing and re-importing', 'Fill the Mark, Evidence and Remarks cells of the section sheets (OP1, OP2, OP3 (a)–(b), OP3 (c)–(d)). '
      + 'Grey cells are not fields of the matrix for that row and stay empty.'],
    ['', 'Evidence: one citation per line, written as [kind] document | locator | url | language | excerpt (see the About sheet).'],
    ['', `Keep the hidden row 1, the hidden column A and the hidden sheet "${MAP_SHEET}": they tell the import which field each cell is `
      + 'and which version of it you started from. Re-import the file: the fields you changed become new revisions, and a field that '
      + 'someone else changed meanwhile is reported as a conflict.'],
    ...(input.openSource ? [['', `The sheet "${OPEN_SOURCE_SHEET}" is for information and is ignored on import.`] as [string, string]] : []),
  ]);

  // Sections.
  const order = new Map(MATRIX_SECTIONS.map((s, i) => [s, i]));
  for (const section of [...input.sections].sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99))) {
    await writeSectionSheet(wb, section, input, byId);
  }

  // Open-source layer.
  if (input.openSource) {
    const ws = wb.addWorksheet(OPEN_SOURCE_SHEET, { views: [{ state: 'frozen', ySplit: 3 }] });
    ws.columns = [{ width: 5 }, { width: 44 }, { width: 16 }, { width: 8 }, { width: 60 }, { width: 30 }, { width: 16 }];
    const t = ws.addRow([OPEN_SOURCE_LABEL]);
    t.getCell(1).font = { bold: true, size: 13, color: { argb: 'FF9C5700' } };
    ws.addRow(['This sheet is for information: it is not part of the matrix and is ignored when the workbook is re-imported.']);
    const h = ws.addRow(['No.', 'Row', 'Weapon type', 'Mark', 'Evidence', 'Remarks', 'Provenance']);
    h.eachCell((c) => { c.font = { bold: true }; c.fill = HEAD_FILL; c.border = THIN; c.alignment = { vertical: 'middle', wrapText: true }; });
    let n = 0;
    for (const f of input.fields) {
      const v = input.openSource.get(f.id);
      if (!v) continue;
      const row = ws.addRow([++n, f.label, WEAPON_SHORT[f.weapon], v.mark ?? '', formatEvidenceList(v.evidence), cellSafe(v.remarks ?? ''), v.provenance]);
      row.eachCell((c) => { c.alignment = { vertical: 'top', wrapText: true }; c.border = THIN; });
      fitRow(ws, row.number);
    }
    if (n === 0) ws.addRow(['', 'No open-source information for this State.']);
  }

  // About.
  const about = wb.addWorksheet('About');
  keyValueSheet(about, [
    ['Title', documentHeading(input)],
    ['Source', matrixSource(input)],
    ['Licence', DATA_LICENCE],
    ['Downloaded from', input.url],
    ['Generated', input.generatedAt],
    ['Catalogue edition', `${input.editionTitle} (${input.edition})`],
    ['Reconstruction note', input.reconstructed ?? 'None: the catalogue edition transcribes an official template.'],
    ['Marks', `X, ? or NA, or blank for no information: see the "${HEADER_SHEET}" sheet.`],
    ...EVIDENCE_FORMAT.map((line, i) => [i === 0 ? 'Evidence format' : '', line] as [string, string]),
    ['Remarks', 'Free text; line breaks are kept.'],
    ['Field map', `Row 1 and column A of each section sheet (hidden) name the column and the catalogue row of each cell; the hidden sheet `
      + `"${MAP_SHEET}" records the State, the edition, the matrix number and, per field, its version at export. Keep them to re-import the file.`],
  ]);

  // The field map.
  const map = wb.addWorksheet(MAP_SHEET, { state: 'hidden' });
  map.addRow([MAP_MARKER, MAP_FORMAT]);
  map.addRow(['iso3', input.iso3]);
  map.addRow(['edition', input.edition]);
  map.addRow(['matrixNumber', input.matrixNumber ?? '']);
  map.addRow(['status', input.status]);
  map.addRow(['generatedAt', input.generatedAt]);
  map.addRow([]);
  map.addRow(['field', 'version', 'fingerprint', 'exact remarks (JSON), when the cell cannot hold them']);
  for (const f of input.fields) {
    const v = input.values.get(f.id);
    const value = { mark: v?.mark ?? null, evidence: v?.evidence ?? [], remarks: v?.remarks ?? null };
    const exact = value.remarks !== null && cellSafe(value.remarks) !== value.remarks ? JSON.stringify(value.remarks) : '';
    map.addRow([f.id, v?.version ?? 0, fingerprint(value), exact]);
  }
  map.columns.forEach((c, i) => { c.width = [40, 10, 20, 40][i] ?? 12; });
  await map.protect('', PROTECTION);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------------------
// Import.

/** The text of a cell as a person sees it (rich text joined, a formula's result, a date as YYYY-MM-DD). */
function cellText(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge && cell.master !== cell) return '';
  return valueText(cell.value);
}

function valueText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : valueText(v.text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return valueText((v as { result?: ExcelJS.CellValue }).result);
  if ('error' in v) return String(v.error);
  return '';
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

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
import {
  type ParsedMatrixEntry, type MatrixProblem, type ParsedMatrix, MAP_SHEET, MAP_MARKER, MAP_FORMAT, MAP_HEADER_ROW, SECTION_MARKER, HEADING, HEADER_SHEET, OPEN_SOURCE_SHEET, KEY_ROW, FIRST_DATA_ROW, PARTS, type Part, GREY, HEAD_FILL, TABLE_FILL, THIN, PROTECTION, cellSafe, orNull, fingerprint, partHeader, PART_WIDTH, type Group, colName, valueText,
} from './matrixXlsxLayout.js';


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

export { parseMatrixXlsx } from './matrixXlsxImport.js';
export type { MatrixProblem, ParsedMatrix, ParsedMatrixEntry } from './matrixXlsxLayout.js';

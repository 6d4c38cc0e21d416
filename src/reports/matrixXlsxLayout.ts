/**
 * The layout shared by the XLSX export of a matrix and its re-import: sheet names, markers, key rows and parts, the
 * fingerprint of an exported value, and the parsed shapes.
 */
import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import type { Evidence, Mark, MatrixColumn, MatrixWeapon } from '../core/matrixTypes.js';
import { formatEvidenceList } from './matrixFile.js';

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
export const MAP_MARKER = 'open1540 field map';
export const MAP_FORMAT = 1;
export const MAP_HEADER_ROW = 8;
export const SECTION_MARKER = 'open1540 section ';
export const HEADING = '#';
export const HEADER_SHEET = 'Header';
export const OPEN_SOURCE_SHEET = 'Open-source layer (OP1)';
export const KEY_ROW = 1;
export const FIRST_DATA_ROW = 6;
export const PARTS = ['mark', 'evidence', 'remarks'] as const;
export type Part = (typeof PARTS)[number];

export const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
export const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
export const TABLE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } }, bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } }, right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};
export const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true, selectUnlockedCells: true, formatCells: true, formatColumns: true, formatRows: true,
};

/** Characters a cell keeps: XML turns CR and CRLF into LF and cannot hold most control characters. */
export function cellSafe(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

export function orNull(s: string | null | undefined): string | null {
  return s === undefined || s === null || s === '' ? null : s;
}

/** A short hash of a value's mark, evidence and remarks (optional texts: null, undefined and '' alike). */
export function fingerprint(v: { mark: Mark | null; evidence: readonly Evidence[]; remarks: string | null | undefined }): string {
  const canonical = JSON.stringify([
    v.mark ?? null,
    v.evidence.map((e) => [e.kind, e.document, orNull(e.locator), orNull(e.url), orNull(e.language), orNull(e.excerpt)]),
    orNull(v.remarks),
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

export function partHeader(column: MatrixColumn, part: Part): string {
  if (part === 'mark') return column === 'yes' ? 'YES (X, ?, NA)' : 'Mark (X, ?, NA)';
  if (part === 'remarks') return 'Remarks';
  return column === 'yes' ? 'Relevant information: sources, one citation per line' : 'Evidence: source documents, one citation per line';
}

export const PART_WIDTH: Record<Part, number> = { mark: 9, evidence: 46, remarks: 28 };

export interface Group { weapon: MatrixWeapon | '*'; column: MatrixColumn; first: number }

export function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function valueText(v: ExcelJS.CellValue | undefined): string {
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

/**
 * A State's 1540 matrix as CSV (RFC 4180): one row per field of the catalogue edition, blank fields included, with
 * the evidence written one citation per line as in the XLSX file, and the source and licence on every row. Also
 * the rows of the bulk export of every published matrix (one row per State × field), written piece by piece.
 */
import { parseFieldId } from '../core/catalogue.js';
import { csvField, toCsv } from '../core/csv.js';
import type { CatalogueField, EntryValue } from '../core/matrixTypes.js';
import { formatEvidenceList, matrixSource, type MatrixFileInput } from './matrixFile.js';
import { DATA_LICENCE } from './table.js';

export const MATRIX_CSV_HEADER = [
  'ISO3', 'State', 'Matrix number', 'Catalogue edition', 'Status', 'Field', 'Section', 'Table', 'Row', 'Weapon type', 'Column', 'Label',
  'Mark', 'Evidence', 'Remarks', 'Provenance', 'Version', 'Source', 'Licence',
] as const;

/** The matrix as CSV text: a header row, then one row per field in catalogue order (ids for section, table, row, weapon type and column). */
export function matrixToCsv(input: MatrixFileInput): string {
  const source = matrixSource(input);
  const rows = input.fields.map((f) => {
    const v = input.values.get(f.id);
    return [
      input.iso3, input.stateName, input.matrixNumber ?? '', input.edition, input.status, f.id, f.section, f.table, f.row, f.weapon, f.column, f.label,
      v?.mark ?? '', v ? formatEvidenceList(v.evidence) : '', v?.remarks ?? '', v?.provenance ?? '', v?.version ?? 0, source, DATA_LICENCE,
    ];
  });
  return toCsv([[...MATRIX_CSV_HEADER], ...rows]);
}

export const BULK_CSV_HEADER = [
  'ISO3', 'Matrix number', 'Catalogue edition', 'Published', 'Approved', 'Field', 'Section', 'Table', 'Row', 'Weapon type', 'Column', 'Label',
  'Mark', 'Evidence', 'Remarks', 'Provenance', 'Source', 'Licence',
] as const;

const BULK_SOURCE = 'open1540: published 1540 matrices (as approved by the 1540 Committee)';

function line(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** The header line of the bulk export (CRLF-terminated; rows follow with bulkCsvRow). */
export function bulkCsvHeader(): string {
  return line(BULK_CSV_HEADER);
}

/**
 * One line of the bulk export (CRLF-terminated). `field` is the catalogue field when the edition knows it; otherwise the
 * section, weapon type, row and column come from the field id and the table and label are left empty.
 */
export function bulkCsvRow(r: {
  state: string; number: number; edition: string; publishedAt: string | null; approvedAt: string | null;
  field: CatalogueField | undefined; fieldId: string; value: EntryValue;
}): string {
  // Rows come matrix by matrix, and fields repeat across matrices: the parts that do not depend on the value are
  // written once and reused (the bulk export writes hundreds of thousands of rows).
  const matrixKey = `${r.state}|${r.number}|${r.edition}|${r.publishedAt}|${r.approvedAt}`;
  if (matrixKey !== lastMatrix.key) {
    lastMatrix.key = matrixKey;
    lastMatrix.text = [r.state, r.number, r.edition, r.publishedAt ?? '', r.approvedAt ?? ''].map(csvField).join(',');
  }
  const fieldKey = `${r.edition}|${r.fieldId}`;
  let fieldText = fieldParts.get(fieldKey);
  if (fieldText === undefined) {
    const f = r.field;
    const parsed = f ? null : parseFieldId(r.fieldId);
    fieldText = [r.fieldId, f?.section ?? parsed?.section ?? '', f?.table ?? '', f?.row ?? parsed?.row ?? '', f?.weapon ?? parsed?.weapon ?? '',
      f?.column ?? parsed?.column ?? '', f?.label ?? ''].map(csvField).join(',');
    if (fieldParts.size > 20_000) fieldParts.clear();
    fieldParts.set(fieldKey, fieldText);
  }
  const v = r.value;
  const evidence = v.evidence?.length ? csvField(formatEvidenceList(v.evidence)) : '';
  return `${lastMatrix.text},${fieldText},${csvField(v.mark ?? '')},${evidence},${csvField(v.remarks ?? '')},${csvField(v.provenance)},${BULK_SUFFIX}\r\n`;
}

const lastMatrix = { key: '', text: '' };
const fieldParts = new Map<string, string>();
const BULK_SUFFIX = [BULK_SOURCE, DATA_LICENCE].map(csvField).join(',');

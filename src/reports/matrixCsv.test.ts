/** The matrix as CSV: one row per field, evidence as in the XLSX file, source and licence; and the bulk export rows. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandFields } from '../core/catalogue.js';
import { parseCsvRecords } from '../core/csv.js';
import type { CatalogueEdition, EntryValue } from '../core/matrixTypes.js';
import { BULK_CSV_HEADER, MATRIX_CSV_HEADER, bulkCsvHeader, bulkCsvRow, matrixToCsv } from './matrixCsv.js';
import { parseEvidenceText, type MatrixFileInput } from './matrixFile.js';

const edition = JSON.parse(readFileSync(new URL('../../data/matrix/editions/2026-reconstructed.json', import.meta.url), 'utf8')) as CatalogueEdition;
const fields = expandFields(edition);

const manufacture: EntryValue & { version: number } = {
  mark: 'X', provenance: 'committee-approved', version: 4, remarks: 'Two lines,\nwith "quotes"',
  evidence: [
    { kind: 'legislation', document: 'Criminal Code, consolidated', locator: 'art. 12', url: 'https://example.org/a?b=1,2', language: 'en', excerpt: 'x | y\nz' },
    { kind: 'national-report', document: 'First report', locator: 'p. 3' },
  ],
};

function input(): MatrixFileInput {
  return {
    iso3: 'CIV', stateName: 'Côte d\'Ivoire', edition: edition.id, editionTitle: edition.title, reconstructed: edition.reconstructed, matrixNumber: 3, status: 'published',
    fields, sections: edition.sections, values: new Map([['op2.nw.manufacture.legal', manufacture]]),
    header: { firstReport: '2004-11-01', additional: [], approvedAt: '2018-06-01' }, generatedAt: '2026-05-01T10:00:00.000Z', url: 'https://open1540.example/api/v1/matrix/CIV.csv',
  };
}

describe('matrixToCsv', () => {
  it('writes one row per field with the value, the evidence lines, the version, the source and the licence', () => {
    const text = matrixToCsv(input());
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsvRecords(text, MATRIX_CSV_HEADER);
    expect(rows).toHaveLength(fields.length);
    expect(rows.map((r) => r.Field)).toEqual(fields.map((f) => f.id));
    const r = rows.find((x) => x.Field === 'op2.nw.manufacture.legal')!;
    expect(r).toMatchObject({
      ISO3: 'CIV', State: 'Côte d\'Ivoire', 'Matrix number': '3', 'Catalogue edition': edition.id, Status: 'published',
      Section: 'op2', Table: 'op2-activities', Row: 'manufacture', 'Weapon type': 'nw', Column: 'legal', Label: 'Manufacture / produce',
      Mark: 'X', Remarks: 'Two lines,\nwith "quotes"', Provenance: 'committee-approved', Version: '4',
      Licence: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
    });
    expect(r.Source).toMatch(/^open1540: 1540 matrix no\. 3 of Côte d'Ivoire \(.*approved 2018-06-01\)/);
    expect(r.Evidence!.split('\n')).toHaveLength(2);
    const back = parseEvidenceText(r.Evidence!);
    expect(back.errors).toEqual([]);
    expect(back.evidence[0]).toEqual(manufacture.evidence[0]);
    expect(back.evidence[1]).toMatchObject(manufacture.evidence[1]!);
    const blank = rows.find((x) => x.Field === 'op1.nw.npt.yes')!;
    expect(blank).toMatchObject({ Mark: '', Evidence: '', Remarks: '', Provenance: '', Version: '0' });
  });
});

describe('bulk CSV', () => {
  it('writes a header and one line per State and field that parse back together', () => {
    const known = fields.find((f) => f.id === 'op2.nw.manufacture.legal');
    const text = bulkCsvHeader()
      + bulkCsvRow({ state: 'CIV', number: 3, edition: edition.id, publishedAt: '2018-06-15T09:00:00.000Z', approvedAt: '2018-06-01T00:00:00.000Z', field: known, fieldId: known!.id, value: manufacture })
      + bulkCsvRow({ state: 'FRA', number: 1, edition: 'older', publishedAt: '2015-01-01T00:00:00.000Z', approvedAt: null, field: undefined, fieldId: 'op3cd.bw.gone-row.enforcement', value: { mark: null, evidence: [], remarks: null, provenance: 'committee-approved' } });
    const rows = parseCsvRecords(text, BULK_CSV_HEADER);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ ISO3: 'CIV', 'Matrix number': '3', Published: '2018-06-15T09:00:00.000Z', Field: 'op2.nw.manufacture.legal', Table: 'op2-activities', Label: 'Manufacture / produce', Mark: 'X', Remarks: 'Two lines,\nwith "quotes"' });
    expect(parseEvidenceText(rows[0]!.Evidence!).evidence).toHaveLength(2);
    expect(rows[1]).toMatchObject({ ISO3: 'FRA', Approved: '', Section: 'op3cd', Table: '', Row: 'gone-row', 'Weapon type': 'bw', Column: 'enforcement', Label: '', Mark: '', Provenance: 'committee-approved' });
    expect(rows[1]!.Licence).toMatch(/^CC BY 4\.0/);
  });
});

/** The matrix workbook: layout, the round trip through an edit in a spreadsheet, and the problems of a bad file. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expandFields } from '../core/catalogue.js';
import { sameValue } from '../core/matrixEntries.js';
import type { CatalogueEdition, EntryValue, Evidence } from '../core/matrixTypes.js';
import { formatEvidence, parseEvidenceLine, parseEvidenceText, type MatrixFileInput } from './matrixFile.js';
import { matrixToXlsx, parseMatrixXlsx, type ParsedMatrix } from './matrixXlsx.js';

const edition = JSON.parse(readFileSync(new URL('../../data/matrix/editions/2026-reconstructed.json', import.meta.url), 'utf8')) as CatalogueEdition;
const fields = expandFields(edition);

const ev = (kind: Evidence['kind'], document: string, more: Partial<Evidence> = {}): Evidence => ({ kind, document, ...more });

/** A dozen filled fields across the four sections, with awkward text. */
const FILLED: Record<string, EntryValue & { version: number }> = {
  'op1.nw.npt.yes': { mark: 'X', evidence: [ev('depositary-record', 'NPT depositary record', { locator: 'accession', excerpt: 'Deposit 5 March 1970', language: 'en' })], remarks: 'Ratified', provenance: 'committee-approved', version: 3 },
  'op1.cw.cwc.yes': { mark: 'X', evidence: [ev('depositary-record', 'CWC | status list', { url: 'https://example.org/cwc?x=1|2' })], remarks: null, provenance: 'state-asserted', version: 1 },
  'op1.general.no-wmd.yes': { mark: '?', evidence: [ev('national-report', 'S/AC.44/2004/(02)/1', { locator: 'p. 3' })], remarks: 'Line one\nline two', provenance: 'draft', version: 2 },
  'op2.nw.manufacture.legal': {
    mark: 'X',
    evidence: [
      ev('legislation', 'Criminal Code', { locator: 'art. 12', url: 'https://example.org/code.pdf', language: 'en', excerpt: 'Whoever manufactures | acquires\nnuclear weapons…' }),
      ev('legislation', 'Atomic Energy Act \\ 1999', { locator: 's. 4 [a]', excerpt: 'tab\there' }),
    ],
    remarks: '  spaces kept at both ends  ', provenance: 'draft', version: 5,
  },
  'op2.cw.acquire.enforcement': { mark: 'X', evidence: [ev('legislation', ' leading space', { excerpt: 'trailing space ' })], remarks: 'Windows\r\nline ends', provenance: 'draft', version: 1 },
  'op2.dv.use.legal': { mark: 'NA', evidence: [], remarks: 'No space programme', provenance: 'draft', version: 1 },
  'op2.bw.finance.legal': { mark: 'X', evidence: [ev('official-website', 'Ministry of Justice', { url: 'https://example.org/moj', language: 'fr' }), ev('additional-information', 'Note verbale', { excerpt: 'a\\nb is not a line break' })], remarks: null, provenance: 'draft', version: 4 },
  'op3ab.nw.iaea-safeguards.legal': { mark: 'X', evidence: [ev('international-organisation', 'IAEA INFCIRC/153 agreement', { locator: 'Art. 7', language: 'en' })], remarks: 'Россия — 中国 — العربية', provenance: 'draft', version: 1 },
  'op3ab.bw.pathogen-lists.enforcement': { mark: '?', evidence: [ev('national-report', 'Report', { locator: '', url: null, language: undefined, excerpt: '' })], remarks: '', provenance: 'draft', version: 2 },
  'op3cd.cw.catch-all.legal': { mark: 'X', evidence: [ev('legislation', 'Export Control Act', { excerpt: 'first\nsecond\r\nthird' })], remarks: 'ctrl\u0001char', provenance: 'draft', version: 7 },
  'op3cd.nw.penalties.enforcement': { mark: null, evidence: [], remarks: 'Only a remark', provenance: 'draft', version: 1 },
  'op3cd.bw.transit.legal': { mark: null, evidence: [ev('legislation', 'Customs Code', { locator: 'ch. 2' })], remarks: null, provenance: 'draft', version: 1 },
};

function input(values = FILLED, openSource?: Map<string, EntryValue>): MatrixFileInput {
  return {
    iso3: 'FRA', stateName: 'France', edition: edition.id, editionTitle: edition.title, reconstructed: edition.reconstructed,
    matrixNumber: 2, status: 'draft', fields, sections: edition.sections,
    values: new Map(Object.entries(values)), openSource,
    header: { firstReport: '2004-10-28', additional: ['2005-09-13', '2007-12-21'], approvedAt: null },
    generatedAt: '2026-05-01T10:00:00.000Z', url: 'https://open1540.example/api/v1/matrix/FRA.xlsx',
  };
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** The cell of a field's part, found through the hidden keys as a person editing the sheet would find it by its labels. */
function cellOf(wb: ExcelJS.Workbook, id: string, part: 'mark' | 'evidence' | 'remarks'): ExcelJS.Cell {
  const [section, weapon, row, column] = id.split('.');
  const ws = wb.worksheets.find((w) => w.getCell('A1').value === `open1540 section ${section}`)!;
  let col = 0;
  ws.getRow(1).eachCell((c, n) => { if (c.value === `${weapon}.${column}.${part}` || c.value === `*.${column}.${part}`) col = n; });
  let r = 0;
  ws.getColumn(1).eachCell((c, n) => { if (c.value === row) r = n; });
  expect(col > 0 && r > 0, `${id} ${part}`).toBe(true);
  return ws.getCell(r, col);
}

function entry(p: ParsedMatrix, id: string) {
  return p.entries.find((e) => e.field === id)!;
}

describe('evidence as text', () => {
  it('writes one line per citation and reads back the same citation, escapes included', () => {
    for (const v of Object.values(FILLED)) {
      for (const e of v.evidence) {
        const line = formatEvidence(e);
        expect(line).not.toMatch(/[\n\r\t]/);
        const back = parseEvidenceLine(line);
        expect('evidence' in back && back.evidence).toMatchObject({ kind: e.kind, document: e.document });
        expect(sameValue({ mark: null, evidence: [e], remarks: null, provenance: 'draft' }, { mark: null, evidence: ['evidence' in back ? back.evidence : e], remarks: null, provenance: 'draft' })).toBe(true);
      }
    }
    expect(formatEvidence(ev('legislation', 'Criminal Code', { locator: 'art. 12', url: 'https://x.org', language: 'en' }))).toBe('[legislation] Criminal Code | art. 12 | https://x.org | en');
    expect(formatEvidence(ev('legislation', 'Code', { url: 'https://x.org' }))).toBe('[legislation] Code | | https://x.org');
    expect(formatEvidence(ev('legislation', 'a|b', { excerpt: 'x\ny' }))).toBe('[legislation] a\\|b | | | | x\\ny');
  });

  it('accepts what a person types: spacing, case, blank lines; and names the line of an error', () => {
    const r = parseEvidenceText('\n[Legislation]Code|art. 1\n\n  [national-report]   Report  |  p. 4  \nno bracket\n[law] X\n[legislation]  \n[legislation] a | b | c | d | e | f');
    expect(r.evidence).toEqual([
      { kind: 'legislation', document: 'Code', locator: 'art. 1', url: null, language: null, excerpt: null },
      { kind: 'national-report', document: 'Report', locator: 'p. 4', url: null, language: null, excerpt: null },
    ]);
    expect(r.errors.map((e) => e.line)).toEqual([5, 6, 7, 8]);
    expect(r.errors[0]!.message).toMatch(/cannot read "no bracket"/);
    expect(r.errors[1]!.message).toMatch(/unknown evidence kind "law": use one of national-report/);
    expect(r.errors[2]!.message).toMatch(/no document/);
    expect(r.errors[3]!.message).toMatch(/too many \| separators/);
  });
});

describe('matrixToXlsx', () => {
  it('writes the header, one sheet per section, the open-source layer, About and the hidden field map', async () => {
    const os = new Map<string, EntryValue>([['op1.nw.npt.yes', { mark: 'X', evidence: [ev('depositary-record', 'UNODA treaty database', { locator: 'accession 1992-08-02' })], remarks: null, provenance: 'open-source' }]]);
    const wb = await load(await matrixToXlsx(input(FILLED, os)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Header', 'OP1', 'OP2', 'OP3 (a)–(b)', 'OP3 (c)–(d)', 'Open-source layer (OP1)', 'About', 'open1540']);
    expect(wb.getWorksheet('open1540')!.state).toBe('hidden');

    const header = wb.getWorksheet('Header')!;
    const headerText = header.getSheetValues().flat().map(String).join('\n');
    expect(headerText).toContain('DRAFT 1540 COMMITTEE MATRIX OF FRANCE');
    expect(headerText).toContain('2005-09-13\n2007-12-21');
    expect(headerText).toMatch(/The references given may not be directly relevant/);
    expect(headerText).toMatch(/Not applicable/);

    const about = wb.getWorksheet('About')!;
    const aboutText = about.getSheetValues().flat().map(String).join('\n');
    expect(aboutText).toContain('CC BY 4.0');
    expect(aboutText).toContain('https://open1540.example/api/v1/matrix/FRA.xlsx');
    expect(aboutText).toContain('2026-05-01T10:00:00.000Z');
    expect(aboutText).toContain('Reconstructed edition');
    expect(aboutText).toContain('[kind] document | locator | url | language | excerpt');

    const os1 = wb.getWorksheet('Open-source layer (OP1)')!;
    expect(String(os1.getCell('A1').value)).toBe('Open-source layer (OP1): derived from depositary records, not reviewed by the 1540 Committee');
    expect(os1.getCell('E4').value).toBe('[depositary-record] UNODA treaty database | accession 1992-08-02');

    // OP2: four weapon types side by side, legal framework and enforcement each with Mark, Evidence, Remarks.
    const op2 = wb.getWorksheet('OP2')!;
    expect(op2.getRow(1).hidden).toBe(true);
    expect(op2.getColumn(1).hidden).toBe(true);
    expect(op2.views[0]).toMatchObject({ state: 'frozen', ySplit: 5, xSplit: 3 });
    expect(op2.getCell('D3').value).toBe('Nuclear weapons (NW)');
    expect(op2.getCell('J3').value).toBe('Chemical weapons (CW)');
    expect(op2.getCell('V3').value).toBe('Means of delivery');
    expect(op2.getCell('D4').value).toBe('National legal framework');
    expect(String(op2.getCell('G4').value)).toMatch(/^Enforcement/);
    expect([op2.getCell('D5').value, op2.getCell('E5').value, op2.getCell('F5').value]).toEqual(['Mark (X, ?, NA)', expect.stringMatching(/^Evidence/), 'Remarks']);
    expect(op2.getCell('B6').value).toBe('Activities to be prohibited');
    expect(op2.getCell('C7').value).toBe('Manufacture / produce');
    const mark = cellOf(wb, 'op2.nw.manufacture.legal', 'mark');
    expect(mark.address).toBe('D7');
    expect(mark.value).toBe('X');
    expect(mark.dataValidation).toMatchObject({ type: 'list', formulae: ['"X,?,NA"'] });
    expect(mark.protection).toMatchObject({ locked: false });
    expect(cellOf(wb, 'op2.nw.manufacture.legal', 'evidence').value).toBe(FILLED['op2.nw.manufacture.legal']!.evidence.map(formatEvidence).join('\n'));

    // OP 3 (a)-(b): a row asked only for NW has its CW and BW cells greyed and locked.
    const op3 = wb.getWorksheet('OP3 (a)–(b)')!;
    const r = cellOf(wb, 'op3ab.nw.iaea-safeguards.legal', 'mark').row;
    const cwMark = op3.getCell(r, cellOf(wb, 'op3ab.cw.account-production.legal', 'mark').col);
    expect(cwMark.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFD9D9D9' } });
    expect(cwMark.protection?.locked).not.toBe(false);

    // OP1: the Committee's table: one YES column group, the weapon type named in each row.
    const op1 = wb.getWorksheet('OP1')!;
    expect(op1.getCell('D3').value).toBe('Weapon type');
    expect(cellOf(wb, 'op1.cw.cwc.yes', 'mark').col).toBe(cellOf(wb, 'op1.nw.npt.yes', 'mark').col);
  });

  it('marks an approved matrix as approved and a blank one as blank', async () => {
    const wb = await load(await matrixToXlsx({ ...input({}), status: 'published', header: { firstReport: null, additional: [], approvedAt: '2019-03-01T12:00:00Z' } }));
    const text = wb.getWorksheet('Header')!.getSheetValues().flat().map(String).join('\n');
    expect(text).toContain('APPROVED 1540 COMMITTEE MATRIX OF FRANCE');
    expect(text).toContain('2019-03-01');
  });
});

describe('parseMatrixXlsx', () => {
  it('gives back exactly the exported values and versions, and every field of the catalogue', async () => {
    const p = await parseMatrixXlsx(await matrixToXlsx(input()), fields);
    expect(p.problems).toEqual([]);
    expect(p).toMatchObject({ iso3: 'FRA', edition: edition.id, matrixNumber: 2 });
    expect(p.entries.map((e) => e.field)).toEqual(fields.map((f) => f.id));
    for (const e of p.entries) {
      const want = FILLED[e.field];
      if (!want) {
        expect(e).toEqual({ field: e.field, version: 0, mark: null, evidence: [], remarks: null });
        continue;
      }
      expect(e.version).toBe(want.version);
      expect(sameValue({ ...e, provenance: want.provenance }, want), e.field).toBe(true);
    }
    expect(entry(p, 'op2.nw.manufacture.legal').evidence[0]!.excerpt).toBe('Whoever manufactures | acquires\nnuclear weapons…');
    expect(entry(p, 'op2.cw.acquire.enforcement').remarks).toBe('Windows\r\nline ends');
    expect(entry(p, 'op3cd.cw.catch-all.legal').remarks).toBe('ctrl\u0001char');
    expect(entry(p, 'op3ab.bw.pathogen-lists.enforcement')).toMatchObject({ remarks: null, evidence: [{ locator: null, url: null, language: null, excerpt: null }] });
  });

  it('shows exactly the cells an expert changed in a spreadsheet', async () => {
    const wb = await load(await matrixToXlsx(input()));
    cellOf(wb, 'op2.dv.use.legal', 'mark').value = 'X';
    cellOf(wb, 'op2.dv.use.legal', 'evidence').value = '[legislation] Space Act | s. 3';
    const ev2 = cellOf(wb, 'op2.bw.finance.legal', 'evidence');
    ev2.value = `${ev2.value as string}\n[national-report] Second report | p. 12 | | en`;
    for (const p of ['mark', 'evidence', 'remarks'] as const) cellOf(wb, 'op1.nw.npt.yes', p).value = null;
    cellOf(wb, 'op3ab.cw.licensing.legal', 'remarks').value = { richText: [{ text: 'Rich ' }, { font: { bold: true }, text: 'text' }] };
    const p = await parseMatrixXlsx(Buffer.from(await wb.xlsx.writeBuffer()), fields);
    expect(p.problems).toEqual([]);

    const changed = p.entries.filter((e) => {
      const before = FILLED[e.field] ?? { mark: null, evidence: [], remarks: null, provenance: 'draft', version: 0 };
      return !sameValue({ ...e, provenance: before.provenance }, before);
    });
    expect(changed.map((e) => e.field).sort()).toEqual(['op1.nw.npt.yes', 'op2.bw.finance.legal', 'op2.dv.use.legal', 'op3ab.cw.licensing.legal']);
    expect(entry(p, 'op1.nw.npt.yes')).toEqual({ field: 'op1.nw.npt.yes', version: 3, mark: null, evidence: [], remarks: null });
    expect(entry(p, 'op2.dv.use.legal')).toMatchObject({ version: 1, mark: 'X', evidence: [{ kind: 'legislation', document: 'Space Act', locator: 's. 3' }] });
    const fin = entry(p, 'op2.bw.finance.legal');
    expect(fin.version).toBe(4);
    expect(fin.evidence).toHaveLength(3);
    expect(fin.evidence.slice(0, 2)).toEqual(FILLED['op2.bw.finance.legal']!.evidence.map((e) => expect.objectContaining(e)));
    expect(fin.evidence[2]).toEqual({ kind: 'national-report', document: 'Second report', locator: 'p. 12', url: null, language: 'en', excerpt: null });
    expect(entry(p, 'op3ab.cw.licensing.legal')).toMatchObject({ version: 0, remarks: 'Rich text' });
  });

  it('names the sheet, the cell and the fix for bad marks, evidence, ids and duplicates', async () => {
    const wb = await load(await matrixToXlsx(input()));
    cellOf(wb, 'op2.nw.acquire.legal', 'mark').value = 'Yes';
    const evCell = cellOf(wb, 'op2.nw.acquire.enforcement', 'evidence');
    evCell.value = '[legislation] Good | art. 1\n[statute] Bad kind\nnot a citation';
    cellOf(wb, 'op2.cw.possess.legal', 'mark').value = 'X';
    const urlCell = cellOf(wb, 'op2.cw.possess.legal', 'evidence');
    urlCell.value = '[legislation] Law | | ftp://nowhere';
    const op3 = wb.getWorksheet('OP3 (a)–(b)')!;
    const safeguards = cellOf(wb, 'op3ab.nw.iaea-safeguards.legal', 'mark');
    const greyCw = op3.getCell(safeguards.row, cellOf(wb, 'op3ab.cw.account-use.legal', 'evidence').col);
    greyCw.value = 'typed into a grey cell';
    const op2 = wb.getWorksheet('OP2')!;
    const useRow = cellOf(wb, 'op2.nw.use.legal', 'mark').row;
    op2.getCell(useRow, 1).value = 'transfer';                          // a copy of the "transfer" row: its fields appear twice
    const finRow = cellOf(wb, 'op2.nw.finance.legal', 'mark').row;
    op2.getCell(finRow, 1).value = 'no-such-row';
    wb.getWorksheet('open1540')!.getCell('A9').value = 'op9.nw.nothing.legal';
    wb.getWorksheet('open1540')!.getCell('A10').value = fields[2]!.id; // listed twice in the map
    const p = await parseMatrixXlsx(Buffer.from(await wb.xlsx.writeBuffer()), fields);
    const at = (sheet: string, cell: string) => p.problems.filter((x) => x.sheet === sheet && x.cell === cell).map((x) => x.message);

    expect(at('OP2', cellOf(wb, 'op2.nw.acquire.legal', 'mark').address)).toEqual(['unknown mark "Yes": use X, ? or NA, or leave the cell empty']);
    expect(at('OP2', evCell.address)).toEqual([
      expect.stringMatching(/^line 2: unknown evidence kind "statute": use one of national-report, additional-information, legislation/),
      expect.stringMatching(/^line 3: cannot read "not a citation": write a citation as \[kind\] document/),
    ]);
    expect(at('OP2', urlCell.address)).toEqual(['line 1: url: must be an http(s) URL']);
    expect(at('OP3 (a)–(b)', greyCw.address)).toEqual([expect.stringMatching(/not a field of the matrix .*clear it/)]);
    expect(at('OP2', `A${finRow}`)).toEqual([expect.stringMatching(/the row "no-such-row" is not in the catalogue edition/)]);
    expect(at('OP2', `D${useRow}`)).toEqual([expect.stringMatching(/the field op2\.nw\.transfer\.legal appears twice \(first at OP2!D\d+\)/)]);
    expect(at('open1540', 'A9')).toEqual([expect.stringMatching(/"op9\.nw\.nothing\.legal" is not a field of the catalogue edition/)]);
    expect(at('open1540', 'A11')).toEqual([`the field "${fields[2]!.id}" is listed twice in the field map (first at A10); export the matrix again`]);
    // The fields whose rows lost their keys are reported as missing, naming the map cell.
    expect(p.problems.some((x) => x.sheet === 'open1540' && /op2\.nw\.use\.legal were not found/.test(x.message))).toBe(true);
  });

  it('refuses what is not an open1540 matrix export with one problem', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    const cases: Array<[Uint8Array, RegExp]> = [
      [Buffer.alloc(0), /the file is empty/],
      [Buffer.from('%PDF-1.4 not a workbook'), /not an XLSX workbook/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /not an XLSX workbook/],
      [Buffer.from(await plain.xlsx.writeBuffer()), /this workbook has no open1540 field map; export the matrix first and edit that file/],
    ];
    for (const [bytes, message] of cases) {
      const p = await parseMatrixXlsx(bytes, fields);
      expect(p.entries).toEqual([]);
      expect(p.problems).toEqual([{ sheet: '', cell: '', message: expect.stringMatching(message) }]);
    }
  });

  it('ignores the open-source layer sheet on import', async () => {
    const os = new Map<string, EntryValue>([['op1.nw.npt.yes', { mark: 'X', evidence: [], remarks: 'derived', provenance: 'open-source' }]]);
    const wb = await load(await matrixToXlsx(input({}, os)));
    wb.getWorksheet('Open-source layer (OP1)')!.getCell('D4').value = 'nonsense';
    const p = await parseMatrixXlsx(Buffer.from(await wb.xlsx.writeBuffer()), fields);
    expect(p.problems).toEqual([]);
    expect(entry(p, 'op1.nw.npt.yes')).toMatchObject({ mark: null, remarks: null });
  });
});

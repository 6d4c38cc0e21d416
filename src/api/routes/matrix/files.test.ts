import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, signedIn, type Client } from '../../../../test/helpers/accounts.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { engines } from '../../../../test/helpers/db.js';
import { buildReferenceData } from '../../../../test/helpers/factories.js';
import { parseCsv } from '../../../core/csv.js';

const M = '/api/v1/states/AAA/matrix';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LAW = { kind: 'legislation', document: 'Penal Code (test) | consolidated', locator: 'art. 12', url: 'https://example.org/penal-code', language: 'en' };

describe.each(engines())('matrix files and the XLSX round trip on %s', (engine) => {
  let t: TestApp;
  let expert: Client;
  let expert2: Client;
  beforeAll(async () => {
    t = await createTestApp(engine, buildReferenceData());
    expert = await signedIn(t, 'expert');
    expert2 = await signedIn(t, 'expert');
    await expert.json('POST', M);
    await expert.json('PATCH', `${M}/fields`, { fields: [
      { field: 'op2.nw.manufacture.legal', version: 0, mark: 'X', evidence: [LAW], remarks: 'Line one\nline two' },
      { field: 'op2.cw.manufacture.legal', version: 0, mark: '?', evidence: [{ kind: 'national-report', document: 'First report', locator: 'p. 3' }] },
      { field: 'op3cd.bw.export.legal', version: 0, mark: 'NA' },
    ] });
  });
  afterAll(async () => { await t.close(); });

  const download = async (c: Client, ext: string) => {
    const res = await c.request('GET', `${M}.${ext}`);
    expect(res.status).toBe(200);
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const upload = (c: Client, bytes: Uint8Array, q = '') => c.json('POST', `${M}/import${q}`, bytes, { 'content-type': XLSX_TYPE });

  it('serves the draft as CSV, XLSX and PDF to the expert; the public gets the published layer only', async () => {
    const csv = await download(expert, 'csv');
    expect(csv.res.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parseCsv(csv.bytes.toString('utf8'));
    expect(rows.length - 1).toBe(13); // one row per field of the test edition
    expect(rows.find((r) => r.includes('op2.nw.manufacture.legal'))).toContain('X');
    const xlsx = await download(expert, 'xlsx');
    expect(xlsx.res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(xlsx.res.headers.get('content-disposition')).toMatch(/open1540-matrix-AAA-1-draft\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['OP1', 'OP2', 'About']));
    const pdf = await download(expert, 'pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pub = rowsOf(await download(anonymous(t), 'csv'));
    expect(pub.find((r) => r.includes('op2.nw.manufacture.legal'))).not.toContain('X');
  });

  it('an unchanged export re-imports with no change', async () => {
    const { bytes } = await download(expert, 'xlsx');
    const r = await upload(expert, bytes);
    expect(r.status).toBe(200);
    expect(r.body.saved).toEqual([]);
    expect((await expert.json('GET', `${M}/history`)).body.revisions).toHaveLength(3);
  });

  it('edited cells become revisions; a dry run shows them and saves nothing', async () => {
    const { bytes } = await download(expert, 'xlsx');
    const edited = await editMark(bytes, 'X', '?');
    const dry = await upload(expert, edited, '?dryRun=true');
    expect(dry.body).toMatchObject({ saved: ['op2.nw.manufacture.legal'], dryRun: true });
    expect((await expert.json('GET', `${M}/history`)).body.revisions).toHaveLength(3);
    const r = await upload(expert, edited);
    expect(r.body.saved).toEqual(['op2.nw.manufacture.legal']);
    const f = (await expert.json('GET', M)).body.fields.find((x: { id: string }) => x.id === 'op2.nw.manufacture.legal');
    expect(f).toMatchObject({ mark: '?', version: 2, remarks: 'Line one\nline two' });
    expect(f.evidence[0]).toMatchObject(LAW);
  });

  it('reports conflicts field by field when someone changed a field after the export, and saves nothing', async () => {
    const { bytes } = await download(expert, 'xlsx');
    // Someone else changes the same field meanwhile.
    await expert2.json('PATCH', `${M}/fields`, { fields: [{ field: 'op2.nw.manufacture.legal', version: 2, mark: 'X', evidence: [LAW] }] });
    const r = await upload(expert, await editMark(bytes, '?', 'NA'));
    expect(r.status).toBe(409);
    expect(r.body.conflicts.map((c: { field: string }) => c.field)).toContain('op2.nw.manufacture.legal');
    expect((await expert.json('GET', M)).body.fields.find((x: { id: string }) => x.id === 'op2.cw.manufacture.legal').mark).toBe('?');
  });

  it('refuses a malformed file, a bad mark and another State\'s workbook, naming what to fix', async () => {
    const junk = await upload(expert, new TextEncoder().encode('not a workbook at all'));
    expect(junk.status).toBe(400);
    expect(junk.body.detail).toMatch(/problem/);
    const { bytes } = await download(expert, 'xlsx');
    const bad = await upload(expert, await editMark(bytes, 'X', 'maybe'));
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0]).toMatchObject({ sheet: 'OP2' });
    expect(bad.body.problems[0].cell).toMatch(/^[A-Z]+\d+$/);
    expect((await upload(anonymous(t), bytes)).status).toBe(401);
  });
});

function rowsOf(d: { bytes: Buffer }): string[][] {
  return parseCsv(d.bytes.toString('utf8'));
}

/** Changes the first mark cell holding `from` into `to`, as someone editing in a spreadsheet would. */
async function editMark(bytes: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let done = false;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => row.eachCell((cell) => {
      if (!done && cell.value === from && cell.dataValidation?.type === 'list') { cell.value = to; done = true; }
    }));
  }
  if (!done) throw new Error(`no mark cell holding ${from}`);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

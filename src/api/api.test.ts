import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../core/csv.js';
import { act, buildInstrument, buildReferenceData } from '../../test/helpers/factories.js';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { engines } from '../../test/helpers/db.js';

const data = buildReferenceData({
  instruments: [buildInstrument({ code: 'tst', published: { parties: 4, asOf: '2020-01-01', source: 'test-source', note: 'synthetic' } }), buildInstrument({ code: 'ctbt', entryIntoForce: null, openedForSignature: '1996-09-24' })],
});
data.actions.push(
  act('AAA', 'signature', '1996-09-24', { instrument: 'ctbt' }), act('AAA', 'ratification', '2000-06-30', { instrument: 'ctbt' }),
  act('AAA', 'revocation', '2023-11-02', { instrument: 'ctbt', note: 'Ratification revoked' }),
);

describe.each(engines())('API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(engine, data); });
  afterAll(async () => { await t.close(); });

  it('lists and filters States', async () => {
    const all = await t.json('/api/v1/states');
    expect(all.status).toBe(200);
    expect(all.body.count).toBe(3);
    expect(all.body.states.map((s: { iso3: string }) => s.iso3)).toEqual(['AAA', 'BBB', 'CCC']);
    expect((await t.json('/api/v1/states?group=african')).body.states.map((s: { iso3: string }) => s.iso3)).toEqual(['BBB']);
    expect((await t.json('/api/v1/states?unStatus=observer&q=ccc')).body.count).toBe(1);
  });

  it('returns one State with its sources, case-insensitively', async () => {
    const r = await t.json('/api/v1/states/aaa');
    expect(r.status).toBe(200);
    expect(r.body.iso3).toBe('AAA');
    expect(r.body.sources).toEqual([{ id: 'test-source', title: 'Test source (synthetic)', url: 'https://example.org/test' }]);
  });

  it('answers unknown codes and bad parameters with problem+json naming the parameter', async () => {
    const missing = await t.json('/api/v1/states/ZZZ');
    expect(missing.status).toBe(404);
    expect(missing.type).toBe('application/problem+json');
    expect(missing.body).toMatchObject({ status: 404, errors: [{ parameter: 'iso3' }] });
    const badDate = await t.json('/api/v1/instruments/tst/participants?asOf=2020-02-30');
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0]).toMatchObject({ parameter: 'asOf', in: 'query' });
    expect(badDate.body.detail).toMatch(/asOf: must be a calendar date/);
    expect((await t.json('/api/v1/states?group=martians')).body.errors[0].parameter).toBe('group');
    expect((await t.json('/api/v1/instruments/nope')).status).toBe(404);
    expect((await t.json('/api/v1/nothing')).status).toBe(404);
  });

  it('gives participants with status, actions and counts as of a date', async () => {
    const r = await t.json('/api/v1/instruments/ctbt/participants?asOf=2020-01-01');
    expect(r.status).toBe(200);
    expect(r.body.inForce).toBe(false);
    expect(r.body.counts.all.party).toBe(1);
    const aaa = r.body.participants.find((p: { state: { iso3: string } }) => p.state.iso3 === 'AAA');
    expect(aaa).toMatchObject({ status: 'party', since: '2000-06-30', unMember: true });
    expect(aaa.actions).toHaveLength(3);
    const later = await t.json('/api/v1/instruments/ctbt/participants?asOf=2024-01-01');
    expect(later.body.participants[0]).toMatchObject({ status: 'signatory', notes: ['Ratification revoked'] });
  });

  it("gives a State's status under every instrument", async () => {
    const r = await t.json('/api/v1/states/AAA/instruments?asOf=2024-01-01');
    expect(r.body.instruments.map((i: { instrument: { code: string }; status: string }) => `${i.instrument.code}:${i.status}`)).toEqual(['ctbt:signatory', 'tst:party']);
    expect(r.body.sources[0].id).toBe('test-source');
  });

  it('gives an instrument with its history, and universality by group', async () => {
    const i = await t.json('/api/v1/instruments/tst?asOf=2013-01-01');
    expect(i.body.counts.unMembers.party).toBe(2);
    expect(i.body.history.at(-1)).toEqual({ date: '2013-01-01', parties: 2, unMemberParties: 2 });
    const incomplete = await t.json('/api/v1/instruments/tst/participants?asOf=2021-01-01');
    expect(incomplete.body.completeness).toEqual({ recorded: 2, published: 4, publishedAsOf: '2020-01-01', source: 'test-source', note: 'synthetic' });
    expect(incomplete.body.instrument.published.parties).toBe(4);
    expect(i.body.completeness).toBeNull();
    const u = await t.json('/api/v1/universality?asOf=2013-01-01');
    const tst = u.body.instruments.find((r: { instrument: { code: string } }) => r.instrument.code === 'tst');
    expect(tst.byGroup).toEqual([
      { group: 'african', counts: { party: 1, signatory: 0, withdrawn: 0, none: 0, total: 1 } },
      { group: 'weog', counts: { party: 1, signatory: 0, withdrawn: 0, none: 0, total: 1 } },
    ]);
  });

  it('serves every list as CSV (by extension or Accept) with source and licence', async () => {
    const res = await t.get('/api/v1/instruments/tst/participants.csv?asOf=2013-01-01&lang=fr');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/tst-participants-2013-01-01\.csv/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(['ISO3', 'Name (fr)', 'UN member on date', 'Regional group', 'Status', 'Since', 'Signed', 'Actions', 'Action sources', 'Notes', 'Source', 'Licence']);
    expect(rows.find((r) => r[0] === 'BBB')?.[4]).toBe('party');
    expect(rows[1]?.at(-1)).toMatch(/CC BY 4\.0/);
    const viaAccept = await t.get('/api/v1/states', { accept: 'text/csv' });
    expect(parseCsv(await viaAccept.text())).toHaveLength(4);
  });

  it('serves XLSX that a spreadsheet reader opens, with an About sheet', async () => {
    const res = await t.get('/api/v1/universality.xlsx?asOf=2013-01-01');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer() as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Code');
    expect(sheet.rowCount).toBe(3);
    expect(wb.getWorksheet('About')?.getRow(3).getCell(2).value).toMatch(/CC BY 4\.0/);
  });

  it('publishes an OpenAPI 3.1 document, human docs and security headers', async () => {
    const doc = await t.json('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([
      '/api/v1/states', '/api/v1/states/{iso3}', '/api/v1/states/{iso3}/instruments', '/api/v1/instruments',
      '/api/v1/instruments/{code}', '/api/v1/instruments/{code}/participants', '/api/v1/universality',
    ]));
    const docs = await t.get('/api/docs');
    expect(await docs.text()).toContain('/api/v1/instruments/{code}/participants');
    expect(docs.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(docs.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

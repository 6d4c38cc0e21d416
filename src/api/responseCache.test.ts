import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, buildReferenceData } from '../../test/helpers/factories.js';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { engines } from '../../test/helpers/db.js';
import { loadReferenceData } from '../db/loadReference.js';

describe.each(engines())('response cache on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(engine, buildReferenceData(), { releaseTtlMs: 0 }); });
  afterAll(async () => { await t.close(); });

  it('serves the same answer with an ETag, 304 when unchanged, gzip when accepted', async () => {
    const first = await t.get('/api/v1/instruments/tst/participants?asOf=2020-01-01');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"r\d+-/);
    const body = await first.text();
    const again = await t.get('/api/v1/instruments/tst/participants?asOf=2020-01-01', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    const zipped = await t.get('/api/v1/instruments/tst/participants?asOf=2020-01-01', { 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(body);
    // A client that does not accept gzip still gets plain JSON after a gzip client filled the cache.
    const list = await t.get('/api/v1/states', { 'accept-encoding': 'gzip' });
    expect(list.headers.get('content-encoding')).toBe('gzip');
    const plain = await t.get('/api/v1/states');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.json()).count).toBe(3);
    const csv = await t.get('/api/v1/instruments/tst/participants.csv?asOf=2020-01-01');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  });

  it('answers from the new data as soon as a new release is loaded', async () => {
    const before = await t.json('/api/v1/instruments/tst/participants?asOf=2020-01-01');
    expect(before.body.counts.all.party).toBe(2);
    const data = buildReferenceData();
    data.actions.push(act('CCC', 'accession', '2015-01-02'));
    await loadReferenceData(t.db, data);
    const after = await t.json('/api/v1/instruments/tst/participants?asOf=2020-01-01');
    expect(after.body.counts.all.party).toBe(3);
  });

  it('does not keep errors', async () => {
    expect((await t.get('/api/v1/states/ZZZ')).status).toBe(404);
    expect((await t.get('/api/v1/states/ZZZ')).headers.get('etag')).toBeNull();
  });
});

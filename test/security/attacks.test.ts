/**
 * Attacks against the running server (real HTTP, both databases): each must fail cleanly — a 4xx with a
 * problem+json body, no stack trace — and leave the stored data exactly as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type Started } from '../../src/server.js';
import { CLI_CONTEXT } from '../../src/services/audit.js';
import { createAccount } from '../../src/services/accounts.js';
import { engines } from '../helpers/db.js';
import pg from 'pg';

const PASSWORD = 'a sound passphrase 42';
const SQLI = ["' OR '1'='1", "1; DROP TABLE state; --", "%' UNION SELECT password_hash FROM app_user --", "AAA') OR ('x'='x", '\\', "'; DELETE FROM contact; --"];
const XSS = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

describe.each(engines())('attacks on the running server (%s)', (engine) => {
  let server: Started;
  let base: string;
  let dir = '';
  let dbName = '';
  const cookies: Record<string, { cookie: string; csrf: string }> = {};

  async function call(method: string, path: string, opts: { body?: unknown; raw?: string; headers?: Record<string, string>; as?: string } = {}) {
    const session = opts.as ? cookies[opts.as] : undefined;
    const headers: Record<string, string> = { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}), ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers };
    const res = await fetch(`${base}${path}`, { method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) };
  }
  const snapshot = async () => JSON.stringify(await server.db.query(
    `select (select count(*)::int from state) as states, (select count(*)::int from contact) as contacts,
            (select coalesce(string_agg(name || '|' || version, ',' order by id), '') from contact) as contact_rows,
            (select count(*)::int from app_user) as users, (select count(*)::int from participation_action) as actions,
            (select count(*)::int from matrix_entry) as matrix_entries, (select count(*)::int from state_matrix) as matrices`));
  const expectClean = (r: { status: number; type: string; text: string }) => {
    expect(r.status, r.text).toBeGreaterThanOrEqual(400);
    expect(r.status, r.text).toBeLessThan(500);
    expect(r.type).toMatch(/problem\+json/);
    expect(r.text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
  };

  beforeAll(async () => {
    if (engine === 'postgres') {
      dbName = `sec_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: inject('pgUrl') });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      process.env.DATABASE_URL = inject('pgUrl').replace(/\/postgres$/, `/${dbName}`);
    } else {
      dir = mkdtempSync(join(tmpdir(), 'open1540-sec-'));
      process.env.DATA_DIR = dir;
      delete process.env.DATABASE_URL;
    }
    server = await startServer({ port: 0, host: '127.0.0.1', log: () => {} });
    base = server.url.replace('localhost', '127.0.0.1');
    for (const [role, state] of [['expert', null], ['state_poc', 'FRA'], ['admin', null]] as const) {
      const email = `${role}@example.org`;
      await createAccount(server.db, CLI_CONTEXT, { email, displayName: role, role, state, org: null, password: PASSWORD });
      const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
      cookies[role] = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    }
    await call('POST', '/api/v1/contacts', { as: 'expert', body: { state: 'DEU', name: 'Restricted DEU contact' } });
  });
  afterAll(async () => {
    await server?.close();
    delete process.env.DATABASE_URL;
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (dbName) {
      const admin = new pg.Client({ connectionString: inject('pgUrl') });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  });

  it('SQL injection in every filter parameter is inert', async () => {
    const before = await snapshot();
    const params: Array<[string, string]> = [
      ['/api/v1/states', 'q'], ['/api/v1/states', 'group'], ['/api/v1/states', 'region'], ['/api/v1/states', 'unStatus'], ['/api/v1/states', 'lang'],
      ['/api/v1/instruments/npt/participants', 'asOf'], ['/api/v1/universality', 'asOf'], ['/api/v1/states/FRA/instruments', 'asOf'],
      ['/api/v1/contacts', 'state'], ['/api/v1/contacts', 'q'], ['/api/v1/audit/events', 'entityType'], ['/api/v1/audit/events', 'entityId'],
      ['/api/v1/audit/events', 'limit'], ['/api/v1/audit/events', 'before'],
      ['/api/v1/states/FRA/matrix', 'asOf'], ['/api/v1/states/FRA/matrix', 'edition'], ['/api/v1/states/FRA/matrix/diff', 'from'],
      ['/api/v1/states/FRA/matrix/diff', 'to'], ['/api/v1/states/FRA/matrix/history', 'field'], ['/api/v1/coverage', 'asOf'], ['/api/v1/coverage', 'group'],
      ['/api/v1/coverage', 'region'], ['/api/v1/catalogue/x', 'x'],
    ];
    for (const [path, param] of params) {
      for (const payload of SQLI) {
        for (const as of [undefined, 'expert']) {
          const r = await call('GET', `${path}?${param}=${encodeURIComponent(payload)}`, { as });
          expect(r.status, `${path}?${param}=${payload}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
          if (r.status === 200) {
            expect(r.text).not.toMatch(/scrypt\$/);
            if (path === '/api/v1/states' && param === 'q') expect(r.json().count).toBe(0);
          } else expectClean(r);
        }
      }
    }
    for (const payload of SQLI) expectClean(await call('GET', `/api/v1/states/${encodeURIComponent(payload)}`));
    expect(await snapshot()).toBe(before);
  });

  it('script in every stored text field is stored and returned as inert text, under a strict CSP', async () => {
    const created = await call('POST', '/api/v1/contacts', { as: 'expert', body: { state: 'FRA', name: XSS, title: XSS, organisation: XSS, published: true } });
    expect(created.status).toBe(201);
    const back = await call('GET', `/api/v1/contacts/${created.json().id}`);
    expect(back.type).toMatch(/^application\/json/);
    expect(back.json()).toMatchObject({ name: XSS, title: XSS, organisation: XSS });
    // The matrix: evidence, remarks, a comment from the State, a submission.
    expect((await call('POST', '/api/v1/states/FRA/matrix', { as: 'expert' })).status).toBe(201);
    const saved = await call('PATCH', '/api/v1/states/FRA/matrix/fields', { as: 'expert', body: { reason: XSS, fields: [
      { field: 'op2.nw.manufacture.legal', version: 0, mark: 'X', remarks: XSS, evidence: [{ kind: 'legislation', document: XSS, locator: XSS, excerpt: XSS }] }] } });
    expect(saved.status, saved.text).toBe(200);
    const field = (await call('GET', '/api/v1/states/FRA/matrix', { as: 'expert' })).json().fields[0];
    expect(field).toMatchObject({ remarks: XSS, evidence: [{ document: XSS, locator: XSS, excerpt: XSS }] });
    const js = await call('PATCH', '/api/v1/states/FRA/matrix/fields', { as: 'expert', body: { fields: [{ field: 'op2.nw.use.legal', version: 0, mark: 'X', evidence: [{ kind: 'official-website', document: 'x', url: 'javascript:alert(1)' }] }] } });
    expectClean(js);
    expect(js.status).toBe(400);
    expect(js.text).toMatch(/url/);
    const sub = await call('POST', '/api/v1/states/FRA/submissions', { as: 'state_poc', body: { kind: 'first-report', date: '2004-10-28', title: XSS, symbol: XSS } });
    expect(sub.json()).toMatchObject({ title: XSS, symbol: XSS });
    const me = await call('PATCH', '/api/v1/me', { as: 'expert', body: { displayName: XSS } });
    expect(me.json().user.displayName).toBe(XSS);
    const page = await fetch(`${base}/en/states/FRA`);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(await page.text()).not.toContain('onerror');
  });

  it('oversized, malformed and mistyped bodies get a 4xx naming what to fix, and change nothing', async () => {
    const before = await snapshot();
    const big = await call('POST', '/api/v1/contacts', { as: 'expert', raw: JSON.stringify({ state: 'FRA', name: 'x'.repeat(400_000) }), headers: { 'content-type': 'application/json' } });
    expectClean(big);
    expect(big.status).toBe(413);
    const malformed = await call('POST', '/api/v1/contacts', { as: 'expert', raw: '{"state": "FRA", "name": ', headers: { 'content-type': 'application/json' } });
    expectClean(malformed);
    expect(malformed.status).toBe(400);
    const typed = await call('POST', '/api/v1/contacts', { as: 'expert', body: { state: 'FRA', name: 42, published: 'yes' } });
    expectClean(typed);
    expect(typed.json().errors.map((e: { parameter: string }) => e.parameter).sort()).toEqual(['name', 'published']);
    const wrongType = await call('POST', '/api/v1/contacts', { as: 'expert', raw: 'state=FRA&name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectClean(wrongType);
    expect(await snapshot()).toBe(before);
  });

  it('a cookie-authenticated write without the CSRF token is refused', async () => {
    const before = await snapshot();
    for (const csrf of [undefined, 'forged-token']) {
      const r = await fetch(`${base}/api/v1/contacts`, {
        method: 'POST',
        headers: { cookie: cookies.expert!.cookie, 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
        body: JSON.stringify({ state: 'FRA', name: 'Cross-site write' }),
      });
      expect(r.status).toBe(403);
      expect((await r.json() as { title: string }).title).toMatch(/CSRF/);
    }
    expect(await snapshot()).toBe(before);
  });

  it("a state_poc cannot see or change another State's scoped data", async () => {
    const before = await snapshot();
    const list = await call('GET', '/api/v1/contacts?state=DEU', { as: 'state_poc' });
    expect(list.json().contacts).toEqual([]);
    const id = (await call('GET', '/api/v1/contacts?state=DEU', { as: 'expert' })).json().contacts[0].id;
    expectClean(await call('GET', `/api/v1/contacts/${id}`, { as: 'state_poc' }));
    expectClean(await call('PUT', `/api/v1/contacts/${id}`, { as: 'state_poc', body: { name: 'Changed', version: 1 } }));
    expectClean(await call('DELETE', `/api/v1/contacts/${id}`, { as: 'state_poc' }));
    expectClean(await call('POST', '/api/v1/contacts', { as: 'state_poc', body: { state: 'DEU', name: 'Planted' } }));
    expectClean(await call('GET', '/api/v1/users', { as: 'state_poc' }));
    expect(await snapshot()).toBe(before);
  });

  it('expired, revoked and made-up tokens are refused', async () => {
    const made = (await call('POST', '/api/v1/me/tokens', { as: 'expert', body: { name: 'probe', scope: 'read-write' } })).json();
    const auth = { authorization: `Bearer ${made.token}` };
    expect((await call('GET', '/api/v1/me', { headers: auth })).status).toBe(200);
    await server.db.query("update api_token set expires_at = now() - interval '1 second' where id = $1", [made.record.id]);
    expectClean(await call('GET', '/api/v1/me', { headers: auth }));
    const second = (await call('POST', '/api/v1/me/tokens', { as: 'expert', body: { name: 'probe2', scope: 'read-write' } })).json();
    await call('DELETE', `/api/v1/me/tokens/${second.record.id}`, { as: 'expert' });
    expectClean(await call('POST', '/api/v1/contacts', { headers: { authorization: `Bearer ${second.token}` }, body: { state: 'FRA', name: 'x' } }));
    expectClean(await call('GET', '/api/v1/me', { headers: { authorization: 'Bearer o1540_made-up-token' } }));
    expectClean(await call('GET', '/api/v1/me', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }));
  });

  it('login brute force is locked out', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await call('POST', '/api/v1/auth/login', { body: { email: 'admin@example.org', password: `guess number ${i}` } })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expectClean(await call('POST', '/api/v1/auth/login', { body: { email: 'admin@example.org', password: PASSWORD } }));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, signedIn, type Client } from '../../../../test/helpers/accounts.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { engines } from '../../../../test/helpers/db.js';
import { buildReferenceData } from '../../../../test/helpers/factories.js';

describe.each(engines())('points of contact on %s', (engine) => {
  let t: TestApp;
  let expert: Client;
  let pocA: Client;
  let pocB: Client;
  let privateB: number;
  beforeAll(async () => {
    t = await createTestApp(engine, buildReferenceData());
    expert = await signedIn(t, 'expert');
    pocA = await signedIn(t, 'state_poc', { state: 'AAA' });
    pocB = await signedIn(t, 'state_poc', { state: 'BBB' });
    await expert.json('POST', '/api/v1/contacts', { state: 'AAA', name: 'Public A', published: true, email: 'a@example.org' });
    privateB = (await pocB.json('POST', '/api/v1/contacts', { state: 'BBB', name: 'Private B', phone: '+1 (555) 010-2030' })).body.id;
  });
  afterAll(async () => { await t.close(); });

  it('the public sees published contacts only; a State PoC also its own; experts all', async () => {
    const names = async (c: Client) => (await c.json('GET', '/api/v1/contacts')).body.contacts.map((x: { name: string }) => x.name).sort();
    expect(await names(anonymous(t))).toEqual(['Public A']);
    expect(await names(pocA)).toEqual(['Public A']);
    expect(await names(pocB)).toEqual(['Private B', 'Public A']);
    expect(await names(expert)).toEqual(['Private B', 'Public A']);
  });

  it("another State's PoC can neither read nor change its restricted contacts", async () => {
    expect((await pocA.json('GET', `/api/v1/contacts/${privateB}`)).status).toBe(404);
    expect((await pocA.json('PUT', `/api/v1/contacts/${privateB}`, { name: 'Hijacked', version: 1 })).status).toBe(404);
    expect((await pocA.json('DELETE', `/api/v1/contacts/${privateB}`)).status).toBe(404);
    const create = await pocA.json('POST', '/api/v1/contacts', { state: 'BBB', name: 'Planted' });
    expect(create.status).toBe(403);
    expect((await expert.json('GET', `/api/v1/contacts/${privateB}`)).body.name).toBe('Private B');
  });

  it('validates fields and names the one at fault', async () => {
    const bad = await expert.json('POST', '/api/v1/contacts', { state: 'AAA', name: '', email: 'not-an-email', phone: 'call me' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { parameter: string }) => e.parameter).sort()).toEqual(['email', 'name', 'phone']);
    const unknown = await expert.json('POST', '/api/v1/contacts', { state: 'ZZZ', name: 'Nobody' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].parameter).toBe('state');
  });

  it('20 concurrent writers from the same version: exactly one succeeds, the others get 409 with the current record', async () => {
    const id = (await expert.json('POST', '/api/v1/contacts', { state: 'AAA', name: 'Contested' })).body.id;
    const writers = await Promise.all(Array.from({ length: 4 }, () => signedIn(t, 'expert')));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      writers[i % writers.length]!.json('PUT', `/api/v1/contacts/${id}`, { name: `Writer ${i}`, version: 1 })));
    const ok = results.filter((r) => r.status === 200);
    const conflicts = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    expect(conflicts[0]!.body.current).toMatchObject({ id, version: 2, name: ok[0]!.body.name });
    const stored = (await expert.json('GET', `/api/v1/contacts/${id}`)).body;
    expect(stored).toMatchObject({ version: 2, name: ok[0]!.body.name });
    const events = await t.db.query<{ n: number }>("select count(*)::int as n from audit_event where action = 'contact.update' and entity_id = $1", [String(id)]);
    expect(events[0]!.n).toBe(1);
  });
});

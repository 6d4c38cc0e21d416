import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, type AuditEvent, type RedactedEvent } from '../core/auditChain.js';
import { anonymous, signedIn, type Client } from '../../test/helpers/accounts.js';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { engines } from '../../test/helpers/db.js';
import { buildReferenceData } from '../../test/helpers/factories.js';
import { sealAll, sealingDone, verifyAuditLog } from './audit.js';

describe.each(engines())('audit log on %s', (engine) => {
  let t: TestApp;
  let expert: Client;
  let contactId: number;
  beforeAll(async () => {
    t = await createTestApp(engine, buildReferenceData());
    expert = await signedIn(t, 'expert');
    const created = await expert.json('POST', '/api/v1/contacts', { state: 'AAA', name: 'First Contact', published: true });
    contactId = created.body.id;
    await expert.json('PUT', `/api/v1/contacts/${contactId}`, { name: 'Renamed Contact', published: true, version: 1 });
    await expert.json('POST', '/api/v1/contacts', { state: 'BBB', name: 'Private Contact' });
  });
  afterAll(async () => { await t.close(); });

  it('records every write with actor, role, change before and after, request id and client', async () => {
    const r = await expert.json('GET', `/api/v1/audit/events?entityType=contact&entityId=${contactId}`);
    const [update, create] = r.body.events as AuditEvent[];
    expect(create).toMatchObject({ action: 'contact.create', actorRole: 'expert', actorId: expert.userId, entityType: 'contact', state: 'AAA', visibility: 'public' });
    expect(update!.change).toMatchObject({ before: { name: 'First Contact', version: 1 }, after: { name: 'Renamed Contact', version: 2 } });
    expect(update!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(update!.client).toBeTruthy();
    const logins = await t.db.query<{ n: number }>("select count(*)::int as n from audit_event where action = 'auth.login'");
    expect(logins[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('shows the public only events on published data', async () => {
    const pub = await anonymous(t).json('GET', '/api/v1/audit/events');
    expect(pub.body.events.length).toBeGreaterThan(0);
    expect(pub.body.events.every((e: AuditEvent) => e.visibility === 'public')).toBe(true);
    const all = await expert.json('GET', '/api/v1/audit/events');
    expect(all.body.events.some((e: AuditEvent) => e.visibility === 'restricted')).toBe(true);
  });

  it('refuses UPDATE and DELETE on the log in the database itself; only the one-time sealing is allowed', async () => {
    await sealingDone(t.db);
    await sealAll(t.db);
    await expect(t.db.query("update audit_event set action = 'x' where seq = 1")).rejects.toThrow(/append-only/);
    await expect(t.db.query("update audit_event set hash = repeat('0', 64) where seq = 1")).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from audit_event where seq = 1')).rejects.toThrow(/append-only/);
    await expect(t.db.query('truncate audit_event')).rejects.toThrow(/append-only/);
    await t.db.query("insert into audit_event (at, actor_role, via, action, entity_type, visibility, change) values ('2026-01-01T00:00:00Z', 'admin', 'cli', 'probe', 'test', 'restricted', '{}')");
    await expect(t.db.query("update audit_event set action = 'changed' where hash is null")).rejects.toThrow(/append-only/);
    await sealingDone(t.db);
    await sealAll(t.db);
    const probe = await t.db.query<{ hash: string | null; chain_pos: number | null }>("select hash, chain_pos from audit_event where action = 'probe'");
    expect(probe[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(probe[0]!.chain_pos).toBeGreaterThan(0);
  });

  it('concurrent writers all end up in one verified chain', async () => {
    const writers = await Promise.all(Array.from({ length: 5 }, () => signedIn(t, 'expert')));
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => writers[i % 5]!.json('POST', '/api/v1/contacts', { state: 'AAA', name: `Concurrent ${i}` })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const result = await verifyAuditLog(t.db);
    const total = (await t.db.query<{ n: number }>('select count(*)::int as n from audit_event'))[0]!.n;
    expect(result).toMatchObject({ ok: true, checked: total });
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from audit_event where hash is null'))[0]!.n).toBe(0);
  });

  it('detects a row altered or deleted with SQL, names it, and passes again once restored', async () => {
    expect(await verifyAuditLog(t.db)).toMatchObject({ ok: true });
    const target = (await t.db.query<{ seq: number; change: unknown }>("select seq, change from audit_event where action = 'contact.update' limit 1"))[0]!;
    await t.db.exec('alter table audit_event disable trigger user');
    try {
      await t.db.query(`update audit_event set change = jsonb_set(change, '{after,name}', '"Forged Name"') where seq = $1`, [target.seq]);
      expect(await verifyAuditLog(t.db)).toMatchObject({ ok: false, seq: target.seq, reason: 'content does not match its hash' });
      const api = await anonymous(t).json('GET', '/api/v1/audit/verify');
      expect(api.body).toMatchObject({ ok: false, seq: target.seq });
      await t.db.query('update audit_event set change = $2 where seq = $1', [target.seq, JSON.stringify(target.change)]);
      expect(await verifyAuditLog(t.db)).toMatchObject({ ok: true });

      const saved = (await t.db.query<Record<string, unknown>>('select * from audit_event where seq = $1', [target.seq]))[0]!;
      await t.db.query('delete from audit_event where seq = $1', [target.seq]);
      expect(await verifyAuditLog(t.db)).toMatchObject({ ok: false, seq: target.seq + 1 });
      const cols = Object.keys(saved);
      await t.db.query(`insert into audit_event (${cols.join(', ')}) select ${cols.join(', ')} from jsonb_populate_record(null::audit_event, $1::jsonb)`, [JSON.stringify(saved)]);
      expect(await verifyAuditLog(t.db)).toMatchObject({ ok: true });
    } finally {
      await t.db.exec('alter table audit_event enable trigger user');
    }
  });

  it('exports JSON lines that verify offline with the same code; hidden events keep their place', async () => {
    const full = await (await expert.request('GET', '/api/v1/audit/export')).text();
    const events = full.trim().split('\n').map((l) => JSON.parse(l) as AuditEvent);
    expect(verifyChain(events)).toMatchObject({ ok: true, checked: events.length });
    const pub = await (await anonymous(t).request('GET', '/api/v1/audit/export')).text();
    const partial = pub.trim().split('\n').map((l) => JSON.parse(l) as AuditEvent | RedactedEvent);
    expect(partial.some((e) => 'redacted' in e)).toBe(true);
    expect(JSON.stringify(partial)).not.toContain('Private Contact');
    expect(verifyChain(partial)).toMatchObject({ ok: true });
    events[1] = { ...events[1]!, action: 'forged' };
    expect(verifyChain(events)).toMatchObject({ ok: false, seq: events[1].seq });
  });
});

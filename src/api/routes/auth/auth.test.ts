import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, PASSWORD, signedIn, withToken } from '../../../../test/helpers/accounts.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { engines } from '../../../../test/helpers/db.js';
import { buildReferenceData } from '../../../../test/helpers/factories.js';

describe.each(engines())('accounts, sessions and tokens on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(engine, buildReferenceData()); });
  afterAll(async () => { await t.close(); });

  it('signs in with an HttpOnly, SameSite=Lax session cookie, and signs out', async () => {
    const expert = await signedIn(t, 'expert', { email: 'ada@example.org' });
    const me = await expert.json('GET', '/api/v1/me');
    expect(me.body.user).toMatchObject({ email: 'ada@example.org', role: 'expert' });
    const login = await t.request('POST', '/api/v1/auth/login', { email: 'ADA@example.org', password: PASSWORD });
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^o1540_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; Secure behind TLS
    const https = await t.request('POST', '/api/v1/auth/login', { email: 'ada@example.org', password: PASSWORD }, { 'x-forwarded-proto': 'https' });
    expect(https.headers.get('set-cookie')).toMatch(/Secure/);
    expect((await expert.json('POST', '/api/v1/auth/logout')).status).toBe(200);
    expect((await expert.json('GET', '/api/v1/me')).status).toBe(401);
    expect((await expert.json('GET', '/api/v1/auth/session')).body).toEqual({ user: null });
  });

  it('answers a wrong password and an unknown account alike, and stores no password', async () => {
    await signedIn(t, 'expert', { email: 'grace@example.org' });
    const wrong = await anonymous(t).json('POST', '/api/v1/auth/login', { email: 'grace@example.org', password: 'not the password 1' });
    const unknown = await anonymous(t).json('POST', '/api/v1/auth/login', { email: 'nobody-here@example.org', password: 'not the password 1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    const rows = await t.db.query<{ password_hash: string }>("select password_hash from app_user where email = 'grace@example.org'");
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$/);
    expect(rows[0]!.password_hash).not.toContain(PASSWORD);
  });

  it('locks an e-mail out after five failures, whether or not the account exists', async () => {
    for (const email of ['locked@example.org', 'ghost@example.org']) {
      if (email === 'locked@example.org') await signedIn(t, 'expert', { email });
      for (let i = 0; i < 5; i++) expect((await anonymous(t).json('POST', '/api/v1/auth/login', { email, password: `wrong password ${i}` })).status).toBe(401);
      const locked = await anonymous(t).json('POST', '/api/v1/auth/login', { email, password: PASSWORD });
      expect(locked.status).toBe(429);
      expect(locked.body.detail).toMatch(/try again in 15 minutes/);
    }
  });

  it('API tokens: shown once, stored hashed, scoped, revocable, with a last-used time', async () => {
    const owner = await signedIn(t, 'state_poc', { state: 'AAA' });
    const reader = await withToken(owner, t, 'read');
    const writer = await withToken(owner, t, 'read-write');
    expect(reader.token).toMatch(/^o1540_/);
    const stored = await t.db.query<{ token_hash: string }>('select token_hash from api_token where id = $1', [reader.tokenId]);
    expect(stored[0]!.token_hash).not.toContain(reader.token);
    expect((await reader.json('GET', '/api/v1/contacts')).status).toBe(200);
    const refused = await reader.json('POST', '/api/v1/contacts', { state: 'AAA', name: 'Read-only try' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/read-only/);
    const written = await writer.json('POST', '/api/v1/contacts', { state: 'AAA', name: 'Written by a token' });
    expect(written.status).toBe(201);
    const event = await t.db.query<{ via: string; actor_id: number }>("select via, actor_id from audit_event where action = 'contact.create' and entity_id = $1", [String(written.body.id)]);
    expect(event[0]).toEqual({ via: `token:${writer.tokenId}`, actor_id: owner.userId });
    const list = await owner.json('GET', '/api/v1/me');
    expect(list.body.tokens.find((x: { id: number }) => x.id === reader.tokenId).lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(reader.token);
    expect((await owner.json('DELETE', `/api/v1/me/tokens/${reader.tokenId}`)).status).toBe(200);
    const revoked = await reader.json('GET', '/api/v1/contacts');
    expect(revoked.status).toBe(401);
    expect(revoked.body.detail).toMatch(/unknown, expired, revoked/);
    await t.db.query("update api_token set expires_at = now() - interval '1 second' where id = $1", [writer.tokenId]);
    expect((await writer.json('GET', '/api/v1/contacts')).status).toBe(401);
  });

  it('expired sessions and disabled accounts no longer work', async () => {
    const admin = await signedIn(t, 'admin');
    const poc = await signedIn(t, 'state_poc', { state: 'AAA' });
    await t.db.query('update user_session set expires_at = now() - interval \'1 minute\' where user_id = $1', [poc.userId]);
    expect((await poc.json('GET', '/api/v1/me')).status).toBe(401);
    const other = await signedIn(t, 'expert', { email: 'to-disable@example.org' });
    expect((await admin.json('PATCH', `/api/v1/users/${other.userId}`, { disabled: true })).status).toBe(200);
    expect((await other.json('GET', '/api/v1/me')).status).toBe(401);
    expect((await anonymous(t).json('POST', '/api/v1/auth/login', { email: 'to-disable@example.org', password: PASSWORD })).status).toBe(401);
  });

  it('keeps at least one active admin', async () => {
    const admin = await signedIn(t, 'admin');
    await t.db.query("update app_user set disabled = true where role = 'admin' and id <> $1", [admin.userId]);
    const disable = await admin.json('PATCH', `/api/v1/users/${admin.userId}`, { disabled: true });
    expect(disable.status).toBe(409);
    expect(disable.body.errors[0]).toMatchObject({ parameter: 'disabled' });
    expect(disable.body.detail).toMatch(/last active admin/);
    const demote = await admin.json('PATCH', `/api/v1/users/${admin.userId}`, { role: 'expert' });
    expect(demote.body.errors[0].parameter).toBe('role');
    expect((await admin.json('GET', '/api/v1/users')).status).toBe(200);
    await t.db.query("update app_user set disabled = false where role = 'admin'");
  });

  it('admins create accounts (generated password shown once) and the policy applies to passwords and scope', async () => {
    const admin = await signedIn(t, 'admin');
    const created = await admin.json('POST', '/api/v1/users', { email: 'new-poc@example.org', displayName: 'New PoC', role: 'state_poc', state: 'bbb' });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ role: 'state_poc', state: 'BBB' });
    expect(created.body.generatedPassword.length).toBeGreaterThanOrEqual(20);
    const weak = await admin.json('POST', '/api/v1/users', { email: 'weak@example.org', displayName: 'W', role: 'expert', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].parameter).toBe('password');
    const noState = await admin.json('POST', '/api/v1/users', { email: 'nostate@example.org', displayName: 'W', role: 'state_poc' });
    expect(noState.body.errors[0]).toMatchObject({ parameter: 'state' });
    const dup = await admin.json('POST', '/api/v1/users', { email: 'NEW-POC@example.org', displayName: 'Dup', role: 'expert' });
    expect(dup.status).toBe(409);
  });
});

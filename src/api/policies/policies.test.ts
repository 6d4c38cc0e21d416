/**
 * Every registered route × every role: the route must have a policy entry, and a real request by each
 * role must be allowed or refused exactly as the policy table says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { anonymous, signedIn, type Client } from '../../../test/helpers/accounts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { buildReferenceData } from '../../../test/helpers/factories.js';
import { PERMISSIONS, ROLES, type Role } from './permissions.js';
import { routePermissions } from './registry.js';
import { OFFLINE_DB } from '../../db/offline.js';

/** A request that satisfies validation for each route, so that only the policy decides. */
const SAMPLES: Record<string, { path?: string; body?: unknown }> = {
  'POST /api/v1/auth/login': { body: { email: 'nobody@example.org', password: 'wrong password 1' } },
  'PATCH /api/v1/me': { body: { displayName: 'Same Name' } },
  'POST /api/v1/me/tokens': { body: { name: 'probe', scope: 'read' } },
  'DELETE /api/v1/me/tokens/:id': { path: '/api/v1/me/tokens/999999' },
  'POST /api/v1/users': { body: { email: 'new-user@example.org', displayName: 'N', role: 'expert' } },
  'PATCH /api/v1/users/:id': { path: '/api/v1/users/999999', body: { displayName: 'x' } },
  'POST /api/v1/users/:id/reset-password': { path: '/api/v1/users/999999/reset-password' },
  'POST /api/v1/contacts': { body: { state: 'BBB', name: 'Probe' } },
  'PUT /api/v1/contacts/:id': { path: '/api/v1/contacts/999999', body: { name: 'x', version: 1 } },
  'DELETE /api/v1/contacts/:id': { path: '/api/v1/contacts/999999' },
  'PATCH /api/v1/states/:iso3/matrix/fields': { body: { fields: [{ field: 'op2.nw.manufacture.legal', version: 0, mark: 'NA' }] } },
  'POST /api/v1/states/:iso3/matrix/accept-open-source': { body: {} },
  'POST /api/v1/states/:iso3/matrix/transitions': { body: { transition: 'share', version: 1 } },
  'POST /api/v1/states/:iso3/matrix/holds': { body: { kind: 'lift' } },
  'POST /api/v1/states/:iso3/matrix/comments': { body: { body: 'A comment' } },
  'POST /api/v1/states/:iso3/submissions': { body: { kind: 'first-report', date: '2004-10-28' } },
  'DELETE /api/v1/states/:iso3/submissions/:id': { path: '/api/v1/states/AAA/submissions/999999' },
};
const fill = (p: string) => p.replace(':iso3', 'AAA').replace(':code', 'tst').replace(':id', '999999');

describe('routes × roles', () => {
  let t: TestApp;
  const clients = new Map<Role, Client>();
  beforeAll(async () => {
    t = await createTestApp('pglite', buildReferenceData());
    clients.set('public', anonymous(t));
    for (const role of ROLES.filter((r) => r !== 'public')) clients.set(role, await signedIn(t, role as Exclude<Role, 'public'>));
  });
  afterAll(async () => { await t.close(); });

  const routes = () => {
    const { app } = createApp({ db: t.db });
    const keys = [...new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`))];
    // Signing out ends the clients' sessions: last.
    return keys.sort((a, b) => Number(a.includes('logout')) - Number(b.includes('logout')));
  };

  it('every API route has a policy entry', () => {
    const missing = routes().filter((key) => !routePermissions.has(key));
    expect(missing).toEqual([]);
    expect(routes().length).toBeGreaterThanOrEqual(20);
  });

  it('each role is allowed or refused as the policy table says', async () => {
    const mismatches: string[] = [];
    for (const key of routes()) {
      const permission = routePermissions.get(key)!;
      const [method, path] = key.split(' ') as [string, string];
      const sample = SAMPLES[key] ?? {};
      for (const role of ROLES) {
        const allowed = (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
        const res = await clients.get(role)!.request(method, sample.path ?? fill(path), sample.body);
        // A refusal by the policy (not, say, a wrong password at sign-in) carries one of these titles.
        const body = /application\/(problem\+)?json/.test(res.headers.get('content-type') ?? '') ? await res.json() as { title?: string } : {};
        const refused = (res.status === 401 || res.status === 403) && ['Sign-in required', 'Forbidden'].includes(body.title ?? '');
        if (refused === allowed) mismatches.push(`${key} as ${role}: ${res.status} (policy: ${allowed ? 'allow' : 'deny'})`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('docs/policies.md', () => {
  it('is the current policy table (run "npm run docs:policies" after changing it)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderPolicyDoc } = await import('./table.js');
    createApp({ db: OFFLINE_DB });
    expect(readFileSync(new URL('../../../docs/policies.md', import.meta.url), 'utf8')).toBe(renderPolicyDoc());
  });
});

/** Accounts and signed-in clients for API tests. */
import type { AccountRole } from '../../src/api/policies/permissions.js';
import { CLI_CONTEXT } from '../../src/services/audit.js';
import { createAccount } from '../../src/services/accounts.js';
import type { TestApp } from './app.js';

export const PASSWORD = 'a sound passphrase 42';

export interface Client {
  role: AccountRole | 'public';
  userId: number | null;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
}

let n = 0;

/** A client with no credentials. */
export function anonymous(t: TestApp): Client {
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(t.request(method, path, body, headers));
  return { role: 'public', userId: null, request, json: jsonOf(request) };
}

function jsonOf(request: Client['request']): Client['json'] {
  return async (method, path, body, headers) => {
    const res = await request(method, path, body, headers);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

/** Creates an account of the role and signs it in; requests carry its cookie and CSRF token. */
export async function signedIn(t: TestApp, role: AccountRole, opts: { state?: string; org?: string; email?: string } = {}): Promise<Client> {
  const email = opts.email ?? `user${++n}-${role}@example.org`;
  const user = await createAccount(t.db, CLI_CONTEXT, {
    email, displayName: `Test ${role}`, role, password: PASSWORD,
    state: role === 'state_poc' ? (opts.state ?? 'AAA') : null, org: role === 'provider' ? (opts.org ?? 'IAEA') : null,
  });
  const res = await t.request('POST', '/api/v1/auth/login', { email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = await res.json() as { csrfToken: string };
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(t.request(method, path, body, { cookie, 'x-csrf-token': csrfToken, ...headers }));
  return { role, userId: user.id, request, json: jsonOf(request) };
}

/** A client using an API token of `scope` created by `owner`. */
export async function withToken(owner: Client, t: TestApp, scope: 'read' | 'read-write'): Promise<Client & { token: string; tokenId: number }> {
  const r = await owner.json('POST', '/api/v1/me/tokens', { name: `t-${scope}`, scope });
  if (r.status !== 201) throw new Error(`token: ${r.status} ${JSON.stringify(r.body)}`);
  const token = r.body.token as string;
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(t.request(method, path, body, { authorization: `Bearer ${token}`, ...headers }));
  return { role: owner.role, userId: owner.userId, request, json: jsonOf(request), token, tokenId: r.body.record.id };
}

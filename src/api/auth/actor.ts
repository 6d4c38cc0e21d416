/**
 * Who is asking: an API token (Authorization: Bearer), a browser session (HttpOnly cookie, with a CSRF
 * token required on every write), or nobody. Sets `actor`, `requestId` and `client` on the context.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { sha256, TOKEN_PREFIX } from '../../core/secrets.js';
import { findSession, useToken } from '../../db/repositories/sessions.js';
import { getUser } from '../../db/repositories/users.js';
import type { AppEnv } from '../env.js';
import { ANONYMOUS, type Actor } from '../policies/permissions.js';
import { HttpProblem } from '../problem.js';

export const SESSION_COOKIE = 'o1540_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signing in or out changes no one's data: a tab that lost its CSRF token can still do either. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login', '/api/v1/auth/logout']);

/** The client's address: the socket's, or the first X-Forwarded-For hop when TRUST_PROXY=1. */
function clientAddress(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  if (process.env.TRUST_PROXY === '1') {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

export const resolveActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  const requestId = randomUUID();
  c.set('requestId', requestId);
  c.set('client', clientAddress(c));
  c.set('actor', ANONYMOUS);
  c.header('x-request-id', requestId);

  const auth = c.req.header('authorization');
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m || !m[1]!.startsWith(TOKEN_PREFIX)) throw new HttpProblem(401, 'Invalid credentials', 'the Authorization header must be "Bearer o1540_…" with an API token');
    const token = await useToken(c.var.db, sha256(m[1]!));
    const user = token && await getUser(c.var.db, token.userId);
    if (!token || !user || user.disabled) throw new HttpProblem(401, 'Invalid credentials', 'this API token is unknown, expired, revoked, or its account is disabled');
    const actor: Actor = { role: user.role, userId: user.id, state: user.state, org: user.org, via: 'token', tokenScope: token.scope, tokenId: token.id };
    c.set('actor', actor);
    return next();
  }

  const sid = getCookie(c, SESSION_COOKIE);
  if (sid) {
    const session = await findSession(c.var.db, sha256(sid));
    const user = session && await getUser(c.var.db, session.userId);
    if (session && user && !user.disabled) {
      if (!SAFE.has(c.req.method) && !CSRF_EXEMPT.has(c.req.path) && c.req.header(CSRF_HEADER) !== session.csrfToken) {
        throw new HttpProblem(403, 'CSRF token missing or wrong', `send the ${CSRF_HEADER} header given at sign-in with every change`);
      }
      c.set('actor', { role: user.role, userId: user.id, state: user.state, org: user.org, via: 'session' });
    }
  }
  return next();
};

/** /api/v1/auth (sign in and out) and /api/v1/me (own profile and API tokens). */
import { z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { listTokens } from '../../../db/repositories/sessions.js';
import { getUser } from '../../../db/repositories/users.js';
import { changeAccount, changeOwnPassword, createToken, login, logout, publicUser, revokeApiToken, SESSION_TTL_SECONDS } from '../../../services/accounts.js';
import { SESSION_COOKIE } from '../../auth/actor.js';
import type { App } from '../../env.js';
import { secured } from '../../policies/registry.js';
import { problemResponses } from '../../problem.js';
import { jsonBody, jsonResponse } from '../openapi.js';
import { writeContext } from '../../writeContext.js';

export const UserSchema = z.object({
  id: z.number().int(), email: z.string(), displayName: z.string(),
  role: z.enum(['state_poc', 'expert', 'committee_member', 'provider', 'admin']),
  state: z.string().nullable(), org: z.string().nullable(), disabled: z.boolean(),
}).openapi('User');
const TokenSchema = z.object({ id: z.number().int(), name: z.string(), scope: z.enum(['read', 'read-write']), createdAt: z.string(), expiresAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() }).openapi('ApiToken');
const Email = z.string().trim().max(254).email('must be an e-mail address');

const loginRoute = secured('auth:login', {
  method: 'post', path: '/api/v1/auth/login', tags: ['Accounts'], summary: 'Sign in: sets an HttpOnly session cookie and returns the CSRF token for writes',
  request: { body: jsonBody(z.object({ email: Email, password: z.string().min(1).max(200) })) },
  responses: { 200: jsonResponse('Signed in', z.object({ user: UserSchema, csrfToken: z.string() })), ...problemResponses },
});
const logoutRoute = secured('auth:logout', {
  method: 'post', path: '/api/v1/auth/logout', tags: ['Accounts'], summary: 'Sign out (ends the session)',
  responses: { 200: jsonResponse('Signed out', z.object({ ok: z.literal(true) })), ...problemResponses },
});
const sessionRoute = secured('auth:session', {
  method: 'get', path: '/api/v1/auth/session', tags: ['Accounts'], summary: 'The signed-in account, or null',
  responses: { 200: jsonResponse('The account', z.object({ user: UserSchema.nullable() })) },
});
const meRoute = secured('profile:read', {
  method: 'get', path: '/api/v1/me', tags: ['Accounts'], summary: 'Own profile and API tokens',
  responses: { 200: jsonResponse('Profile', z.object({ user: UserSchema, tokens: z.array(TokenSchema) })), ...problemResponses },
});
const updateMeRoute = secured('profile:write', {
  method: 'patch', path: '/api/v1/me', tags: ['Accounts'], summary: 'Change own display name or password (the current password is required for a new one)',
  request: { body: jsonBody(z.object({ displayName: z.string().trim().min(1).max(200).optional(), currentPassword: z.string().max(200).optional(), newPassword: z.string().max(200).optional() })) },
  responses: { 200: jsonResponse('Updated', z.object({ user: UserSchema })), ...problemResponses },
});
const createTokenRoute = secured('profile:write', {
  method: 'post', path: '/api/v1/me/tokens', tags: ['Accounts'], summary: 'Create an API token (the secret is shown once)',
  request: { body: jsonBody(z.object({ name: z.string().trim().min(1).max(100), scope: z.enum(['read', 'read-write']), expiresInDays: z.number().int().min(1).max(730).default(365) })) },
  responses: { 201: jsonResponse('Created', z.object({ token: z.string().describe('shown once: store it now'), record: TokenSchema })), ...problemResponses },
});
const revokeTokenRoute = secured('profile:write', {
  method: 'delete', path: '/api/v1/me/tokens/{id}', tags: ['Accounts'], summary: 'Revoke one of your API tokens',
  request: { params: z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonResponse('Revoked', TokenSchema), ...problemResponses },
});

export function registerAuthRoutes(app: App): void {
  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const r = await login(c.var.db, writeContext(c), email, password);
    setCookie(c, SESSION_COOKIE, r.sessionId, {
      httpOnly: true, sameSite: 'Lax', path: '/', maxAge: SESSION_TTL_SECONDS,
      secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
    });
    return c.json({ user: publicUser(r.user), csrfToken: r.csrfToken }, 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const sid = getCookie(c, SESSION_COOKIE);
    if (sid) await logout(c.var.db, writeContext(c), sid);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(sessionRoute, async (c) => {
    const id = c.var.actor.userId;
    const user = id === null ? null : await getUser(c.var.db, id);
    return c.json({ user: user ? publicUser(user) : null }, 200);
  });

  app.openapi(meRoute, async (c) => {
    const user = (await getUser(c.var.db, c.var.actor.userId!))!;
    const tokens = (await listTokens(c.var.db, user.id)).map(({ userId: _u, ...t }) => t);
    return c.json({ user: publicUser(user), tokens }, 200);
  });

  app.openapi(updateMeRoute, async (c) => {
    const body = c.req.valid('json');
    const id = c.var.actor.userId!;
    if (body.newPassword !== undefined) await changeOwnPassword(c.var.db, writeContext(c), id, body.currentPassword ?? '', body.newPassword);
    const user = body.displayName !== undefined ? await changeAccount(c.var.db, writeContext(c), id, { displayName: body.displayName }) : (await getUser(c.var.db, id))!;
    return c.json({ user: publicUser(user) }, 200);
  });

  app.openapi(createTokenRoute, async (c) => {
    const { name, scope, expiresInDays } = c.req.valid('json');
    const { token, record } = await createToken(c.var.db, writeContext(c), c.var.actor.userId!, name, scope, expiresInDays);
    const { userId: _u, ...rest } = record;
    return c.json({ token, record: rest }, 201);
  });

  app.openapi(revokeTokenRoute, async (c) => {
    const { userId: _u, ...rest } = await revokeApiToken(c.var.db, writeContext(c), c.req.valid('param').id, c.var.actor.userId!);
    return c.json(rest, 200);
  });
}

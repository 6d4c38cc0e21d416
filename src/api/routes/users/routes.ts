/** /api/v1/users: account administration (admins). */
import { z } from '@hono/zod-openapi';
import { generatePassword } from '../../../core/passwords.js';
import { listUsers } from '../../../db/repositories/users.js';
import { changeAccount, createAccount, publicUser, setPassword } from '../../../services/accounts.js';
import type { App } from '../../env.js';
import { secured } from '../../policies/registry.js';
import { problemResponses } from '../../problem.js';
import { jsonBody, jsonResponse } from '../openapi.js';
import { writeContext } from '../../writeContext.js';
import { UserSchema } from '../auth/routes.js';

const Role = z.enum(['state_poc', 'expert', 'committee_member', 'provider', 'admin']);
const Iso3 = z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code');
const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

const listRoute = secured('users:read', {
  method: 'get', path: '/api/v1/users', tags: ['Accounts'], summary: 'All accounts (admins)',
  responses: { 200: jsonResponse('Accounts', z.object({ users: z.array(UserSchema) })), ...problemResponses },
});
const createRoute_ = secured('users:write', {
  method: 'post', path: '/api/v1/users', tags: ['Accounts'], summary: 'Create an account; without a password one is generated and returned once',
  request: { body: jsonBody(z.object({
    email: z.string().trim().max(254).email('must be an e-mail address'), displayName: z.string().trim().min(1).max(200), role: Role,
    state: Iso3.optional(), org: z.string().trim().min(1).max(200).optional(), password: z.string().max(200).optional(),
  })) },
  responses: { 201: jsonResponse('Created', z.object({ user: UserSchema, generatedPassword: z.string().optional() })), ...problemResponses },
});
const updateRoute = secured('users:write', {
  method: 'patch', path: '/api/v1/users/{id}', tags: ['Accounts'], summary: 'Change an account: name, role and scope, disabled',
  request: { params: IdParam, body: jsonBody(z.object({ displayName: z.string().trim().min(1).max(200).optional(), role: Role.optional(), state: Iso3.nullable().optional(), org: z.string().trim().min(1).max(200).nullable().optional(), disabled: z.boolean().optional() })) },
  responses: { 200: jsonResponse('Updated', z.object({ user: UserSchema })), ...problemResponses },
});
const resetRoute = secured('users:write', {
  method: 'post', path: '/api/v1/users/{id}/reset-password', tags: ['Accounts'], summary: 'Set a new generated password (returned once) and end the account\'s sessions',
  request: { params: IdParam },
  responses: { 200: jsonResponse('Reset', z.object({ generatedPassword: z.string() })), ...problemResponses },
});

export function registerUserRoutes(app: App): void {
  app.openapi(listRoute, async (c) => c.json({ users: (await listUsers(c.var.db)).map(publicUser) }, 200));

  app.openapi(createRoute_, async (c) => {
    const b = c.req.valid('json');
    const generated = b.password ? undefined : generatePassword();
    const user = await createAccount(c.var.db, writeContext(c), { ...b, password: b.password ?? generated! });
    return c.json({ user: publicUser(user), ...(generated ? { generatedPassword: generated } : {}) }, 201);
  });

  app.openapi(updateRoute, async (c) => {
    const user = await changeAccount(c.var.db, writeContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ user: publicUser(user) }, 200);
  });

  app.openapi(resetRoute, async (c) => {
    const generated = generatePassword();
    await setPassword(c.var.db, writeContext(c), c.req.valid('param').id, generated);
    return c.json({ generatedPassword: generated }, 200);
  });
}

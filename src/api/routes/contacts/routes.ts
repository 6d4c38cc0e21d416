/** /api/v1/contacts: national points of contact (public when published; otherwise by role and State). */
import { z } from '@hono/zod-openapi';
import { addContact, editContact, removeContact, visibleContact, visibleContacts } from '../../../services/contacts.js';
import type { App } from '../../env.js';
import { secured } from '../../policies/registry.js';
import { problemResponses } from '../../problem.js';
import { jsonBody, jsonResponse } from '../openapi.js';
import { writeContext } from '../../writeContext.js';

export const ContactSchema = z.object({
  id: z.number().int(), state: z.string(), name: z.string(), title: z.string().nullable(), organisation: z.string().nullable(),
  email: z.string().nullable(), phone: z.string().nullable(), published: z.boolean(), version: z.number().int(), updatedAt: z.string(),
}).openapi('Contact');
const text = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v ? v : null));
const Fields = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200), title: text(200), organisation: text(300),
  email: z.string().trim().max(254).email('must be an e-mail address').nullable().optional().transform((v) => v ?? null),
  phone: z.string().trim().max(50).regex(/^[+0-9 ().-]*$/, 'may hold digits, spaces and + ( ) . - only').nullable().optional().transform((v) => (v ? v : null)),
  published: z.boolean().default(false).describe('published with the consent of the person and the State'),
});
const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

const listRoute = secured('contacts:read', {
  method: 'get', path: '/api/v1/contacts', tags: ['Points of contact'], summary: 'Points of contact the caller may see',
  request: { query: z.object({ state: z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO3 code').optional().transform((s) => s?.toUpperCase()), q: z.string().max(100).optional() }) },
  responses: { 200: jsonResponse('Contacts', z.object({ contacts: z.array(ContactSchema) })), 400: problemResponses[400] },
});
const getRoute = secured('contacts:read', {
  method: 'get', path: '/api/v1/contacts/{id}', tags: ['Points of contact'], summary: 'One point of contact',
  request: { params: IdParam }, responses: { 200: jsonResponse('Contact', ContactSchema), ...problemResponses },
});
const createRoute_ = secured('contacts:write', {
  method: 'post', path: '/api/v1/contacts', tags: ['Points of contact'], summary: 'Add a point of contact (a State PoC: for its own State)',
  request: { body: jsonBody(Fields.extend({ state: z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO3 code') })) },
  responses: { 201: jsonResponse('Created', ContactSchema), ...problemResponses },
});
const updateRoute = secured('contacts:write', {
  method: 'put', path: '/api/v1/contacts/{id}', tags: ['Points of contact'], summary: 'Replace a point of contact; `version` must be the one read (409 with the current record otherwise)',
  request: { params: IdParam, body: jsonBody(Fields.extend({ version: z.number().int().positive() })) },
  responses: { 200: jsonResponse('Updated', ContactSchema), 409: jsonResponse('Changed by someone else: the current record', z.object({ title: z.string(), status: z.number(), detail: z.string(), current: ContactSchema })), ...problemResponses },
});
const deleteRoute = secured('contacts:write', {
  method: 'delete', path: '/api/v1/contacts/{id}', tags: ['Points of contact'], summary: 'Remove a point of contact',
  request: { params: IdParam }, responses: { 200: jsonResponse('Removed', z.object({ ok: z.literal(true) })), ...problemResponses },
});

export function registerContactRoutes(app: App): void {
  app.openapi(listRoute, async (c) => c.json({ contacts: await visibleContacts(c.var.db, c.var.actor, c.req.valid('query')) }, 200));
  app.openapi(getRoute, async (c) => c.json(await visibleContact(c.var.db, c.var.actor, c.req.valid('param').id), 200));
  app.openapi(createRoute_, async (c) => {
    const { state, ...fields } = c.req.valid('json');
    return c.json(await addContact(c.var.db, writeContext(c), state, fields), 201);
  });
  app.openapi(updateRoute, async (c) => {
    const { version, ...fields } = c.req.valid('json');
    return c.json(await editContact(c.var.db, writeContext(c), c.req.valid('param').id, version, fields), 200);
  });
  app.openapi(deleteRoute, async (c) => {
    await removeContact(c.var.db, writeContext(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
}

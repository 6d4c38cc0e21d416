/** /api/v1/audit: the events the caller may see, the chain's verification, and a JSON-lines export. */
import { z } from '@hono/zod-openapi';
import { listEvents, eventsInOrder } from '../../../db/repositories/audit.js';
import { sealAll, sealingDone, verifyAuditLog } from '../../../services/audit.js';
import type { App } from '../../env.js';
import { canSeeAuditEvent } from '../../policies/permissions.js';
import { secured } from '../../policies/registry.js';
import { problemResponses } from '../../problem.js';
import { jsonBody, jsonResponse } from '../openapi.js';

const EventSchema = z.object({
  seq: z.number().int(), at: z.string(), actorId: z.number().int().nullable(), actorRole: z.string(), via: z.string().describe('session, token:<id>, cli or anonymous'), action: z.string(),
  entityType: z.string(), entityId: z.string().nullable(), state: z.string().nullable(), visibility: z.enum(['public', 'restricted']),
  change: z.object({ before: z.unknown().optional(), after: z.unknown().optional() }), requestId: z.string().nullable(), client: z.string().nullable(),
  chainPos: z.number().int().nullable().describe('place in the hash chain; null until sealed (within moments of the write)'),
  prevHash: z.string().nullable(), hash: z.string().nullable(),
}).openapi('AuditEvent');

const listRoute = secured('audit:read', {
  method: 'get', path: '/api/v1/audit/events', tags: ['Audit'], summary: 'Audit events the caller may see, newest first',
  request: { query: z.object({
    entityType: z.string().max(50).optional(), entityId: z.string().max(50).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().positive().optional(),
  }) },
  responses: { 200: jsonResponse('Events', z.object({ events: z.array(EventSchema) })), 400: problemResponses[400] },
});
const verifyRoute = secured('audit:read', {
  method: 'get', path: '/api/v1/audit/verify', tags: ['Audit'], summary: 'Walks the whole hash chain; names the first event that does not match',
  responses: { 200: jsonResponse('Result', z.object({ ok: z.boolean(), checked: z.number().int(), seq: z.number().int().optional(), reason: z.string().optional(), lastHash: z.string().optional(), redacted: z.number().int().optional(), unsealed: z.number().int().optional() })) },
});
const exportRoute = secured('audit:read', {
  method: 'get', path: '/api/v1/audit/export', tags: ['Audit'],
  summary: 'The whole log as JSON lines, for offline verification (`open1540 audit verify --file`); restricted events the caller may not see are exported as their hashes only',
  responses: { 200: { description: 'JSON lines', content: { 'application/x-ndjson': { schema: { type: 'string' as const } } } } },
});

export function registerAuditRoutes(app: App): void {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const events = (await listEvents(c.var.db, { ...q, limit: q.limit })).filter((e) => canSeeAuditEvent(c.var.actor, e));
    return c.json({ events }, 200);
  });

  app.openapi(verifyRoute, async (c) => c.json(await verifyAuditLog(c.var.db), 200));

  app.openapi(exportRoute, async (c) => {
    await sealingDone(c.var.db);
    await sealAll(c.var.db);
    const lines: string[] = [];
    for await (const e of eventsInOrder(c.var.db)) {
      lines.push(JSON.stringify(canSeeAuditEvent(c.var.actor, e) ? e : { seq: e.seq, chainPos: e.chainPos, prevHash: e.prevHash, hash: e.hash, redacted: true }));
    }
    return new Response(lines.join('\n') + (lines.length ? '\n' : ''), {
      headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': 'attachment; filename="open1540-audit.jsonl"' },
    }) as never;
  });
}

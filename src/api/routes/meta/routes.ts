/** /api/v1/meta: what build and which data release is being served. */
import { z } from '@hono/zod-openapi';
import { secured } from '../../policies/registry.js';
import { latestRelease } from '../../../db/repositories/releases.js';
import type { App } from '../../env.js';

export const metaRoute = secured('reference:read', {
  method: 'get', path: '/api/v1/meta', tags: ['Meta'], summary: 'Version, database engine and the reference-data release loaded',
  responses: {
    200: {
      description: 'About this server',
      content: { 'application/json': { schema: z.object({
        name: z.string(), version: z.string(), database: z.enum(['pglite', 'postgres']),
        dataRelease: z.object({ hash: z.string(), loadedAt: z.string(), summary: z.record(z.string(), z.string()) }).nullable(),
        licence: z.object({ code: z.string(), data: z.string() }),
      }).openapi('Meta') } },
    },
  },
});

export function registerMetaRoutes(app: App, version: string): void {
  app.openapi(metaRoute, async (c) => {
    const r = await latestRelease(c.var.db);
    return c.json({
      name: 'open1540', version, database: c.var.db.kind,
      dataRelease: r ? { hash: r.hash, loadedAt: r.loadedAt, summary: r.summary } : null,
      licence: { code: 'Apache-2.0', data: 'CC BY 4.0' },
    }, 200);
  });
}

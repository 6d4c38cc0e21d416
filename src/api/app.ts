/** The HTTP application: API routes, OpenAPI document, docs, and the web app, on one server. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Db } from '../db/connection.js';
import { AccountError } from '../services/accounts.js';
import { sealSoon } from '../services/audit.js';
import { ConflictError } from '../services/contacts.js';
import { ServiceError } from '../services/errors.js';
import { resolveActor } from './auth/actor.js';
import { securedPlain } from './policies/registry.js';
import { registerAuditRoutes } from './routes/audit/routes.js';
import { registerMatrixRoutes } from './routes/matrix/routes.js';
import { registerAuthRoutes } from './routes/auth/routes.js';
import { registerContactRoutes } from './routes/contacts/routes.js';
import { registerUserRoutes } from './routes/users/routes.js';
import { DOCS_CSS, renderDocs } from './docsPage.js';
import type { AppEnv } from './env.js';
import { rewriteExtension } from './formats.js';
import { HttpProblem, problemResponse } from './problem.js';
import { responseCache } from './responseCache.js';
import { registerInstrumentRoutes } from './routes/instruments/routes.js';
import { registerMetaRoutes } from './routes/meta/routes.js';
import { registerStateRoutes } from './routes/states/routes.js';
import { registerUniversalityRoutes } from './routes/universality/routes.js';
import { securityHeaders } from './security.js';
import { serveWebApp } from './staticFiles.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export const MAX_BODY_BYTES = 256 * 1024;
/** File uploads (a State's matrix as XLSX) may be larger. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const bodyLimitFor = (path: string) => (/^\/api\/v1\/states\/[^/]+\/matrix\/import$/.test(path) ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES);

export interface AppOptions { db: Db; webRoot?: string; log?: (line: string) => void; releaseTtlMs?: number }

/** Builds the application; `fetch` is what the server (or a test) calls. */
export function createApp({ db, webRoot = join(ROOT, 'web', 'dist'), log, releaseTtlMs }: AppOptions) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const errors = result.error.issues.map((i) => ({ parameter: i.path.join('.') || result.target, in: result.target, message: i.message }));
      throw new HttpProblem(400, 'Invalid request', errors.map((e) => `${e.parameter}: ${e.message}`).join('; '), errors);
    },
  });
  app.use('*', securityHeaders);
  app.use('/api/*', async (c, next) => { c.set('db', db); await next(); });
  app.use('/api/*', async (c, next) => {
    // Announced too large: read (and drop) what was sent, up to a cap, so the client receives the answer.
    const length = Number(c.req.header('content-length') ?? 0);
    const max = bodyLimitFor(c.req.path);
    if (length > max) {
      if (length <= 8 * max * 4) await c.req.raw.arrayBuffer().catch(() => undefined);
      throw new HttpProblem(413, 'Request body too large', `send at most ${max / 1024} KiB`);
    }
    await next();
  });
  for (const max of new Set([MAX_BODY_BYTES, MAX_UPLOAD_BYTES])) {
    const limit = bodyLimit({ maxSize: max, onError: () => { throw new HttpProblem(413, 'Request body too large', `send at most ${max / 1024} KiB`); } });
    app.use('/api/*', async (c, next) => (bodyLimitFor(c.req.path) === max ? limit(c, next) : next()));
  }
  app.use('/api/*', resolveActor);
  // Writes leave audit events to seal: off the request path, after the response is ready.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) sealSoon(db);
  });
  // Answers drawn only from the reference data are cached per data release.
  app.use('/api/v1/*', responseCache(db, { releaseTtlMs, paths: /^\/api\/v1\/(?!states\/[^/]+\/(matrix|submissions))(states|instruments|universality)(\/|$)/ }));

  registerStateRoutes(app);
  registerInstrumentRoutes(app);
  registerUniversalityRoutes(app);
  registerMetaRoutes(app, VERSION);
  registerAuthRoutes(app);
  registerUserRoutes(app);
  registerContactRoutes(app);
  registerAuditRoutes(app);
  registerMatrixRoutes(app);

  const openapi = () => app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'open1540', version: VERSION,
      description: 'The open information system for UN Security Council resolution 1540 (2004): States, instruments and treaty universality, with sources.',
      license: { name: 'Apache-2.0 (code); CC BY 4.0 (data)' },
    },
    servers: [{ url: '/' }],
  });
  app.get('/api/openapi.json', securedPlain('GET', '/api/openapi.json', 'reference:read'), (c) => c.json(openapi()));
  app.get('/api/docs', securedPlain('GET', '/api/docs', 'reference:read'), (c) => c.html(renderDocs(openapi() as unknown as Parameters<typeof renderDocs>[0])));
  app.get('/api/docs.css', securedPlain('GET', '/api/docs.css', 'reference:read'), (c) => c.body(DOCS_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));
  app.all('/api/*', (c) => problemResponse(c, new HttpProblem(404, 'Not found', `no API route ${c.req.method} ${new URL(c.req.url).pathname}; see /api/docs`)));
  app.get('*', serveWebApp(webRoot));

  app.onError((err, c) => {
    if (err instanceof HttpProblem) return problemResponse(c, err);
    if (err instanceof AccountError) {
      return problemResponse(c, new HttpProblem(err.status, err.status === 401 ? 'Not signed in' : err.status === 429 ? 'Too many attempts' : 'Request refused', err.message,
        err.field ? [{ parameter: err.field, in: 'body', message: err.message }] : undefined));
    }
    if (err instanceof ServiceError) {
      const p = new HttpProblem(err.status as HttpProblem['status'], err.status === 409 ? 'Conflict' : err.status === 404 ? 'Not found' : 'Request refused', err.message,
        err.field ? [{ parameter: err.field, in: 'body', message: err.message }] : undefined);
      if (!err.details) return problemResponse(c, p);
      // Conflicts carry the current values beside the problem (as the contacts' 409 carries `current`).
      const body = { type: `https://open1540.org/problems/${err.status}`, title: p.title, status: err.status, detail: err.message, instance: new URL(c.req.url).pathname, ...(p.errors ? { errors: p.errors } : {}), ...err.details };
      return c.json(body, err.status, { 'content-type': 'application/problem+json' });
    }
    if (err instanceof ConflictError) {
      return c.json({ type: 'https://open1540.org/problems/409', title: 'Conflict', status: 409, detail: err.message, current: err.current }, 409, { 'content-type': 'application/problem+json' });
    }
    if (err instanceof HTTPException) {
      const status = err.status as HttpProblem['status'];
      return problemResponse(c, new HttpProblem(status, status === 400 ? 'Invalid request' : 'Request refused', err.message || 'the request could not be read'));
    }
    log?.(`error ${c.req.method} ${c.req.url}: ${err.stack ?? err.message}`);
    return problemResponse(c, new HttpProblem(500, 'Internal error', 'the server could not answer this request; it has been logged'));
  });

  return {
    app,
    openapi,
    fetch: (req: Request) => app.fetch(rewriteExtension(req)),
  };
}

/**
 * Responses computed from reference data change only when a new data release is loaded, so they are
 * cached per release: the body (and its gzip form) is kept in memory, keyed by the release, the URL and
 * the format asked for, and served with an ETag. The release is re-read from the database at most once a
 * second, so a release loaded by another server on the same PostgreSQL database is picked up within a second.
 */
import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { ReadDb } from '../db/connection.js';
import { latestReleaseId } from '../db/repositories/releases.js';

type Bytes = Uint8Array<ArrayBuffer>;
interface Entry { status: number; headers: [string, string][]; body: Bytes; gzip: Bytes | null; etag: string }

export interface ResponseCacheOptions { maxEntries?: number; releaseTtlMs?: number; /** which paths are cached */ paths: RegExp }

/** A cache middleware for GET routes whose answers depend only on the reference data. */
export function responseCache(db: ReadDb, opts: ResponseCacheOptions): MiddlewareHandler {
  const maxEntries = opts.maxEntries ?? 500;
  const ttl = opts.releaseTtlMs ?? 1000;
  const entries = new Map<string, Entry>();
  let release: { id: number; checkedAt: number } | null = null;
  let pending: Promise<number> | null = null;

  const currentRelease = async (): Promise<number> => {
    const now = Date.now();
    if (release && now - release.checkedAt < ttl) return release.id;
    pending ??= latestReleaseId(db).then((id) => {
      if (release?.id !== id) entries.clear();
      release = { id, checkedAt: Date.now() };
      pending = null;
      return id;
    }, (e) => { pending = null; throw e; });
    return pending;
  };

  return async (c, next) => {
    if (c.req.method !== 'GET' || !opts.paths.test(c.req.path)) return next();
    const id = await currentRelease();
    const accept = c.req.header('accept') ?? '';
    const key = `${id} ${accept.includes('spreadsheetml') ? 'xlsx' : accept.includes('text/csv') ? 'csv' : 'json'} ${c.req.url}`;
    const gzipOk = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    let entry = entries.get(key);
    if (!entry) {
      await next();
      const res = c.res;
      if (res.status !== 200) return;
      const body = new Uint8Array(await res.arrayBuffer());
      entry = {
        status: res.status, headers: [...res.headers.entries()], body,
        gzip: body.length > 1024 ? new Uint8Array(gzipSync(body)) : null,
        etag: `"r${id}-${(entries.size + Date.now()).toString(36)}"`,
      };
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, entry);
    } else {
      // Most recently used last, so the oldest entry is evicted first.
      entries.delete(key);
      entries.set(key, entry);
    }
    if (c.req.header('if-none-match') === entry.etag) {
      c.res = new Response(null, { status: 304, headers: { etag: entry.etag } });
      return;
    }
    const headers = new Headers(entry.headers);
    headers.set('etag', entry.etag);
    headers.set('vary', 'accept, accept-encoding');
    headers.set('cache-control', 'public, max-age=60');
    if (gzipOk && entry.gzip) {
      headers.set('content-encoding', 'gzip');
      headers.set('content-length', String(entry.gzip.length));
      c.res = new Response(entry.gzip, { status: entry.status, headers });
    } else {
      headers.set('content-length', String(entry.body.length));
      c.res = new Response(entry.body, { status: entry.status, headers });
    }
  };
}

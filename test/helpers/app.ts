/** An application over a test database loaded with the given reference data. */
import { createApp } from '../../src/api/app.js';
import type { ReferenceData } from '../../src/core/referenceData.js';
import type { Db } from '../../src/db/connection.js';
import { loadReferenceData } from '../../src/db/loadReference.js';
import { createTestDb, type Engine } from './db.js';
import { loadCatalogue } from '../../src/db/loadCatalogue.js';
import { buildEdition } from './factories.js';

export interface TestApp {
  db: Db;
  get(path: string, headers?: Record<string, string>): Promise<Response> | Response;
  /** Any method; a body that is not a string is sent as JSON. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response> | Response;
  json<T = any>(path: string): Promise<{ status: number; body: T; type: string }>;
  close(): Promise<void>;
}

/** The reference data and a matrix catalogue (the small test edition unless `catalogue` is given) are loaded. */
export async function createTestApp(engine: Engine, data: ReferenceData, opts: { releaseTtlMs?: number; catalogue?: unknown[] } = {}): Promise<TestApp> {
  const db = await createTestDb(engine);
  await loadReferenceData(db, data, 'test');
  await loadCatalogue(db, (opts.catalogue ?? [buildEdition()]).map((content, i) => ({ file: `test-edition-${i}.json`, content })));
  const { fetch } = createApp({ db, ...opts });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(new Request(`http://localhost${path}`, { headers }));
  // Strings and bytes (files) are sent as they are; anything else as JSON.
  const raw = (b: unknown): b is string | Uint8Array => typeof b === 'string' || b instanceof Uint8Array;
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => fetch(new Request(`http://localhost${path}`, {
    method, headers: body === undefined || raw(body) ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : raw(body) ? body as BodyInit : JSON.stringify(body),
  }));
  return {
    db, get, request,
    async json(path: string) {
      const res = await get(path);
      return { status: res.status, body: await res.json(), type: res.headers.get('content-type') ?? '' };
    },
    close: () => db.close(),
  };
}

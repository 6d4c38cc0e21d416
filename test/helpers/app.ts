/** An application over a test database loaded with the given reference data. */
import { createApp } from '../../src/api/app.js';
import type { ReferenceData } from '../../src/core/referenceData.js';
import type { Db } from '../../src/db/connection.js';
import { loadReferenceData } from '../../src/db/loadReference.js';
import { createTestDb, type Engine } from './db.js';

export interface TestApp {
  db: Db;
  get(path: string, headers?: Record<string, string>): Promise<Response> | Response;
  /** Any method; a body that is not a string is sent as JSON. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response> | Response;
  json<T = any>(path: string): Promise<{ status: number; body: T; type: string }>;
  close(): Promise<void>;
}

export async function createTestApp(engine: Engine, data: ReferenceData, opts: { releaseTtlMs?: number } = {}): Promise<TestApp> {
  const db = await createTestDb(engine);
  await loadReferenceData(db, data, 'test');
  const { fetch } = createApp({ db, ...opts });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(new Request(`http://localhost${path}`, { headers }));
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => fetch(new Request(`http://localhost${path}`, {
    method, headers: body === undefined || typeof body === 'string' ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
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

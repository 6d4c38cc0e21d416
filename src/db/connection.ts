/**
 * One database interface over two engines: embedded PGlite (default, data in a local folder) and a
 * PostgreSQL server (DATABASE_URL). Both speak the same SQL; type parsing is aligned so that dates come
 * back as YYYY-MM-DD strings and 64-bit integers as numbers on either engine.
 */
import { mkdirSync } from 'node:fs';

/** Read-only access: what read paths (API GETs, exports) are given. */
export interface ReadDb {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Read-write access: migrations, data loads and workflow writes. */
export interface Db extends ReadDb {
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; 'memory://' for an in-memory database. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (tests). */
  loadDataDir?: Blob;
}

/** Opens the database named by the options (or DATABASE_URL / DATA_DIR from the environment). */
export async function openDb(opts: OpenOptions = {}): Promise<Db> {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  const dataDir = opts.dataDir ?? `${process.env.DATA_DIR ?? './var'}/db`;
  return openPglite(dataDir, opts.loadDataDir);
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir.startsWith('memory://') ? undefined : dataDir, {
    loadDataDir,
    parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v), [NUMERIC_OID]: (v: string) => Number(v) },
  });
  type Tx = { query: typeof pg.query; exec: typeof pg.exec };
  const wrap = (t: Tx, inTx: boolean): Db => ({
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) { return (await t.query<T>(sql, params)).rows; },
    async exec(sql: string) { await t.exec(sql); },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (inTx) return fn(wrap(t, true));
      return pg.transaction((tx) => fn(wrap(tx as unknown as Tx, true)));
    },
    async close() { if (!inTx) await pg.close(); },
  });
  const db = wrap(pg as unknown as Tx, false);
  return Object.assign(db, { dumpDataDir: () => pg.dumpDataDir('none') });
}

async function openPostgres(url: string): Promise<Db> {
  const pgmod = await import('pg');
  const pg = pgmod.default;
  pg.types.setTypeParser(DATE_OID, (v: string) => v);
  pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));
  pg.types.setTypeParser(NUMERIC_OID, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  let closing = false;
  // An idle connection that the server drops must not bring the process down; the pool replaces it.
  pool.on('error', (e: Error) => { if (!closing) console.error(`database connection lost: ${e.message}`); });
  // Fail at open, with a clear message, rather than at the first request.
  await pool.query('select 1').catch((e: Error) => {
    throw new Error(`cannot reach the PostgreSQL server named by DATABASE_URL: ${e.message}`);
  });
  type Client = { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> };
  const wrap = (c: Client, inTx: boolean): Db => ({
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) { return (await c.query(sql, params)).rows as T[]; },
    async exec(sql: string) { await c.query(sql); },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (inTx) return fn(wrap(c, true));
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(wrap(client, true));
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback');
        throw e;
      } finally {
        client.release();
      }
    },
    async close() { if (!inTx) { closing = true; await pool.end(); } },
  });
  return wrap(pool, false);
}

/** Database tests run on both engines: an in-memory PGlite and a fresh database on the test PostgreSQL server. */
import { inject } from 'vitest';
import pg from 'pg';
import { openDb, type Db } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { sealingDone } from '../../src/services/audit.js';

export type Engine = 'pglite' | 'postgres';

/** The engines available in this run (PostgreSQL when the global setup started it). */
export function engines(): Engine[] {
  return inject('pgUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

let counter = 0;

/** A new, migrated, empty database on the engine. Close it with `db.close()` (PostgreSQL databases are dropped). */
export async function createTestDb(engine: Engine): Promise<Db> {
  let db: Db;
  if (engine === 'pglite') db = await openDb({ databaseUrl: '', dataDir: 'memory://' });
  else {
    const base = inject('pgUrl');
    const name = `t_${process.pid}_${Date.now()}_${counter++}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = base.replace(/\/postgres$/, `/${name}`);
    const inner = await openDb({ databaseUrl: url });
    const closeInner = inner.close.bind(inner);
    db = Object.assign(inner, {
      async close() {
        await closeInner();
        const a = new pg.Client({ connectionString: base });
        await a.connect();
        // Without force first: the pool's connections close asynchronously, and killing them raises errors.
        for (let i = 0; ; i++) {
          try { await a.query(`drop database if exists ${name}${i >= 20 ? ' with (force)' : ''}`); break; } catch (e) {
            if (i >= 20) throw e;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
        await a.end();
      },
    });
  }
  await migrate(db);
  // The background sealer may still be at work after a test's last write: let it finish before closing.
  const close = db.close.bind(db);
  return Object.assign(db, { close: async () => { await sealingDone(db); await close(); } });
}

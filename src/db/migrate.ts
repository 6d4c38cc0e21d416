/** Applies the numbered SQL migrations in src/db/migrations, each once, in order, in a transaction. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './connection.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 1540_0001;

export interface Migration { version: number; name: string; sql: string }

/** The migrations shipped with this build, in order. */
export function listMigrations(): Migration[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.replace(/\.sql$/, ''), sql: readFileSync(join(DIR, f), 'utf8') }));
}

/** Applies pending migrations; returns the names of those applied. Safe to run concurrently on PostgreSQL. */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`create table if not exists schema_migration (
    version int primary key, name text not null, applied_at timestamptz not null default now())`);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migration')).map((r) => r.version));
    const applied: string[] = [];
    for (const m of listMigrations()) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migration (version, name) values ($1, $2)', [m.version, m.name]);
      applied.push(m.name);
    }
    return applied;
  });
}

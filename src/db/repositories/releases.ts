/** Data releases: one row per load of the reference files, with what changed. */
import type { Db, ReadDb } from '../connection.js';

export interface DataRelease { id: number; hash: string; loadedAt: string; origin: string; summary: Record<string, string> }

/** The latest release loaded, or null on an empty database. */
export async function latestRelease(db: ReadDb): Promise<DataRelease | null> {
  const rows = await db.query<{ id: number; hash: string; loaded_at: Date; origin: string; summary: Record<string, string> }>(
    'select id, hash, loaded_at, origin, summary from data_release order by id desc limit 1');
  const r = rows[0];
  return r ? { id: r.id, hash: r.hash, loadedAt: new Date(r.loaded_at).toISOString(), origin: r.origin, summary: r.summary } : null;
}

/** Records a release. */
export async function recordRelease(tx: Db, hash: string, origin: string, summary: Record<string, string>): Promise<void> {
  await tx.query('insert into data_release (hash, origin, summary) values ($1, $2, $3)', [hash, origin, JSON.stringify(summary)]);
}

/** The id of the latest release (0 on an empty database): cheap enough to ask on every request. */
export async function latestReleaseId(db: ReadDb): Promise<number> {
  const rows = await db.query<{ id: number | null }>('select max(id) as id from data_release');
  return rows[0]?.id ?? 0;
}

/** Sources: the documents and pages every reference record cites. */
import type { Source } from '../../core/types.js';
import type { Db, ReadDb } from '../connection.js';
import { upsertRows } from './bulk.js';

interface SourceRow { id: string; title: string; publisher: string | null; url: string | null; consulted: string | null; note: string | null }

function toSource(r: SourceRow): Source {
  const s: Source = { id: r.id, title: r.title };
  if (r.publisher) s.publisher = r.publisher;
  if (r.url) s.url = r.url;
  if (r.consulted) s.consulted = r.consulted;
  if (r.note) s.note = r.note;
  return s;
}

/** Sources by id (all when `ids` is omitted). */
export async function listSources(db: ReadDb, ids?: readonly string[]): Promise<Source[]> {
  const rows = ids
    ? await db.query<SourceRow>('select * from source where id = any($1::text[]) order by id', [ids])
    : await db.query<SourceRow>('select * from source order by id');
  return rows.map(toSource);
}

/** Inserts or updates sources. */
export async function upsertSources(tx: Db, sources: readonly Source[]): Promise<void> {
  const rows = sources.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher ?? null, url: s.url ?? null, consulted: s.consulted ?? null, note: s.note ?? null }));
  await upsertRows(tx, 'source', ['id'], ['id', 'title', 'publisher', 'url', 'consulted', 'note'], rows);
}

/** Batched writes: one statement per batch through jsonb_populate_recordset (one-row INSERTs are slow). */
import type { Db } from '../connection.js';

const BATCH = 2000;

/** Inserts or updates rows (objects keyed by column name) in `table`, matching on `key` columns. */
export async function upsertRows(tx: Db, table: string, key: readonly string[], columns: readonly string[], rows: readonly object[]): Promise<void> {
  const cols = columns.join(', ');
  const updates = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`).join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.query(
      `insert into ${table} (${cols}) select ${cols} from jsonb_populate_recordset(null::${table}, $1::jsonb)
       on conflict (${key.join(', ')}) do ${updates ? `update set ${updates}` : 'nothing'}`,
      [JSON.stringify(rows.slice(i, i + BATCH))],
    );
  }
}

/** Deletes rows whose single key column is in `ids`. */
export async function deleteRows(tx: Db, table: string, keyColumn: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(`delete from ${table} where ${keyColumn} = any($1::text[])`, [ids]);
}

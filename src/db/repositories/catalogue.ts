/** Catalogue editions and their fields. */
import type { CatalogueEdition, CatalogueField, MatrixColumn, MatrixSectionId, MatrixWeapon } from '../../core/matrixTypes.js';
import type { Db, ReadDb } from '../connection.js';

export interface EditionSummary { id: string; title: string; reconstructed: string | null; resolutions: string[]; sources: string[]; fieldCount: number; loadedAt: string }

export async function editionHashes(db: ReadDb): Promise<Map<string, string>> {
  return new Map((await db.query<{ id: string; hash: string }>('select id, hash from matrix_edition')).map((r) => [r.id, r.hash]));
}

/** Field ids of the edition that some State's matrix has a revision for. */
export async function fieldsInUse(db: ReadDb, edition: string): Promise<string[]> {
  return (await db.query<{ field: string }>(
    'select distinct e.field from matrix_entry e join state_matrix m on m.id = e.matrix_id where m.edition = $1', [edition])).map((r) => r.field);
}

export async function replaceEdition(tx: Db, e: CatalogueEdition, hash: string, fields: CatalogueField[]): Promise<void> {
  await tx.query(
    `insert into matrix_edition (id, title, reconstructed, resolutions, sources, definition, hash) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (id) do update set title = excluded.title, reconstructed = excluded.reconstructed, resolutions = excluded.resolutions,
       sources = excluded.sources, definition = excluded.definition, hash = excluded.hash, loaded_at = now()`,
    [e.id, e.title, e.reconstructed, e.resolutions, e.sources, JSON.stringify(e), hash]);
  await tx.query('delete from matrix_field where edition = $1', [e.id]);
  await tx.query(
    `insert into matrix_field (edition, id, section, tbl, row_id, weapon, col, label, refs, instruments, ord)
     select $1, f.id, f.section, f.tbl, f.row_id, f.weapon, f.col, f.label,
       array(select jsonb_array_elements_text(f.refs)), array(select jsonb_array_elements_text(f.instruments)), f.ord
     from jsonb_to_recordset($2::jsonb) as f(id text, section text, tbl text, row_id text, weapon text, col text, label text, refs jsonb, instruments jsonb, ord int)`,
    [e.id, JSON.stringify(fields.map((f) => ({ id: f.id, section: f.section, tbl: f.table, row_id: f.row, weapon: f.weapon, col: f.column, label: f.label, refs: f.refs, instruments: f.instruments, ord: f.order })))]);
}

export async function listEditions(db: ReadDb): Promise<EditionSummary[]> {
  return (await db.query<{ id: string; title: string; reconstructed: string | null; resolutions: string[]; sources: string[]; n: number; loaded_at: Date }>(
    `select e.id, e.title, e.reconstructed, e.resolutions, e.sources, e.loaded_at, (select count(*)::int from matrix_field f where f.edition = e.id) as n
     from matrix_edition e order by e.id`)).map((r) => ({
    id: r.id, title: r.title, reconstructed: r.reconstructed, resolutions: r.resolutions, sources: r.sources, fieldCount: r.n, loadedAt: new Date(r.loaded_at).toISOString(),
  }));
}

export async function getEdition(db: ReadDb, id: string): Promise<CatalogueEdition | null> {
  return (await db.query<{ definition: CatalogueEdition }>('select definition from matrix_edition where id = $1', [id]))[0]?.definition ?? null;
}

export async function editionFields(db: ReadDb, edition: string): Promise<CatalogueField[]> {
  return (await db.query<{ id: string; section: string; tbl: string; row_id: string; weapon: string; col: string; label: string; refs: string[]; instruments: string[]; ord: number }>(
    'select * from matrix_field where edition = $1 order by ord', [edition])).map((r) => ({
    id: r.id, section: r.section as MatrixSectionId, table: r.tbl, row: r.row_id, weapon: r.weapon as MatrixWeapon, column: r.col as MatrixColumn,
    label: r.label, refs: r.refs, instruments: r.instruments, order: r.ord,
  }));
}

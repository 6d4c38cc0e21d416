/**
 * Loads the catalogue editions into the database: each edition is validated (against the instrument codes and
 * source ids of the reference data), then inserted, or replaced when its file changed. Unchanged editions are
 * left alone. Editions already used by a State's matrix keep their fields' ids: a changed file that removes a
 * field in use is refused.
 */
import { expandFields, validateEdition } from '../core/catalogue.js';
import type { CatalogueEdition } from '../core/matrixTypes.js';
import { hashOf } from '../core/recordDiff.js';
import type { EditionFile } from '../ingest/matrixFiles.js';
import type { Db } from './connection.js';
import { editionHashes, fieldsInUse, replaceEdition } from './repositories/catalogue.js';

export class InvalidCatalogue extends Error {
  constructor(readonly problems: string[]) { super(`the matrix catalogue has ${problems.length} problem(s): ${problems.slice(0, 5).join('; ')}`); }
}

/** Validates every file; returns the editions, or the problems, each naming its file. */
export function checkCatalogue(files: EditionFile[], instruments: ReadonlySet<string>, sources: ReadonlySet<string>): { editions: CatalogueEdition[]; problems: string[] } {
  const editions: CatalogueEdition[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const f of files) {
    const r = validateEdition(f.content, instruments, sources);
    for (const e of r.errors) problems.push(`${f.file}: ${e}`);
    if (!r.edition) continue;
    if (ids.has(r.edition.id)) problems.push(`${f.file}: edition id "${r.edition.id}" is used by another file`);
    ids.add(r.edition.id);
    editions.push(r.edition);
  }
  return { editions, problems };
}

export async function loadCatalogue(db: Db, files: EditionFile[]): Promise<string[]> {
  const known = (sql: string) => db.query<{ id: string }>(sql).then((rows) => new Set(rows.map((r) => r.id)));
  const { editions, problems } = checkCatalogue(files, await known('select code as id from instrument'), await known('select id from source'));
  if (problems.length) throw new InvalidCatalogue(problems);
  const hashes = await editionHashes(db);
  const loaded: string[] = [];
  for (const e of editions) {
    const hash = hashOf(e);
    if (hashes.get(e.id) === hash) continue;
    const fields = expandFields(e);
    await db.transaction(async (tx) => {
      const ids = new Set(fields.map((f) => f.id));
      const lost = (await fieldsInUse(tx, e.id)).filter((f) => !ids.has(f));
      if (lost.length) throw new InvalidCatalogue([`edition ${e.id}: fields in use by State matrices would be removed: ${lost.slice(0, 10).join(', ')}`]);
      await replaceEdition(tx, e, hash, fields);
    });
    loaded.push(`${e.id} (${fields.length} fields)`);
  }
  return loaded;
}

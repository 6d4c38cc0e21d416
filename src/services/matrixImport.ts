/**
 * Re-importing an XLSX export of a State's draft: the cells the expert changed become revisions (all or
 * nothing), cells changed meanwhile by someone else are reported field by field as conflicts, and a file
 * with no change changes nothing.
 */
import { sameValue } from '../core/matrixEntries.js';
import type { Db } from '../db/connection.js';
import { currentEntries, openMatrix } from '../db/repositories/matrix.js';
import { parseMatrixXlsx } from '../reports/matrixXlsx.js';
import type { WriteContext } from './audit.js';
import { ServiceError } from './errors.js';
import { fieldsOf, requireState } from './matrix.js';
import { MatrixConflict, saveEntries, type EntryChange, type FieldConflict } from './matrixEdits.js';

export async function importMatrixXlsx(db: Db, ctx: WriteContext, iso3In: string, file: Uint8Array, opts: { dryRun?: boolean } = {}) {
  const iso3 = await requireState(db, iso3In);
  const m = await openMatrix(db, iso3);
  if (!m) throw new ServiceError(404, `${iso3} has no draft matrix to import into; start one first`, 'iso3');
  const parsed = await parseMatrixXlsx(file, await fieldsOf(db, m.edition));
  if (parsed.problems.length) {
    throw new ServiceError(400, `the workbook has ${parsed.problems.length} problem(s); nothing was imported: ${parsed.problems.slice(0, 5).map((p: { sheet: string; cell: string; message: string }) => `${p.sheet}!${p.cell}: ${p.message}`).join('; ')}`, 'file', { problems: parsed.problems });
  }
  if (parsed.iso3 && parsed.iso3 !== iso3) throw new ServiceError(400, `this workbook is the matrix of ${parsed.iso3}, not of ${iso3}`, 'file');
  if (parsed.edition && parsed.edition !== m.edition) throw new ServiceError(400, `this workbook uses the catalogue edition ${parsed.edition}; the draft uses ${m.edition}`, 'file');

  const current = new Map((await currentEntries(db, m.id)).map((r) => [r.field, r]));
  const changes: EntryChange[] = [];
  const conflicts: FieldConflict[] = [];
  const unchanged: string[] = [];
  for (const e of parsed.entries) {
    const cur = current.get(e.field);
    const value = { mark: e.mark, evidence: e.evidence, remarks: e.remarks };
    const same = cur ? sameValue(cur, { ...value, provenance: cur.provenance }) : !e.mark && !e.evidence.length && !e.remarks;
    if (same) { unchanged.push(e.field); continue; }
    if ((cur?.version ?? 0) !== e.version) {
      conflicts.push({ field: e.field, yourVersion: e.version, current: cur ? { mark: cur.mark, evidence: cur.evidence, remarks: cur.remarks, provenance: cur.provenance, version: cur.version } : null });
      continue;
    }
    changes.push({ field: e.field, version: e.version, ...value });
  }
  if (conflicts.length) throw new MatrixConflict(conflicts);
  if (!changes.length || opts.dryRun) return { matrix: m.id, saved: opts.dryRun ? changes.map((c) => c.field) : [], unchanged, dryRun: !!opts.dryRun };
  const r = await saveEntries(db, ctx, iso3, changes, 'imported from an edited XLSX export', { action: 'matrix.import' });
  return { ...r, unchanged: [...unchanged, ...r.unchanged], dryRun: false };
}

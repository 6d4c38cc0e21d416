/**
 * Editing a State's matrix: starting a draft (from the last published matrix), saving fields with evidence as
 * new revisions under optimistic concurrency, and accepting the open-source layer into the draft. Every change
 * is all-or-nothing and recorded in the audit log.
 */
import { can } from '../api/policies/permissions.js';
import { checkEntry, sameValue } from '../core/matrixEntries.js';
import { type EntryValue, type Provenance } from '../core/matrixTypes.js';
import { today } from '../core/dates.js';
import type { Db } from '../db/connection.js';
import { appendRevisions, copyEntries, currentEntries, insertMatrix, matricesOf, openMatrix, type NewRevision, type StateMatrix } from '../db/repositories/matrix.js';
import { recordEvent, type WriteContext } from './audit.js';
import { ServiceError } from './errors.js';
import { currentEdition, fieldsOf, openSourceLayer, requireState } from './matrix.js';

/** Statuses in which the expert may still change fields (agreed and later are frozen; take the matrix back to change it). */
const EDITABLE = new Set<StateMatrix['status']>(['draft', 'shared']);

export interface EntryChange extends Partial<EntryValue> {
  field: string;
  /** The field's version the change was made from (0 for a field with no revision yet). */
  version: number;
}

/** A field changed by someone else since the version given: the current value, to show beside the one refused. */
export interface FieldConflict { field: string; yourVersion: number; current: (EntryValue & { version: number }) | null }

export class MatrixConflict extends ServiceError {
  constructor(readonly conflicts: FieldConflict[]) {
    super(409, `${conflicts.length} field(s) were changed by someone else since you read them: ${conflicts.slice(0, 5).map((c) => c.field).join(', ')}${conflicts.length > 5 ? ', …' : ''}; nothing was saved. Reload and apply your changes again.`, 'fields', { conflicts });
  }
}

function writable(ctx: WriteContext) {
  if (!can(ctx.actor, 'matrix:write')) throw new ServiceError(403, `the role ${ctx.actor.role} may not edit matrices`);
}

/** The State's matrix in the cycle, which must be editable. */
async function editableMatrix(db: Db, iso3: string): Promise<StateMatrix> {
  const m = await openMatrix(db, iso3);
  if (!m) throw new ServiceError(404, `${iso3} has no draft matrix; start one first`, 'iso3');
  if (!EDITABLE.has(m.status)) throw new ServiceError(409, `the matrix of ${iso3} is ${m.status}: fields can be changed in a draft or a shared draft only (take it back to draft first)`, 'status');
  return m;
}

/** Starts a new draft for the State, carrying over the values of its last published matrix. */
export async function startDraft(db: Db, ctx: WriteContext, iso3In: string): Promise<StateMatrix> {
  writable(ctx);
  const iso3 = await requireState(db, iso3In);
  const edition = await currentEdition(db);
  return db.transaction(async (tx) => {
    if (await openMatrix(tx, iso3)) throw new ServiceError(409, `${iso3} already has a matrix in the review cycle`, 'iso3');
    const last = (await matricesOf(tx, iso3)).find((m) => m.status === 'published') ?? null;
    const m = await insertMatrix(tx, iso3, edition, last?.id ?? null, ctx.actor.userId);
    if (last) await copyEntries(tx, last.id, m.id, ctx.actor.userId, new Date().toISOString(), 'committee-approved');
    await recordEvent(tx, ctx, { action: 'matrix.create', entityType: 'matrix', entityId: m.id, state: iso3, visibility: 'restricted', after: { number: m.number, edition, basedOn: last?.id ?? null } });
    return m;
  }).catch((e: unknown) => {
    // Two experts starting a draft at once: the unique index lets one through.
    if ((e as { code?: string }).code === '23505') throw new ServiceError(409, `${iso3} already has a matrix in the review cycle`, 'iso3');
    throw e;
  });
}

export interface SaveResult { matrix: number; saved: string[]; unchanged: string[] }

/**
 * Saves changes to fields as new revisions, all or nothing: unknown fields, invalid values (an X or ? without
 * evidence…) and stale versions refuse the whole set, naming each field. Values equal to the current ones are
 * not saved again.
 */
export async function saveEntries(db: Db, ctx: WriteContext, iso3In: string, changes: EntryChange[], reason: string | null, opts: { provenance?: Provenance; action?: string } = {}): Promise<SaveResult> {
  writable(ctx);
  const iso3 = await requireState(db, iso3In);
  if (!changes.length) throw new ServiceError(400, 'fields: give at least one field to change', 'fields');
  const m = await editableMatrix(db, iso3);
  const known = new Set((await fieldsOf(db, m.edition)).map((f) => f.id));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const c of changes) {
    if (!known.has(c.field)) problems.push(`${c.field}: not a field of the catalogue edition ${m.edition}`);
    if (seen.has(c.field)) problems.push(`${c.field}: given twice`);
    seen.add(c.field);
  }
  if (problems.length) throw new ServiceError(400, problems.join('; '), 'fields');

  return db.transaction(async (tx) => {
    const current = new Map((await currentEntries(tx, m.id)).map((r) => [r.field, r]));
    const conflicts: FieldConflict[] = [];
    const rows: NewRevision[] = [];
    const unchanged: string[] = [];
    for (const c of changes) {
      const cur = current.get(c.field);
      const curVersion = cur?.version ?? 0;
      if (c.version !== curVersion) {
        conflicts.push({ field: c.field, yourVersion: c.version, current: cur ? { mark: cur.mark, evidence: cur.evidence, remarks: cur.remarks, provenance: cur.provenance, version: cur.version } : null });
        continue;
      }
      const value: EntryValue = {
        mark: c.mark === undefined ? (cur?.mark ?? null) : c.mark,
        evidence: c.evidence === undefined ? (cur?.evidence ?? []) : c.evidence,
        remarks: c.remarks === undefined ? (cur?.remarks ?? null) : (c.remarks?.trim() || null),
        provenance: c.provenance ?? opts.provenance ?? 'draft',
      };
      for (const e of checkEntry(value)) problems.push(`${c.field}: ${e}`);
      // The same content is not saved again, whatever its provenance.
      if (cur && sameValue({ ...cur, provenance: value.provenance }, value)) { unchanged.push(c.field); continue; }
      if (!cur && !value.mark && !value.evidence.length && !value.remarks) { unchanged.push(c.field); continue; }
      rows.push({ field: c.field, version: curVersion + 1, ...value });
    }
    if (conflicts.length) throw new MatrixConflict(conflicts);
    if (problems.length) throw new ServiceError(400, problems.join('; '), 'fields');
    const at = new Date().toISOString();
    await appendRevisions(tx, m.id, ctx.actor.userId, reason, at, rows);
    if (rows.length) {
      await recordEvent(tx, ctx, {
        action: opts.action ?? 'matrix.edit', entityType: 'matrix', entityId: m.id, state: iso3, visibility: 'restricted',
        before: Object.fromEntries(rows.map((r) => [r.field, current.get(r.field) ? { mark: current.get(r.field)!.mark, version: r.version - 1 } : null])),
        after: { reason, fields: Object.fromEntries(rows.map((r) => [r.field, { mark: r.mark, evidence: r.evidence.length, version: r.version }])) },
      });
    }
    return { matrix: m.id, saved: rows.map((r) => r.field), unchanged };
  }).catch((e: unknown) => {
    // A concurrent save from the same version took the version first (unique key): a conflict like the others.
    if ((e as { code?: string }).code === '23505') throw new MatrixConflict(changes.map((c) => ({ field: c.field, yourVersion: c.version, current: null })));
    throw e;
  });
}

/** Copies the open-source layer (OP1 treaty and regime rows) into the draft where it differs, as open-source entries. */
export async function acceptOpenSource(db: Db, ctx: WriteContext, iso3In: string, fields?: string[]): Promise<SaveResult> {
  writable(ctx);
  const iso3 = await requireState(db, iso3In);
  const m = await editableMatrix(db, iso3);
  const os = await openSourceLayer(db, iso3, m.edition, today());
  const current = new Map((await currentEntries(db, m.id)).map((r) => [r.field, r]));
  const changes: EntryChange[] = [];
  for (const [field, v] of os.values) {
    if (fields && !fields.includes(field)) continue;
    const cur = current.get(field);
    if (cur && sameValue(cur, v)) continue;
    changes.push({ field, version: cur?.version ?? 0, ...v });
  }
  if (!changes.length) return { matrix: m.id, saved: [], unchanged: [...os.values.keys()] };
  return saveEntries(db, ctx, iso3, changes, 'accepted from the open-source layer (depositary records)', { provenance: 'open-source', action: 'matrix.accept-open-source' });
}

export { EDITABLE };

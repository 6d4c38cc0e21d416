/** State matrices, their append-only field revisions, published snapshots, comments and holds. */
import type { EntryRevision, EntryValue, Evidence, Mark, MatrixStatus, Provenance } from '../../core/matrixTypes.js';
import type { Db, ReadDb } from '../connection.js';

export interface StateMatrix {
  id: number; state: string; number: number; edition: string; status: MatrixStatus; version: number; basedOn: number | null;
  createdBy: number | null; createdAt: string; sharedAt: string | null; agreedAt: string | null; submittedAt: string | null;
  approvalPeriodMs: number | null; approvedAt: string | null; publishedAt: string | null;
  /** The header frozen at publication. */
  header: unknown;
}
interface MatrixRow {
  id: number; state: string; number: number; edition: string; status: MatrixStatus; version: number; based_on: number | null; created_by: number | null;
  created_at: Date; shared_at: Date | null; agreed_at: Date | null; submitted_at: Date | null; approval_period_ms: number | null; approved_at: Date | null; published_at: Date | null; header: unknown;
}
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const toMatrix = (r: MatrixRow): StateMatrix => ({
  id: r.id, state: r.state, number: r.number, edition: r.edition, status: r.status, version: r.version, basedOn: r.based_on, createdBy: r.created_by,
  createdAt: iso(r.created_at)!, sharedAt: iso(r.shared_at), agreedAt: iso(r.agreed_at), submittedAt: iso(r.submitted_at),
  approvalPeriodMs: r.approval_period_ms, approvedAt: iso(r.approved_at), publishedAt: iso(r.published_at), header: r.header ?? null,
});

export async function getMatrix(db: ReadDb, id: number): Promise<StateMatrix | null> {
  const r = (await db.query<MatrixRow>('select * from state_matrix where id = $1', [id]))[0];
  return r ? toMatrix(r) : null;
}

/** All matrices of a State, newest first. */
export async function matricesOf(db: ReadDb, state: string): Promise<StateMatrix[]> {
  return (await db.query<MatrixRow>('select * from state_matrix where state = $1 order by number desc', [state])).map(toMatrix);
}

/** The matrix still in the cycle (not yet published), if any. */
export async function openMatrix(db: ReadDb, state: string): Promise<StateMatrix | null> {
  const r = (await db.query<MatrixRow>("select * from state_matrix where state = $1 and status <> 'published'", [state]))[0];
  return r ? toMatrix(r) : null;
}

/** The matrix published most recently at or before `asOf` (an ISO timestamp), if any. */
export async function publishedAsOf(db: ReadDb, state: string, asOf: string): Promise<StateMatrix | null> {
  const r = (await db.query<MatrixRow>(
    "select * from state_matrix where state = $1 and status = 'published' and published_at <= $2 order by published_at desc limit 1", [state, asOf]))[0];
  return r ? toMatrix(r) : null;
}

/** For every State, the matrix published most recently at or before `asOf`. */
export async function allPublishedAsOf(db: ReadDb, asOf: string): Promise<StateMatrix[]> {
  return (await db.query<MatrixRow>(
    `select distinct on (state) * from state_matrix where status = 'published' and published_at <= $1 order by state, published_at desc`, [asOf])).map(toMatrix);
}

export async function insertMatrix(tx: Db, state: string, edition: string, basedOn: number | null, createdBy: number | null): Promise<StateMatrix> {
  return toMatrix((await tx.query<MatrixRow>(
    `insert into state_matrix (state, number, edition, status, based_on, created_by)
     values ($1, (select coalesce(max(number), 0) + 1 from state_matrix where state = $1), $2, 'draft', $3, $4) returning *`,
    [state, edition, basedOn, createdBy]))[0]!);
}

export interface MatrixChange { status: MatrixStatus; header?: unknown; sharedAt?: string | null; agreedAt?: string | null; submittedAt?: string | null; approvalPeriodMs?: number | null; approvedAt?: string | null; publishedAt?: string | null }

/** Changes the workflow state when `version` is still current; null when someone else changed it first. */
export async function updateMatrix(tx: Db, id: number, version: number, c: MatrixChange): Promise<StateMatrix | null> {
  const sets = ['status = $3', 'version = version + 1'];
  const params: unknown[] = [id, version, c.status];
  const cols: [keyof MatrixChange, string][] = [['sharedAt', 'shared_at'], ['agreedAt', 'agreed_at'], ['submittedAt', 'submitted_at'], ['approvalPeriodMs', 'approval_period_ms'], ['approvedAt', 'approved_at'], ['publishedAt', 'published_at']];
  for (const [k, col] of cols) if (c[k] !== undefined) { params.push(c[k]); sets.push(`${col} = $${params.length}`); }
  if (c.header !== undefined) { params.push(JSON.stringify(c.header)); sets.push(`header = $${params.length}::jsonb`); }
  const r = (await tx.query<MatrixRow>(`update state_matrix set ${sets.join(', ')} where id = $1 and version = $2 returning *`, params))[0];
  return r ? toMatrix(r) : null;
}

/** Matrices in the no-objection period (for the approval clock). */
export async function matricesInApproval(db: ReadDb): Promise<StateMatrix[]> {
  return (await db.query<MatrixRow>("select * from state_matrix where status = 'in-approval' order by id")).map(toMatrix);
}

interface EntryRow { field: string; version: number; mark: Mark | null; evidence: Evidence[]; remarks: string | null; provenance: Provenance; author: number | null; at: Date; reason: string | null }
const toRevision = (r: EntryRow): EntryRevision => ({
  field: r.field, version: r.version, mark: r.mark, evidence: r.evidence, remarks: r.remarks, provenance: r.provenance, author: r.author, at: new Date(r.at).toISOString(), reason: r.reason,
});

/** The current revision of every field of a matrix that has one. */
export async function currentEntries(db: ReadDb, matrixId: number): Promise<EntryRevision[]> {
  return (await db.query<EntryRow>(
    'select distinct on (field) field, version, mark, evidence, remarks, provenance, author, at, reason from matrix_entry where matrix_id = $1 order by field, version desc',
    [matrixId])).map(toRevision);
}

/** Every revision of a matrix (or of one field), oldest first, with its author's name. */
export async function revisions(db: ReadDb, matrixId: number, field?: string): Promise<(EntryRevision & { authorName: string | null })[]> {
  return (await db.query<EntryRow & { display_name: string | null }>(
    `select e.field, e.version, e.mark, e.evidence, e.remarks, e.provenance, e.author, e.at, e.reason, u.display_name
     from matrix_entry e left join app_user u on u.id = e.author where e.matrix_id = $1 ${field ? 'and e.field = $2' : ''} order by e.at, e.id`,
    field ? [matrixId, field] : [matrixId])).map((r) => ({ ...toRevision(r), authorName: r.display_name }));
}

export interface NewRevision extends EntryValue { field: string; version: number }

/**
 * Appends revisions, each with the version it claims (current + 1). A version already taken (a concurrent
 * write from the same version) violates the unique key: the caller maps that to a conflict.
 */
export async function appendRevisions(tx: Db, matrixId: number, author: number | null, reason: string | null, at: string, rows: NewRevision[]): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `insert into matrix_entry (matrix_id, field, version, mark, evidence, remarks, provenance, author, at, reason)
     select $1, r.field, r.version, r.mark, coalesce(r.evidence, '[]'::jsonb), r.remarks, r.provenance, $2, $3, $4
     from jsonb_to_recordset($5::jsonb) as r(field text, version int, mark text, evidence jsonb, remarks text, provenance text)`,
    [matrixId, author, at, reason, JSON.stringify(rows.map((r) => ({ field: r.field, version: r.version, mark: r.mark, evidence: r.evidence, remarks: r.remarks, provenance: r.provenance })))]);
}

/** Copies the current values of one matrix into another as their first revisions (a new cycle starts from the last published matrix). */
export async function copyEntries(tx: Db, from: number, to: number, author: number | null, at: string, provenance: Provenance): Promise<void> {
  await tx.query(
    `insert into matrix_entry (matrix_id, field, version, mark, evidence, remarks, provenance, author, at, reason)
     select $2, field, 1, mark, evidence, remarks, $5, $3, $4, 'carried over from matrix ' || $1::bigint
     from matrix_snapshot where matrix_id = $1`, [from, to, author, at, provenance]);
}

export async function snapshot(tx: Db, matrixId: number, provenance: Provenance): Promise<void> {
  await tx.query(
    `insert into matrix_snapshot (matrix_id, field, mark, evidence, remarks, provenance)
     select matrix_id, field, mark, evidence, remarks, $2 from (
       select distinct on (field) * from matrix_entry where matrix_id = $1 order by field, version desc) cur
     where mark is not null or evidence <> '[]'::jsonb or coalesce(remarks, '') <> ''`, [matrixId, provenance]);
}

export async function snapshotValues(db: ReadDb, matrixId: number): Promise<Map<string, EntryValue>> {
  return new Map((await db.query<{ field: string; mark: Mark | null; evidence: Evidence[]; remarks: string | null; provenance: Provenance }>(
    'select field, mark, evidence, remarks, provenance from matrix_snapshot where matrix_id = $1', [matrixId])).map((r) => [r.field, { mark: r.mark, evidence: r.evidence, remarks: r.remarks, provenance: r.provenance }]));
}

/** The marks of many published matrices at once (coverage). */
export async function snapshotMarks(db: ReadDb, matrixIds: number[]): Promise<{ matrixId: number; field: string; mark: Mark | null }[]> {
  if (!matrixIds.length) return [];
  return (await db.query<{ matrix_id: number; field: string; mark: Mark | null }>(
    'select matrix_id, field, mark from matrix_snapshot where matrix_id = any($1::bigint[])', [matrixIds])).map((r) => ({ matrixId: r.matrix_id, field: r.field, mark: r.mark }));
}

/**
 * Streams every published snapshot row, matrix by matrix in State and number order, fields in id order (bulk
 * export). Matrices are read a batch at a time through the snapshot's primary key.
 */
export async function* publishedRows(db: ReadDb, opts: { latestOnly?: boolean; batch?: number } = {}): AsyncGenerator<{ state: string; number: number; edition: string; publishedAt: string; approvedAt: string | null; field: string; value: EntryValue }> {
  const matrices = (await db.query<MatrixRow>(
    opts.latestOnly
      ? "select distinct on (state) * from state_matrix where status = 'published' order by state, number desc"
      : "select * from state_matrix where status = 'published' order by state, number")).map(toMatrix);
  const batch = opts.batch ?? 40;
  for (let i = 0; i < matrices.length; i += batch) {
    const group = matrices.slice(i, i + batch);
    const rows = await db.query<{ matrix_id: number; field: string; mark: Mark | null; evidence: Evidence[]; remarks: string | null; provenance: Provenance }>(
      'select matrix_id, field, mark, evidence, remarks, provenance from matrix_snapshot where matrix_id = any($1::bigint[]) order by matrix_id, field',
      [group.map((m) => m.id)]);
    const byMatrix = new Map<number, typeof rows>();
    for (const r of rows) {
      let list = byMatrix.get(r.matrix_id);
      if (!list) byMatrix.set(r.matrix_id, (list = []));
      list.push(r);
    }
    for (const m of group) {
      for (const r of byMatrix.get(m.id) ?? []) {
        yield { state: m.state, number: m.number, edition: m.edition, publishedAt: m.publishedAt!, approvedAt: m.approvedAt, field: r.field, value: { mark: r.mark, evidence: r.evidence, remarks: r.remarks, provenance: r.provenance } };
      }
    }
  }
}

export interface MatrixComment { id: number; matrixId: number; field: string | null; author: number | null; authorName: string | null; authorRole: string; body: string; attachmentUrl: string | null; attachmentTitle: string | null; at: string }

export async function listComments(db: ReadDb, matrixId: number): Promise<MatrixComment[]> {
  return (await db.query<{ id: number; matrix_id: number; field: string | null; author: number | null; display_name: string | null; author_role: string; body: string; attachment_url: string | null; attachment_title: string | null; at: Date }>(
    `select c.*, u.display_name from matrix_comment c left join app_user u on u.id = c.author where c.matrix_id = $1 order by c.at, c.id`, [matrixId])).map((r) => ({
    id: r.id, matrixId: r.matrix_id, field: r.field, author: r.author, authorName: r.display_name, authorRole: r.author_role, body: r.body,
    attachmentUrl: r.attachment_url, attachmentTitle: r.attachment_title, at: new Date(r.at).toISOString(),
  }));
}

export async function insertComment(tx: Db, c: Omit<MatrixComment, 'id' | 'at' | 'authorName'>): Promise<number> {
  return (await tx.query<{ id: number }>(
    'insert into matrix_comment (matrix_id, field, author, author_role, body, attachment_url, attachment_title) values ($1, $2, $3, $4, $5, $6, $7) returning id',
    [c.matrixId, c.field, c.author, c.authorRole, c.body, c.attachmentUrl, c.attachmentTitle]))[0]!.id;
}

export interface HoldEvent { kind: 'hold' | 'lift'; member: number; memberName: string | null; reason: string | null; at: string }

export async function holdEvents(db: ReadDb, matrixId: number): Promise<HoldEvent[]> {
  return (await db.query<{ kind: 'hold' | 'lift'; member: number; display_name: string | null; reason: string | null; at: Date }>(
    'select h.kind, h.member, u.display_name, h.reason, h.at from matrix_hold h left join app_user u on u.id = h.member where h.matrix_id = $1 order by h.at, h.id', [matrixId]))
    .map((r) => ({ kind: r.kind, member: r.member, memberName: r.display_name, reason: r.reason, at: new Date(r.at).toISOString() }));
}

export async function insertHoldEvent(tx: Db, matrixId: number, kind: 'hold' | 'lift', member: number, reason: string | null, at: string): Promise<void> {
  await tx.query('insert into matrix_hold (matrix_id, kind, member, reason, at) values ($1, $2, $3, $4, $5)', [matrixId, kind, member, reason, at]);
}

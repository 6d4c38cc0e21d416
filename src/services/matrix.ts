/**
 * Reading the 1540 matrix: which of a State's matrices an actor may see, its values (current, as of a date, or
 * the published snapshot), the open-source layer derived from the participation records, the header built from
 * the register of submissions, history and diffs.
 */
import { can, type Actor } from '../api/policies/permissions.js';
import { approvalClock, type ClockState } from '../core/approvalClock.js';
import { deriveOp1, op1InstrumentFields, type Op1Fact } from '../core/op1Derivation.js';
import { asOfMillis, diffValues, valuesAsOf, type FieldChange } from '../core/matrixEntries.js';
import type { CatalogueField, EntryRevision, EntryValue } from '../core/matrixTypes.js';
import { today } from '../core/dates.js';
import type { ReadDb } from '../db/connection.js';
import { editionFields, listEditions } from '../db/repositories/catalogue.js';
import { currentEntries, holdEvents, matricesOf, publishedAsOf, revisions, snapshotValues, type HoldEvent, type StateMatrix } from '../db/repositories/matrix.js';
import { listSubmissions, type Submission } from '../db/repositories/submissions.js';
import { referenceSnapshot, type ReferenceSnapshot } from './referenceSnapshot.js';
import { ServiceError } from './errors.js';

/** The catalogue edition new matrices use: the newest shipped (editions sort by id, which starts with the year). */
export async function currentEdition(db: ReadDb): Promise<string> {
  const editions = await listEditions(db);
  if (!editions.length) throw new ServiceError(404, 'no matrix catalogue edition is loaded; check data/matrix/editions');
  return editions.at(-1)!.id;
}

const fieldCache = new WeakMap<ReadDb, Map<string, Promise<CatalogueField[]>>>();
/** The fields of an edition (cached: an edition's fields change only when the server loads a new file at start). */
export function fieldsOf(db: ReadDb, edition: string): Promise<CatalogueField[]> {
  let m = fieldCache.get(db);
  if (!m) fieldCache.set(db, (m = new Map()));
  let p = m.get(edition);
  if (!p) {
    p = editionFields(db, edition);
    m.set(edition, p);
    p.catch(() => m.delete(edition));
  }
  return p;
}

/** A per-database memo for values that never change once computed (published matrices; a release's derivations). */
function memo<K, V>(): (db: ReadDb, key: K, make: () => Promise<V>) => Promise<V> {
  const caches = new WeakMap<ReadDb, Map<K, Promise<V>>>();
  return (db, key, make) => {
    let m = caches.get(db);
    if (!m) caches.set(db, (m = new Map()));
    let p = m.get(key);
    if (!p) {
      if (m.size >= 5000) m.clear();
      p = make();
      m.set(key, p);
      const cache = m;
      p.catch(() => cache.delete(key));
    }
    return p;
  };
}
const publishedValues = memo<number, Map<string, FieldValue>>();
const publishedApproval = memo<number, Awaited<ReturnType<typeof approvalState>>>();
const derived = memo<string, Awaited<ReturnType<typeof deriveLayer>>>();

/** Whether the actor may see this matrix (published matrices are public; drafts by role and, for a State PoC, once shared). */
export const maySee = (actor: Actor, m: StateMatrix) => can(actor, 'matrix:read', { state: m.state, published: m.status === 'published', status: m.status });
/** Whether the actor sees matrices still in the cycle at all (experts, committee members, admins; a PoC its own State's). */
const seesCycle = (actor: Actor, iso3: string) => can(actor, 'matrix:read', { state: iso3, status: 'shared' });

export interface MatrixInfo {
  id: number; number: number; edition: string; status: StateMatrix['status']; version: number;
  createdAt: string; sharedAt: string | null; agreedAt: string | null; submittedAt: string | null; approvedAt: string | null; publishedAt: string | null;
}
const info = (m: StateMatrix): MatrixInfo => ({
  id: m.id, number: m.number, edition: m.edition, status: m.status, version: m.version, createdAt: m.createdAt, sharedAt: m.sharedAt,
  agreedAt: m.agreedAt, submittedAt: m.submittedAt, approvedAt: m.approvedAt, publishedAt: m.publishedAt,
});

export interface FieldValue extends EntryValue { id: string; version: number; at?: string | null }
export interface MatrixHeader { state: string; firstReport: Submission | null; additional: Submission[]; actionPlans: Submission[]; approvedAt: string | null }
export interface MatrixView {
  iso3: string; edition: string; status: StateMatrix['status'] | 'none'; asOf: string | null;
  matrix: MatrixInfo | null;
  /** Every matrix of the State the actor may see, newest first. */
  matrices: MatrixInfo[];
  header: MatrixHeader;
  fields: FieldValue[];
  /** Derived from the depositaries' records; not reviewed by the Committee. */
  openSource: { date: string; note: string; fields: (FieldValue & { facts: Op1Fact[] })[] };
  approval: (ClockState & { periodMs: number; holds: HoldEvent[] }) | null;
}

export const OPEN_SOURCE_NOTE = 'Derived automatically from the depositaries\' records of treaty participation (open source); not reviewed or approved by the 1540 Committee.';

/** The values of a matrix: the published snapshot, or the current revisions (or those in force at `asOf`). */
export async function matrixValues(db: ReadDb, m: StateMatrix, asOf?: string): Promise<Map<string, FieldValue>> {
  if (m.status === 'published' && !asOf) {
    // A published snapshot never changes.
    return publishedValues(db, m.id, async () => new Map([...(await snapshotValues(db, m.id))].map(([id, v]) => [id, { id, ...v, version: 0 }])));
  }
  const revs: EntryRevision[] = asOf ? [...valuesAsOf(await revisions(db, m.id), asOf).values()] : await currentEntries(db, m.id);
  const published = m.status === 'published';
  return new Map(revs.map((r) => [r.field, {
    id: r.field, mark: r.mark, evidence: r.evidence, remarks: r.remarks, provenance: published ? 'committee-approved' : r.provenance, version: r.version, at: r.at,
  }]));
}

/** Chooses the matrix to show: an explicit number, the state at a date, or the default for the actor. */
async function chooseMatrix(db: ReadDb, actor: Actor, iso3: string, all: StateMatrix[], opts: { number?: number; asOf?: string }): Promise<StateMatrix | null> {
  if (opts.number !== undefined) {
    const m = all.find((x) => x.number === opts.number);
    if (!m || !maySee(actor, m)) throw new ServiceError(404, `${iso3} has no matrix number ${opts.number} that you may see`, 'edition');
    return m;
  }
  if (opts.asOf) {
    const at = new Date(asOfMillis(opts.asOf)).toISOString();
    if (seesCycle(actor, iso3)) {
      const m = all.find((x) => x.createdAt <= at && maySee(actor, x));
      if (m) return m;
    }
    return publishedAsOf(db, iso3, at);
  }
  const open = all.find((x) => x.status !== 'published');
  if (open && maySee(actor, open)) return open;
  return all.find((x) => x.status === 'published') ?? null;
}

/** The header: frozen at publication for a published matrix; otherwise from the register of submissions now. */
export async function header(db: ReadDb, iso3: string, m: StateMatrix | null): Promise<MatrixHeader> {
  if (m?.status === 'published' && m.header) return m.header as MatrixHeader;
  const subs = await listSubmissions(db, iso3);
  const reports = subs.filter((s) => s.kind === 'first-report');
  return {
    state: iso3,
    firstReport: reports[0] ?? null,
    additional: [...reports.slice(1), ...subs.filter((s) => s.kind === 'additional-information')].sort((a, b) => a.date.localeCompare(b.date)),
    actionPlans: subs.filter((s) => s.kind === 'action-plan'),
    approvedAt: m?.approvedAt ?? null,
  };
}

/** The open-source layer: the OP1 rows on treaties and regimes, from the participation records as of `date`. */
export async function openSourceLayer(db: ReadDb, iso3: string, edition: string, date: string, snapshot?: ReferenceSnapshot) {
  const snap = snapshot ?? (await referenceSnapshot(db));
  // The same release, State, edition and date always give the same layer.
  return derived(db, `${snap.releaseId}|${iso3}|${edition}|${date}`, () => deriveLayer(db, snap, iso3, edition, date));
}

async function deriveLayer(db: ReadDb, snap: ReferenceSnapshot, iso3: string, edition: string, date: string) {
  const fields = await fieldsOf(db, edition);
  const d = deriveOp1({
    fields: op1InstrumentFields(fields), iso3, asOf: date, instruments: snap.instruments, actions: snap.actionsByState.get(iso3) ?? [],
    source: (id) => snap.sourcesById.get(id),
  });
  return { values: d.values, facts: d.facts };
}

export async function requireState(db: ReadDb, iso3: string, snapshot?: ReferenceSnapshot): Promise<string> {
  const code = iso3.toUpperCase();
  if (!(snapshot ?? (await referenceSnapshot(db))).statesByIso3.has(code)) throw new ServiceError(404, `unknown State code "${iso3}"`, 'iso3');
  return code;
}

export async function approvalState(db: ReadDb, m: StateMatrix, now = new Date().toISOString()): Promise<ApprovalView | null> {
  if (!m.submittedAt || !m.approvalPeriodMs || !['in-approval', 'approved', 'published'].includes(m.status)) return null;
  // Once published, the procedure is over: its outcome never changes.
  if (m.status === 'published') return publishedApproval(db, m.id, () => clockOf(db, m, now));
  return clockOf(db, m, now);
}

export type ApprovalView = ClockState & { periodMs: number; holds: HoldEvent[] };

async function clockOf(db: ReadDb, m: StateMatrix, now: string): Promise<ApprovalView> {
  const holds = await holdEvents(db, m.id);
  const clock = approvalClock({ periodMs: m.approvalPeriodMs!, submittedAt: m.submittedAt!, events: holds.map((h) => ({ kind: h.kind, at: h.at, by: h.member, reason: h.reason })) }, now);
  return { ...clock, periodMs: m.approvalPeriodMs!, holds };
}

/** A State's matrix as the actor may see it. */
export async function matrixView(db: ReadDb, actor: Actor, iso3In: string, opts: { number?: number; asOf?: string } = {}): Promise<MatrixView> {
  const snap = await referenceSnapshot(db);
  const iso3 = await requireState(db, iso3In, snap);
  const all = await matricesOf(db, iso3);
  const m = await chooseMatrix(db, actor, iso3, all, opts);
  const edition = m?.edition ?? (await currentEdition(db));
  const osDate = opts.asOf ? opts.asOf.slice(0, 10) : today();
  // Independent reads, side by side.
  const [fields, values, os, head, approval] = await Promise.all([
    fieldsOf(db, edition),
    m ? matrixValues(db, m, opts.asOf) : new Map<string, FieldValue>(),
    openSourceLayer(db, iso3, edition, osDate, snap),
    header(db, iso3, m),
    m ? approvalState(db, m) : null,
  ]);
  return {
    iso3, edition, status: m?.status ?? 'none', asOf: opts.asOf ?? null,
    matrix: m ? info(m) : null,
    matrices: all.filter((x) => maySee(actor, x)).map(info),
    header: head,
    fields: fields.filter((f) => values.has(f.id)).map((f) => values.get(f.id)!),
    openSource: { date: osDate, note: OPEN_SOURCE_NOTE, fields: [...os.values].map(([id, v]) => ({ id, ...v, version: 0, facts: os.facts.get(id) ?? [] })) },
    approval,
  };
}

/** Every revision of a matrix the actor may see (optionally of one field), oldest first. */
export async function matrixHistory(db: ReadDb, actor: Actor, iso3In: string, number: number | undefined, field?: string) {
  const iso3 = await requireState(db, iso3In);
  const m = await chooseMatrix(db, actor, iso3, await matricesOf(db, iso3), { number });
  if (!m) throw new ServiceError(404, `${iso3} has no matrix you may see`, 'iso3');
  return { iso3, matrix: info(m), revisions: await revisions(db, m.id, field) };
}

/**
 * One side of a diff: a matrix number ("2"), a date ("2025-06-30": what the actor would have seen then),
 * "current" (what the actor sees now) or "open-source" (the layer derived from participation records today).
 */
async function side(db: ReadDb, actor: Actor, iso3: string, ref: string, name: 'from' | 'to'): Promise<{ label: string; values: Map<string, EntryValue>; edition: string | null }> {
  if (ref === 'open-source') {
    const edition = await currentEdition(db);
    return { label: 'open-source layer', values: (await openSourceLayer(db, iso3, edition, today())).values, edition };
  }
  let opts: { number?: number; asOf?: string };
  if (/^\d+$/.test(ref)) opts = { number: Number(ref) };
  else if (ref === 'current') opts = {};
  else if (/^\d{4}-\d{2}-\d{2}/.test(ref) && !Number.isNaN(Date.parse(ref))) opts = { asOf: ref };
  else throw new ServiceError(400, `${name}: give a matrix number, a date (YYYY-MM-DD), "current" or "open-source", not "${ref}"`, name);
  const m = await chooseMatrix(db, actor, iso3, await matricesOf(db, iso3), opts);
  if (!m) return { label: `${ref}: no matrix`, values: new Map(), edition: null };
  return { label: `matrix ${m.number} (${m.status})${opts.asOf ? ` as of ${opts.asOf}` : ''}`, values: await matrixValues(db, m, opts.asOf), edition: m.edition };
}

export interface MatrixDiff { iso3: string; from: string; to: string; changes: (FieldChange & { label: string; section: string; weapon: string; column: string })[] }

export async function matrixDiff(db: ReadDb, actor: Actor, iso3In: string, from: string, to: string): Promise<MatrixDiff> {
  const iso3 = await requireState(db, iso3In);
  const [a, b] = [await side(db, actor, iso3, from, 'from'), await side(db, actor, iso3, to, 'to')];
  const fields = await fieldsOf(db, b.edition ?? a.edition ?? (await currentEdition(db)));
  const byId = new Map(fields.map((f) => [f.id, f]));
  const changes = diffValues(a.values, b.values, fields.map((f) => f.id)).map((c) => {
    const f = byId.get(c.field);
    return { ...c, label: f?.label ?? c.field, section: f?.section ?? '', weapon: f?.weapon ?? '', column: f?.column ?? '' };
  });
  return { iso3, from: a.label, to: b.label, changes };
}

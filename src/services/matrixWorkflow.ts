/**
 * The review-and-approval cycle of a State's matrix: draft → shared with the State → agreed → in approval
 * (no-objection period, with holds) → approved → published (an immutable snapshot); comments on the way; and
 * the register of the State's submissions that feeds the matrix header.
 */
import { can } from '../api/policies/permissions.js';
import { transitionAllowed } from '../core/approvalClock.js';
import { formatDuration, parseDuration } from '../core/durations.js';
import { isIsoDate, today } from '../core/dates.js';
import { SUBMISSION_KINDS, type MatrixStatus } from '../core/matrixTypes.js';
import type { Db, ReadDb } from '../db/connection.js';
import {
  getMatrix, insertComment, insertHoldEvent, listComments, matricesInApproval, matricesOf, openMatrix, snapshot, updateMatrix,
  type MatrixChange, type StateMatrix,
} from '../db/repositories/matrix.js';
import { deleteSubmission, insertSubmission, listSubmissions, type SubmissionFields } from '../db/repositories/submissions.js';
import { recordEvent, type WriteContext } from './audit.js';
import { ServiceError } from './errors.js';
import { approvalState, header, maySee, requireState } from './matrix.js';

const DEFAULT_PERIOD = '5d';

/** The no-objection period: MATRIX_APPROVAL_PERIOD ("5d", "48h", "30s"…), five days by default. */
export function approvalPeriodMs(env = process.env.MATRIX_APPROVAL_PERIOD): number {
  const ms = parseDuration(env ?? DEFAULT_PERIOD);
  if (ms === null) throw new Error(`MATRIX_APPROVAL_PERIOD: "${env}" is not a duration such as 5d, 48h or 30m`);
  return ms;
}

export type TransitionName = 'share' | 'take-back' | 'agree' | 'submit' | 'withdraw' | 'publish';
const TARGET: Record<TransitionName, { from: MatrixStatus; to: MatrixStatus }> = {
  share: { from: 'draft', to: 'shared' },
  'take-back': { from: 'shared', to: 'draft' },
  agree: { from: 'shared', to: 'agreed' },
  submit: { from: 'agreed', to: 'in-approval' },
  withdraw: { from: 'in-approval', to: 'agreed' },
  publish: { from: 'approved', to: 'published' },
};
export const TRANSITIONS = Object.keys(TARGET) as TransitionName[];

async function cycleMatrix(db: ReadDb, iso3: string): Promise<StateMatrix> {
  const m = await openMatrix(db, iso3);
  if (!m) throw new ServiceError(404, `${iso3} has no matrix in the review cycle`, 'iso3');
  return m;
}

/** Moves the State's matrix one step in the cycle, from the `version` the caller read (409 otherwise). */
export async function transition(db: Db, ctx: WriteContext, iso3In: string, name: TransitionName, version: number): Promise<StateMatrix> {
  if (!can(ctx.actor, 'matrix:transition')) throw new ServiceError(403, `the role ${ctx.actor.role} may not move matrices through the cycle`);
  const iso3 = await requireState(db, iso3In);
  await settleApprovals(db);
  const m = await cycleMatrix(db, iso3);
  const t = TARGET[name];
  if (m.status !== t.from || !transitionAllowed(t.from, t.to, 'person')) {
    throw new ServiceError(409, `cannot ${name} a matrix that is ${m.status} (it must be ${t.from})`, 'status');
  }
  const now = new Date().toISOString();
  const change: MatrixChange = { status: t.to };
  if (name === 'share') change.sharedAt = now;
  if (name === 'agree') change.agreedAt = now;
  if (name === 'submit') { change.submittedAt = now; change.approvalPeriodMs = approvalPeriodMs(); }
  if (name === 'withdraw') { change.submittedAt = null; change.approvalPeriodMs = null; }
  if (name === 'publish') { change.publishedAt = now; change.header = await header(db, iso3, m); }
  return db.transaction(async (tx) => {
    const after = await updateMatrix(tx, m.id, version, change);
    if (!after) throw new ServiceError(409, `the matrix of ${iso3} was changed by someone else (now version ${(await getMatrix(tx, m.id))?.version}); reload`, 'version', { current: await getMatrix(tx, m.id) });
    if (name === 'publish') await snapshot(tx, m.id, 'committee-approved');
    await recordEvent(tx, ctx, {
      action: `matrix.${name}`, entityType: 'matrix', entityId: m.id, state: iso3, visibility: name === 'publish' ? 'public' : 'restricted',
      before: { status: m.status, version: m.version }, after: { status: after.status, version: after.version, ...(name === 'submit' ? { period: formatDuration(change.approvalPeriodMs!) } : {}) },
    });
    return after;
  });
}

/**
 * Approves every matrix whose no-objection period has run out with no hold, at exactly its deadline. Runs on
 * reads and writes of the cycle and on a timer in the server, so approval does not wait for anyone.
 */
export async function settleApprovals(db: Db, now = new Date().toISOString()): Promise<number> {
  let n = 0;
  for (const m of await matricesInApproval(db)) {
    const st = await approvalState(db, m, now);
    if (st?.state !== 'approved') continue;
    await db.transaction(async (tx) => {
      const after = await updateMatrix(tx, m.id, m.version, { status: 'approved', approvedAt: st.approvedAt });
      if (!after) return; // another server settled it
      n++;
      await recordEvent(tx, { actor: { role: 'admin', userId: null, state: null, org: null, via: 'anonymous' }, requestId: null, client: 'approval-clock' }, {
        action: 'matrix.approve', entityType: 'matrix', entityId: m.id, state: m.state, visibility: 'restricted',
        before: { status: 'in-approval' }, after: { status: 'approved', approvedAt: st.approvedAt, by: 'no objection by the deadline' },
      });
    });
  }
  return n;
}

/** A committee member places (or lifts their own) hold during the no-objection period. */
export async function hold(db: Db, ctx: WriteContext, iso3In: string, kind: 'hold' | 'lift', reason: string | null): Promise<ReturnType<typeof approvalState>> {
  if (!can(ctx.actor, 'matrix:hold') || ctx.actor.userId === null) throw new ServiceError(403, 'only committee members may place or lift holds');
  const iso3 = await requireState(db, iso3In);
  await settleApprovals(db);
  const m = await cycleMatrix(db, iso3);
  if (m.status !== 'in-approval') throw new ServiceError(409, `the matrix of ${iso3} is ${m.status}, not in its no-objection period`, 'status');
  if (kind === 'hold' && !reason?.trim()) throw new ServiceError(400, 'reason: say why you place a hold', 'reason');
  const now = new Date().toISOString();
  const st = (await approvalState(db, m, now))!;
  const mine = st.activeHolds.some((h) => h.by === ctx.actor.userId);
  if (kind === 'hold' && mine) throw new ServiceError(409, 'you already have a hold on this matrix', 'kind');
  if (kind === 'lift' && !mine) throw new ServiceError(409, 'you have no hold on this matrix to lift', 'kind');
  await db.transaction(async (tx) => {
    await insertHoldEvent(tx, m.id, kind, ctx.actor.userId!, reason?.trim() || null, now);
    await recordEvent(tx, ctx, { action: `matrix.${kind}`, entityType: 'matrix', entityId: m.id, state: iso3, visibility: 'restricted', after: { reason: reason?.trim() || null } });
  });
  return approvalState(db, m);
}

export interface NewComment { field: string | null; body: string; attachmentUrl?: string | null; attachmentTitle?: string | null }

const COMMENTABLE = new Set<MatrixStatus>(['shared', 'agreed', 'in-approval', 'approved']);

/** Comments on a matrix in the cycle: the State's point of contact once it is shared, the experts and members at any time. */
export async function addComment(db: Db, ctx: WriteContext, iso3In: string, c: NewComment): Promise<number> {
  const iso3 = await requireState(db, iso3In);
  if (!can(ctx.actor, 'matrix:comment', { state: iso3 })) throw new ServiceError(403, `you may not comment on the matrix of ${iso3}`, 'iso3');
  const m = await cycleMatrix(db, iso3);
  if (!maySee(ctx.actor, m)) throw new ServiceError(404, `${iso3} has no matrix in the review cycle that you may see`, 'iso3');
  if (ctx.actor.role === 'state_poc' && !COMMENTABLE.has(m.status)) throw new ServiceError(409, `the matrix of ${iso3} is ${m.status}: comments are open once it is shared`, 'status');
  const body = c.body.trim();
  if (!body) throw new ServiceError(400, 'body: write a comment', 'body');
  if (c.attachmentUrl && !/^https?:\/\//i.test(c.attachmentUrl)) throw new ServiceError(400, 'attachmentUrl: must be an http(s) link', 'attachmentUrl');
  return db.transaction(async (tx) => {
    const id = await insertComment(tx, { matrixId: m.id, field: c.field, author: ctx.actor.userId, authorRole: ctx.actor.role, body, attachmentUrl: c.attachmentUrl ?? null, attachmentTitle: c.attachmentTitle ?? null });
    await recordEvent(tx, ctx, { action: 'matrix.comment', entityType: 'matrix', entityId: m.id, state: iso3, visibility: 'restricted', after: { comment: id, field: c.field, body } });
    return id;
  });
}

export async function comments(db: ReadDb, ctx: WriteContext, iso3In: string, number?: number) {
  const iso3 = await requireState(db, iso3In);
  const all = await matricesOf(db, iso3);
  const m = number === undefined ? all.find((x) => x.status !== 'published') ?? all[0] : all.find((x) => x.number === number);
  if (!m || !maySee(ctx.actor, m) || (m.status === 'published' && !can(ctx.actor, 'matrix:read', { state: iso3, status: 'shared' }))) {
    throw new ServiceError(404, `${iso3} has no matrix whose comments you may see`, 'iso3');
  }
  return { matrix: m.id, number: m.number, comments: await listComments(db, m.id) };
}

export async function submissions(db: ReadDb, iso3In: string) {
  const iso3 = await requireState(db, iso3In);
  return listSubmissions(db, iso3);
}

export async function addSubmission(db: Db, ctx: WriteContext, iso3In: string, f: SubmissionFields) {
  const iso3 = await requireState(db, iso3In);
  if (!can(ctx.actor, 'submissions:write', { state: iso3 })) throw new ServiceError(403, `you may not register submissions of ${iso3}`, 'iso3');
  if (!(SUBMISSION_KINDS as readonly string[]).includes(f.kind)) throw new ServiceError(400, `kind: one of ${SUBMISSION_KINDS.join(', ')}`, 'kind');
  if (!isIsoDate(f.date) || f.date > today()) throw new ServiceError(400, 'date: a date (YYYY-MM-DD) not in the future', 'date');
  if (f.url && !/^https?:\/\//i.test(f.url)) throw new ServiceError(400, 'url: must be an http(s) link', 'url');
  return db.transaction(async (tx) => {
    const s = await insertSubmission(tx, iso3, f, ctx.actor.userId);
    await recordEvent(tx, ctx, { action: 'submission.create', entityType: 'submission', entityId: s.id, state: iso3, visibility: 'public', after: s });
    return s;
  });
}

export async function removeSubmission(db: Db, ctx: WriteContext, iso3In: string, id: number) {
  const iso3 = await requireState(db, iso3In);
  if (!can(ctx.actor, 'submissions:write', { state: iso3 })) throw new ServiceError(403, `you may not change submissions of ${iso3}`, 'iso3');
  await db.transaction(async (tx) => {
    const s = (await listSubmissions(tx, iso3)).find((x) => x.id === id);
    if (!s) throw new ServiceError(404, `${iso3} has no submission ${id}`, 'id');
    await deleteSubmission(tx, id);
    await recordEvent(tx, ctx, { action: 'submission.delete', entityType: 'submission', entityId: id, state: iso3, visibility: 'public', before: s });
  });
}

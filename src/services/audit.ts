/** Every write records who did what, from where, with the before and after, in the same transaction. */
import { verifyChain, type AuditEvent, type AuditFields } from '../core/auditChain.js';
import type { Actor } from '../api/policies/permissions.js';
import type { Db, ReadDb } from '../db/connection.js';
import { appendEvent, eventsInOrder, sealPending } from '../db/repositories/audit.js';

/** Who is writing, and the request it came with (the CLI passes its own). */
export interface WriteContext { actor: Actor; requestId: string | null; client: string | null }

export const CLI_CONTEXT: WriteContext = {
  actor: { role: 'admin', userId: null, state: null, org: null, via: 'anonymous' }, requestId: null, client: 'cli',
};

export interface EventInput {
  action: string; entityType: string; entityId: string | number | null; state?: string | null;
  visibility: 'public' | 'restricted'; before?: unknown; after?: unknown;
}

/** Appends an audit event for a write made in `tx`. */
export function recordEvent(tx: Db, ctx: WriteContext, e: EventInput): Promise<AuditEvent> {
  return appendEvent(tx, eventFields(ctx, e));
}

/** The stored fields of an event: who, how, what, when (for writes that insert their event in the same statement). */
export function eventFields(ctx: WriteContext, e: EventInput): AuditFields {
  return {
    at: new Date().toISOString(), actorId: ctx.actor.userId, actorRole: ctx.client === 'cli' ? 'cli' : ctx.actor.role,
    via: ctx.client === 'cli' ? 'cli' : ctx.actor.via === 'token' ? `token:${ctx.actor.tokenId}` : ctx.actor.via,
    action: e.action, entityType: e.entityType, entityId: e.entityId === null ? null : String(e.entityId), state: e.state ?? null,
    visibility: e.visibility, change: { ...(e.before !== undefined ? { before: e.before } : {}), ...(e.after !== undefined ? { after: e.after } : {}) },
    requestId: ctx.requestId, client: ctx.client,
  };
}

const SEAL_BATCH = 5000;

/** Seals every committed event (until a pass finds less than a full batch, or another sealer holds the lock). */
export async function sealAll(db: Db): Promise<number> {
  let total = 0;
  for (let n = SEAL_BATCH; n === SEAL_BATCH;) total += n = await sealPending(db, SEAL_BATCH);
  return total;
}

const SEAL_DELAY_MS = 20;
const sealing = new WeakMap<Db, { running: Promise<void>; again: boolean }>();

/** Seals soon, off the request path; calls made while sealing run one more pass afterwards. */
export function sealSoon(db: Db): void {
  const state = sealing.get(db);
  if (state) { state.again = true; return; }
  const s = { again: false, running: Promise.resolve() };
  s.running = (async () => {
    do {
      s.again = false;
      // A short pause lets a burst of writes be sealed in one pass.
      await new Promise((r) => setTimeout(r, SEAL_DELAY_MS));
      await sealAll(db).catch((e: Error) => console.error(`audit sealing failed (retried on the next write): ${e.message}`));
    } while (s.again);
    sealing.delete(db);
  })();
  sealing.set(db, s);
}

/** Waits for sealing in progress (tests, shutdown). */
export async function sealingDone(db: Db): Promise<void> {
  await sealing.get(db)?.running;
}

/** Seals what is pending, then walks the whole chain in the database. */
export async function verifyAuditLog(db: Db) {
  await sealingDone(db);
  await sealAll(db);
  const events: AuditEvent[] = [];
  for await (const e of eventsInOrder(db)) events.push(e);
  return verifyChain(events);
}

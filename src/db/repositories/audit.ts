/**
 * The audit log. Writers insert events unsealed, in their own transaction, without waiting for each
 * other; `sealPending` (one sealer at a time, under an advisory lock) then gives committed events their
 * place in the chain and their hash.
 */
import { eventHash, GENESIS, type AuditEvent, type AuditFields } from '../../core/auditChain.js';
import type { Db, ReadDb } from '../connection.js';

const SEAL_LOCK = 1540_0002;

interface AuditRow { seq: number; at: string; actor_id: number | null; actor_role: string; via: string; action: string; entity_type: string; entity_id: string | null; state: string | null; visibility: 'public' | 'restricted'; change: AuditFields['change']; request_id: string | null; client: string | null; chain_pos: number | null; prev_hash: string | null; hash: string | null }

const toEvent = (r: AuditRow): AuditEvent => ({
  seq: r.seq, at: r.at, actorId: r.actor_id, actorRole: r.actor_role, via: r.via, action: r.action, entityType: r.entity_type, entityId: r.entity_id,
  state: r.state, visibility: r.visibility, change: r.change, requestId: r.request_id, client: r.client,
  chainPos: r.chain_pos, prevHash: r.prev_hash, hash: r.hash,
});

/** Inserts an event inside the caller's transaction (the write and its event commit together). */
export async function appendEvent(tx: Db, f: AuditFields): Promise<AuditEvent> {
  const rows = await tx.query<AuditRow>(
    `insert into audit_event (at, actor_id, actor_role, via, action, entity_type, entity_id, state, visibility, change, request_id, client)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning *`,
    [f.at, f.actorId, f.actorRole, f.via, f.action, f.entityType, f.entityId, f.state, f.visibility, JSON.stringify(f.change), f.requestId, f.client]);
  return toEvent(rows[0]!);
}

/**
 * Runs a data-modifying statement (`insert|update|delete … returning *`) and inserts its audit event in the
 * same statement, when the statement changed a row: one round trip, and the change cannot commit without its
 * event. The event's `change` is computed by the caller (for an update, the `after` it expects; the statement
 * makes no change unless its conditions, such as the version, hold).
 */
export async function writeWithEvent<R>(db: Db, write: string, params: unknown[], f: AuditFields): Promise<R[]> {
  const p = (i: number) => `$${params.length + i}`;
  return db.query<R>(
    `with w as (${write}),
     ev as (insert into audit_event (at, actor_id, actor_role, via, action, entity_type, entity_id, state, visibility, change, request_id, client)
            select ${Array.from({ length: 12 }, (_, i) => p(i + 1)).join(', ')} from (select 1 from w limit 1) changed)
     select * from w`,
    [...params, f.at, f.actorId, f.actorRole, f.via, f.action, f.entityType, f.entityId, f.state, f.visibility, JSON.stringify(f.change), f.requestId, f.client]);
}

/**
 * Seals committed events in the order of their ids, in batches; returns how many it sealed. Another
 * sealer already at work (here or on another server) makes this one return 0 at once.
 */
export async function sealPending(db: Db, batch = 2000): Promise<number> {
  return db.transaction(async (tx) => {
    if (!(await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [SEAL_LOCK]))[0]!.ok) return 0;
    const last = (await tx.query<{ chain_pos: number; hash: string }>('select chain_pos, hash from audit_event where chain_pos is not null order by chain_pos desc limit 1'))[0];
    const rows = await tx.query<AuditRow>('select * from audit_event where hash is null order by seq limit $1', [batch]);
    let prev = last?.hash ?? GENESIS;
    let pos = last?.chain_pos ?? 0;
    const seals = rows.map((r) => {
      const hash = eventHash(prev, toEvent(r));
      const seal = { seq: r.seq, chain_pos: ++pos, prev_hash: prev, hash };
      prev = hash;
      return seal;
    });
    if (seals.length) {
      await tx.query(
        `update audit_event a set chain_pos = s.chain_pos, prev_hash = s.prev_hash, hash = s.hash
         from jsonb_to_recordset($1::jsonb) as s(seq bigint, chain_pos bigint, prev_hash text, hash text) where a.seq = s.seq`,
        [JSON.stringify(seals)]);
    }
    return seals.length;
  });
}

/** Events in chain order (sealed first, by position; then unsealed, by id), in pages. */
export async function* eventsInOrder(db: ReadDb, pageSize = 5000): AsyncGenerator<AuditEvent> {
  let after = 0;
  for (;;) {
    const rows = await db.query<AuditRow>('select * from audit_event where chain_pos > $1 order by chain_pos limit $2', [after, pageSize]);
    for (const r of rows) yield toEvent(r);
    if (rows.length < pageSize) break;
    after = rows.at(-1)!.chain_pos!;
  }
  for (const r of await db.query<AuditRow>('select * from audit_event where hash is null order by seq')) yield toEvent(r);
}

export async function listEvents(db: ReadDb, f: { entityType?: string; entityId?: string; limit: number; before?: number }): Promise<AuditEvent[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.entityType) { params.push(f.entityType); where.push(`entity_type = $${params.length}`); }
  if (f.entityId) { params.push(f.entityId); where.push(`entity_id = $${params.length}`); }
  if (f.before) { params.push(f.before); where.push(`seq < $${params.length}`); }
  params.push(f.limit);
  return (await db.query<AuditRow>(`select * from audit_event ${where.length ? `where ${where.join(' and ')}` : ''} order by seq desc limit $${params.length}`, params)).map(toEvent);
}

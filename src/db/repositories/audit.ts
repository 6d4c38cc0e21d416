/** The audit log: appended under a lock so the chain has one order; read in sequence order. */
import { eventHash, GENESIS, type AuditEvent, type AuditFields } from '../../core/auditChain.js';
import type { Db, ReadDb } from '../connection.js';

const LOCK = 1540_0002;

interface AuditRow { seq: number; at: string; actor_id: number | null; actor_role: string; via: string; action: string; entity_type: string; entity_id: string | null; state: string | null; visibility: 'public' | 'restricted'; change: AuditFields['change']; request_id: string | null; client: string | null; prev_hash: string; hash: string }

const toEvent = (r: AuditRow): AuditEvent => ({
  seq: r.seq, at: r.at, actorId: r.actor_id, actorRole: r.actor_role, via: r.via, action: r.action, entityType: r.entity_type, entityId: r.entity_id,
  state: r.state, visibility: r.visibility, change: r.change, requestId: r.request_id, client: r.client, prevHash: r.prev_hash, hash: r.hash,
});

/** Appends an event inside the caller's transaction (the write and its event commit together). */
export async function appendEvent(tx: Db, fields: AuditFields): Promise<AuditEvent> {
  await tx.query('select pg_advisory_xact_lock($1)', [LOCK]);
  const prev = (await tx.query<{ hash: string }>('select hash from audit_event order by seq desc limit 1'))[0]?.hash ?? GENESIS;
  // The change is stored as jsonb; hash what jsonb gives back (it normalises key order and numbers).
  const change = JSON.parse(JSON.stringify(fields.change)) as AuditFields['change'];
  const hash = eventHash(prev, { ...fields, change });
  const rows = await tx.query<AuditRow>(
    `insert into audit_event (at, actor_id, actor_role, via, action, entity_type, entity_id, state, visibility, change, request_id, client, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning *`,
    [fields.at, fields.actorId, fields.actorRole, fields.via, fields.action, fields.entityType, fields.entityId, fields.state, fields.visibility,
      JSON.stringify(change), fields.requestId, fields.client, prev, hash]);
  return toEvent(rows[0]!);
}

/** Events in sequence order, in pages (for verification and export of large logs). */
export async function* eventsInOrder(db: ReadDb, pageSize = 5000): AsyncGenerator<AuditEvent> {
  let after = 0;
  for (;;) {
    const rows = await db.query<AuditRow>('select * from audit_event where seq > $1 order by seq limit $2', [after, pageSize]);
    for (const r of rows) yield toEvent(r);
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.seq;
  }
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

/**
 * The audit log's hash chain. Each event's hash is SHA-256 over the previous event's hash and the
 * event's canonical JSON; verifying walks the events in order and names the first that does not match.
 * The same code verifies the log in the database and an exported JSON-lines file.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './recordDiff.js';

export const GENESIS = '0'.repeat(64);

export interface AuditFields {
  at: string;
  actorId: number | null;
  actorRole: string;
  via: string;
  action: string;
  entityType: string;
  entityId: string | null;
  state: string | null;
  visibility: 'public' | 'restricted';
  change: { before?: unknown; after?: unknown };
  requestId: string | null;
  client: string | null;
}

export interface AuditEvent extends AuditFields { seq: number; prevHash: string; hash: string }

/** An exported event the reader may not see: only its place in the chain. */
export interface RedactedEvent { seq: number; prevHash: string; hash: string; redacted: true }

/** The hash of an event given the previous event's hash. */
export function eventHash(prevHash: string, fields: AuditFields): string {
  const { at, actorId, actorRole, via, action, entityType, entityId, state, visibility, change, requestId, client } = fields;
  const body = canonicalJson({ at, actorId, actorRole, via, action, entityType, entityId, state, visibility, change, requestId, client });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

export type VerifyResult =
  | { ok: true; checked: number; lastHash: string; redacted?: number }
  | { ok: false; checked: number; seq: number; reason: string };

/** Walks events in sequence order from the genesis hash; stops at the first that does not match. */
export function verifyChain(events: Iterable<AuditEvent | RedactedEvent>): VerifyResult {
  let prev = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  let redacted = 0;
  for (const e of events) {
    if (e.seq <= lastSeq) return { ok: false, checked, seq: e.seq, reason: 'out of sequence' };
    if (e.prevHash !== prev) {
      return { ok: false, checked, seq: e.seq, reason: lastSeq && e.seq !== lastSeq + 1 ? `events ${lastSeq + 1}–${e.seq - 1} are missing` : 'previous hash does not match' };
    }
    // A redacted event's content cannot be checked here, but its place in the chain can.
    if ('redacted' in e) redacted++;
    else if (eventHash(prev, e) !== e.hash) return { ok: false, checked, seq: e.seq, reason: 'content does not match its hash' };
    prev = e.hash;
    lastSeq = e.seq;
    checked++;
  }
  return { ok: true, checked, lastHash: prev, ...(redacted ? { redacted } : {}) };
}

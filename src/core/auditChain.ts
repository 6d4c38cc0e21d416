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

/** An event as stored: sealed ones have their place in the chain and their hash; unsealed ones not yet. */
export interface AuditEvent extends AuditFields { seq: number; chainPos: number | null; prevHash: string | null; hash: string | null }

/** An exported event the reader may not see: only its place in the chain. */
export interface RedactedEvent { seq: number; chainPos: number | null; prevHash: string | null; hash: string | null; redacted: true }

/** The hash of an event given the previous event's hash. */
export function eventHash(prevHash: string, fields: AuditFields): string {
  const { at, actorId, actorRole, via, action, entityType, entityId, state, visibility, change, requestId, client } = fields;
  const body = canonicalJson({ at, actorId, actorRole, via, action, entityType, entityId, state, visibility, change, requestId, client });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

export type VerifyResult =
  | { ok: true; checked: number; lastHash: string; redacted?: number; unsealed?: number }
  | { ok: false; checked: number; seq: number; reason: string };

/**
 * Walks sealed events in chain order from the genesis hash and stops at the first that does not match.
 * Unsealed events (written, not yet given their place) are counted, not judged.
 */
export function verifyChain(events: Iterable<AuditEvent | RedactedEvent>): VerifyResult {
  let prev = GENESIS;
  let lastPos = 0;
  let checked = 0;
  let redacted = 0;
  let unsealed = 0;
  for (const e of events) {
    if (e.hash === null || e.chainPos === null || e.prevHash === null) { unsealed++; continue; }
    if (e.chainPos <= lastPos) return { ok: false, checked, seq: e.seq, reason: 'out of chain order' };
    if (e.chainPos > lastPos + 1) {
      return { ok: false, checked, seq: e.seq, reason: `the events at chain positions ${lastPos + 1}–${e.chainPos - 1} are missing` };
    }
    if (e.prevHash !== prev) return { ok: false, checked, seq: e.seq, reason: 'previous hash does not match' };
    // A redacted event's content cannot be checked here, but its place in the chain can.
    if ('redacted' in e) redacted++;
    else if (eventHash(prev, e) !== e.hash) return { ok: false, checked, seq: e.seq, reason: 'content does not match its hash' };
    prev = e.hash;
    lastPos = e.chainPos;
    checked++;
  }
  return { ok: true, checked, lastHash: prev, ...(redacted ? { redacted } : {}), ...(unsealed ? { unsealed } : {}) };
}

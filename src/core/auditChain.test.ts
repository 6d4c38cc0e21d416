import { describe, expect, it } from 'vitest';
import { eventHash, GENESIS, verifyChain, type AuditEvent, type AuditFields } from './auditChain.js';

function chain(n: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  let prev = GENESIS;
  for (let i = 1; i <= n; i++) {
    const f: AuditFields = { at: `2026-01-0${i}T00:00:00.000Z`, actorId: 1, actorRole: 'admin', via: 'session', action: 'update', entityType: 'contact', entityId: String(i), state: 'FRA', visibility: 'restricted', change: { before: { name: 'a' }, after: { name: `b${i}` } }, requestId: `r${i}`, client: '127.0.0.1' };
    const hash = eventHash(prev, f);
    out.push({ ...f, seq: i, chainPos: i, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('verifies an intact chain', () => {
    expect(verifyChain(chain(5))).toMatchObject({ ok: true, checked: 5 });
    expect(verifyChain([])).toMatchObject({ ok: true, checked: 0, lastHash: GENESIS });
  });
  it('names the first altered event', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, change: { before: { name: 'a' }, after: { name: 'forged' } } };
    expect(verifyChain(events)).toEqual({ ok: false, checked: 2, seq: 3, reason: 'content does not match its hash' });
  });
  it('names the gap where events were deleted', () => {
    const events = chain(5);
    events.splice(1, 2);
    expect(verifyChain(events)).toEqual({ ok: false, checked: 1, seq: 4, reason: 'the events at chain positions 2–3 are missing' });
  });
  it('counts unsealed events without judging them', () => {
    const events = chain(2);
    events.push({ ...events[1]!, seq: 3, chainPos: null, prevHash: null, hash: null });
    expect(verifyChain(events)).toMatchObject({ ok: true, checked: 2, unsealed: 1 });
  });
  it('detects a re-hashed forgery by the next event', () => {
    const events = chain(3);
    const forged = { ...events[1]!, action: 'delete' };
    forged.hash = eventHash(forged.prevHash!, forged);
    events[1] = forged;
    expect(verifyChain(events)).toMatchObject({ ok: false, seq: 3, reason: 'previous hash does not match' });
  });
});

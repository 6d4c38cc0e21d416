import { describe, expect, it } from 'vitest';
import { ANONYMOUS, can, canSeeAuditEvent, type Actor } from './permissions.js';

const poc: Actor = { role: 'state_poc', userId: 7, state: 'FRA', org: null, via: 'session' };
const expert: Actor = { role: 'expert', userId: 8, state: null, org: null, via: 'session' };

describe('can()', () => {
  it('scopes a State PoC to its own State', () => {
    expect(can(poc, 'contacts:read', { state: 'FRA', published: false })).toBe(true);
    expect(can(poc, 'contacts:read', { state: 'DEU', published: false })).toBe(false);
    expect(can(poc, 'contacts:read', { state: 'DEU', published: true })).toBe(true);
    expect(can(poc, 'contacts:write', { state: 'FRA' })).toBe(true);
    expect(can(poc, 'contacts:write', { state: 'DEU' })).toBe(false);
    expect(can(expert, 'contacts:write', { state: 'DEU' })).toBe(true);
  });
  it('keeps read-only tokens from writing, whatever the role', () => {
    expect(can({ ...expert, via: 'token', tokenScope: 'read' }, 'contacts:write', { state: 'DEU' })).toBe(false);
    expect(can({ ...expert, via: 'token', tokenScope: 'read' }, 'contacts:read', { state: 'DEU' })).toBe(true);
    expect(can({ ...expert, via: 'token', tokenScope: 'read-write' }, 'contacts:write', { state: 'DEU' })).toBe(true);
  });
  it('lets the public read reference data and published records only', () => {
    expect(can(ANONYMOUS, 'reference:read')).toBe(true);
    expect(can(ANONYMOUS, 'contacts:read', { state: 'FRA', published: false })).toBe(false);
    expect(can(ANONYMOUS, 'users:read')).toBe(false);
    expect(can(ANONYMOUS, 'profile:read')).toBe(false);
  });
  it('shows restricted audit events by role, scope and authorship', () => {
    const restricted = { visibility: 'restricted' as const, state: 'FRA', actorId: 99 };
    expect(canSeeAuditEvent(ANONYMOUS, restricted)).toBe(false);
    expect(canSeeAuditEvent(ANONYMOUS, { ...restricted, visibility: 'public' })).toBe(true);
    expect(canSeeAuditEvent(poc, restricted)).toBe(true);
    expect(canSeeAuditEvent(poc, { ...restricted, state: 'DEU' })).toBe(false);
    expect(canSeeAuditEvent(poc, { ...restricted, state: null, actorId: 7 })).toBe(true);
    expect(canSeeAuditEvent(expert, { ...restricted, state: 'DEU' })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { MATRIX_STATUSES, type MatrixStatus } from './matrixTypes.js';
import { approvalClock, MATRIX_TRANSITIONS, transitionAllowed, type ClockEvent } from './approvalClock.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const submittedAt = '2025-03-03T12:00:00.000Z';
/** `d` days (and `h` hours) after submission. */
const t = (d: number, h = 0): string => new Date(Date.parse(submittedAt) + d * DAY + h * HOUR).toISOString();
const clock = (events: ClockEvent[], now: string, periodMs = 5 * DAY) => approvalClock({ periodMs, submittedAt, events }, now);
const hold = (at: string, by: number, reason = 'needs time to consult the capital'): ClockEvent => ({ kind: 'hold', at, by, reason });
const lift = (at: string, by: number): ClockEvent => ({ kind: 'lift', at, by });

describe('approvalClock', () => {
  it('runs from submission, counting down to the deadline', () => {
    expect(clock([], t(2))).toEqual({
      state: 'running', deadline: t(5), remainingMs: 3 * DAY, activeHolds: [], approvedAt: null, late: [], ignored: [],
    });
  });

  it('approves at exactly the deadline when no hold was placed', () => {
    expect(clock([], t(4, 23)).state).toBe('running');
    const r = clock([], t(5));
    expect(r).toMatchObject({ state: 'approved', approvedAt: t(5), remainingMs: 0 });
    expect(clock([], t(40)).approvedAt).toBe(t(5));
  });

  it('a hold freezes the time left; lifting it resumes the clock with that time', () => {
    const events = [hold(t(2), 7), lift(t(10), 7)];
    const held = clock(events, t(9));
    expect(held).toMatchObject({ state: 'held', deadline: null, remainingMs: 3 * DAY });
    expect(held.activeHolds).toEqual([{ by: 7, at: t(2), reason: 'needs time to consult the capital' }]);
    expect(clock(events, t(3)).remainingMs).toBe(3 * DAY);
    const resumed = clock(events, t(11));
    expect(resumed).toMatchObject({ state: 'running', deadline: t(13), remainingMs: 2 * DAY, activeHolds: [] });
    expect(clock(events, t(13))).toMatchObject({ state: 'approved', approvedAt: t(13) });
  });

  it('stays held while any member holds; each lifts only their own hold', () => {
    const events = [hold(t(1), 7), hold(t(2), 9), lift(t(3), 7), lift(t(3, 1), 12)];
    const r = clock(events, t(4));
    expect(r.state).toBe('held');
    expect(r.activeHolds.map((h) => h.by)).toEqual([9]);
    expect(r.remainingMs).toBe(4 * DAY);
    expect(r.ignored).toEqual([{ event: lift(t(3, 1), 12), reason: 'no-hold' }]);
    const all = clock([...events, lift(t(6), 9)], t(7));
    expect(all).toMatchObject({ state: 'running', deadline: t(10), remainingMs: 3 * DAY });
  });

  it('counts the time run between holds', () => {
    const events = [hold(t(1), 7), lift(t(2), 7), hold(t(3), 7), lift(t(20), 7)];
    expect(clock(events, t(10))).toMatchObject({ state: 'held', remainingMs: 3 * DAY });
    expect(clock(events, t(20))).toMatchObject({ state: 'running', deadline: t(23) });
  });

  it('ignores a hold placed at or after the deadline, reporting it as late', () => {
    const r = clock([hold(t(5), 7), hold(t(6), 9, 'too late')], t(7));
    expect(r).toMatchObject({ state: 'approved', approvedAt: t(5), activeHolds: [] });
    expect(r.late).toEqual([hold(t(5), 7), hold(t(6), 9, 'too late')]);
    expect(r.ignored.map((i) => i.reason)).toEqual(['late', 'late']);
  });

  it('takes events in time order, whatever the input order, and only those that happened by now', () => {
    const events = [lift(t(10), 7), hold(t(2), 7)];
    expect(clock(events, t(11))).toMatchObject({ state: 'running', deadline: t(13) });
    expect(clock(events, t(9))).toMatchObject({ state: 'held' });
    expect(clock(events, t(1))).toMatchObject({ state: 'running', deadline: t(5), ignored: [] });
  });

  it('ignores a second hold by the same member and events before submission', () => {
    const r = clock([hold(t(-1), 3), hold(t(1), 7), hold(t(2), 7)], t(3));
    expect(r.ignored.map((i) => i.reason)).toEqual(['before-submission', 'already-held']);
    expect(r.activeHolds).toEqual([{ by: 7, at: t(1), reason: 'needs time to consult the capital' }]);
  });

  it('refuses a period that is not positive and timestamps that are not timestamps', () => {
    expect(() => clock([], t(1), 0)).toThrow(RangeError);
    expect(() => clock([hold('soon', 7)], t(1))).toThrow(RangeError);
  });
});

describe('transitionAllowed', () => {
  const allowed: [MatrixStatus, MatrixStatus][] = [
    ['draft', 'shared'], ['shared', 'draft'], ['shared', 'agreed'], ['agreed', 'in-approval'],
    ['in-approval', 'approved'], ['approved', 'published'], ['in-approval', 'agreed'],
  ];

  it('allows exactly the listed transitions', () => {
    for (const from of MATRIX_STATUSES) {
      for (const to of MATRIX_STATUSES) {
        expect(transitionAllowed(from, to), `${from} → ${to}`).toBe(allowed.some(([f, x]) => f === from && x === to));
      }
    }
    expect(MATRIX_TRANSITIONS).toHaveLength(allowed.length);
  });

  it('published is final', () => {
    for (const to of MATRIX_STATUSES) expect(transitionAllowed('published', to)).toBe(false);
  });

  it('approval is made by the clock only, and the clock makes nothing else', () => {
    expect(transitionAllowed('in-approval', 'approved', 'clock')).toBe(true);
    expect(transitionAllowed('in-approval', 'approved', 'person')).toBe(false);
    expect(transitionAllowed('agreed', 'in-approval', 'clock')).toBe(false);
    expect(transitionAllowed('in-approval', 'agreed', 'person')).toBe(true);
  });
});

/**
 * Approval of a matrix by the Committee's no-objection procedure, and the transitions of a matrix's status.
 *
 * The clock runs from the submission of the agreed draft for a set period. A member who places a hold
 * before the deadline stops the clock: the time left is frozen. Several members may hold at once; each lifts
 * only their own hold, and the clock resumes, with the time that was left, when the last hold is lifted. When
 * the clock reaches the deadline with no hold in place the matrix is approved, at exactly the deadline. A
 * hold placed at or after the deadline comes too late: it is ignored and reported as `late`.
 */
import type { MatrixStatus } from './matrixTypes.js';

export interface ClockEvent {
  kind: 'hold' | 'lift';
  /** ISO timestamp. */
  at: string;
  /** The committee member (user id). */
  by: number;
  reason?: string | null;
}

export interface ActiveHold { by: number; at: string; reason: string | null }

export type IgnoredReason = 'late' | 'before-submission' | 'already-held' | 'no-hold' | 'after-approval';

export interface ClockInput {
  /** The no-objection period in milliseconds. */
  periodMs: number;
  /** ISO timestamp of the submission. */
  submittedAt: string;
  events: readonly ClockEvent[];
}

export interface ClockState {
  state: 'running' | 'held' | 'approved';
  /** When the period ends if nothing else happens (running), or ended (approved: the approval time); null while held. */
  deadline: string | null;
  /** Time left on the clock: counting down while running, frozen while held, 0 once approved. */
  remainingMs: number;
  /** The holds in place, oldest first. */
  activeHolds: ActiveHold[];
  /** The approval time (the deadline reached), when approved. */
  approvedAt: string | null;
  /** Holds placed at or after the deadline, which do not stop the clock. */
  late: ClockEvent[];
  /** Every event that had no effect, and why (late holds included). */
  ignored: { event: ClockEvent; reason: IgnoredReason }[];
}

function millis(s: string, what: string): number {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new RangeError(`${what}: not a timestamp: ${s}`);
  return ms;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The state of the no-objection procedure at `now` (ISO timestamp), from the events that happened by then. */
export function approvalClock(input: ClockInput, now: string): ClockState {
  const { periodMs } = input;
  if (!Number.isFinite(periodMs) || periodMs <= 0) throw new RangeError(`periodMs: must be a positive number: ${periodMs}`);
  const start = millis(input.submittedAt, 'submittedAt');
  const nowMs = millis(now, 'now');
  const events = input.events
    .map((event, i) => ({ event, ms: millis(event.at, `events[${i}].at`), i }))
    .filter((e) => e.ms <= nowMs)
    .sort((a, b) => a.ms - b.ms || a.i - b.i);

  let remaining = periodMs;
  let runningSince = start;
  const holds = new Map<number, ActiveHold>();
  const ignored: ClockState['ignored'] = [];
  let approvedAt: number | null = null;

  for (const { event, ms } of events) {
    if (ms < start) { ignored.push({ event, reason: 'before-submission' }); continue; }
    if (approvedAt === null && holds.size === 0 && ms >= runningSince + remaining) approvedAt = runningSince + remaining;
    if (approvedAt !== null) {
      ignored.push({ event, reason: event.kind === 'hold' ? 'late' : 'after-approval' });
      continue;
    }
    if (event.kind === 'hold') {
      if (holds.has(event.by)) { ignored.push({ event, reason: 'already-held' }); continue; }
      if (holds.size === 0) remaining -= ms - runningSince;
      holds.set(event.by, { by: event.by, at: event.at, reason: event.reason ?? null });
    } else {
      if (!holds.has(event.by)) { ignored.push({ event, reason: 'no-hold' }); continue; }
      holds.delete(event.by);
      if (holds.size === 0) runningSince = ms;
    }
  }

  const late = ignored.filter((x) => x.reason === 'late').map((x) => x.event);
  const activeHolds = [...holds.values()];
  if (approvedAt === null && holds.size === 0 && nowMs >= runningSince + remaining) approvedAt = runningSince + remaining;
  if (approvedAt !== null) {
    return { state: 'approved', deadline: iso(approvedAt), remainingMs: 0, activeHolds: [], approvedAt: iso(approvedAt), late, ignored };
  }
  if (holds.size > 0) return { state: 'held', deadline: null, remainingMs: remaining, activeHolds, approvedAt: null, late, ignored };
  const deadline = runningSince + remaining;
  return { state: 'running', deadline: iso(deadline), remainingMs: deadline - nowMs, activeHolds, approvedAt: null, late, ignored };
}

/** Who may make a transition: people (expert, Committee) or only the approval clock. */
export type TransitionActor = 'person' | 'clock';

export interface MatrixTransition { from: MatrixStatus; to: MatrixStatus; by: TransitionActor; label: string }

/** The allowed changes of a matrix's status. `published` is final. */
export const MATRIX_TRANSITIONS: readonly MatrixTransition[] = [
  { from: 'draft', to: 'shared', by: 'person', label: 'share with the State' },
  { from: 'shared', to: 'draft', by: 'person', label: 'take back' },
  { from: 'shared', to: 'agreed', by: 'person', label: 'record agreement' },
  { from: 'agreed', to: 'in-approval', by: 'person', label: 'submit for approval' },
  { from: 'in-approval', to: 'agreed', by: 'person', label: 'withdraw' },
  { from: 'in-approval', to: 'approved', by: 'clock', label: 'approved without objection' },
  { from: 'approved', to: 'published', by: 'person', label: 'publish' },
];

/**
 * True when a matrix may go from `from` to `to`. With `by`, also checks who makes the change: approval
 * (in-approval → approved) is made by the clock only, and the clock makes no other change.
 */
export function transitionAllowed(from: MatrixStatus, to: MatrixStatus, by?: TransitionActor): boolean {
  return MATRIX_TRANSITIONS.some((t) => t.from === from && t.to === to && (by === undefined || t.by === by));
}

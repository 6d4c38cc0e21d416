/**
 * The status of one State under one instrument as of a date, from its dated actions.
 *
 * Rules (published in docs/status-rules.md, identical for every State):
 * 1. Only actions dated on or before the as-of date count (a withdrawal counts from its effective date).
 * 2. Consent to be bound (ratification, accession, succession, acceptance, approval; subscription for a
 *    code of conduct; entry into force for an IAEA agreement; admission for a regime) makes the State a
 *    party. Where several depositaries hold an instrument, the earliest deposit counts.
 * 3. A signature without consent makes the State a signatory.
 * 4. A withdrawal takes effect on its effective date; until then the State remains a party and the
 *    pending notice is reported. After it takes effect the status is `withdrawn`.
 * 5. A revocation of ratification removes the consent: a State that had signed is a signatory again.
 * 6. A later consent after a withdrawal or revocation makes the State a party again.
 * On the same day, signature is applied before consent, and consent before revocation or withdrawal.
 */
import { CONSENT_ACTIONS, type Action, type ActionType, type Status } from './types.js';

export interface StatusResult {
  status: Status;
  /** Date from which the current status holds (null for `none` with no prior action). */
  since: string | null;
  /** Earliest signature date on or before the as-of date. */
  signed: string | null;
  /** Withdrawal notified on or before the as-of date but not yet effective. */
  pendingWithdrawal: { notified: string; effective: string } | null;
  /** Notes carried by the counted actions (disputed validity, conflicting dates…). */
  notes: string[];
}

const SAME_DAY_ORDER: Record<ActionType, number> = {
  signature: 0,
  ratification: 1, accession: 1, succession: 1, acceptance: 1, approval: 1,
  subscription: 1, 'in-force': 1, admission: 1,
  revocation: 2, withdrawal: 3,
};

interface Event { date: string; kind: ActionType; action: Action }

/** When an action takes effect: a withdrawal on its effective date, anything else on its own date. */
export function effectiveDate(a: Action): string {
  return a.action === 'withdrawal' && a.effective ? a.effective : a.date;
}

/** Computes the status as of `asOf` (YYYY-MM-DD) from one State's actions under one instrument. */
export function statusAsOf(actions: readonly Action[], asOf: string): StatusResult {
  const events: Event[] = actions
    .map((a) => ({ date: effectiveDate(a), kind: a.action, action: a }))
    .filter((e) => e.date <= asOf)
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : SAME_DAY_ORDER[x.kind] - SAME_DAY_ORDER[y.kind]));

  let status: Status = 'none';
  let since: string | null = null;
  let signed: string | null = null;
  const notes: string[] = [];

  for (const { date, kind, action } of events) {
    if (action.note && !notes.includes(action.note)) notes.push(action.note);
    if (kind === 'signature') {
      signed ??= date;
      if (status === 'none') { status = 'signatory'; since = date; }
    } else if (CONSENT_ACTIONS.has(kind)) {
      if (status !== 'party') { status = 'party'; since = date; }
    } else if (kind === 'revocation') {
      if (status === 'party') { status = signed ? 'signatory' : 'none'; since = date; }
    } else if (kind === 'withdrawal') {
      if (status === 'party' || status === 'signatory') { status = 'withdrawn'; since = date; }
    }
  }

  const pending = actions.find(
    (a) => a.action === 'withdrawal' && a.effective && a.date <= asOf && a.effective > asOf,
  );
  if (pending?.note && !notes.includes(pending.note)) notes.push(pending.note);
  return {
    status,
    since,
    signed,
    pendingWithdrawal: pending ? { notified: pending.date, effective: pending.effective! } : null,
    notes,
  };
}


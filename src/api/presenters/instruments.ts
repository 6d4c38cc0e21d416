/** What JSON leaves for instruments and statuses. */
import type { StatusResult } from '../../core/status.js';
import type { Action, Instrument } from '../../core/types.js';

export function presentInstrument(i: Instrument) {
  return {
    code: i.code, kind: i.kind, parent: i.parent, weapons: i.weapons, names: i.names, depositaries: i.depositaries,
    openedForSignature: i.openedForSignature, entryIntoForce: i.entryIntoForce, ...(i.notes ? { notes: i.notes } : {}),
    ...(i.published ? { published: i.published } : {}),
    ...(i.incomplete ? { incomplete: i.incomplete } : {}),
  };
}

export function presentAction(a: Action) {
  return { action: a.action, date: a.date, depositary: a.depositary, effective: a.effective, source: a.source, note: a.note };
}

export function presentStatus(r: StatusResult, actions: Action[]) {
  return {
    status: r.status, since: r.since, signed: r.signed, pendingWithdrawal: r.pendingWithdrawal, notes: r.notes,
    actions: actions.map(presentAction),
  };
}

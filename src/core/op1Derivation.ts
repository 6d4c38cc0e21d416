/**
 * The OP1 rows on treaties, agreements and regimes, filled from the participation records: for each row, a
 * State's mark, the "relevant information" (signature, deposit, withdrawal…) and the depositary records cited.
 *
 * The status under each instrument is the one the published status rules give (status.ts), as of the date:
 * - X when the State is a party (member, participant, subscribing State) to at least one of the row's
 *   instruments, including while a notified withdrawal is not yet effective;
 * - no mark, but the facts in the remarks, for a signature without consent ("Signed on …; not ratified"),
 *   a withdrawal that has taken effect, or a revoked consent;
 * - no entry at all when the State has no recorded act under any of the row's instruments.
 * Values carry provenance `open-source`. The English remarks are built from `facts` (one per act counted),
 * returned beside the values so that another language can render the same facts.
 */
import type { CatalogueField, EntryValue, Evidence } from './matrixTypes.js';
import { effectiveDate, statusAsOf, type StatusResult } from './status.js';
import { CONSENT_ACTIONS, type Action, type ActionType, type Instrument, type Source, type Status } from './types.js';

/** One act counted for a row: what the State did under which instrument, when, and with which depositary. */
export interface Op1Fact {
  instrument: string;
  action: ActionType;
  /** Date of the act (for a withdrawal: the date it was notified). */
  date: string;
  /** For a withdrawal: the date it takes effect. */
  effective: string | null;
  /** Depositary code, as in the instrument's `depositaries`. */
  depositary: string | null;
  /** Source id of the record. */
  source: string;
}

/** A State's standing under one instrument of a row, as of the date. */
export interface Op1InstrumentStatus {
  instrument: string;
  status: Status;
  since: string | null;
  pendingWithdrawal: StatusResult['pendingWithdrawal'];
  notes: string[];
}

export interface Op1Input {
  /** Catalogue fields; those without instruments are ignored. */
  fields: readonly CatalogueField[];
  iso3: string;
  /** YYYY-MM-DD. */
  asOf: string;
  instruments: readonly Instrument[];
  /** Participation actions (any States, any instruments: only the State's actions under each row's instruments are used). */
  actions: readonly Action[];
  /** Looks up a source by id, for the citation's title and URL. */
  source?: (id: string) => Pick<Source, 'title' | 'url'> | undefined;
}

export interface Op1Derivation {
  values: Map<string, EntryValue>;
  /** Per field: the acts stated in the remarks, in the order stated. */
  facts: Map<string, Op1Fact[]>;
  /** Per field: the State's status under each of the row's instruments that has a recorded act. */
  statuses: Map<string, Op1InstrumentStatus[]>;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1970-03-05" → "5 March 1970". */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

const DEPOSIT_WORD: Partial<Record<ActionType, string>> = {
  ratification: 'Ratification', accession: 'Accession', succession: 'Succession', acceptance: 'Acceptance', approval: 'Approval',
};

const REMARKS_MAX = 4000;

/**
 * The State's acts under one instrument that explain its status as of the date: the first signature, each
 * change of status (the consent that made it a party, a revocation, a withdrawal taking effect) with every
 * depositary that recorded it on that day, and a withdrawal notified but not yet effective. The changes of
 * status are read from statusAsOf itself, so the rules are the published ones.
 */
export function instrumentFacts(actions: readonly Action[], asOf: string): { facts: Op1Fact[]; result: StatusResult } {
  const result = statusAsOf(actions, asOf);
  const fact = (a: Action): Op1Fact => ({
    instrument: a.instrument, action: a.action, date: a.date, effective: a.action === 'withdrawal' ? a.effective ?? a.date : null,
    depositary: a.depositary, source: a.source,
  });
  const facts: Op1Fact[] = [];
  if (result.signed) facts.push(...actions.filter((a) => a.action === 'signature' && a.date === result.signed).map(fact));

  const days = [...new Set(actions.map(effectiveDate).filter((d) => d <= asOf))].sort();
  let before: Status = 'none';
  for (const day of days) {
    const now = statusAsOf(actions, day).status;
    if (now !== before) {
      const kinds: (a: Action) => boolean =
        now === 'party' ? (a) => CONSENT_ACTIONS.has(a.action)
          : now === 'withdrawn' ? (a) => a.action === 'withdrawal'
            : before === 'party' ? (a) => a.action === 'revocation'
              : () => false; // none → signatory: the signature, already stated
      facts.push(...actions.filter((a) => effectiveDate(a) === day && kinds(a)).map(fact));
    }
    before = now;
  }
  if (result.pendingWithdrawal) {
    const { notified, effective } = result.pendingWithdrawal;
    facts.push(...actions.filter((a) => a.action === 'withdrawal' && a.date === notified && a.effective === effective).map(fact));
  }
  return { facts, result };
}

function depositaryNames(instrument: Instrument | undefined, codes: (string | null)[]): string[] {
  return [...new Set(codes.filter((c): c is string => !!c))]
    .map((c) => instrument?.depositaries.find((d) => d.code === c)?.name ?? c)
    .sort();
}

/** The English sentence for one group of facts (the same act on the same day, possibly at several depositaries). */
function sentence(group: Op1Fact[], instrument: Instrument | undefined, asOf: string): string {
  const f = group[0]!;
  const deps = depositaryNames(instrument, group.map((g) => g.depositary));
  const at = deps.length === 0 ? '' : ` (${deps.length === 1 ? 'depositary' : 'depositaries'}: ${deps.join(', ')})`;
  const day = formatDay(f.date);
  switch (f.action) {
    case 'signature': return `Signed on ${day}`;
    case 'subscription': return `Subscribed on ${day}`;
    case 'admission': return `Admitted on ${day}`;
    case 'in-force': return `In force since ${day}`;
    case 'revocation': return `Ratification revoked on ${day}${at}`;
    case 'withdrawal': {
      const eff = f.effective ?? f.date;
      if (eff === f.date) return `Withdrew on ${day}${at}`;
      return `Withdrawal notified on ${day}${at}, ${eff <= asOf ? 'effective' : 'taking effect on'} ${formatDay(eff)}`;
    }
    default: return `${DEPOSIT_WORD[f.action] ?? f.action} deposited ${day}${at}`;
  }
}

/** The remarks for one instrument: its facts in order, then "not ratified" for a signatory, then the records' notes. */
function instrumentRemarks(facts: Op1Fact[], st: Op1InstrumentStatus, instrument: Instrument | undefined, asOf: string): string {
  const groups: Op1Fact[][] = [];
  for (const f of facts) {
    const g = groups.find((x) => x[0]!.action === f.action && x[0]!.date === f.date && x[0]!.effective === f.effective);
    if (g) g.push(f); else groups.push([f]);
  }
  const parts = groups.map((g, i) => {
    const s = sentence(g, instrument, asOf);
    return i === 0 ? s : s.charAt(0).toLowerCase() + s.slice(1);
  });
  if (st.status === 'signatory') parts.push('not ratified');
  const notes = st.notes.length ? ` (${st.notes.join(' ')})` : '';
  return parts.join('; ') + notes;
}

function cap(s: string): string {
  return s.length <= REMARKS_MAX ? s : `${s.slice(0, REMARKS_MAX - 1)}…`;
}

/** Derives a State's OP1 treaty, agreement and regime rows as of a date. */
export function deriveOp1(input: Op1Input): Op1Derivation {
  const { iso3, asOf } = input;
  const byCode = new Map(input.instruments.map((i) => [i.code, i]));
  const own = input.actions.filter((a) => a.state === iso3);
  const values = new Map<string, EntryValue>();
  const facts = new Map<string, Op1Fact[]>();
  const statuses = new Map<string, Op1InstrumentStatus[]>();

  for (const field of input.fields) {
    if (field.instruments.length === 0) continue;
    const rowFacts: Op1Fact[] = [];
    const rowStatuses: Op1InstrumentStatus[] = [];
    const blocks: string[] = [];
    for (const code of field.instruments) {
      const { facts: f, result } = instrumentFacts(own.filter((a) => a.instrument === code), asOf);
      if (f.length === 0) continue;
      const { status, since, pendingWithdrawal, notes } = result;
      const st: Op1InstrumentStatus = { instrument: code, status, since, pendingWithdrawal, notes };
      const instrument = byCode.get(code);
      const text = instrumentRemarks(f, st, instrument, asOf);
      blocks.push(field.instruments.length > 1 ? `${instrument?.names.en.short ?? code}: ${text}` : text);
      rowFacts.push(...f);
      rowStatuses.push(st);
    }
    if (rowFacts.length === 0) continue;

    const evidence: Evidence[] = [];
    for (const id of new Set(rowFacts.map((f) => f.source))) {
      const src = input.source?.(id);
      evidence.push({ kind: 'depositary-record', document: (src?.title ?? id).slice(0, 500), url: src?.url ?? null, locator: null });
    }
    values.set(field.id, {
      mark: rowStatuses.some((s) => s.status === 'party') ? 'X' : null,
      evidence: evidence.slice(0, 20),
      remarks: cap(blocks.join('. ')),
      provenance: 'open-source',
    });
    facts.set(field.id, rowFacts);
    statuses.set(field.id, rowStatuses);
  }
  return { values, facts, statuses };
}

/** The catalogue fields that are filled from participation records. */
export function op1InstrumentFields(fields: readonly CatalogueField[]): CatalogueField[] {
  return fields.filter((f) => f.instruments.length > 0);
}

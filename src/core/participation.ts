/** Participation in an instrument as of a date: every entity's status, and the counts published with it. */
import { isUnMemberAsOf } from './membership.js';
import { groupBy } from './collections.js';
import { statusAsOf, type StatusResult } from './status.js';
import { STATUSES, type Action, type Instrument, type RegionalGroup, type State, type Status } from './types.js';

export type StatusCounts = Record<Status, number>;

export interface Participant extends StatusResult {
  state: State;
  actions: Action[];
  unMember: boolean;
}

export interface ParticipationCounts {
  /** Every entity in the register (UN members, observer States, other entities). */
  all: StatusCounts & { total: number };
  /** UN Member States as of the date only. */
  unMembers: StatusCounts & { total: number };
}

export function emptyCounts(): StatusCounts & { total: number } {
  return { party: 0, signatory: 0, withdrawn: 0, none: 0, total: 0 };
}

/** The status of every entity under one instrument as of `asOf`. */
export function participantsAsOf(states: readonly State[], actions: readonly Action[], asOf: string): Participant[] {
  const byState = groupBy(actions, (a) => a.state);
  return states.map((state) => {
    const own = byState.get(state.iso3) ?? [];
    return { state, actions: own, unMember: isUnMemberAsOf(state, asOf), ...statusAsOf(own, asOf) };
  });
}

/** Counts by status, among all entities and among UN members as of the date. */
export function countParticipants(participants: readonly Participant[]): ParticipationCounts {
  const all = emptyCounts();
  const unMembers = emptyCounts();
  for (const p of participants) {
    // A Member State admitted after the date, with no action by then, did not yet belong to the count
    // (South Sudan in 2008); observer States and other entities are always counted.
    if (p.state.unStatus === 'member' && !p.unMember && p.since === null && p.signed === null) continue;
    all[p.status]++; all.total++;
    if (p.unMember) { unMembers[p.status]++; unMembers.total++; }
  }
  return { all, unMembers };
}

/** True when the instrument is in force on `asOf` (regimes and codes are always "in operation" once begun). */
export function inForceAsOf(instrument: Pick<Instrument, 'entryIntoForce' | 'kind'>, asOf: string): boolean {
  if (instrument.kind === 'regime' || instrument.kind === 'code-of-conduct' || instrument.kind === 'agreement') return true;
  return instrument.entryIntoForce !== null && instrument.entryIntoForce <= asOf;
}

export interface Completeness {
  recorded: number;
  published: number | null;
  publishedAsOf: string | null;
  source: string | null;
  note?: string;
}

/**
 * Says when the figures rest on incomplete records: the instrument is marked incomplete, or the depositary
 * publishes a higher count than the dated records give on or after its date. Figures from incomplete
 * records must never be shown as complete.
 */
export function completeness(instrument: Pick<Instrument, 'published' | 'incomplete'>, counts: ParticipationCounts, asOf: string): Completeness | null {
  const p = instrument.published;
  const short = !!p && asOf >= p.asOf && counts.all.party < p.parties;
  if (!short && !instrument.incomplete) return null;
  const note = [instrument.incomplete, p?.note].filter(Boolean).join(' ');
  return {
    recorded: counts.all.party,
    published: short ? p!.parties : null, publishedAsOf: short ? p!.asOf : null, source: short ? p!.source : null,
    ...(note ? { note } : {}),
  };
}

export interface GroupRow { group: RegionalGroup | 'none'; counts: StatusCounts & { total: number } }

/** Counts by status among UN members of each regional group (the group in which a State is counted). */
export function countByGroup(participants: readonly Participant[]): GroupRow[] {
  const rows = new Map<RegionalGroup | 'none', StatusCounts & { total: number }>();
  for (const p of participants) {
    if (!p.unMember) continue;
    const key = p.state.group ?? 'none';
    const c = rows.get(key) ?? emptyCounts();
    c[p.status]++; c.total++;
    rows.set(key, c);
  }
  return [...rows.entries()].map(([group, counts]) => ({ group, counts })).sort((a, b) => a.group.localeCompare(b.group));
}

/** Number of parties at the end of each year from `fromYear` to the year of `until` (for charts). */
export function partiesOverTime(states: readonly State[], actions: readonly Action[], fromYear: number, until: string): Array<{ date: string; parties: number; unMemberParties: number }> {
  const out: Array<{ date: string; parties: number; unMemberParties: number }> = [];
  const lastYear = Number(until.slice(0, 4));
  for (let y = fromYear; y <= lastYear; y++) {
    const date = y === lastYear ? until : `${y}-12-31`;
    const c = countParticipants(participantsAsOf(states, actions, date));
    out.push({ date, parties: c.all.party, unMemberParties: c.unMembers.party });
  }
  return out;
}

export { STATUSES };

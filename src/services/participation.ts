/** Reference data (from the per-release snapshot) with the core status rules: the queries behind the participation API. */
import { completeness, countByGroup, countParticipants, inForceAsOf, participantsAsOf, partiesOverTime } from '../core/participation.js';
import { statusAsOf } from '../core/status.js';
import { groupBy } from '../core/collections.js';
import type { Instrument } from '../core/types.js';
import type { ReadDb } from '../db/connection.js';
import { referenceSnapshot, sourcesFor } from './referenceSnapshot.js';

const publishedSource = (i: Instrument) => (i.published ? [i.published.source] : []);

/** Every entity's status under one instrument as of a date, or null for an unknown code. */
export async function instrumentParticipants(db: ReadDb, code: string, asOf: string) {
  const snap = await referenceSnapshot(db);
  const instrument = snap.instrumentsByCode.get(code);
  if (!instrument) return null;
  const actions = snap.actionsByInstrument.get(code) ?? [];
  const participants = participantsAsOf(snap.states, actions, asOf);
  const counts = countParticipants(participants);
  const sources = sourcesFor(snap, [...actions.map((a) => a.source), ...publishedSource(instrument)]);
  return { instrument, inForce: inForceAsOf(instrument, asOf), participants, counts, completeness: completeness(instrument, counts, asOf), sources };
}

/** One instrument with its counts as of a date and parties at the end of each year since it opened. */
export async function instrumentOverview(db: ReadDb, code: string, asOf: string) {
  const snap = await referenceSnapshot(db);
  const instrument = snap.instrumentsByCode.get(code);
  if (!instrument) return null;
  const actions = snap.actionsByInstrument.get(code) ?? [];
  const first = [instrument.openedForSignature, ...actions.map((a) => a.date)].filter((d): d is string => !!d).sort()[0];
  const fromYear = first ? Number(first.slice(0, 4)) : Number(asOf.slice(0, 4));
  const counts = countParticipants(participantsAsOf(snap.states, actions, asOf));
  const sources = sourcesFor(snap, [...instrument.sources, ...publishedSource(instrument)]);
  return {
    instrument, inForce: inForceAsOf(instrument, asOf), counts, completeness: completeness(instrument, counts, asOf),
    history: partiesOverTime(snap.states, actions, fromYear, asOf), sources,
  };
}

/** A State's status under every instrument as of a date, or null for an unknown code. */
export async function stateInstruments(db: ReadDb, iso3: string, asOf: string) {
  const snap = await referenceSnapshot(db);
  const state = snap.statesByIso3.get(iso3.toUpperCase());
  if (!state) return null;
  const actions = snap.actionsByState.get(state.iso3) ?? [];
  const byInstrument = groupBy(actions, (a) => a.instrument);
  const rows = snap.instruments.map((instrument) => {
    const own = byInstrument.get(instrument.code) ?? [];
    return { instrument, inForce: inForceAsOf(instrument, asOf), actions: own, ...statusAsOf(own, asOf) };
  });
  return { state, rows, sources: sourcesFor(snap, actions.map((a) => a.source)) };
}

/** Counts for every instrument, overall and by regional group, as of a date. */
export async function universality(db: ReadDb, asOf: string) {
  const snap = await referenceSnapshot(db);
  return snap.instruments.map((instrument) => {
    const participants = participantsAsOf(snap.states, snap.actionsByInstrument.get(instrument.code) ?? [], asOf);
    const counts = countParticipants(participants);
    return { instrument, inForce: inForceAsOf(instrument, asOf), counts, completeness: completeness(instrument, counts, asOf), byGroup: countByGroup(participants) };
  });
}

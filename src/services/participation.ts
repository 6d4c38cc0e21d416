/** Reads reference data and applies the core status rules: the queries behind the participation API. */
import { completeness, countByGroup, countParticipants, inForceAsOf, participantsAsOf, partiesOverTime } from '../core/participation.js';
import { statusAsOf } from '../core/status.js';
import type { ReadDb } from '../db/connection.js';
import { actionsForInstrument, actionsForState, allActions } from '../db/repositories/actions.js';
import { getInstrument, listInstruments } from '../db/repositories/instruments.js';
import { listSources } from '../db/repositories/sources.js';
import { getState, listStates } from '../db/repositories/states.js';
import { groupBy } from '../core/collections.js';

/** Every entity's status under one instrument as of a date, or null for an unknown code. */
export async function instrumentParticipants(db: ReadDb, code: string, asOf: string) {
  const instrument = await getInstrument(db, code);
  if (!instrument) return null;
  const [states, actions] = await Promise.all([listStates(db), actionsForInstrument(db, code)]);
  const participants = participantsAsOf(states, actions, asOf);
  const counts = countParticipants(participants);
  const sources = await listSources(db, [...new Set([...actions.map((a) => a.source), ...(instrument.published ? [instrument.published.source] : [])])]);
  return { instrument, inForce: inForceAsOf(instrument, asOf), participants, counts, completeness: completeness(instrument, counts, asOf), sources };
}

/** One instrument with its counts today and parties at the end of each year since it opened. */
export async function instrumentOverview(db: ReadDb, code: string, asOf: string) {
  const instrument = await getInstrument(db, code);
  if (!instrument) return null;
  const [states, actions] = await Promise.all([listStates(db), actionsForInstrument(db, code)]);
  const first = [instrument.openedForSignature, ...actions.map((a) => a.date)].filter((d): d is string => !!d).sort()[0];
  const fromYear = first ? Number(first.slice(0, 4)) : Number(asOf.slice(0, 4));
  const counts = countParticipants(participantsAsOf(states, actions, asOf));
  const sources = await listSources(db, [...instrument.sources, ...(instrument.published ? [instrument.published.source] : [])]);
  return { instrument, inForce: inForceAsOf(instrument, asOf), counts, completeness: completeness(instrument, counts, asOf), history: partiesOverTime(states, actions, fromYear, asOf), sources };
}

/** A State's status under every instrument as of a date, or null for an unknown code. */
export async function stateInstruments(db: ReadDb, iso3: string, asOf: string) {
  const state = await getState(db, iso3);
  if (!state) return null;
  const [instruments, actions] = await Promise.all([listInstruments(db), actionsForState(db, state.iso3)]);
  const byInstrument = groupBy(actions, (a) => a.instrument);
  const rows = instruments.map((instrument) => {
    const own = byInstrument.get(instrument.code) ?? [];
    return { instrument, inForce: inForceAsOf(instrument, asOf), actions: own, ...statusAsOf(own, asOf) };
  });
  const sources = await listSources(db, [...new Set(actions.map((a) => a.source))]);
  return { state, rows, sources };
}

/** Counts for every instrument, overall and by regional group, as of a date. */
export async function universality(db: ReadDb, asOf: string) {
  const [instruments, states, actions] = await Promise.all([listInstruments(db), listStates(db), allActions(db)]);
  const byInstrument = groupBy(actions, (a) => a.instrument);
  return instruments.map((instrument) => {
    const participants = participantsAsOf(states, byInstrument.get(instrument.code) ?? [], asOf);
    const counts = countParticipants(participants);
    return { instrument, inForce: inForceAsOf(instrument, asOf), counts, completeness: completeness(instrument, counts, asOf), byGroup: countByGroup(participants) };
  });
}

/**
 * The reference data held in memory, per data release: States, instruments, actions and sources are read
 * from the database once per release (a few thousand rows) instead of on every request. The release id is
 * checked on each use, so a new release is seen at once.
 */
import { groupBy } from '../core/collections.js';
import type { Action, Instrument, Source, State } from '../core/types.js';
import type { ReadDb } from '../db/connection.js';
import { allActions } from '../db/repositories/actions.js';
import { listInstruments } from '../db/repositories/instruments.js';
import { latestReleaseId } from '../db/repositories/releases.js';
import { listSources } from '../db/repositories/sources.js';
import { listStates } from '../db/repositories/states.js';

export interface ReferenceSnapshot {
  releaseId: number;
  states: State[];
  statesByIso3: Map<string, State>;
  instruments: Instrument[];
  instrumentsByCode: Map<string, Instrument>;
  actionsByInstrument: Map<string, Action[]>;
  actionsByState: Map<string, Action[]>;
  sourcesById: Map<string, Source>;
}

const snapshots = new WeakMap<ReadDb, Promise<ReferenceSnapshot>>();

async function load(db: ReadDb, releaseId: number): Promise<ReferenceSnapshot> {
  const [states, instruments, actions, sources] = await Promise.all([listStates(db), listInstruments(db), allActions(db), listSources(db)]);
  return {
    releaseId, states, instruments,
    statesByIso3: new Map(states.map((s) => [s.iso3, s])),
    instrumentsByCode: new Map(instruments.map((i) => [i.code, i])),
    actionsByInstrument: groupBy(actions, (a) => a.instrument),
    actionsByState: groupBy(actions, (a) => a.state),
    sourcesById: new Map(sources.map((s) => [s.id, s])),
  };
}

/** The snapshot of the latest release loaded in `db`. */
export async function referenceSnapshot(db: ReadDb): Promise<ReferenceSnapshot> {
  const id = await latestReleaseId(db);
  const current = snapshots.get(db);
  if (current && (await current).releaseId === id) return current;
  const next = load(db, id);
  snapshots.set(db, next);
  next.catch(() => snapshots.delete(db));
  return next;
}

/** The sources with these ids, in id order. */
export function sourcesFor(snap: ReferenceSnapshot, ids: Iterable<string>): Source[] {
  return [...new Set(ids)].sort().map((id) => snap.sourcesById.get(id)).filter((s): s is Source => !!s);
}

/**
 * Loads the shipped reference data into the database idempotently: an unchanged release changes nothing;
 * a newer release updates what changed, in one transaction, and records a summary of the changes.
 */
import { checkReferenceData, type ReferenceData } from '../core/referenceData.js';
import { describeDiff, diffRecords, hashOf } from '../core/recordDiff.js';
import { instrumentPosition } from '../core/instrumentOrder.js';
import { today } from '../core/dates.js';
import type { Db } from './connection.js';
import { actionKey } from '../core/actionKey.js';
import { allActions, deleteActions, upsertActions } from './repositories/actions.js';
import { listInstruments, upsertInstruments } from './repositories/instruments.js';
import { listStates, upsertStates } from './repositories/states.js';
import { listSources, upsertSources } from './repositories/sources.js';
import { deleteRows } from './repositories/bulk.js';
import { latestRelease, recordRelease } from './repositories/releases.js';

export interface LoadResult { changed: boolean; hash: string; summary: Record<string, string> }

export class InvalidReferenceData extends Error {
  constructor(readonly problems: ReturnType<typeof checkReferenceData>) {
    super(`the reference data has ${problems.length} problem(s); run "open1540 data check" to list them`);
  }
}

/** Applies `data` to the database. Throws InvalidReferenceData (and writes nothing) when the data fails its checks. */
export async function loadReferenceData(db: Db, data: ReferenceData, origin = 'data/'): Promise<LoadResult> {
  const hash = hashOf(data);
  const latest = await latestRelease(db);
  if (latest?.hash === hash) return { changed: false, hash, summary: {} };
  const problems = checkReferenceData(data, today());
  if (problems.length > 0) throw new InvalidReferenceData(problems);

  return db.transaction(async (tx) => {
    const sources = diffRecords(await listSources(tx), data.sources, (s) => s.id);
    const states = diffRecords(await listStates(tx), data.states, (s) => s.iso3);
    const instruments = diffRecords(await listInstruments(tx), data.instruments, (i) => i.code);
    const actions = diffRecords(await allActions(tx), data.actions, actionKey);

    await upsertSources(tx, [...sources.added, ...sources.updated]);
    await upsertStates(tx, [...states.added, ...states.updated]);
    await upsertInstruments(tx, [...instruments.added, ...instruments.updated], instrumentPosition);
    await deleteActions(tx, actions.removed);
    await upsertActions(tx, [...actions.added, ...actions.updated]);
    await deleteRows(tx, 'instrument', 'code', instruments.removed);
    await deleteRows(tx, 'state', 'iso3', states.removed);
    await deleteRows(tx, 'source', 'id', sources.removed);

    const summary: Record<string, string> = {};
    for (const [name, d] of Object.entries({ sources, states, instruments, actions })) {
      const text = describeDiff(d);
      if (text) summary[name] = text;
    }
    await recordRelease(tx, hash, origin, summary);
    return { changed: true, hash, summary };
  });
}

/** Coverage across States as of a date: the published matrices in force then, counted by the one documented method. */
import { coverage, type CoverageFilters } from '../core/coverage.js';
import { asOfMillis } from '../core/matrixEntries.js';
import type { EntryValue, Mark } from '../core/matrixTypes.js';
import type { RegionalGroup } from '../core/types.js';
import type { ReadDb } from '../db/connection.js';
import { allPublishedAsOf, snapshotMarks } from '../db/repositories/matrix.js';
import { currentEdition, fieldsOf } from './matrix.js';
import { referenceSnapshot } from './referenceSnapshot.js';

export async function coverageAsOf(db: ReadDb, asOf: string, filters: { group?: RegionalGroup; region?: string } = {}) {
  const at = new Date(asOfMillis(asOf)).toISOString();
  const [snap, matrices] = await Promise.all([referenceSnapshot(db), allPublishedAsOf(db, at)]);
  const edition = matrices.at(-1)?.edition ?? (await currentEdition(db));
  const fields = await fieldsOf(db, edition);
  const marks = await snapshotMarks(db, matrices.map((m) => m.id));
  const byMatrix = new Map<number, Map<string, EntryValue>>();
  for (const r of marks) {
    let m = byMatrix.get(r.matrixId);
    if (!m) byMatrix.set(r.matrixId, (m = new Map()));
    m.set(r.field, { mark: r.mark as Mark | null, evidence: [], remarks: null, provenance: 'committee-approved' });
  }
  const states = matrices.map((m) => {
    const st = snap.statesByIso3.get(m.state);
    return { iso3: m.state, group: st?.group ?? null, region: st?.region?.name ?? null, values: byMatrix.get(m.id) ?? new Map() };
  });
  // A region may be given by its M49 code or its name.
  const region = filters.region && (snap.states.find((st) => st.region?.code === filters.region)?.region?.name ?? filters.region);
  const f: CoverageFilters = {
    ...(filters.group ? { groups: [filters.group] } : {}),
    ...(region ? { regions: [region] } : {}),
  };
  return { asOf, edition, matricesCounted: states.length, ...coverage(fields, states, f) };
}

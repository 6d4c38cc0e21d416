/** Instruments (treaties, protocols, agreements, codes of conduct, regimes): reads and reference writes. */
import type { Instrument } from '../../core/types.js';
import type { Db, ReadDb } from '../connection.js';
import { upsertRows } from './bulk.js';

interface InstrumentRow {
  code: string; kind: Instrument['kind']; parent: string | null; weapons: string[]; names: Instrument['names'];
  depositaries: Instrument['depositaries']; opened_for_signature: string | null; entry_into_force: string | null;
  sources: string[]; notes: string | null; published: Instrument['published'] | null; incomplete: string | null;
}

const COLUMNS = `code, kind, parent, weapons, names, depositaries, opened_for_signature::text as opened_for_signature,
  entry_into_force::text as entry_into_force, sources, notes, published, incomplete`;

function toInstrument(r: InstrumentRow): Instrument {
  return {
    code: r.code, kind: r.kind, parent: r.parent, weapons: r.weapons, names: r.names, depositaries: r.depositaries,
    openedForSignature: r.opened_for_signature, entryIntoForce: r.entry_into_force, sources: r.sources,
    ...(r.notes ? { notes: r.notes } : {}),
    ...(r.published ? { published: r.published } : {}),
    ...(r.incomplete ? { incomplete: r.incomplete } : {}),
  };
}

/** Every instrument, in the order the product presents them. */
export async function listInstruments(db: ReadDb): Promise<Instrument[]> {
  return (await db.query<InstrumentRow>(`select ${COLUMNS} from instrument order by position, code`)).map(toInstrument);
}

/** Inserts or updates instruments; `order` gives each code's display position. */
export async function upsertInstruments(tx: Db, instruments: readonly Instrument[], order: (code: string) => number): Promise<void> {
  const rows = instruments.map((i) => ({
    code: i.code, position: order(i.code), kind: i.kind, parent: i.parent, weapons: i.weapons, names: i.names,
    depositaries: i.depositaries, opened_for_signature: i.openedForSignature, entry_into_force: i.entryIntoForce,
    sources: i.sources, notes: i.notes ?? null, published: i.published ?? null, incomplete: i.incomplete ?? null,
  }));
  await upsertRows(tx, 'instrument', ['code'], Object.keys(rows[0] ?? { code: 1 }), rows);
}

/** Dated participation actions (signature, ratification, withdrawal…): reads and reference writes. */
import type { Action } from '../../core/types.js';
import type { Db, ReadDb } from '../connection.js';
import { upsertRows } from './bulk.js';

interface ActionRow {
  instrument: string; state: string; action: Action['action']; date: string; depositary: string;
  effective: string | null; source: string; note: string | null;
}

const COLUMNS = `instrument, state, action, date::text as date, depositary, effective::text as effective, source, note`;

function toAction(r: ActionRow): Action {
  return { ...r, depositary: r.depositary || null };
}


/** Every action. */
export async function allActions(db: ReadDb): Promise<Action[]> {
  return (await db.query<ActionRow>(`select ${COLUMNS} from participation_action order by instrument, state, date, id`)).map(toAction);
}

const KEY = ['instrument', 'state', 'action', 'date', 'depositary'];

/** Inserts or updates actions (matched on their identity). */
export async function upsertActions(tx: Db, actions: readonly Action[]): Promise<void> {
  const rows = actions.map((a) => ({ ...a, depositary: a.depositary ?? '' }));
  await upsertRows(tx, 'participation_action', KEY, [...KEY, 'effective', 'source', 'note'], rows);
}

/** Deletes actions by identity key. */
export async function deleteActions(tx: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `delete from participation_action where concat_ws('|', instrument, state, action, date::text, depositary) = any($1::text[])`,
    [keys],
  );
}

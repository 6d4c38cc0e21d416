/**
 * Participation data in the shape of the UNODA treaties data portal: per instrument a list of
 * `{date, action_type, state: {name}, depositary: {short_name}}`. Names are matched to ISO3 codes; the
 * import is all or nothing, and actions already present are not added again.
 */
import { isIsoDate } from './dates.js';
import { foldName, matchStateName } from './names.js';
import type { Action, ActionType, Instrument } from './types.js';

export interface UnodaAction { date?: unknown; action_type?: unknown; state?: { name?: unknown } | null; depositary?: { short_name?: unknown } | null }
export interface UnodaTreaty { short_name?: string; actions: UnodaAction[] }

const ACTION_TYPES: Record<string, ActionType> = {
  signatory: 'signature', signature: 'signature', ratification: 'ratification', accession: 'accession',
  succession: 'succession', withdrawal: 'withdrawal', acceptance: 'acceptance', approval: 'approval',
};

/** UNODA short names that differ from open1540 codes. */
export const UNODA_CODES: Record<string, string> = { test_ban: 'ptbt', '1925': 'geneva-protocol', canwfz: 'semipalatinsk', spnfz: 'rarotonga' };

const DEPOSITARY_ALIASES: Record<string, string> = {
  washington: 'us', 'united states': 'us', 'united states of america': 'us', usa: 'us', us: 'us',
  london: 'uk', 'united kingdom': 'uk', gb: 'uk', uk: 'uk',
  moscow: 'ru', 'russian federation': 'ru', russia: 'ru', ussr: 'ru', ru: 'ru',
  un: 'unsg', unsg: 'unsg', 'new york': 'unsg', 'secretary general': 'unsg', 'united nations': 'unsg',
  paris: 'fr', france: 'fr', 'mexico city': 'mx', mexico: 'mx', bangkok: 'th', thailand: 'th', 'addis ababa': 'au',
  'african union': 'au', bishkek: 'kg', kyrgyzstan: 'kg', suva: 'pifs', 'pacific islands forum': 'pifs', vienna: 'iaea', iaea: 'iaea',
};

/** Finds the treaties in a payload: a treaty object, a list of them, or the portal's GraphQL envelope. */
export function extractTreaties(payload: unknown): UnodaTreaty[] {
  const p = payload as Record<string, unknown> | null;
  if (Array.isArray(payload)) return payload.flatMap(extractTreaties);
  if (p && typeof p === 'object') {
    if (Array.isArray(p.actions)) return [p as unknown as UnodaTreaty];
    if (p.data && typeof p.data === 'object') return Object.values(p.data as object).flatMap(extractTreaties);
  }
  return [];
}

export interface ImportProblem { index: number; message: string }
export interface MappedImport { actions: Action[]; unmatched: string[]; problems: ImportProblem[] }

/** Maps a treaty's UNODA actions to open1540 actions for `instrument`, citing `source`. */
export function mapUnodaActions(treaty: UnodaTreaty, instrument: Instrument, names: ReadonlyMap<string, string>, source: string): MappedImport {
  const actions: Action[] = [];
  const unmatched = new Set<string>();
  const problems: ImportProblem[] = [];
  const deps = instrument.depositaries.map((d) => d.code);
  treaty.actions.forEach((a, index) => {
    const name = typeof a.state?.name === 'string' ? a.state.name : '';
    const iso3 = name ? matchStateName(names, name) : null;
    if (!iso3) { unmatched.add(name || '(no name)'); return; }
    const type = ACTION_TYPES[String(a.action_type ?? '').toLowerCase()];
    if (!type) { problems.push({ index, message: `${name}: unknown action_type "${String(a.action_type)}"` }); return; }
    const date = String(a.date ?? '').slice(0, 10);
    if (!isIsoDate(date)) { problems.push({ index, message: `${name}: "${String(a.date)}" is not a date` }); return; }
    let depositary: string | null = null;
    const raw = typeof a.depositary?.short_name === 'string' ? a.depositary.short_name : '';
    if (deps.length > 0) {
      const folded = foldName(raw);
      depositary = deps.includes(folded) ? folded : (DEPOSITARY_ALIASES[folded] ?? (raw ? null : deps.length === 1 ? deps[0]! : null));
      if (!depositary || !deps.includes(depositary)) {
        problems.push({ index, message: `${name}: depositary "${raw}" is not one of ${deps.join(', ')}` });
        return;
      }
    }
    actions.push({ instrument: instrument.code, state: iso3, action: type, date, depositary, effective: null, source, note: null });
  });
  return { actions, unmatched: [...unmatched].sort(), problems };
}

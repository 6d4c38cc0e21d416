/** States (UN members, observer States, other treaty parties): reads and reference-data writes. */
import { foldSearch } from '../../core/names.js';
import { LANGS, type RegionalGroup, type State, type UnStatus } from '../../core/types.js';
import type { Db, ReadDb } from '../connection.js';
import { upsertRows } from './bulk.js';

interface StateRow {
  iso3: string; iso2: string; m49: string; un_status: UnStatus; admitted: string | null; grp: RegionalGroup | null;
  group_roles: State['groupRoles']; group_note: string | null; region_code: string | null; region_name: string | null;
  subregion_code: string | null; subregion_name: string | null; intermediate_region: State['intermediateRegion'];
  names: State['names']; aliases: string[]; sources: string[];
}

const COLUMNS = `iso3, iso2, m49, un_status, admitted::text as admitted, grp, group_roles, group_note, region_code, region_name,
  subregion_code, subregion_name, intermediate_region, names, aliases, sources`;

function toState(r: StateRow): State {
  return {
    iso3: r.iso3, iso2: r.iso2, m49: r.m49, unStatus: r.un_status, admitted: r.admitted,
    names: r.names, aliases: r.aliases, group: r.grp, groupRoles: r.group_roles,
    ...(r.group_note ? { groupNote: r.group_note } : {}),
    region: r.region_code ? { code: r.region_code, name: r.region_name ?? '' } : null,
    subregion: r.subregion_code ? { code: r.subregion_code, name: r.subregion_name ?? '' } : null,
    ...(r.intermediate_region ? { intermediateRegion: r.intermediate_region } : {}),
    sources: r.sources,
  };
}

export interface StateFilter { group?: RegionalGroup | 'none'; region?: string; unStatus?: UnStatus; q?: string }

/** States matching the filter, ordered by ISO3 code. */
export async function listStates(db: ReadDb, f: StateFilter = {}): Promise<State[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.group === 'none') where.push('grp is null');
  else if (f.group) { params.push(f.group); where.push(`grp = $${params.length}`); }
  if (f.region) { params.push(f.region); where.push(`(region_code = $${params.length} or subregion_code = $${params.length})`); }
  if (f.unStatus) { params.push(f.unStatus); where.push(`un_status = $${params.length}`); }
  if (f.q) { params.push(`%${foldSearch(f.q).replace(/[\\%_]/g, '\\$&')}%`); where.push(`search_text like $${params.length}`); }
  const rows = await db.query<StateRow>(
    `select ${COLUMNS} from state ${where.length ? `where ${where.join(' and ')}` : ''} order by iso3`, params);
  return rows.map(toState);
}

/** One State by ISO3 code, or null. */
export async function getState(db: ReadDb, iso3: string): Promise<State | null> {
  const rows = await db.query<StateRow>(`select ${COLUMNS} from state where iso3 = $1`, [iso3.toUpperCase()]);
  return rows[0] ? toState(rows[0]) : null;
}

function searchText(s: State): string {
  const names = [s.iso3, s.iso2, ...s.aliases, ...LANGS.flatMap((l) => [s.names[l].short, s.names[l].formal])];
  return foldSearch(names.join(' | '));
}

/** Inserts or updates States from reference data. */
export async function upsertStates(tx: Db, states: readonly State[]): Promise<void> {
  const rows = states.map((s) => ({
    iso3: s.iso3, iso2: s.iso2, m49: s.m49, un_status: s.unStatus, admitted: s.admitted, grp: s.group,
    group_roles: s.groupRoles ?? [], group_note: s.groupNote ?? null,
    region_code: s.region?.code ?? null, region_name: s.region?.name ?? null,
    subregion_code: s.subregion?.code ?? null, subregion_name: s.subregion?.name ?? null,
    intermediate_region: s.intermediateRegion ?? null, names: s.names, aliases: s.aliases ?? [], sources: s.sources,
    search_text: searchText(s),
  }));
  await upsertRows(tx, 'state', ['iso3'], Object.keys(rows[0] ?? { iso3: 1 }), rows);
}

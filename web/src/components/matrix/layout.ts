/** The matrix laid out as the Committee's tables: sections → tables → rows, with weapon types as column groups. */
import { MATRIX_COLUMNS, MATRIX_SECTIONS, MATRIX_WEAPONS, type CatalogueField } from '../../api/client';

export interface WeaponGroup { weapon: string; columns: string[] }
export interface LaidRow { id: string; section: string; label: string; fields: CatalogueField[]; byKey: Map<string, CatalogueField> }
export interface LaidTable {
  id: string; section: string; rows: LaidRow[]; groups: WeaponGroup[];
  /** Every field of the table is a "yes" field (the OP 1 tables): one mark per row. */
  single: boolean;
}
export interface LaidSection { id: string; tables: LaidTable[] }

export const cellKey = (weapon: string, column: string) => `${weapon}.${column}`;
const rank = (list: readonly string[], v: string) => { const i = list.indexOf(v); return i === -1 ? list.length : i; };

export function layOut(fields: readonly CatalogueField[]): LaidSection[] {
  const sorted = [...fields].sort((a, b) => a.order - b.order);
  const sections = new Map<string, Map<string, Map<string, CatalogueField[]>>>();
  for (const f of sorted) {
    let s = sections.get(f.section);
    if (!s) sections.set(f.section, (s = new Map()));
    let t = s.get(f.table);
    if (!t) s.set(f.table, (t = new Map()));
    let r = t.get(f.row);
    if (!r) t.set(f.row, (r = []));
    r.push(f);
  }
  return [...sections].sort(([a], [b]) => rank(MATRIX_SECTIONS, a) - rank(MATRIX_SECTIONS, b)).map(([section, tables]) => ({
    id: section,
    tables: [...tables].map(([id, rows]) => {
      const all = [...rows.values()].flat();
      const weapons = [...new Set(all.map((f) => f.weapon))].sort((a, b) => rank(MATRIX_WEAPONS, a) - rank(MATRIX_WEAPONS, b));
      const groups = weapons.map((weapon) => ({
        weapon,
        columns: [...new Set(all.filter((f) => f.weapon === weapon).map((f) => f.column))].sort((a, b) => rank(MATRIX_COLUMNS, a) - rank(MATRIX_COLUMNS, b)),
      }));
      return {
        id, section, groups,
        single: all.every((f) => f.column === 'yes'),
        rows: [...rows].map(([row, fs]) => ({ id: row, section, label: fs[0]!.label, fields: fs, byKey: new Map(fs.map((f) => [cellKey(f.weapon, f.column), f])) })),
      };
    }),
  }));
}

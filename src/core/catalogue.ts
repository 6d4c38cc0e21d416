/**
 * The matrix catalogue: checks an edition read from data/matrix/editions (structure, ids, labels, cross-references,
 * instrument codes, sources), expands it into its fields, and builds and parses field ids
 * (`<section>.<weapon>.<row>.<column>`). Pure functions, no I/O.
 */
import {
  MATRIX_COLUMNS, MATRIX_SECTIONS, MATRIX_WEAPONS,
  type CatalogueEdition, type CatalogueField, type MatrixColumn, type MatrixSectionId, type MatrixWeapon,
} from './matrixTypes.js';

/** Row, table, reference and edition ids: lower-case kebab-case slugs (they become parts of field ids and label keys). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const EDITION_KEYS = ['id', 'title', 'reconstructed', 'resolutions', 'sources', 'references', 'sections'];
const REFERENCE_KEYS = ['id', 'label', 'url'];
const SECTION_KEYS = ['id', 'label', 'tables'];
const TABLE_KEYS = ['id', 'label', 'rows'];
const ROW_KEYS = ['id', 'label', 'weapons', 'columns', 'refs', 'instruments', 'note'];

export function fieldId(section: MatrixSectionId, weapon: MatrixWeapon, row: string, column: MatrixColumn): string {
  return `${section}.${weapon}.${row}.${column}`;
}

export interface ParsedFieldId { section: MatrixSectionId; weapon: MatrixWeapon; row: string; column: MatrixColumn }

/** The parts of a field id, or null when it is not one (unknown section, weapon or column, or a row id that is not a slug). */
export function parseFieldId(id: string): ParsedFieldId | null {
  const parts = id.split('.');
  if (parts.length !== 4) return null;
  const [section, weapon, row, column] = parts as [string, string, string, string];
  if (!isOneOf(MATRIX_SECTIONS, section) || !isOneOf(MATRIX_WEAPONS, weapon) || !isOneOf(MATRIX_COLUMNS, column) || !SLUG.test(row)) return null;
  return { section, weapon, row, column };
}

/** Every field of the edition, in file order: section, table, row, then the row's weapons and columns in the row's order. */
export function expandFields(e: CatalogueEdition): CatalogueField[] {
  const fields: CatalogueField[] = [];
  for (const section of e.sections) {
    for (const table of section.tables) {
      for (const row of table.rows) {
        for (const weapon of row.weapons) {
          for (const column of row.columns) {
            fields.push({
              id: fieldId(section.id, weapon, row.id, column),
              section: section.id,
              table: table.id,
              row: row.id,
              weapon,
              column,
              label: row.label,
              refs: [...(row.refs ?? [])],
              instruments: [...(row.instruments ?? [])],
              order: fields.length,
            });
          }
        }
      }
    }
  }
  return fields;
}

export interface EditionCheck { edition: CatalogueEdition | null; errors: string[] }

/**
 * Checks an edition: every required property with the right type, no unknown property, known sections, weapon types and
 * columns, non-empty labels, no duplicate ids (sections, tables, rows within a section, derived field ids, references),
 * no dangling cross-reference, and, when the sets are given, known instrument codes and source ids. `yes` is the OP1
 * column: OP1 rows have only it, and other sections never have it. Each error names its place. The edition is returned
 * only when there is no error.
 */
export function validateEdition(e: unknown, knownInstruments?: ReadonlySet<string>, knownSources?: ReadonlySet<string>): EditionCheck {
  const errors: string[] = [];
  const err = (where: string, message: string) => errors.push(`${where}: ${message}`);

  if (!isRecord(e)) return { edition: null, errors: ['edition: not an object'] };
  unknownKeys(e, EDITION_KEYS, 'edition', err);
  if (requireString(e, 'id', 'edition', err) && !SLUG.test(e.id as string)) err('edition', `id: "${String(e.id)}" is not a kebab-case slug`);
  requireString(e, 'title', 'edition', err);
  if (e.reconstructed !== null && !(typeof e.reconstructed === 'string' && e.reconstructed.trim() !== '')) {
    err('edition', 'reconstructed: must be null or a non-empty text');
  }
  stringList(e, 'resolutions', 'edition', err, { required: true });
  const sources = stringList(e, 'sources', 'edition', err, { required: true });
  for (const id of duplicates(sources)) err('edition', `sources: "${id}" is listed twice`);
  if (knownSources) for (const id of sources) if (!knownSources.has(id)) err('edition', `sources: "${id}" is not a known source`);

  // References.
  const referenceIds = new Set<string>();
  if (!Array.isArray(e.references)) err('edition', 'references: must be a list');
  else {
    e.references.forEach((r, i) => {
      const where = `references[${i}]${isRecord(r) && typeof r.id === 'string' ? ` (${r.id})` : ''}`;
      if (!isRecord(r)) return err(where, 'not an object');
      unknownKeys(r, REFERENCE_KEYS, where, err);
      if (requireString(r, 'id', where, err)) {
        const id = r.id as string;
        if (!SLUG.test(id)) err(where, `id: "${id}" is not a kebab-case slug`);
        if (referenceIds.has(id)) err(where, `id: duplicate reference id "${id}"`);
        referenceIds.add(id);
      }
      requireString(r, 'label', where, err);
      if (r.url !== undefined && !(typeof r.url === 'string' && /^https?:\/\/\S+$/.test(r.url))) err(where, 'url: must be an http(s) address');
    });
  }

  // Sections, tables, rows.
  const sectionIds = new Set<string>();
  const tableIds = new Map<string, string>();
  const fieldIds = new Map<string, string>();
  if (!Array.isArray(e.sections) || e.sections.length === 0) err('edition', 'sections: must be a non-empty list');
  else {
    e.sections.forEach((s, si) => {
      const sid = isRecord(s) && typeof s.id === 'string' ? s.id : null;
      const where = `sections[${si}]${sid ? ` (${sid})` : ''}`;
      if (!isRecord(s)) return err(where, 'not an object');
      unknownKeys(s, SECTION_KEYS, where, err);
      if (!isOneOf(MATRIX_SECTIONS, s.id)) err(where, `id: must be one of ${MATRIX_SECTIONS.join(', ')}`);
      else if (sectionIds.has(s.id)) err(where, `id: duplicate section id "${s.id}"`);
      else sectionIds.add(s.id);
      requireString(s, 'label', where, err);
      if (!Array.isArray(s.tables) || s.tables.length === 0) return err(where, 'tables: must be a non-empty list');
      const rowIds = new Map<string, string>();
      s.tables.forEach((t, ti) => {
        const tid = isRecord(t) && typeof t.id === 'string' ? t.id : null;
        const tWhere = `sections[${si}].tables[${ti}] (${sid ?? '?'} / ${tid ?? '?'})`;
        if (!isRecord(t)) return err(tWhere, 'not an object');
        unknownKeys(t, TABLE_KEYS, tWhere, err);
        if (requireString(t, 'id', tWhere, err)) {
          const id = t.id as string;
          if (!SLUG.test(id)) err(tWhere, `id: "${id}" is not a kebab-case slug`);
          const first = tableIds.get(id);
          if (first) err(tWhere, `id: duplicate table id "${id}" (first at ${first})`);
          else tableIds.set(id, tWhere);
        }
        requireString(t, 'label', tWhere, err);
        if (!Array.isArray(t.rows) || t.rows.length === 0) return err(tWhere, 'rows: must be a non-empty list');
        t.rows.forEach((r, ri) => {
          const rid = isRecord(r) && typeof r.id === 'string' ? r.id : null;
          const rWhere = `sections[${si}].tables[${ti}].rows[${ri}] (${sid ?? '?'} / ${rid ?? '?'})`;
          if (!isRecord(r)) return err(rWhere, 'not an object');
          unknownKeys(r, ROW_KEYS, rWhere, err);
          let rowOk = false;
          if (requireString(r, 'id', rWhere, err)) {
            const id = r.id as string;
            const first = rowIds.get(id);
            if (!SLUG.test(id)) err(rWhere, `id: "${id}" is not a kebab-case slug`);
            else if (first) err(rWhere, `id: duplicate row id "${id}" in section ${sid ?? '?'} (first at ${first})`);
            else rowOk = true;
            if (!first) rowIds.set(id, rWhere);
          }
          requireString(r, 'label', rWhere, err);
          const weapons = stringList(r, 'weapons', rWhere, err, { required: true, nonEmpty: true });
          for (const w of weapons) if (!isOneOf(MATRIX_WEAPONS, w)) err(rWhere, `weapons: "${w}" is not one of ${MATRIX_WEAPONS.join(', ')}`);
          const columns = stringList(r, 'columns', rWhere, err, { required: true, nonEmpty: true });
          for (const c of columns) if (!isOneOf(MATRIX_COLUMNS, c)) err(rWhere, `columns: "${c}" is not one of ${MATRIX_COLUMNS.join(', ')}`);
          if (sid === 'op1' && columns.some((c) => c !== 'yes')) err(rWhere, 'columns: OP1 rows have only the "yes" column');
          if (sid !== null && sid !== 'op1' && columns.includes('yes')) err(rWhere, 'columns: "yes" is the OP1 column');
          for (const ref of stringList(r, 'refs', rWhere, err)) {
            if (!referenceIds.has(ref)) err(rWhere, `refs: "${ref}" is not declared in references (dangling cross-reference)`);
          }
          const instruments = stringList(r, 'instruments', rWhere, err);
          for (const code of duplicates(instruments)) err(rWhere, `instruments: "${code}" is listed twice`);
          for (const code of instruments) {
            if (knownInstruments && !knownInstruments.has(code)) err(rWhere, `instruments: "${code}" is not a known instrument code`);
          }
          if (r.note !== undefined && !(typeof r.note === 'string' && r.note.trim() !== '')) err(rWhere, 'note: must be a non-empty text when present');
          // Derived field ids.
          if (rowOk && isOneOf(MATRIX_SECTIONS, sid)) {
            for (const w of weapons) {
              if (!isOneOf(MATRIX_WEAPONS, w)) continue;
              for (const c of columns) {
                if (!isOneOf(MATRIX_COLUMNS, c)) continue;
                const id = fieldId(sid, w, r.id as string, c);
                const first = fieldIds.get(id);
                const why = first === rWhere ? 'a weapon type or column is listed twice' : `first at ${first}`;
                if (first) err(rWhere, `duplicate field id "${id}" (${why})`);
                else fieldIds.set(id, rWhere);
              }
            }
          }
        });
      });
    });
  }

  return { edition: errors.length === 0 ? (e as unknown as CatalogueEdition) : null, errors };
}

type Report = (where: string, message: string) => void;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isOneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

function unknownKeys(o: Record<string, unknown>, allowed: readonly string[], where: string, err: Report): void {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) err(where, `unknown property "${key}"`);
}

/** Reports a missing or empty string property; true when it is a non-empty string. */
function requireString(o: Record<string, unknown>, key: string, where: string, err: Report): boolean {
  const v = o[key];
  if (v === undefined) err(where, `${key}: missing`);
  else if (typeof v !== 'string') err(where, `${key}: must be a text`);
  else if (v.trim() === '') err(where, `${key}: empty`);
  else return true;
  return false;
}

/** The non-empty strings of a list property (reporting anything else); [] when absent and optional. */
function stringList(o: Record<string, unknown>, key: string, where: string, err: Report, opts: { required?: boolean; nonEmpty?: boolean } = {}): string[] {
  const v = o[key];
  if (v === undefined) {
    if (opts.required) err(where, `${key}: missing`);
    return [];
  }
  if (!Array.isArray(v)) {
    err(where, `${key}: must be a list`);
    return [];
  }
  if (opts.nonEmpty && v.length === 0) err(where, `${key}: must not be empty`);
  const out: string[] = [];
  v.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') err(where, `${key}[${i}]: must be a non-empty text`);
    else out.push(item);
  });
  return out;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

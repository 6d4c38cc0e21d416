/** A tabular download (CSV or XLSX): columns, rows, and the citation and licence that travel with it. */
import { toCsv } from '../core/csv.js';

export const DATA_LICENCE = 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)';

export interface Column { key: string; header: string; width?: number }

export interface Table {
  /** Used for the file name and the XLSX sheet title. */
  name: string;
  title: string;
  columns: Column[];
  rows: Array<Record<string, unknown>>;
  /** Where the figures come from (printed in the file). */
  source: string;
  /** The address these data were downloaded from. */
  url: string;
}

/** RFC 4180 CSV with two trailing columns naming the source and the licence on every row. */
export function tableToCsv(t: Table): string {
  const header = [...t.columns.map((c) => c.header), 'Source', 'Licence'];
  const rows = t.rows.map((r) => [...t.columns.map((c) => cell(r[c.key])), t.source, DATA_LICENCE]);
  return toCsv([header, ...rows]);
}

/** Flattens arrays and nulls into a cell value. */
export function cell(v: unknown): string | number {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

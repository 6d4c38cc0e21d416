/** What changed between two sets of records keyed by id: used to apply a new data release in place. */
import { createHash } from 'node:crypto';

export interface RecordDiff<T> { added: T[]; updated: T[]; removed: string[] }

/** JSON with object keys sorted, so equal records serialise equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 of the canonical JSON of a value. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** Compares old and new records by key and canonical content. */
export function diffRecords<T>(before: readonly T[], after: readonly T[], key: (r: T) => string): RecordDiff<T> {
  const old = new Map(before.map((r) => [key(r), canonicalJson(r)]));
  const next = new Set<string>();
  const added: T[] = [];
  const updated: T[] = [];
  for (const r of after) {
    const k = key(r);
    next.add(k);
    const prev = old.get(k);
    if (prev === undefined) added.push(r);
    else if (prev !== canonicalJson(r)) updated.push(r);
  }
  const removed = [...old.keys()].filter((k) => !next.has(k));
  return { added, updated, removed };
}

/** "3 added, 1 updated" style summary; empty string when nothing changed. */
export function describeDiff(d: RecordDiff<unknown>): string {
  const parts = [
    d.added.length ? `${d.added.length} added` : '',
    d.updated.length ? `${d.updated.length} updated` : '',
    d.removed.length ? `${d.removed.length} removed` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

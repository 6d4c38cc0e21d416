/**
 * Matrix entries: checking one field's value, comparing values, rebuilding a matrix as of a date from its
 * append-only revisions, and the field-level difference between two states of a matrix.
 *
 * Optional text (remarks, locator, excerpt, url, language) is compared with null, undefined and the empty
 * string taken as the same thing: "no text". A field whose value has no mark, no evidence and no remarks is
 * absent: it is what a blank cell looks like, whether or not a revision exists for it.
 */
import { EVIDENCE_KINDS, MARKS, PROVENANCES, type EntryRevision, type EntryValue, type Evidence } from './matrixTypes.js';

export const ENTRY_LIMITS = { remarks: 4000, excerpt: 2000, document: 500, locator: 200, language: 35, evidence: 20 } as const;

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Optional text: null, undefined and '' all mean "none". */
function text(s: string | null | undefined): string | null {
  return s === undefined || s === null || s === '' ? null : s;
}

function checkText(errors: string[], path: string, value: unknown, max: number, required = false): void {
  if (value === undefined || value === null) {
    if (required) errors.push(`${path}: required`);
    return;
  }
  if (typeof value !== 'string') { errors.push(`${path}: must be text`); return; }
  if (required && value.trim() === '') errors.push(`${path}: required`);
  if (value.length > max) errors.push(`${path}: at most ${max} characters (has ${value.length})`);
}

function checkEvidence(errors: string[], e: unknown, i: number): void {
  const p = `evidence[${i}]`;
  if (!e || typeof e !== 'object') { errors.push(`${p}: must be an object`); return; }
  const ev = e as Record<string, unknown>;
  if (!(EVIDENCE_KINDS as readonly unknown[]).includes(ev.kind)) errors.push(`${p}.kind: must be one of ${EVIDENCE_KINDS.join(', ')}`);
  checkText(errors, `${p}.document`, ev.document, ENTRY_LIMITS.document, true);
  checkText(errors, `${p}.locator`, ev.locator, ENTRY_LIMITS.locator);
  checkText(errors, `${p}.excerpt`, ev.excerpt, ENTRY_LIMITS.excerpt);
  if (ev.url !== undefined && ev.url !== null && ev.url !== '') {
    if (typeof ev.url !== 'string' || !isHttpUrl(ev.url)) errors.push(`${p}.url: must be an http(s) URL`);
  }
  if (ev.language !== undefined && ev.language !== null && ev.language !== '') {
    if (typeof ev.language !== 'string' || !LANGUAGE_TAG.test(ev.language) || ev.language.length > ENTRY_LIMITS.language) {
      errors.push(`${p}.language: must be a BCP 47 language tag`);
    }
  }
}

/** Every problem with a field's value, each naming the part at fault (empty when the value is acceptable). */
export function checkEntry(v: EntryValue): string[] {
  const errors: string[] = [];
  if (v.mark !== null && !(MARKS as readonly unknown[]).includes(v.mark)) errors.push(`mark: must be one of ${MARKS.join(', ')} or empty`);
  if (!(PROVENANCES as readonly unknown[]).includes(v.provenance)) errors.push(`provenance: must be one of ${PROVENANCES.join(', ')}`);
  checkText(errors, 'remarks', v.remarks, ENTRY_LIMITS.remarks);
  if (!Array.isArray(v.evidence)) {
    errors.push('evidence: must be a list');
    return errors;
  }
  if ((v.mark === 'X' || v.mark === '?') && v.evidence.length === 0) errors.push('evidence: a mark of X or ? needs at least one citation');
  if (v.evidence.length > ENTRY_LIMITS.evidence) errors.push(`evidence: at most ${ENTRY_LIMITS.evidence} items (has ${v.evidence.length})`);
  v.evidence.forEach((e, i) => checkEvidence(errors, e, i));
  return errors;
}

/** True when two citations are the same (optional parts: null, undefined and '' are equal). */
export function sameEvidence(a: Evidence, b: Evidence): boolean {
  return a.kind === b.kind && a.document === b.document && text(a.locator) === text(b.locator) && text(a.excerpt) === text(b.excerpt)
    && text(a.url) === text(b.url) && text(a.language) === text(b.language);
}

/** True when two values are the same: mark, provenance, remarks, and the evidence in the same order. */
export function sameValue(a: EntryValue, b: EntryValue): boolean {
  return (a.mark ?? null) === (b.mark ?? null) && a.provenance === b.provenance && text(a.remarks) === text(b.remarks)
    && a.evidence.length === b.evidence.length && a.evidence.every((e, i) => sameEvidence(e, b.evidence[i]!));
}

/** True when a value is a blank cell: no mark, no evidence, no remarks. */
export function isEmptyValue(v: EntryValue | null | undefined): boolean {
  return !v || ((v.mark ?? null) === null && v.evidence.length === 0 && text(v.remarks) === null);
}

/**
 * Milliseconds since the epoch for an ISO timestamp, or for the end of the day (UTC) when given a bare
 * YYYY-MM-DD date. Throws on anything else.
 */
export function asOfMillis(asOf: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? Date.parse(`${asOf}T23:59:59.999Z`) : Date.parse(asOf);
  if (Number.isNaN(ms)) throw new RangeError(`not a date or timestamp: ${asOf}`);
  return ms;
}

/**
 * The value of every field as of `asOf` (an ISO timestamp, or YYYY-MM-DD meaning the end of that day in
 * UTC): for each field, its latest revision at or before that moment. Revisions may come in any order; of
 * two revisions at the same moment the higher version wins. A field whose latest revision blanks it is
 * returned as that (empty) revision.
 */
export function valuesAsOf(revisions: readonly EntryRevision[], asOf: string): Map<string, EntryRevision> {
  const limit = asOfMillis(asOf);
  const best = new Map<string, { rev: EntryRevision; ms: number }>();
  for (const rev of revisions) {
    const ms = Date.parse(rev.at);
    if (Number.isNaN(ms)) throw new RangeError(`revision ${rev.field} v${rev.version}: not a timestamp: ${rev.at}`);
    if (ms > limit) continue;
    const cur = best.get(rev.field);
    if (!cur || ms > cur.ms || (ms === cur.ms && rev.version > cur.rev.version)) best.set(rev.field, { rev, ms });
  }
  return new Map([...best].map(([field, { rev }]) => [field, rev]));
}

export interface FieldChange {
  field: string;
  change: 'added' | 'removed' | 'changed';
  /** null when the field was absent (blank). */
  from: EntryValue | null;
  /** null when the field is absent (blank). */
  to: EntryValue | null;
  markChanged: boolean;
  evidenceAdded: Evidence[];
  evidenceRemoved: Evidence[];
  remarksChanged: boolean;
  provenanceChanged: boolean;
}

/** Citations of `a` that have no match in `b` (each citation of `b` matches at most once). */
function evidenceMinus(a: readonly Evidence[], b: readonly Evidence[]): Evidence[] {
  const left = [...b];
  const out: Evidence[] = [];
  for (const e of a) {
    const i = left.findIndex((x) => sameEvidence(e, x));
    if (i === -1) out.push(e); else left.splice(i, 1);
  }
  return out;
}

/**
 * Field-level difference from one state of a matrix to another: fields added (blank → filled), removed
 * (filled → blank) and changed, with the mark, evidence and remarks changes spelt out. Returned in the order
 * of `order` (catalogue order) when given, fields not in it last; otherwise by field id.
 */
export function diffValues(from: ReadonlyMap<string, EntryValue>, to: ReadonlyMap<string, EntryValue>, order?: readonly string[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of new Set([...from.keys(), ...to.keys()])) {
    const a = isEmptyValue(from.get(field)) ? null : from.get(field)!;
    const b = isEmptyValue(to.get(field)) ? null : to.get(field)!;
    if (!a && !b) continue;
    if (a && b && sameValue(a, b)) continue;
    out.push({
      field,
      change: !a ? 'added' : !b ? 'removed' : 'changed',
      from: a,
      to: b,
      markChanged: (a?.mark ?? null) !== (b?.mark ?? null),
      evidenceAdded: evidenceMinus(b?.evidence ?? [], a?.evidence ?? []),
      evidenceRemoved: evidenceMinus(a?.evidence ?? [], b?.evidence ?? []),
      remarksChanged: text(a?.remarks) !== text(b?.remarks),
      provenanceChanged: !!a && !!b && a.provenance !== b.provenance,
    });
  }
  const pos = new Map((order ?? []).map((f, i) => [f, i]));
  const rank = (f: string): number => pos.get(f) ?? Number.MAX_SAFE_INTEGER;
  return out.sort((x, y) => rank(x.field) - rank(y.field) || (x.field < y.field ? -1 : x.field > y.field ? 1 : 0));
}

/**
 * What every file of a State's 1540 matrix (XLSX, PDF, CSV) is made from, and what the formats share: the labels of
 * weapon types, columns, statuses and marks, the source line, and the one-line-per-citation text of evidence
 * (written by every format and read back by the XLSX import).
 */
import {
  EVIDENCE_KINDS, MATRIX_COLUMNS, MATRIX_WEAPONS,
  type CatalogueField, type CatalogueSection, type EntryValue, type Evidence, type EvidenceKind, type MatrixColumn, type MatrixSectionId, type MatrixWeapon,
} from '../core/matrixTypes.js';

export interface MatrixFileInput {
  iso3: string;
  stateName: string;
  edition: string;
  editionTitle: string;
  reconstructed: string | null;
  matrixNumber: number | null;
  /** 'draft' | 'shared' | 'agreed' | 'in-approval' | 'approved' | 'published' | 'none'. */
  status: string;
  /** The edition's fields, in order. */
  fields: CatalogueField[];
  /** The edition's sections (for table and row labels and their order). */
  sections: CatalogueSection[];
  /** Field id → value (absent = blank, version 0). */
  values: Map<string, EntryValue & { version: number }>;
  /** Optional open-source layer (OP1 rows), shown apart and labelled as not reviewed by the Committee. */
  openSource?: Map<string, EntryValue>;
  /** Dates: YYYY-MM-DD or ISO timestamps. */
  header: { firstReport: string | null; additional: string[]; approvedAt: string | null };
  /** When and where from. */
  generatedAt: string;
  url: string;
}

export const WEAPON_LABELS: Record<MatrixWeapon, string> = {
  nw: 'Nuclear weapons (NW)', cw: 'Chemical weapons (CW)', bw: 'Biological weapons (BW)', dv: 'Means of delivery', general: 'General',
};
export const WEAPON_SHORT: Record<MatrixWeapon, string> = { nw: 'NW', cw: 'CW', bw: 'BW', dv: 'Means of delivery', general: 'General' };

export const COLUMN_LABELS: Record<MatrixColumn, string> = {
  legal: 'National legal framework',
  enforcement: 'Enforcement: civil or criminal penalties, etc.',
  yes: 'YES / if YES, relevant information (signature, accession, ratification, entry into force, …)',
};

export const SECTION_SHEETS: Record<MatrixSectionId, string> = { op1: 'OP1', op2: 'OP2', op3ab: 'OP3 (a)–(b)', op3cd: 'OP3 (c)–(d)' };

const STATUS_LABELS: Record<string, string> = {
  draft: 'Draft', shared: 'Draft shared with the State for comment', agreed: 'Agreed with the State',
  'in-approval': 'Before the Committee for approval (no-objection period)', approved: 'Approved by the 1540 Committee',
  published: 'Approved by the 1540 Committee and published', none: 'No matrix yet (blank)',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** The heading of the document, as the Committee heads its drafts and approved matrices. */
export function documentHeading(input: Pick<MatrixFileInput, 'status' | 'stateName'>): string {
  const kind = input.status === 'approved' || input.status === 'published' ? 'APPROVED 1540 COMMITTEE MATRIX'
    : input.status === 'none' ? '1540 MATRIX (BLANK)' : 'DRAFT 1540 COMMITTEE MATRIX';
  return `${kind} OF ${input.stateName.toLocaleUpperCase('en')}`;
}

/** What the marks mean (after the legend of the Committee's later templates). */
export const MARK_LEGEND: Array<[string, string]> = [
  ['X', 'The Committee considers that the State has taken the required steps and/or has given specific references to the legal basis '
    + 'or to executive action as evidence. In the OP 1 table, X stands for YES. An X does not mean that the State has fully met its '
    + 'obligation for that field.'],
  ['?', 'The references given may not be directly relevant, or are incomplete.'],
  ['NA', 'Not applicable: the field does not apply to the State.'],
  ['(blank)', 'No information.'],
];
export const MARK_NOTE = 'The entries are indicators of fact, not of the degree of compliance. The matrix is a reference tool for facilitating '
  + 'technical assistance and the Committee\'s dialogue with States, not a tool for measuring compliance; voluntary commitments are '
  + 'recorded for information only.';

export const OPEN_SOURCE_LABEL = 'Open-source layer (OP1): derived from depositary records, not reviewed by the 1540 Committee';

/** The source line printed in every file. */
export function matrixSource(input: Pick<MatrixFileInput, 'stateName' | 'matrixNumber' | 'status' | 'editionTitle' | 'header'>): string {
  const n = input.matrixNumber === null ? '' : ` no. ${input.matrixNumber}`;
  const approved = input.header.approvedAt ? `, approved ${input.header.approvedAt.slice(0, 10)}` : '';
  return `open1540: 1540 matrix${n} of ${input.stateName} (${statusLabel(input.status)}${approved}); catalogue: ${input.editionTitle}`;
}

/** Weapon types and columns of a section, in catalogue order (MATRIX_WEAPONS / MATRIX_COLUMNS order). */
export function sectionShape(section: CatalogueSection): { weapons: MatrixWeapon[]; columns: MatrixColumn[]; single: boolean } {
  const rows = section.tables.flatMap((t) => t.rows);
  const weapons = MATRIX_WEAPONS.filter((w) => rows.some((r) => r.weapons.includes(w)));
  const columns = MATRIX_COLUMNS.filter((c) => rows.some((r) => r.columns.includes(c)));
  // A section whose every row is asked for one weapon type (the OP 1 table) is laid out as one column group with the weapon type named per row.
  return { weapons, columns, single: rows.every((r) => r.weapons.length === 1) };
}

// ---------------------------------------------------------------------------------------------------------------------
// Evidence as text: one citation per line.

/** The evidence cell format, for the About sheet and the documentation. */
export const EVIDENCE_FORMAT: string[] = [
  'One citation per line: [kind] document | locator | url | language | excerpt',
  `kind: one of ${EVIDENCE_KINDS.join(', ')}.`,
  'document: the title or symbol of the document cited (required). locator: page, article or section. url: an http(s) address. '
    + 'language: a BCP 47 tag such as en, fr, ar, zh, ru, es. excerpt: a short quotation.',
  'Parts after the document may be left empty ("Criminal Code | | https://…") and empty parts at the end may be left out.',
  'Spaces around the | separators are ignored. Inside a part, write \\| for a |, \\\\ for a \\, \\n for a line break, \\r for a carriage return, '
    + '\\t for a tab, \\s for a space at the start or end of a part, and \\uXXXX for another control character.',
  'Example: [legislation] Criminal Code | art. 12 | https://example.org/code.pdf | en | "Whoever manufactures \\| acquires …"',
];

function escapePart(s: string): string {
  let out = s.replace(/[\\|\n\r\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, (c) => {
    switch (c) {
      case '\\': return '\\\\';
      case '|': return '\\|';
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      default: return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  const lead = /^ +/.exec(out)?.[0].length ?? 0;
  if (lead === out.length) return '\\s'.repeat(lead);
  const trail = / +$/.exec(out)?.[0].length ?? 0;
  out = '\\s'.repeat(lead) + out.slice(lead, out.length - trail) + '\\s'.repeat(trail);
  return out;
}

function unescapePart(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (m, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    switch (c) {
      case '\\': return '\\';
      case '|': return '|';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 's': return ' ';
      default: return m; // an unknown escape is kept as written (e.g. a Windows path)
    }
  });
}

function opt(s: string | null | undefined): string {
  return s === null || s === undefined ? '' : s;
}

/** One citation as a line: `[kind] document | locator | url | language | excerpt`, empty parts at the end left out. */
export function formatEvidence(e: Evidence): string {
  const parts = [e.document, opt(e.locator), opt(e.url), opt(e.language), opt(e.excerpt)].map(escapePart);
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  let line = `[${e.kind}] ${parts[0]}`;
  for (const p of parts.slice(1)) line += p === '' ? ' |' : ` | ${p}`;
  return line;
}

/** The citations of a field, one per line (LF); '' when there is none. */
export function formatEvidenceList(list: readonly Evidence[]): string {
  return list.map(formatEvidence).join('\n');
}

export type EvidenceLineResult = { evidence: Evidence } | { error: string };

/** Reads one line written by formatEvidence (or typed after its pattern). */
export function parseEvidenceLine(line: string): EvidenceLineResult {
  const m = /^[ \t]*\[([^\]]*)\][ \t]*(.*)$/s.exec(line);
  if (!m) return { error: `cannot read "${clip(line)}": write a citation as [kind] document | locator | url | language | excerpt` };
  const kind = m[1]!.trim().toLowerCase();
  if (!(EVIDENCE_KINDS as readonly string[]).includes(kind)) {
    return { error: `unknown evidence kind "${clip(m[1]!.trim())}": use one of ${EVIDENCE_KINDS.join(', ')}` };
  }
  const parts: string[] = [];
  let cur = '';
  const rest = m[2]!;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '\\' && i + 1 < rest.length) { cur += c + rest[i + 1]; i++; } else if (c === '|') { parts.push(cur); cur = ''; } else cur += c;
  }
  parts.push(cur);
  if (parts.length > 5) {
    return { error: `too many | separators in "${clip(line)}" (at most 5 parts: document | locator | url | language | excerpt); write \\| for a | inside a text` };
  }
  const [document, locator, url, language, excerpt] = parts.map((p) => unescapePart(p.replace(/^[ \t]+|[ \t]+$/g, '')));
  if (!document) return { error: `no document in "${clip(line)}": the part after [${kind}] names the document cited` };
  const orNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);
  return { evidence: { kind: kind as EvidenceKind, document, locator: orNull(locator), url: orNull(url), language: orNull(language), excerpt: orNull(excerpt) } };
}

/** Reads a whole evidence cell: one citation per non-blank line. Errors name the line (1-based). */
export function parseEvidenceText(text: string): { evidence: Evidence[]; errors: Array<{ line: number; message: string }> } {
  const evidence: Evidence[] = [];
  const errors: Array<{ line: number; message: string }> = [];
  text.replace(/\r\n?/g, '\n').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const r = parseEvidenceLine(line);
    if ('error' in r) errors.push({ line: i + 1, message: r.error });
    else evidence.push(r.evidence);
  });
  return { evidence, errors };
}

function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The date part of a YYYY-MM-DD date or ISO timestamp; '' for none. */
export function day(s: string | null | undefined): string {
  return s ? s.slice(0, 10) : '';
}

/**
 * The 1540 matrix: the catalogue (what a matrix is made of, one edition per template) and the entries
 * (a State's mark, evidence, remarks and provenance for each field), shared by the core, the database
 * layer, the API and the files.
 */

/** Weapon types, as the matrix groups its columns. `general` is for rows that concern all of them. */
export const MATRIX_WEAPONS = ['nw', 'cw', 'bw', 'dv', 'general'] as const;
export type MatrixWeapon = (typeof MATRIX_WEAPONS)[number];

/**
 * Column kinds: `legal` (national legal framework), `enforcement` (enforcement: civil or criminal penalties
 * and the like), `yes` (the OP1 table: "YES" with "if YES, relevant information").
 */
export const MATRIX_COLUMNS = ['legal', 'enforcement', 'yes'] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

/** A cross-reference to a related obligation or guidance (BWC Art. IV, CWC Art. VII, INFCIRC/225, …). */
export interface CrossReference { id: string; label: string; url?: string }

/** One row of a table: an activity or measure, asked for one or more weapon types and one or more columns. */
export interface CatalogueRow {
  id: string;
  label: string;
  weapons: MatrixWeapon[];
  columns: MatrixColumn[];
  /** Ids of cross-references (declared in the edition's `references`). */
  refs?: string[];
  /** OP1 rows on treaties, agreements and regimes: the instrument codes (data/treaties) whose participation fills the row. */
  instruments?: string[];
  note?: string;
}
export interface CatalogueTable { id: string; label: string; rows: CatalogueRow[] }
export interface CatalogueSection { id: MatrixSectionId; label: string; tables: CatalogueTable[] }

export const MATRIX_SECTIONS = ['op1', 'op2', 'op3ab', 'op3cd'] as const;
export type MatrixSectionId = (typeof MATRIX_SECTIONS)[number];

/** A catalogue edition as stored in data/matrix/editions/<id>.json. */
export interface CatalogueEdition {
  id: string;
  title: string;
  /** What in this edition is reconstructed rather than transcribed from an official template, in plain words. */
  reconstructed: string | null;
  /** The resolutions its preamble cites, e.g. "1540 (2004)". */
  resolutions: string[];
  /** Ids of sources (data/sources). */
  sources: string[];
  references: CrossReference[];
  sections: CatalogueSection[];
}

/** One field of a State's matrix: a row × weapon type × column. Id: `<section>.<weapon>.<row>.<column>`. */
export interface CatalogueField {
  id: string;
  section: MatrixSectionId;
  table: string;
  row: string;
  weapon: MatrixWeapon;
  column: MatrixColumn;
  label: string;
  refs: string[];
  instruments: string[];
  /** Position in the edition (sections, tables, rows, weapons, columns in file order). */
  order: number;
}

export const MARKS = ['X', '?', 'NA'] as const;
export type Mark = (typeof MARKS)[number];

export const EVIDENCE_KINDS = ['national-report', 'additional-information', 'legislation', 'official-website', 'international-organisation', 'depositary-record'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Evidence {
  kind: EvidenceKind;
  /** The document cited: its title or symbol. */
  document: string;
  /** Page, article, section. */
  locator?: string | null;
  excerpt?: string | null;
  url?: string | null;
  /** BCP 47 language of the document. */
  language?: string | null;
}

/** committee-approved: in an approved matrix; state-asserted: given by the State; open-source: derived from public records (not reviewed); draft: an expert's working entry. */
export const PROVENANCES = ['committee-approved', 'state-asserted', 'open-source', 'draft'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** The value of one field. */
export interface EntryValue {
  mark: Mark | null;
  evidence: Evidence[];
  remarks: string | null;
  provenance: Provenance;
}

/** A revision of one field of one State's matrix (entries are append-only). */
export interface EntryRevision extends EntryValue {
  field: string;
  version: number;
  author: number | null;
  at: string;
  reason: string | null;
}

/** A State's matrix goes draft → shared (with the State) → agreed → in approval (no-objection period) → approved → published. */
export const MATRIX_STATUSES = ['draft', 'shared', 'agreed', 'in-approval', 'approved', 'published'] as const;
export type MatrixStatus = (typeof MATRIX_STATUSES)[number];

export const SUBMISSION_KINDS = ['first-report', 'additional-information', 'action-plan'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

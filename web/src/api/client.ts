/** The web app's only way to data: the open1540 API, typed from its OpenAPI document. */
import { useEffect, useState } from 'react';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type StateSummary = Schemas['StateSummary'];
export type State = Schemas['State'];
export type Instrument = Schemas['Instrument'];
export type InstrumentDetail = Schemas['InstrumentDetail'];
export type Participants = Schemas['Participants'];
export type Participant = Schemas['Participant'];
export type Universality = Schemas['Universality'];
export type StateInstrumentStatus = Schemas['StateInstrumentStatus'];
export type Source = Schemas['Source'];
export type Problem = Schemas['Problem'];
export type Status = Schemas['Status'];
export type User = Schemas['User'];
export type Role = User['role'];
export type ApiToken = Schemas['ApiToken'];
export type Contact = Schemas['Contact'];
export type AuditEvent = Schemas['AuditEvent'];
export const ROLES: readonly Role[] = ['state_poc', 'expert', 'committee_member', 'provider', 'admin'];
export interface StateList { count: number; states: StateSummary[] }
export interface InstrumentList { count: number; instruments: Instrument[] }
export interface StateInstruments { iso3: string; asOf: string; instruments: StateInstrumentStatus[]; sources: Source[] }

/* The 1540 matrix. The generated schemas mark MatrixInfo and Submission nullable as a whole (they are used as
 * nullable properties); the types below are the records themselves. */
type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export type MatrixInfo = NonNullable<Schemas['MatrixInfo']>;
export type MatrixStatus = MatrixInfo['status'];
export type Submission = NonNullable<Schemas['Submission']>;
export type SubmissionKind = Submission['kind'];
export type MatrixFieldValue = Schemas['MatrixFieldValue'];
export type Mark = NonNullable<MatrixFieldValue['mark']>;
export type Provenance = MatrixFieldValue['provenance'];
export type Evidence = Schemas['Evidence'];
export type EvidenceKind = Evidence['kind'];
export type CatalogueField = Schemas['CatalogueField'];
export type ApprovalClock = NonNullable<Schemas['ApprovalClock']>;
export type MatrixComment = Schemas['MatrixComment'];
export type MatrixSaveResult = Schemas['MatrixSaveResult'];
export type OpenSourceField = Schemas['StateMatrix']['openSource']['fields'][number];
export type OpenSourceFact = OpenSourceField['facts'][number];
export interface StateMatrix extends Omit<Schemas['StateMatrix'], 'matrix' | 'matrices' | 'header' | 'approval'> {
  matrix: MatrixInfo | null;
  matrices: MatrixInfo[];
  header: { state: string; firstReport: Submission | null; additional: Submission[]; actionPlans: Submission[]; approvedAt: string | null };
  approval: ApprovalClock | null;
}
export type CatalogueEdition = Json<'/api/v1/catalogue/{edition}', 'get'>;
export type MatrixHistory = Json<'/api/v1/states/{iso3}/matrix/history', 'get'>;
export type FieldRevision = MatrixHistory['revisions'][number];
export type MatrixImportResult = Json<'/api/v1/states/{iso3}/matrix/import', 'post'>;
/** A value on one side of a diff (null: the field was blank). */
export interface DiffValue { mark: Mark | null; evidence: Evidence[]; remarks: string | null; provenance: Provenance }
export interface MatrixChange extends Omit<Schemas['MatrixDiff']['changes'][number], 'from' | 'to' | 'evidenceAdded' | 'evidenceRemoved'> {
  from: DiffValue | null; to: DiffValue | null; evidenceAdded: Evidence[]; evidenceRemoved: Evidence[];
}
export interface MatrixDiff extends Omit<Schemas['MatrixDiff'], 'changes'> { changes: MatrixChange[] }
/** A field changed by someone else (the 409 of a save or an import carries them). */
export interface FieldConflict { field: string; yourVersion: number; current: (DiffValue & { version: number }) | null }
/** A cell of an imported workbook that could not be read (the 400 of an import carries them). */
export interface WorkbookProblem { sheet: string; cell: string; message: string }
export interface CoverageSummary { states: number; mean: number | null; median: number | null }
export interface StateCoverage { iso3: string; total: number; bySection: Record<string, number>; byWeapon: Record<string, number> }
export interface Coverage extends Omit<Schemas['Coverage'], 'states' | 'overall' | 'byGroup' | 'byRegion'> {
  states: StateCoverage[];
  overall: CoverageSummary;
  byGroup: (CoverageSummary & { group: string })[];
  byRegion: (CoverageSummary & { region: string })[];
}
export const MARKS: readonly Mark[] = ['X', '?', 'NA'];
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['national-report', 'additional-information', 'legislation', 'official-website', 'international-organisation', 'depositary-record'];
export const SUBMISSION_KINDS: readonly SubmissionKind[] = ['first-report', 'additional-information', 'action-plan'];
export const MATRIX_SECTIONS = ['op1', 'op2', 'op3ab', 'op3cd'] as const;
export const MATRIX_WEAPONS = ['nw', 'cw', 'bw', 'dv', 'general'] as const;
export const MATRIX_COLUMNS = ['legal', 'enforcement', 'yes'] as const;
export type Transition = NonNullable<paths['/api/v1/states/{iso3}/matrix/transitions']['post']['requestBody']>['content']['application/json']['transition'];

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null) { super(problem?.detail ?? `HTTP ${status}`); }
}

/** GETs an API path and returns its JSON; throws ApiError with the problem details on failure. */
export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    const problem = res.headers.get('content-type')?.includes('json') ? (await res.json()) as Problem : null;
    throw new ApiError(res.status, problem);
  }
  return (await res.json()) as T;
}

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError | Error } | { state: 'ready'; data: T };

/** Loads an API path, re-loading when it changes. */
export function useApi<T>(path: string | null): Loadable<T> {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setResult({ state: 'loading' });
    getJson<T>(path).then(
      (data) => { if (live) setResult({ state: 'ready', data }); },
      (error: Error) => { if (live) setResult({ state: 'error', error }); },
    );
    return () => { live = false; };
  }, [path]);
  return result;
}

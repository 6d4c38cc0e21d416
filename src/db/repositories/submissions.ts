/** The register of a State's submissions to the Committee (national reports, additional information, action plans). */
import type { SubmissionKind } from '../../core/matrixTypes.js';
import type { Db, ReadDb } from '../connection.js';

export interface Submission { id: number; state: string; kind: SubmissionKind; date: string; symbol: string | null; title: string | null; language: string | null; url: string | null }
export type SubmissionFields = Omit<Submission, 'id' | 'state'>;

export async function listSubmissions(db: ReadDb, state: string): Promise<Submission[]> {
  return db.query<Submission>('select id, state, kind, date, symbol, title, language, url from state_submission where state = $1 order by date, id', [state]);
}

export async function insertSubmission(tx: Db, state: string, f: SubmissionFields, createdBy: number | null): Promise<Submission> {
  return (await tx.query<Submission>(
    'insert into state_submission (state, kind, date, symbol, title, language, url, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, state, kind, date, symbol, title, language, url',
    [state, f.kind, f.date, f.symbol, f.title, f.language, f.url, createdBy]))[0]!;
}

export async function deleteSubmission(tx: Db, id: number): Promise<Submission | null> {
  return (await tx.query<Submission>('delete from state_submission where id = $1 returning id, state, kind, date, symbol, title, language, url', [id]))[0] ?? null;
}

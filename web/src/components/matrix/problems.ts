/** Problems from the matrix API, with the field ids they name replaced by the fields' labels in the reader's language. */
import { ApiError, type CatalogueField, type FieldConflict, type WorkbookProblem } from '../../api/client';
import type { MatrixLabels } from '../../i18n/matrixLabels';

const FIELD_ID = /\b(op1|op2|op3ab|op3cd)\.[a-z]+\.[a-z0-9-]+\.(legal|enforcement|yes)\b/g;

/** The same error, its messages naming fields by their labels (the field id kept in brackets). */
export function relabel(error: unknown, fields: ReadonlyMap<string, CatalogueField>, m: MatrixLabels): unknown {
  if (!(error instanceof ApiError) || !error.problem) return error;
  const name = (s: string) => s.replace(FIELD_ID, (id) => {
    const f = fields.get(id);
    return f ? `${m.fieldName(f)} [${id}]` : id;
  });
  const p = error.problem;
  return new ApiError(error.status, { ...p, detail: name(p.detail), errors: p.errors?.map((e) => ({ ...e, message: name(e.message) })) });
}

export function conflictsOf(error: unknown): FieldConflict[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const c = (error.problem as { conflicts?: FieldConflict[] } | null)?.conflicts;
  return Array.isArray(c) ? c : null;
}

export function workbookProblemsOf(error: unknown): WorkbookProblem[] | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const p = (error.problem as { problems?: WorkbookProblem[] } | null)?.problems;
  return Array.isArray(p) ? p : null;
}

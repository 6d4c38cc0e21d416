import { useId, useRef, useState } from 'react';
import type { CatalogueField, FieldConflict, MatrixImportResult, WorkbookProblem } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useMatrixLabels } from '../../i18n/matrixLabels';
import { ProblemAlert, StatusMessage } from '../Form';
import { Busy } from './Busy';
import { MarkBadge } from './MarkBadge';
import { conflictsOf, relabel, workbookProblemsOf } from './problems';
import { upload, XLSX_TYPE } from './upload';

/**
 * Editing offline: download the draft as a workbook, edit it, import it again. The import is checked first
 * (a dry run lists what would change); conflicts are shown field by field, unreadable cells cell by cell.
 */
export function XlsxRoundTrip({ iso3, fields, onImported }: { iso3: string; fields: ReadonlyMap<string, CatalogueField>; onImported: () => void }) {
  const { t, lang } = useI18n();
  const m = useMatrixLabels();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<MatrixImportResult | null>(null);
  const [done, setDone] = useState<MatrixImportResult | null>(null);
  const path = `/api/v1/states/${iso3}/matrix/import`;

  const send = async (f: File, dryRun: boolean) => {
    setBusy(t(dryRun ? 'import.checking' : 'import.importing')); setError(null);
    try {
      const r = await upload<MatrixImportResult>(`${path}?dryRun=${dryRun}`, f, XLSX_TYPE);
      if (dryRun) setPreview(r);
      else { setDone(r); setPreview(null); setFile(null); if (input.current) input.current.value = ''; onImported(); }
    } catch (err) { setError(err); setPreview(null); } finally { setBusy(null); }
  };
  const choose = (f: File | null) => {
    setFile(f); setPreview(null); setDone(null); setError(null);
    if (f) void send(f, true);
  };
  const conflicts = conflictsOf(error);
  const problems = workbookProblemsOf(error);
  const label = (field: string) => { const f = fields.get(field); return f ? m.fieldName(f) : field; };

  return (
    <section className="xlsx-round-trip" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('import.title')}</h3>
      <p className="hint">{t('import.lead')}</p>
      <p><a className="button-link" href={`/api/v1/states/${iso3}/matrix.xlsx?lang=${lang}`} download>{t('import.download')}</a></p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('import.file')}</label>
        <input ref={input} id={`${id}-file`} type="file" accept={`.xlsx,${XLSX_TYPE}`} disabled={!!busy} onChange={(e) => choose(e.target.files?.[0] ?? null)} />
      </div>
      {busy ? <Busy label={busy} /> : null}
      {conflicts ? (
        <div className="conflict" role="alert">
          <strong>{t('import.conflictsTitle', { count: conflicts.length })}</strong>
          <p>{t('import.conflictsText')}</p>
          <ConflictTable conflicts={conflicts} label={label} />
        </div>
      ) : problems ? (
        <div className="error" role="alert">
          <strong>{t('import.problemsTitle', { count: problems.length })}</strong>
          <ProblemTable problems={problems} />
        </div>
      ) : <ProblemAlert error={relabel(error, fields, m)} />}
      {preview && file ? (
        <div className="import-preview" role="status">
          {preview.saved.length === 0 ? <p>{t('import.nothing')}</p> : (
            <>
              <p>{t('import.wouldChange', { count: preview.saved.length })}</p>
              <ul className="changed-fields">{preview.saved.map((f) => <li key={f}>{label(f)}</li>)}</ul>
            </>
          )}
        </div>
      ) : null}
      {preview && file && preview.saved.length ? (
        <div className="form-actions">
          <button type="button" onClick={() => void send(file, false)} disabled={!!busy}>{t('import.confirm', { count: preview.saved.length })}</button>
          <button type="button" className="button-secondary" onClick={() => choose(null)} disabled={!!busy}>{t('common.cancel')}</button>
        </div>
      ) : null}
      {done ? <StatusMessage>{t('import.done', { count: done.saved.length })}</StatusMessage> : null}
    </section>
  );
}

function ConflictTable({ conflicts, label }: { conflicts: FieldConflict[]; label: (f: string) => string }) {
  const { t, number } = useI18n();
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('import.conflictsCaption')}</caption>
        <thead><tr><th scope="col">{t('import.field')}</th><th scope="col">{t('import.yourVersion')}</th><th scope="col">{t('import.currentVersion')}</th><th scope="col">{t('import.currentMark')}</th></tr></thead>
        <tbody>
          {conflicts.map((c) => (
            <tr key={c.field}>
              <th scope="row">{label(c.field)}</th>
              <td className="num">{number(c.yourVersion)}</td>
              <td className="num">{c.current ? number(c.current.version) : '—'}</td>
              <td>{c.current ? <MarkBadge mark={c.current.mark} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProblemTable({ problems }: { problems: WorkbookProblem[] }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('import.problemsCaption')}</caption>
        <thead><tr><th scope="col">{t('import.cell')}</th><th scope="col">{t('import.problem')}</th></tr></thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}><th scope="row" dir="ltr" className="ltr-value">{p.sheet}!{p.cell}</th><td lang="en">{p.message}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

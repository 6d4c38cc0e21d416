import { useId, useState, type FormEvent } from 'react';
import { MARKS, type CatalogueField, type FieldConflict, type Mark, type MatrixFieldValue, type MatrixSaveResult } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useMatrixLabels } from '../../i18n/matrixLabels';
import { api } from '../../session';
import { ProblemAlert } from '../Form';
import { Busy } from './Busy';
import { ConflictView } from './ConflictView';
import { EvidenceRows, toEvidence, toEvidenceDraft, type EvidenceDraft } from './EvidenceRows';
import { conflictsOf, relabel } from './problems';

interface Draft { mark: Mark | ''; evidence: EvidenceDraft[]; remarks: string }
const toDraft = (v: MatrixFieldValue | null): Draft => ({ mark: v?.mark ?? '', evidence: (v?.evidence ?? []).map(toEvidenceDraft), remarks: v?.remarks ?? '' });

/**
 * Edits one field of the draft: its mark, the citations behind it and remarks, with a reason. Saved from the
 * version read; when someone else saved first, the current value is shown beside this one.
 */
export function FieldEditor({ iso3, field, value, fields, onSaved, onReload }: {
  iso3: string; field: CatalogueField; value: MatrixFieldValue | null; fields: ReadonlyMap<string, CatalogueField>;
  onSaved: (r: MatrixSaveResult) => void; onReload: () => void;
}) {
  const { t } = useI18n();
  const m = useMatrixLabels();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(value));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<FieldConflict | null>(null);

  const save = async (version: number) => {
    setBusy(true); setError(null);
    try {
      const r = await api<MatrixSaveResult>('PATCH', `/api/v1/states/${iso3}/matrix/fields`, {
        reason: reason.trim() || null,
        fields: [{ field: field.id, version, mark: draft.mark || null, evidence: draft.evidence.map(toEvidence), remarks: draft.remarks.trim() || null }],
      });
      setConflict(null);
      onSaved(r);
    } catch (err) {
      const c = conflictsOf(err)?.find((x) => x.field === field.id);
      if (c) setConflict(c);
      setError(relabel(err, fields, m));
    } finally { setBusy(false); }
  };
  const submit = (e: FormEvent) => { e.preventDefault(); void save(value?.version ?? 0); };

  return (
    <form className="field-editor" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('editor.title')}</h3>
      {conflict ? (
        <ConflictView conflict={conflict} mine={{ mark: draft.mark || null, evidence: draft.evidence.map(toEvidence), remarks: draft.remarks.trim() || null }}
          busy={busy} onReload={onReload} onOverwrite={conflict.current ? () => void save(conflict.current!.version) : undefined} />
      ) : <ProblemAlert error={error} />}
      <fieldset className="marks">
        <legend>{t('editor.mark')}</legend>
        {[...MARKS, ''].map((mk) => (
          <div key={mk || 'empty'} className="check">
            <input id={`${id}-mark-${mk || 'empty'}`} type="radio" name={`${id}-mark`} value={mk} checked={draft.mark === mk}
              onChange={() => setDraft((d) => ({ ...d, mark: mk as Mark | '' }))} />
            <label htmlFor={`${id}-mark-${mk || 'empty'}`}>{m.markLong(mk || null)}</label>
          </div>
        ))}
        {draft.mark === 'X' || draft.mark === '?' ? <p className="hint">{t('editor.needsEvidence')}</p> : null}
      </fieldset>
      <EvidenceRows rows={draft.evidence} onChange={(evidence) => setDraft((d) => ({ ...d, evidence }))} />
      <div className="field">
        <label htmlFor={`${id}-remarks`}>{t('editor.remarks')} <span className="muted small">{t('form.optional')}</span></label>
        <textarea id={`${id}-remarks`} rows={3} maxLength={4000} value={draft.remarks} onChange={(e) => setDraft((d) => ({ ...d, remarks: e.target.value }))} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('editor.reason')} <span className="muted small">{t('form.optional')}</span></label>
        <input id={`${id}-reason`} type="text" maxLength={500} value={reason} aria-describedby={`${id}-reason-h`} onChange={(e) => setReason(e.target.value)} />
        <p id={`${id}-reason-h`} className="hint">{t('editor.reasonHint')}</p>
      </div>
      <p className="hint">{t('editor.version', { version: value?.version ?? 0 })}</p>
      <div className="form-actions">
        <button type="submit" disabled={busy}>{t('editor.save')}</button>
      </div>
      {busy ? <Busy label={t('editor.saving')} /> : null}
    </form>
  );
}

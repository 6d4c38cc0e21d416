import { useId, useState, type FormEvent } from 'react';
import { SUBMISSION_KINDS, type Submission, type SubmissionKind } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { api, useLoad } from '../../session';
import { Async } from '../Async';
import { ConfirmButton, Field, ProblemAlert, StatusMessage, fieldError } from '../Form';

interface Draft { kind: SubmissionKind; date: string; symbol: string; title: string; language: string; url: string }
const EMPTY: Draft = { kind: 'additional-information', date: '', symbol: '', title: '', language: '', url: '' };
const opt = (s: string) => s.trim() || null;

/** The register of the State's submissions (reports, additional information, action plans), which feeds the matrix header. */
export function Submissions({ iso3, canWrite, onChange }: { iso3: string; canWrite: boolean; onChange: () => void }) {
  const { t, date } = useI18n();
  const [list, reload] = useLoad<{ submissions: Submission[] }>(`/api/v1/states/${iso3}/submissions`);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const changed = (msg: string) => { setMessage(msg); reload(); onChange(); };
  const remove = async (s: Submission) => {
    setError(null); setMessage(null);
    try { await api('DELETE', `/api/v1/states/${iso3}/submissions/${s.id}`); changed(t('submissions.removed', { date: date(s.date) })); } catch (err) { setError(err); }
  };
  return (
    <section className="submissions" aria-labelledby="submissions-h">
      <h2 id="submissions-h">{t('submissions.title')}</h2>
      <p className="hint">{t('submissions.lead')}</p>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <ProblemAlert error={error} />
      <Async data={list}>
        {(d) => d.submissions.length === 0 ? <p className="empty">{t('submissions.none')}</p> : (
          <div className="table-scroll">
            <table className="submissions-table">
              <caption>{t('submissions.caption', { count: d.submissions.length })}</caption>
              <thead><tr>
                <th scope="col">{t('submissions.date')}</th><th scope="col">{t('submissions.kind')}</th><th scope="col">{t('submissions.symbol')}</th>
                <th scope="col">{t('submissions.docTitle')}</th><th scope="col">{t('submissions.language')}</th>
                {canWrite ? <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th> : null}
              </tr></thead>
              <tbody>
                {d.submissions.map((s) => (
                  <tr key={s.id}>
                    <th scope="row"><time dateTime={s.date}>{date(s.date)}</time></th>
                    <td>{t(`submissionKind.${s.kind}` as MessageKey)}</td>
                    <td dir="ltr" className="ltr-value">{s.symbol ?? '—'}</td>
                    <td>{s.url ? <a href={s.url} rel="noopener noreferrer" target="_blank">{s.title || s.url}</a> : s.title ?? '—'}</td>
                    <td>{s.language ?? '—'}</td>
                    {canWrite ? (
                      <td className="actions">
                        <ConfirmButton label={t('common.delete')} accessibleLabel={t('common.named', { action: t('common.delete'), name: `${t(`submissionKind.${s.kind}` as MessageKey)} ${date(s.date)}` })}
                          question={t('submissions.confirmRemove', { date: date(s.date) })} confirmLabel={t('common.delete')} onConfirm={() => remove(s)} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
      {canWrite ? <SubmissionForm iso3={iso3} onAdded={() => changed(t('submissions.added'))} /> : null}
    </section>
  );
}

function SubmissionForm({ iso3, onAdded }: { iso3: string; onAdded: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      await api('POST', `/api/v1/states/${iso3}/submissions`, { kind: draft.kind, date: draft.date, symbol: opt(draft.symbol), title: opt(draft.title), language: opt(draft.language), url: opt(draft.url) });
      setDraft(EMPTY);
      onAdded();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form className="form-card" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('submissions.add')}</h3>
      <ProblemAlert error={error} />
      <div className="form-row">
        <Field label={t('submissions.kind')} error={fieldError(t, error, 'kind')}>
          {(p) => <select {...p} value={draft.kind} onChange={(e) => set('kind', e.target.value as SubmissionKind)}>
            {SUBMISSION_KINDS.map((k) => <option key={k} value={k}>{t(`submissionKind.${k}` as MessageKey)}</option>)}
          </select>}
        </Field>
        <Field label={t('submissions.date')} error={fieldError(t, error, 'date')}>
          {(p) => <input {...p} type="date" required value={draft.date} onChange={(e) => set('date', e.target.value)} />}
        </Field>
        <Field label={t('submissions.symbol')} optional error={fieldError(t, error, 'symbol')}>
          {(p) => <input {...p} type="text" dir="ltr" maxLength={100} value={draft.symbol} onChange={(e) => set('symbol', e.target.value)} />}
        </Field>
        <Field label={t('submissions.docTitle')} optional error={fieldError(t, error, 'title')}>
          {(p) => <input {...p} type="text" maxLength={500} value={draft.title} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <Field label={t('submissions.language')} optional hint={t('evidence.languageHint')} error={fieldError(t, error, 'language')}>
          {(p) => <input {...p} type="text" dir="ltr" maxLength={35} value={draft.language} onChange={(e) => set('language', e.target.value)} />}
        </Field>
        <Field label={t('submissions.url')} optional error={fieldError(t, error, 'url')}>
          {(p) => <input {...p} type="url" dir="ltr" maxLength={2000} value={draft.url} onChange={(e) => set('url', e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={busy || !draft.date}>{t('submissions.addButton')}</button>
      </div>
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { CatalogueField, MatrixComment } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useMatrixLabels } from '../../i18n/matrixLabels';
import { api } from '../../session';
import { ProblemAlert, StatusMessage } from '../Form';
import { roleName } from '../roles';
import { relabel } from './problems';

/** Comments on a matrix in its cycle: who (name and role), when, on which field, and a link to further information. */
export function CommentList({ comments, fields, onOpenField }: {
  comments: MatrixComment[]; fields: ReadonlyMap<string, CatalogueField>; onOpenField?: (field: string) => void;
}) {
  const { t, dateTime } = useI18n();
  const m = useMatrixLabels();
  if (comments.length === 0) return <p className="empty">{t('comments.none')}</p>;
  return (
    <ol className="comment-list">
      {comments.map((c) => {
        const f = c.field ? fields.get(c.field) : undefined;
        return (
          <li key={c.id} className="comment">
            <p className="comment-meta">
              <strong>{c.authorName ?? t('comments.unknownAuthor')}</strong>
              {' · '}{roleName(t, c.authorRole)}{' · '}<time dateTime={c.at}>{dateTime(c.at)}</time>
            </p>
            {c.field ? (
              <p className="small comment-field">{t('comments.onField')}{' '}
                {onOpenField && f ? <button type="button" className="link-button" onClick={() => onOpenField(c.field!)}>{m.fieldName(f)}</button>
                  : <span>{f ? m.fieldName(f) : c.field}</span>}
              </p>
            ) : null}
            <p className="comment-body" dir="auto">{c.body}</p>
            {c.attachmentUrl ? (
              <p className="small"><a href={c.attachmentUrl} rel="noopener noreferrer" target="_blank">{c.attachmentTitle || t('comments.attachment')}</a></p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** A comment on the matrix, or on one field (fixed, or chosen from the catalogue), with an optional link. */
export function CommentForm({ iso3, field, fields, onPosted }: {
  iso3: string; field?: string; fields: ReadonlyMap<string, CatalogueField>; onPosted: () => void;
}) {
  const { t } = useI18n();
  const m = useMatrixLabels();
  const id = useId();
  const [chosen, setChosen] = useState('');
  const [body, setBody] = useState('');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [posted, setPosted] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null); setPosted(false);
    try {
      await api('POST', `/api/v1/states/${iso3}/matrix/comments`, {
        field: field ?? (chosen || null), body: body.trim(), attachmentUrl: url.trim() || null, attachmentTitle: title.trim() || null,
      });
      setBody(''); setUrl(''); setTitle('');
      setPosted(true);
      onPosted();
    } catch (err) { setError(relabel(err, fields, m)); } finally { setBusy(false); }
  };
  const bySection = new Map<string, CatalogueField[]>();
  if (!field) for (const f of [...fields.values()].sort((a, b) => a.order - b.order)) bySection.set(f.section, [...(bySection.get(f.section) ?? []), f]);
  return (
    <form className="form-card comment-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t(field ? 'comments.addOnField' : 'comments.add')}</h3>
      <ProblemAlert error={error} />
      {!field ? (
        <div className="field">
          <label htmlFor={`${id}-field`}>{t('comments.field')} <span className="muted small">{t('form.optional')}</span></label>
          <select id={`${id}-field`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('comments.wholeMatrix')}</option>
            {[...bySection].map(([s, fs]) => (
              <optgroup key={s} label={m.section(s)}>
                {fs.map((f) => <option key={f.id} value={f.id}>{m.fieldName(f)}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('comments.body')}</label>
        <textarea id={`${id}-body`} rows={3} required maxLength={4000} value={body} onChange={(e) => { setBody(e.target.value); setPosted(false); }} />
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('comments.attachmentUrl')} <span className="muted small">{t('form.optional')}</span></label>
          <input id={`${id}-url`} type="url" dir="ltr" maxLength={2000} value={url} aria-describedby={`${id}-url-h`} onChange={(e) => setUrl(e.target.value)} />
          <p id={`${id}-url-h`} className="hint">{t('comments.attachmentHint')}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('comments.attachmentTitle')} <span className="muted small">{t('form.optional')}</span></label>
          <input id={`${id}-title`} type="text" maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={busy || !body.trim()}>{t('comments.post')}</button>
      </div>
      {posted ? <StatusMessage>{t('comments.posted')}</StatusMessage> : null}
    </form>
  );
}

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, type Contact, type User } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { api, useLoad, useSession } from '../session';
import { Async } from './Async';
import { ConfirmButton, Field, ProblemAlert, StatusMessage, fieldError } from './Form';

interface Draft { name: string; title: string; organisation: string; email: string; phone: string; published: boolean }
const EMPTY: Draft = { name: '', title: '', organisation: '', email: '', phone: '', published: false };
const toDraft = (c: Contact): Draft => ({ name: c.name, title: c.title ?? '', organisation: c.organisation ?? '', email: c.email ?? '', phone: c.phone ?? '', published: c.published });
const toBody = (d: Draft) => ({
  name: d.name.trim(), title: d.title.trim() || null, organisation: d.organisation.trim() || null,
  email: d.email.trim() || null, phone: d.phone.trim() || null, published: d.published,
});

/** Who may add, change and remove the points of contact of a State (the server checks it again). */
export function mayWriteContacts(user: User | null, iso3: string): boolean {
  if (!user) return false;
  return user.role === 'admin' || user.role === 'expert' || (user.role === 'state_poc' && user.state === iso3);
}
function seesRestricted(user: User | null, iso3: string): boolean {
  if (!user) return false;
  return ['admin', 'expert', 'committee_member'].includes(user.role) || (user.role === 'state_poc' && user.state === iso3);
}

/** A State's points of contact: the ones the reader may see, and for those who may, adding, editing, removing. */
export function Contacts({ iso3 }: { iso3: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [list, reload] = useLoad<{ contacts: Contact[] }>(`/api/v1/contacts?state=${iso3}`);
  const [editing, setEditing] = useState<Contact | null>(null);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canWrite = mayWriteContacts(user, iso3);

  const remove = async (c: Contact) => {
    setError(null); setMessage(null);
    try {
      await api('DELETE', `/api/v1/contacts/${c.id}`);
      if (editing?.id === c.id) setEditing(null);
      setMessage(t('contacts.deleted', { name: c.name }));
    } catch (err) { setError(err); } finally { reload(); }
  };

  return (
    <section className="contacts" aria-labelledby="contacts-h">
      <h2 id="contacts-h">{t('contacts.title')}</h2>
      <p className="hint">{t(seesRestricted(user, iso3) ? 'contacts.restrictedNote' : 'contacts.publicNote')}</p>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <ProblemAlert error={error} />
      <Async data={list}>
        {(d) => d.contacts.length === 0 ? <p className="empty">{t('contacts.none')}</p> : (
          <ul className="contact-list">
            {d.contacts.map((c) => (
              <li key={c.id} className={c.published ? 'contact-card' : 'contact-card contact-restricted'}>
                <h3 className="contact-name">{c.name}</h3>
                {!c.published ? <p><span className="badge badge-restricted">{t('contacts.notPublished')}</span></p> : null}
                {c.title ? <p className="contact-line">{c.title}</p> : null}
                {c.organisation ? <p className="contact-line">{c.organisation}</p> : null}
                {c.email || c.phone ? (
                  <dl className="contact-means">
                    {c.email ? <div><dt>{t('form.email')}</dt><dd><a href={`mailto:${c.email}`} dir="ltr">{c.email}</a></dd></div> : null}
                    {c.phone ? <div><dt>{t('contacts.phone')}</dt><dd><a href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">{c.phone}</a></dd></div> : null}
                  </dl>
                ) : null}
                {canWrite ? (
                  <div className="card-actions">
                    <button type="button" className="button-secondary" aria-label={t('common.named', { action: t('common.edit'), name: c.name })}
                      onClick={() => { setMessage(null); setEditing(c); }}>{t('common.edit')}</button>
                    <ConfirmButton label={t('common.delete')} accessibleLabel={t('common.named', { action: t('common.delete'), name: c.name })}
                      question={t('contacts.confirmDelete', { name: c.name })} confirmLabel={t('common.delete')} onConfirm={() => remove(c)} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Async>
      {canWrite && (editing || adding) ? (
        <ContactForm key={editing ? `edit-${editing.id}` : 'new'} iso3={iso3} editing={editing}
          onCancel={() => { setEditing(null); setAdding(false); }}
          onSaved={(c, created) => { setEditing(null); setAdding(false); setMessage(t(created ? 'contacts.added' : 'contacts.saved', { name: c.name })); reload(); }}
          onGone={() => { setEditing(null); reload(); }} />
      ) : canWrite ? (
        <p><button type="button" onClick={() => { setMessage(null); setAdding(true); }}>{t('contacts.add')}</button></p>
      ) : null}
    </section>
  );
}

function ContactForm({ iso3, editing, onCancel, onSaved, onGone }: {
  iso3: string; editing: Contact | null; onCancel: () => void; onSaved: (c: Contact, created: boolean) => void; onGone: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(editing ? toDraft(editing) : EMPTY);
  const [base, setBase] = useState<Contact | null>(editing);
  const [conflict, setConflict] = useState<Contact | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const noteId = useId();
  useEffect(() => { heading.current?.focus(); }, []);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const save = async (version = base?.version) => {
    setBusy(true); setError(null);
    try {
      const c = base
        ? await api<Contact>('PUT', `/api/v1/contacts/${base.id}`, { ...toBody(draft), version })
        : await api<Contact>('POST', '/api/v1/contacts', { state: iso3, ...toBody(draft) });
      setConflict(null);
      if (!base) setDraft(EMPTY);
      onSaved(c, !base);
    } catch (err) {
      const current = err instanceof ApiError && err.status === 409 ? (err.problem as { current?: Contact } | null)?.current : undefined;
      if (current) setConflict(current);
      else if (err instanceof ApiError && err.status === 404 && base) { setError(err); onGone(); }
      else setError(err);
    } finally { setBusy(false); }
  };
  const submit = (e: FormEvent) => { e.preventDefault(); void save(); };

  return (
    <form className="form-card contact-form" onSubmit={submit} aria-labelledby="contact-form-h">
      <h3 id="contact-form-h" ref={heading} tabIndex={-1}>{base ? t('contacts.editTitle', { name: base.name }) : t('contacts.add')}</h3>
      {conflict ? (
        <div className="conflict" role="alert">
          <strong>{t('contacts.conflictTitle')}</strong>
          <p>{t('contacts.conflictText')}</p>
          <dl className="facts">
            <div><dt>{t('contacts.name')}</dt><dd>{conflict.name}</dd></div>
            <div><dt>{t('contacts.jobTitle')}</dt><dd>{conflict.title ?? '—'}</dd></div>
            <div><dt>{t('contacts.organisation')}</dt><dd>{conflict.organisation ?? '—'}</dd></div>
            <div><dt>{t('form.email')}</dt><dd dir="ltr" className="ltr-value">{conflict.email ?? '—'}</dd></div>
            <div><dt>{t('contacts.phone')}</dt><dd dir="ltr" className="ltr-value">{conflict.phone ?? '—'}</dd></div>
            <div><dt>{t('contacts.publication')}</dt><dd>{t(conflict.published ? 'contacts.published' : 'contacts.notPublished')}</dd></div>
          </dl>
          <div className="form-actions">
            <button type="button" disabled={busy} onClick={() => { setBase(conflict); void save(conflict.version); }}>{t('contacts.reapply')}</button>
            <button type="button" className="button-secondary" onClick={() => { setBase(conflict); setDraft(toDraft(conflict)); setConflict(null); }}>{t('contacts.useCurrent')}</button>
          </div>
        </div>
      ) : null}
      <ProblemAlert error={error} />
      <div className="form-row">
        <Field label={t('contacts.name')} error={fieldError(t, error, 'name')}>
          {(p) => <input {...p} type="text" name="name" required maxLength={200} autoComplete="off" value={draft.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field label={t('contacts.jobTitle')} optional error={fieldError(t, error, 'title')}>
          {(p) => <input {...p} type="text" name="title" maxLength={200} autoComplete="off" value={draft.title} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <Field label={t('contacts.organisation')} optional error={fieldError(t, error, 'organisation')}>
          {(p) => <input {...p} type="text" name="organisation" maxLength={300} autoComplete="off" value={draft.organisation} onChange={(e) => set('organisation', e.target.value)} />}
        </Field>
        <Field label={t('form.email')} optional error={fieldError(t, error, 'email')}>
          {(p) => <input {...p} type="email" name="email" maxLength={254} autoComplete="off" dir="ltr" value={draft.email} onChange={(e) => set('email', e.target.value)} />}
        </Field>
        <Field label={t('contacts.phone')} optional hint={t('contacts.phoneHint')} error={fieldError(t, error, 'phone')}>
          {(p) => <input {...p} type="tel" name="phone" maxLength={50} autoComplete="off" dir="ltr" value={draft.phone} onChange={(e) => set('phone', e.target.value)} />}
        </Field>
      </div>
      <div className="check">
        <input id={`${noteId}-published`} type="checkbox" checked={draft.published} aria-describedby={noteId} onChange={(e) => set('published', e.target.checked)} />
        <label htmlFor={`${noteId}-published`}>{t('contacts.publish')}</label>
      </div>
      <p id={noteId} className="hint consent">{t('contacts.consent')}</p>
      <div className="form-actions">
        <button type="submit" disabled={busy || !draft.name.trim()}>{base ? t('common.save') : t('contacts.addButton')}</button>
        <button type="button" className="button-secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import type { ApiToken, User } from '../api/client';
import { Async } from '../components/Async';
import { ConfirmButton, Field, OnceSecret, ProblemAlert, SignInRequired, StatusMessage, fieldError } from '../components/Form';
import { roleName, scopeText } from '../components/roles';
import { useStates } from '../components/useStates';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';
import { api, forgetSession, updateSessionUser, useLoad, useSession } from '../session';

interface Me { user: User; tokens: ApiToken[] }

/** The signed-in account: profile, display name, password, and API tokens. */
export function AccountPage() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  const [me, reload] = useLoad<Me>(user ? '/api/v1/me' : null);
  if (loading) return <Async data={{ state: 'loading' }}>{() => null}</Async>;
  if (!user) return <><h1>{t('account.title')}</h1><SignInRequired /></>;
  return (
    <>
      <h1>{t('account.title')}</h1>
      <Async data={me}>
        {(d) => (
          <>
            <Profile user={d.user} />
            <div className="panels">
              <DisplayNameForm user={d.user} onSaved={reload} />
              <PasswordForm />
            </div>
            <Tokens tokens={d.tokens} onChange={reload} />
          </>
        )}
      </Async>
    </>
  );
}

function Profile({ user }: { user: User }) {
  const { t } = useI18n();
  const { name } = useStates();
  return (
    <section aria-labelledby="profile-h">
      <h2 id="profile-h">{t('account.profile')}</h2>
      <dl className="facts">
        <div><dt>{t('account.name')}</dt><dd>{user.displayName}</dd></div>
        <div><dt>{t('form.email')}</dt><dd dir="ltr" className="ltr-value">{user.email}</dd></div>
        <div><dt>{t('account.role')}</dt><dd>{roleName(t, user.role)}</dd></div>
        <div><dt>{t('account.scope')}</dt><dd>{scopeText(t, user, name)}</dd></div>
      </dl>
    </section>
  );
}

function DisplayNameForm({ user, onSaved }: { user: User; onSaved: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(user.displayName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null); setSaved(false);
    try {
      const r = await api<{ user: User }>('PATCH', '/api/v1/me', { displayName: value.trim() });
      updateSessionUser(r.user);
      setSaved(true);
      onSaved();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <section className="form-card" aria-labelledby="name-h">
      <h2 id="name-h">{t('account.changeName')}</h2>
      <form onSubmit={submit}>
        <ProblemAlert error={error} />
        <Field label={t('account.name')} error={fieldError(t, error, 'displayName')}>
          {(p) => <input {...p} type="text" name="displayName" autoComplete="name" required maxLength={200}
            value={value} onChange={(e) => { setValue(e.target.value); setSaved(false); }} />}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={busy || !value.trim() || value.trim() === user.displayName}>{t('common.save')}</button>
        </div>
        {saved ? <StatusMessage>{t('account.nameSaved')}</StatusMessage> : null}
      </form>
    </section>
  );
}

function PasswordForm() {
  const { t, lang } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mismatch = repeat !== '' && next !== repeat;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) return;
    setBusy(true); setError(null);
    try {
      await api('PATCH', '/api/v1/me', { currentPassword: current, newPassword: next });
      // A new password ends every session, this one included.
      forgetSession();
      navigate(`/${lang}/signin?changed=1&next=${encodeURIComponent(`/${lang}/account`)}`);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <section className="form-card" aria-labelledby="password-h">
      <h2 id="password-h">{t('account.changePassword')}</h2>
      <form onSubmit={submit}>
        <ProblemAlert error={error} />
        <Field label={t('password.current')} error={fieldError(t, error, 'currentPassword')}>
          {(p) => <input {...p} type="password" name="currentPassword" autoComplete="current-password" required
            value={current} onChange={(e) => setCurrent(e.target.value)} />}
        </Field>
        <Field label={t('password.new')} hint={t('password.policy')} error={fieldError(t, error, 'password', 'newPassword')}>
          {(p) => <input {...p} type="password" name="newPassword" autoComplete="new-password" required minLength={12} maxLength={200}
            value={next} onChange={(e) => setNext(e.target.value)} />}
        </Field>
        <Field label={t('password.repeat')} error={mismatch ? t('password.mismatch') : undefined}>
          {(p) => <input {...p} type="password" name="repeatPassword" autoComplete="new-password" required
            value={repeat} onChange={(e) => setRepeat(e.target.value)} />}
        </Field>
        <p className="hint">{t('password.endsSessions')}</p>
        <div className="form-actions">
          <button type="submit" disabled={busy || !current || !next || next !== repeat}>{t('account.changePassword')}</button>
        </div>
      </form>
    </section>
  );
}

function TokenStatus({ token, expired }: { token: ApiToken; expired: boolean }) {
  const { t, date, dateTime } = useI18n();
  if (token.revokedAt) return <span className="badge badge-revoked">{t('tokens.revokedOn', { date: dateTime(token.revokedAt) })}</span>;
  if (expired) return <span className="badge badge-revoked">{t('tokens.expiredOn', { date: date(token.expiresAt.slice(0, 10)) })}</span>;
  return (
    <>
      <span className="badge badge-active">{t('tokens.active')}</span>
      {token.expiresAt ? <div className="small muted">{t('tokens.expires', { date: date(token.expiresAt.slice(0, 10)) })}</div> : null}
    </>
  );
}

/** A translated sentence with a code sample where its placeholder was. */
function withCode(sentence: string, code: string) {
  const [before, after = ''] = sentence.split('\u0000');
  return <>{before}<code dir="ltr">{code}</code>{after}</>;
}

const EXPIRY_DAYS = [30, 90, 365, 730];

function Tokens({ tokens, onChange }: { tokens: ApiToken[]; onChange: () => void }) {
  const { t, dateTime } = useI18n();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiToken['scope']>('read');
  const [days, setDays] = useState(365);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ token: string; record: ApiToken } | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const now = Date.now();
  const sorted = [...tokens].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null); setRevoked(null);
    try {
      const r = await api<{ token: string; record: ApiToken }>('POST', '/api/v1/me/tokens', { name: name.trim(), scope, expiresInDays: days });
      setCreated(r);
      setName('');
      onChange();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const revoke = async (tok: ApiToken) => {
    setError(null);
    try {
      await api('DELETE', `/api/v1/me/tokens/${tok.id}`);
      setRevoked(tok.name);
      onChange();
    } catch (err) { setError(err); }
  };

  return (
    <section aria-labelledby="tokens-h">
      <h2 id="tokens-h">{t('tokens.title')}</h2>
      <p>{t('tokens.lead')}</p>
      {created ? (
        <OnceSecret title={t('tokens.createdTitle', { name: created.record.name })} label={t('tokens.secret')} value={created.token}
          warning={t('tokens.onceWarning')} onDone={() => setCreated(null)}>
          <p className="hint">{withCode(t('tokens.usage', { header: '\u0000' }), 'Authorization: Bearer …')}</p>
        </OnceSecret>
      ) : null}
      {revoked ? <StatusMessage>{t('tokens.revokedMessage', { name: revoked })}</StatusMessage> : null}
      {sorted.length === 0 ? <p className="empty">{t('tokens.none')}</p> : (
        <div className="table-scroll">
          <table className="tokens">
            <thead><tr>
              <th scope="col">{t('tokens.name')}</th><th scope="col">{t('tokens.scope')}</th><th scope="col">{t('tokens.created')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th><th scope="col">{t('tokens.status')}</th><th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
            </tr></thead>
            <tbody>
              {sorted.map((tok) => {
                const expired = !!tok.expiresAt && Date.parse(tok.expiresAt) <= now;
                return (
                  <tr key={tok.id} className={tok.revokedAt || expired ? 'row-inactive' : undefined}>
                    <th scope="row">{tok.name}</th>
                    <td>{t(tok.scope === 'read' ? 'tokens.read' : 'tokens.readWrite')}</td>
                    <td>{dateTime(tok.createdAt)}</td>
                    <td>{tok.lastUsedAt ? dateTime(tok.lastUsedAt) : <span className="muted">{t('tokens.never')}</span>}</td>
                    <td><TokenStatus token={tok} expired={expired} /></td>
                    <td className="actions">{!tok.revokedAt && !expired ? (
                      <ConfirmButton label={t('tokens.revoke')} accessibleLabel={t('common.named', { action: t('tokens.revoke'), name: tok.name })}
                        question={t('tokens.confirmRevoke', { name: tok.name })} confirmLabel={t('tokens.revokeConfirm')} onConfirm={() => revoke(tok)} />
                    ) : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <form className="form-card" onSubmit={create} aria-labelledby="token-new-h">
        <h3 id="token-new-h">{t('tokens.new')}</h3>
        <ProblemAlert error={error} />
        <div className="form-row">
          <Field label={t('tokens.name')} hint={t('tokens.nameHint')} error={fieldError(t, error, 'name')}>
            {(p) => <input {...p} type="text" name="tokenName" required maxLength={100} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={t('tokens.scope')} error={fieldError(t, error, 'scope')}>
            {(p) => (
              <select {...p} name="scope" value={scope} onChange={(e) => setScope(e.target.value as ApiToken['scope'])}>
                <option value="read">{t('tokens.read')}</option>
                <option value="read-write">{t('tokens.readWrite')}</option>
              </select>
            )}
          </Field>
          <Field label={t('tokens.validFor')} error={fieldError(t, error, 'expiresInDays')}>
            {(p) => (
              <select {...p} name="expiresInDays" value={days} onChange={(e) => setDays(Number(e.target.value))}>
                {EXPIRY_DAYS.map((d) => <option key={d} value={d}>{t('tokens.days', { count: d })}</option>)}
              </select>
            )}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy || !name.trim()}>{t('tokens.create')}</button>
        </div>
      </form>
    </section>
  );
}

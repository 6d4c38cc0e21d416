import { useState, type FormEvent } from 'react';
import { ROLES, type Role, type User } from '../api/client';
import { Async } from '../components/Async';
import { ConfirmButton, Field, OnceSecret, ProblemAlert, SignInRequired, StatusMessage, fieldError } from '../components/Form';
import { roleName, scopeText } from '../components/roles';
import { useStates } from '../components/useStates';
import { useI18n } from '../i18n/i18n';
import { api, useLoad, useSession } from '../session';

/** Accounts (administrators only): the list, a new account, disable/enable, password reset. */
export function UsersPage() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  const isAdmin = user?.role === 'admin';
  const [list, reload] = useLoad<{ users: User[] }>(isAdmin ? '/api/v1/users' : null);
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { name: stateName } = useStates();

  if (loading) return <Async data={{ state: 'loading' }}>{() => null}</Async>;
  if (!user) return <><h1>{t('users.title')}</h1><SignInRequired /></>;
  if (!isAdmin) {
    return (
      <>
        <h1>{t('users.title')}</h1>
        <div className="error" role="alert"><strong>{t('users.notAllowed')}</strong><p>{t('users.notAllowedText')}</p></div>
      </>
    );
  }

  const change = async (u: User, disabled: boolean) => {
    setError(null); setMessage(null); setSecret(null);
    try {
      await api('PATCH', `/api/v1/users/${u.id}`, { disabled });
      setMessage(t(disabled ? 'users.disabledMessage' : 'users.enabledMessage', { name: u.displayName }));
      reload();
    } catch (err) { setError(err); }
  };
  const reset = async (u: User) => {
    setError(null); setMessage(null); setSecret(null);
    try {
      const r = await api<{ generatedPassword: string }>('POST', `/api/v1/users/${u.id}/reset-password`);
      setSecret({ title: t('users.resetTitle', { name: u.displayName }), value: r.generatedPassword });
    } catch (err) { setError(err); }
  };

  return (
    <>
      <h1>{t('users.title')}</h1>
      <p className="lead">{t('users.lead')}</p>
      {secret ? (
        <OnceSecret title={secret.title} label={t('users.password')} value={secret.value} warning={t('users.passwordWarning')} onDone={() => setSecret(null)} />
      ) : null}
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <ProblemAlert error={error} />
      <Async data={list}>
        {(d) => d.users.length === 0 ? <p className="empty">{t('users.none')}</p> : (
          <div className="table-scroll">
            <table className="users">
              <caption>{t('users.count', { count: d.users.length })}</caption>
              <thead><tr>
                <th scope="col">{t('account.name')}</th><th scope="col">{t('form.email')}</th><th scope="col">{t('account.role')}</th>
                <th scope="col">{t('account.scope')}</th><th scope="col">{t('users.status')}</th><th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr></thead>
              <tbody>
                {[...d.users].sort((a, b) => a.displayName.localeCompare(b.displayName)).map((u) => (
                  <tr key={u.id} className={u.disabled ? 'row-inactive' : undefined}>
                    <th scope="row">{u.displayName}{u.id === user.id ? <span className="muted small"> {t('users.you')}</span> : null}</th>
                    <td dir="ltr" className="ltr-value">{u.email}</td>
                    <td>{roleName(t, u.role)}</td>
                    <td>{scopeText(t, u, stateName)}</td>
                    <td>{u.disabled ? <span className="badge badge-revoked">{t('users.disabled')}</span> : <span className="badge badge-active">{t('users.active')}</span>}</td>
                    <td className="actions">{u.id === user.id ? null : (
                      <>
                        {u.disabled
                          ? <button type="button" className="button-secondary" aria-label={t('common.named', { action: t('users.enable'), name: u.displayName })} onClick={() => change(u, false)}>{t('users.enable')}</button>
                          : <ConfirmButton label={t('users.disable')} accessibleLabel={t('common.named', { action: t('users.disable'), name: u.displayName })}
                              question={t('users.confirmDisable', { name: u.displayName })} confirmLabel={t('users.disable')} onConfirm={() => change(u, true)} />}
                        <ConfirmButton label={t('users.reset')} accessibleLabel={t('common.named', { action: t('users.reset'), name: u.displayName })}
                          question={t('users.confirmReset', { name: u.displayName })} confirmLabel={t('users.reset')} onConfirm={() => reset(u)} />
                      </>
                    )}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
      <NewUserForm onCreated={(u, password) => {
        setMessage(null); setError(null);
        if (password) setSecret({ title: t('users.createdTitle', { name: u.displayName, email: u.email }), value: password });
        else setMessage(t('users.createdMessage', { name: u.displayName }));
        reload();
      }} />
    </>
  );
}

function NewUserForm({ onCreated }: { onCreated: (u: User, generatedPassword?: string) => void }) {
  const { t } = useI18n();
  const { states, name: stateName } = useStates();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('state_poc');
  const [state, setState] = useState('');
  const [org, setOrg] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      const body = {
        email: email.trim(), displayName: displayName.trim(), role,
        ...(role === 'state_poc' ? { state } : {}), ...(role === 'provider' ? { org: org.trim() } : {}),
      };
      const r = await api<{ user: User; generatedPassword?: string }>('POST', '/api/v1/users', body);
      setEmail(''); setDisplayName(''); setState(''); setOrg('');
      onCreated(r.user, r.generatedPassword);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };

  return (
    <form className="form-card" onSubmit={submit} aria-labelledby="new-user-h">
      <h2 id="new-user-h">{t('users.new')}</h2>
      <ProblemAlert error={error} />
      <div className="form-row">
        <Field label={t('form.email')} error={fieldError(t, error, 'email')}>
          {(p) => <input {...p} type="email" name="email" required autoComplete="off" dir="ltr" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label={t('account.name')} error={fieldError(t, error, 'displayName')}>
          {(p) => <input {...p} type="text" name="displayName" required maxLength={200} autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
        </Field>
        <Field label={t('account.role')} error={fieldError(t, error, 'role')}>
          {(p) => (
            <select {...p} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => <option key={r} value={r}>{roleName(t, r)}</option>)}
            </select>
          )}
        </Field>
        {role === 'state_poc' ? (
          <Field label={t('users.state')} error={fieldError(t, error, 'state')}>
            {(p) => (
              <select {...p} name="state" required value={state} onChange={(e) => setState(e.target.value)}>
                <option value="">{states ? t('users.chooseState') : t('common.loading')}</option>
                {states?.map((s) => <option key={s.iso3} value={s.iso3}>{`${stateName(s.iso3)} (${s.iso3})`}</option>)}
              </select>
            )}
          </Field>
        ) : null}
        {role === 'provider' ? (
          <Field label={t('users.org')} hint={t('users.orgHint')} error={fieldError(t, error, 'org')}>
            {(p) => <input {...p} type="text" name="org" required maxLength={200} value={org} onChange={(e) => setOrg(e.target.value)} />}
          </Field>
        ) : null}
      </div>
      <p className="hint">{t('users.roleHint')}</p>
      <p className="hint">{t('users.passwordHint')}</p>
      <div className="form-actions">
        <button type="submit" disabled={busy}>{t('users.create')}</button>
      </div>
    </form>
  );
}

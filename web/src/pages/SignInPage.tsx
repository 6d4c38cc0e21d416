import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Field, ProblemAlert, StatusMessage, fieldError } from '../components/Form';
import { Link } from '../components/Link';
import { useI18n } from '../i18n/i18n';
import { navigate, useLocation } from '../router';
import { safeNext, signIn, useSession } from '../session';

/** E-mail and password; then back to the page the reader came from (?next=). */
export function SignInPage() {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const { user, loading } = useSession();
  const next = safeNext(query.get('next'), `/${lang}/account`);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  useEffect(() => { emailInput.current?.focus(); }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      navigate(next);
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{t('signin.title')}</h1>
      <p className="lead">{t('signin.lead')}</p>
      {query.get('changed') ? <StatusMessage>{t('password.changedSignIn')}</StatusMessage> : null}
      {!loading && user ? (
        <div className="notice">
          <p>{t('signin.already', { name: user.displayName })}</p>
          <p><Link href={next}>{t('signin.continue')}</Link></p>
        </div>
      ) : null}
      <form className="form-card" onSubmit={submit}>
        <ProblemAlert error={error} headings={{ 401: 'signin.wrong', 429: 'signin.locked' }} />
        <Field label={t('form.email')} error={fieldError(t, error, 'email')}>
          {(p) => <input {...p} ref={emailInput} type="email" name="email" autoComplete="username" required dir="ltr"
            value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label={t('form.password')} error={fieldError(t, error, 'password')}>
          {(p) => <input {...p} type="password" name="password" autoComplete="current-password" required
            value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={busy}>{busy ? t('signin.busy') : t('auth.signIn')}</button>
        </div>
      </form>
      <p className="hint">{t('signin.help')}</p>
    </div>
  );
}

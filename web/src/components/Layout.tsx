import { useState, type ReactNode } from 'react';
import { LANGS, useI18n, type Lang, type MessageKey } from '../i18n/i18n';
import { navigate, useLocation } from '../router';
import { signOut, useSession } from '../session';
import { ProblemAlert } from './Form';
import { Link } from './Link';

const LANG_NAMES: Record<Lang, string> = { ar: 'العربية', zh: '中文', en: 'English', fr: 'Français', ru: 'Русский', es: 'Español' };

/** Header with navigation and language switcher, the page, and a footer with sources and licences. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, lang } = useI18n();
  const loc = useLocation();
  const section = loc.path[1] ?? '';
  const switchTo = (l: string) => {
    const rest = loc.path.slice(1).join('/');
    const q = loc.query.toString();
    navigate(`/${l}/${rest}${q ? `?${q}` : ''}`);
  };
  const { user } = useSession();
  const nav: Array<[string, MessageKey]> = [['', 'nav.home'], ['states', 'nav.states'], ['universality', 'nav.universality'], ['coverage', 'nav.coverage'], ['audit', 'nav.audit']];
  if (user?.role === 'admin') nav.push(['admin/users', 'nav.users']);
  const current = loc.path.slice(1, 3).join('/');
  const isCurrent = (path: string) => (path === 'admin/users' ? current === path : section === path);
  return (
    <>
      <a className="skip" href="#main">{t('nav.skip')}</a>
      <header className="site-header">
        <div className="wrap header-row">
          <Link href={`/${lang}/`} className="brand">open1540</Link>
          <nav aria-label={t('nav.label')}>
            <ul>
              {nav.map(([path, key]) => (
                <li key={path}><Link href={`/${lang}/${path}`} aria-current={isCurrent(path) ? 'page' : undefined}>{t(key)}</Link></li>
              ))}
              <li><a href="/api/docs">{t('nav.api')}</a></li>
            </ul>
          </nav>
          <AccountMenu />
          <label className="lang-switch">
            <span>{t('nav.language')}</span>
            <select value={lang} onChange={(e) => switchTo(e.target.value)}>
              {LANGS.map((l) => <option key={l} value={l} lang={l}>{LANG_NAMES[l]}</option>)}
            </select>
          </label>
        </div>
      </header>
      <main id="main" className="wrap" tabIndex={-1}>{children}</main>
      <footer className="site-footer">
        <div className="wrap">
          <p>{t('footer.about')}</p>
          <p>{t('footer.licence')} · <a href="/api/docs">{t('nav.api')}</a> · <a href="/api/openapi.json">OpenAPI</a></p>
        </div>
      </footer>
    </>
  );
}

/** "Sign in" for readers; the account's name and "Sign out" once signed in. */
function AccountMenu() {
  const { t, lang } = useI18n();
  const loc = useLocation();
  const { user, loading } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (loading) return <div className="account-menu" aria-hidden="true" />;
  if (!user) {
    const here = `/${loc.path.join('/')}${window.location.search}`;
    const onSignIn = loc.path[1] === 'signin';
    return (
      <div className="account-menu">
        <Link href={onSignIn ? `/${lang}/signin${window.location.search}` : `/${lang}/signin?next=${encodeURIComponent(here)}`}
          className="header-button" aria-current={onSignIn ? 'page' : undefined}>{t('auth.signIn')}</Link>
      </div>
    );
  }
  const out = async () => {
    setBusy(true); setError(null);
    try {
      await signOut();
      if (['account', 'admin'].includes(loc.path[1] ?? '')) navigate(`/${lang}/`);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <div className="account-menu">
      <Link href={`/${lang}/account`} className="account-name" aria-current={loc.path[1] === 'account' ? 'page' : undefined}
        title={t('auth.accountOf', { name: user.displayName })}>{user.displayName}</Link>
      <button type="button" className="header-button" onClick={out} disabled={busy}>{t('auth.signOut')}</button>
      {error ? <div className="account-error"><ProblemAlert error={error} /></div> : null}
    </div>
  );
}

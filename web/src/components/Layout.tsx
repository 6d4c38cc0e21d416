import type { ReactNode } from 'react';
import { LANGS, useI18n, type Lang, type MessageKey } from '../i18n/i18n';
import { navigate, useLocation } from '../router';
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
  const nav: Array<[string, MessageKey]> = [['', 'nav.home'], ['states', 'nav.states'], ['universality', 'nav.universality']];
  return (
    <>
      <a className="skip" href="#main">{t('nav.skip')}</a>
      <header className="site-header">
        <div className="wrap header-row">
          <Link href={`/${lang}/`} className="brand">open1540</Link>
          <nav aria-label={t('nav.label')}>
            <ul>
              {nav.map(([path, key]) => (
                <li key={path}><Link href={`/${lang}/${path}`} aria-current={section === path ? 'page' : undefined}>{t(key)}</Link></li>
              ))}
              <li><a href="/api/docs">{t('nav.api')}</a></li>
            </ul>
          </nav>
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

import { useEffect, useMemo } from 'react';
import { Layout } from './components/Layout';
import { I18nContext, isLang, makeI18n, LANGS } from './i18n/i18n';
import { AccountPage } from './pages/AccountPage';
import { AuditPage } from './pages/AuditPage';
import { CoveragePage } from './pages/CoveragePage';
import { HomePage } from './pages/HomePage';
import { InstrumentPage } from './pages/InstrumentPage';
import { MatrixPage } from './pages/MatrixPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StatePage } from './pages/StatePage';
import { StatesPage } from './pages/StatesPage';
import { SignInPage } from './pages/SignInPage';
import { UniversalityPage } from './pages/UniversalityPage';
import { UsersPage } from './pages/UsersPage';
import { navigate, useLocation } from './router';
import { useSessionBootstrap } from './session';

/** Picks the page from the URL: /{lang}/{section}/{id}. */
export function App() {
  const loc = useLocation();
  const [langSeg, section = '', id, sub] = loc.path;
  const lang = isLang(langSeg) ? langSeg : null;
  const i18n = useMemo(() => makeI18n(lang ?? 'en'), [lang]);
  useSessionBootstrap();

  useEffect(() => {
    if (!lang) {
      const preferred = navigator.languages.map((l) => l.slice(0, 2)).find((l) => (LANGS as readonly string[]).includes(l)) ?? 'en';
      navigate(`/${preferred}/${loc.path.join('/')}${window.location.search}`, { replace: true });
    }
  }, [lang, loc.path]);
  useEffect(() => {
    document.documentElement.lang = i18n.lang;
    document.documentElement.dir = i18n.dir;
    document.title = `open1540 — ${i18n.t(`title.${sub === 'matrix' ? 'matrix' : section || 'home'}` as never)}`;
  }, [i18n, section, sub]);
  if (!lang) return null;

  let page;
  if (section === '') page = <HomePage />;
  else if (section === 'states' && !id) page = <StatesPage />;
  else if (section === 'states' && id && sub === 'matrix' && loc.path.length === 4) page = <MatrixPage key={id} iso3={id.toUpperCase()} />;
  else if (section === 'states' && id && !sub) page = <StatePage key={id} iso3={id.toUpperCase()} />;
  else if (section === 'coverage' && !id) page = <CoveragePage />;
  else if (section === 'universality' || (section === 'instruments' && !id)) page = <UniversalityPage />;
  else if (section === 'instruments' && id) page = <InstrumentPage key={id} code={id} />;
  else if (section === 'signin' && !id) page = <SignInPage />;
  else if (section === 'account' && !id) page = <AccountPage />;
  else if (section === 'admin' && id === 'users') page = <UsersPage />;
  else if (section === 'audit' && !id) page = <AuditPage />;
  else page = <NotFoundPage />;

  return (
    <I18nContext.Provider value={i18n}>
      <Layout>{page}</Layout>
    </I18nContext.Provider>
  );
}

import { useApi, type Universality } from '../api/client';
import { Async } from '../components/Async';
import { Link } from '../components/Link';
import { instrumentFull, instrumentShort } from '../components/names';
import { useI18n } from '../i18n/i18n';

const HEADLINE = ['npt', 'bwc', 'cwc', 'ctbt', 'tpnw', 'icsant'];

/** What open1540 is, and headline participation figures today. */
export function HomePage() {
  const { t, lang, date } = useI18n();
  const data = useApi<Universality>('/api/v1/universality');
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <p>{t('home.method')}</p>
      </section>
      <Async data={data}>
        {(u) => (
          <section aria-labelledby="headline">
            <h2 id="headline">{t('home.headline', { date: date(u.asOf) })}</h2>
            <ul className="cards">
              {u.instruments.filter((r) => HEADLINE.includes(r.instrument.code)).map((r) => (
                <li key={r.instrument.code} className="card">
                  <Link href={`/${lang}/instruments/${r.instrument.code}`}>
                    <span className="card-figure">{r.counts.all.party}{r.completeness ? '*' : ''}</span>
                    <span className="card-label">{t(r.inForce ? 'home.parties' : 'home.partiesNotInForce', { name: instrumentShort(r.instrument, lang) })}</span>
                    <span className="card-sub">{instrumentFull(r.instrument, lang)}</span>
                    {r.completeness ? <span className="card-sub">{t('universality.incomplete')}</span> : null}
                    <span className="card-sub">{t('home.unMembers', { count: r.counts.unMembers.party, total: r.counts.unMembers.total })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
      </Async>
      <section className="links">
        <h2>{t('home.explore')}</h2>
        <ul>
          <li><Link href={`/${lang}/states`}>{t('home.exploreStates')}</Link></li>
          <li><Link href={`/${lang}/universality`}>{t('home.exploreUniversality')}</Link></li>
          <li><a href="/api/docs">{t('home.exploreApi')}</a></li>
        </ul>
      </section>
    </>
  );
}

import { useApi, type Universality } from '../api/client';
import { Async } from '../components/Async';
import { DateControl } from '../components/DateControl';
import { Downloads } from '../components/Downloads';
import { Link } from '../components/Link';
import { groupName, instrumentFull, instrumentShort } from '../components/names';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useLocation, withQuery } from '../router';

const GROUPS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog'];

/** Every instrument × regional group: how many UN Member States of each group participate, on a date. */
export function UniversalityPage() {
  const { t, lang, date, number } = useI18n();
  const { query } = useLocation();
  const asOf = query.get('date') ?? undefined;
  const data = useApi<Universality>(withQuery('/api/v1/universality', { asOf }));
  return (
    <>
      <h1>{t('universality.title')}</h1>
      <p className="lead">{t('universality.lead')}</p>
      <div className="table-head"><DateControl /></div>
      <Async data={data}>
        {(u) => (
          <>
            <div className="table-head">
              <p>{t('universality.asOf', { date: date(u.asOf) })}</p>
              <Downloads path="/api/v1/universality" query={{ asOf }} />
            </div>
            <div className="table-scroll">
              <table className="matrix">
                <caption>{t('universality.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('state.instrument')}</th>
                    <th scope="col">{t('universality.kind')}</th>
                    <th scope="col">{t('universality.allParties')}</th>
                    <th scope="col">{t('universality.unMembers')}</th>
                    {GROUPS.map((g) => <th key={g} scope="col">{groupName(t, g)}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {u.instruments.map((r) => (
                    <tr key={r.instrument.code}>
                      <th scope="row"><Link href={withQuery(`/${lang}/instruments/${r.instrument.code}`, { date: asOf })} title={instrumentFull(r.instrument, lang)}>{instrumentShort(r.instrument, lang)}</Link>
                        {!r.inForce ? <span className="muted small"> {t('universality.notInForce')}</span> : null}</th>
                      <td>{t(`kind.${r.instrument.kind}` as MessageKey)}</td>
                      <td className="num">{number(r.counts.all.party)}{r.completeness ? <abbr title={t('universality.incomplete')}>*</abbr> : null}</td>
                      <td className="num">{t('universality.ofTotal', { count: r.counts.unMembers.party, total: r.counts.unMembers.total })}</td>
                      {GROUPS.map((g) => {
                        const c = r.byGroup.find((b) => b.group === g)?.counts;
                        const share = c && c.total ? c.party / c.total : 0;
                        return <td key={g} className="num heat" data-level={Math.min(4, Math.floor(share * 5))}>{c ? t('universality.ofTotal', { count: c.party, total: c.total }) : '—'}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {u.instruments.some((r) => r.completeness) ? <p className="source">{t('universality.incomplete')}</p> : null}
            <p className="source">{t('universality.method')}</p>
          </>
        )}
      </Async>
    </>
  );
}

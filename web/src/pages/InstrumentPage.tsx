import { useApi, type InstrumentDetail, type Participants } from '../api/client';
import { Async } from '../components/Async';
import { Downloads } from '../components/Downloads';
import { Link } from '../components/Link';
import { PartiesChart } from '../components/PartiesChart';
import { SourceList } from '../components/SourceList';
import { StatusBadge, statusKey } from '../components/StatusBadge';
import { WorldMap } from '../components/WorldMap';
import { byName, instrumentFull, instrumentShort, stateName } from '../components/names';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { MapDateSlider } from '../components/MapDateSlider';
import { CompletenessNote } from '../components/CompletenessNote';
import { useLocation, withQuery } from '../router';

/** An instrument: parties over time, a map on any date, the non-parties, and every participant. */
export function InstrumentPage({ code }: { code: string }) {
  const { t, lang, date } = useI18n();
  const { query } = useLocation();
  const asOf = query.get('date') ?? undefined;
  const detail = useApi<InstrumentDetail>(`/api/v1/instruments/${code}`);
  const participants = useApi<Participants>(withQuery(`/api/v1/instruments/${code}/participants`, { asOf }));
  return (
    <Async data={detail}>
      {(i) => (
        <>
          <p className="crumbs"><Link href={`/${lang}/universality`}>{t('nav.universality')}</Link></p>
          <h1>{instrumentFull(i, lang)} <span className="muted">({instrumentShort(i, lang)})</span></h1>
          <dl className="facts">
            <div><dt>{t('instrument.kind')}</dt><dd>{t(`kind.${i.kind}` as MessageKey)}</dd></div>
            {i.openedForSignature ? <div><dt>{t('instrument.opened')}</dt><dd>{date(i.openedForSignature)}</dd></div> : null}
            <div><dt>{t('instrument.entryIntoForce')}</dt><dd>{i.entryIntoForce ? date(i.entryIntoForce) : t(i.kind === 'treaty' || i.kind === 'protocol' ? 'instrument.notInForce' : 'instrument.notApplicable')}</dd></div>
            {i.depositaries.length ? <div><dt>{t('instrument.depositaries')}</dt><dd>{i.depositaries.map((d) => d.name).join('; ')}</dd></div> : null}
            <div><dt>{t(statusKey(i.kind, 'party'))}</dt><dd>{t('instrument.countToday', { count: i.counts.all.party, un: i.counts.unMembers.party, total: i.counts.unMembers.total })}</dd></div>
          </dl>
          <CompletenessNote completeness={i.completeness} sources={i.sources} />
          {i.notes ? <p className="note">{i.notes}</p> : null}
          <PartiesChart points={i.history} title={t('chart.title', { name: instrumentShort(i, lang) })} source={i.sources.map((s) => s.publisher ?? s.title).join('; ')} />
          <section aria-labelledby="on-date">
            <h2 id="on-date">{t('instrument.onDate')}</h2>
            <MapDateSlider from={i.openedForSignature ?? i.history[0]?.date ?? '1945-01-01'} />
            <Async data={participants}>
              {(p) => {
                const nonParties = p.participants.filter((x) => x.status !== 'party' && (x.unMember || x.actions.length > 0 || x.state.unStatus !== 'member'));
                return (
                  <>
                    {!p.inForce ? <p className="note">{t('instrument.notInForceOnDate')}</p> : null}
                    <CompletenessNote completeness={p.completeness} sources={p.sources} />
                    <p className="summary">{t('instrument.summary', { date: date(p.asOf), party: p.counts.all.party, signatory: p.counts.all.signatory, withdrawn: p.counts.all.withdrawn, none: p.counts.all.none })}</p>
                    <WorldMap participants={p.participants} kind={i.kind} incomplete={!!i.incomplete} title={t('map.title', { name: instrumentShort(i, lang), date: date(p.asOf) })} />
                    <h3>{t(i.incomplete ? 'instrument.noRecord' : 'instrument.nonParties', { count: nonParties.length })}</h3>
                    {nonParties.length === 0 ? <p className="empty">{t('instrument.universal')}</p> : (
                      <ul className="chips">
                        {[...nonParties].sort((a, b) => byName(lang)(a.state, b.state)).map((x) => (
                          <li key={x.state.iso3}><Link href={`/${lang}/states/${x.state.iso3}`}>{stateName(x.state, lang)}</Link> <StatusBadge kind={i.kind} status={x.status} incomplete={!!i.incomplete} /></li>
                        ))}
                      </ul>
                    )}
                    <div className="table-head">
                      <h3>{t('instrument.participants')}</h3>
                      <Downloads path={`/api/v1/instruments/${code}/participants`} query={{ asOf }} />
                    </div>
                    <div className="table-scroll">
                      <table>
                        <thead><tr><th scope="col">{t('states.name')}</th><th scope="col">{t('state.status')}</th><th scope="col">{t('state.sinceCol')}</th><th scope="col">{t('state.signed')}</th></tr></thead>
                        <tbody>
                          {[...p.participants].filter((x) => x.status !== 'none').sort((a, b) => byName(lang)(a.state, b.state)).map((x) => (
                            <tr key={x.state.iso3}>
                              <td><Link href={`/${lang}/states/${x.state.iso3}`}>{stateName(x.state, lang)}</Link></td>
                              <td><StatusBadge kind={i.kind} status={x.status} />{x.notes.map((n) => <div key={n} className="note small">{n}</div>)}</td>
                              <td>{date(x.since)}</td>
                              <td>{date(x.signed)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                    <SourceList sources={[...i.sources, ...p.sources]} />
                  </>
                );
              }}
            </Async>
          </section>
        </>
      )}
    </Async>
  );
}

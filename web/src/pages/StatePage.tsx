import { useApi, type State, type StateInstruments } from '../api/client';
import { Async } from '../components/Async';
import { Contacts } from '../components/Contacts';
import { Downloads } from '../components/Downloads';
import { Link } from '../components/Link';
import { SourceList } from '../components/SourceList';
import { StatusBadge } from '../components/StatusBadge';
import { StateMatrixSummary } from '../components/matrix/StateMatrixSummary';
import { Timeline } from '../components/Timeline';
import { areaName, groupName, instrumentFull, instrumentShort, stateName } from '../components/names';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { DateControl } from '../components/DateControl';
import { useLocation, withQuery } from '../router';

/** A State: its codes, group and region, and its status under every instrument with a timeline of actions. */
export function StatePage({ iso3 }: { iso3: string }) {
  const { t, lang, date } = useI18n();
  const { query } = useLocation();
  const asOf = query.get('date') ?? undefined;
  const state = useApi<State>(`/api/v1/states/${iso3}`);
  const instruments = useApi<StateInstruments>(withQuery(`/api/v1/states/${iso3}/instruments`, { asOf }));
  return (
    <Async data={state}>
      {(s) => (
        <>
          <p className="crumbs"><Link href={`/${lang}/states`}>{t('nav.states')}</Link></p>
          <h1>{stateName(s, lang)}</h1>
          <p className="lead">{s.names[lang].formal}</p>
          <dl className="facts">
            <div><dt>{t('state.codes')}</dt><dd><code>{s.iso3}</code> · <code>{s.iso2}</code> · M49 <code>{s.m49}</code></dd></div>
            <div><dt>{t('states.unStatus')}</dt><dd>{t(`unStatus.${s.unStatus}` as MessageKey)}{s.admitted ? ` — ${t('state.admittedOn', { date: date(s.admitted) })}` : ''}</dd></div>
            <div><dt>{t('states.group')}</dt><dd>{groupName(t, s.group)}
              {s.groupRoles.length > 1 || s.groupRoles.some((r) => r.role !== 'member') ? (
                <ul className="roles">{s.groupRoles.map((r) => <li key={r.group}>{groupName(t, r.group)}: {t(`groupRole.${r.role}` as MessageKey)}</li>)}</ul>
              ) : null}
              {s.groupNote ? <p className="note">{s.groupNote}</p> : null}
            </dd></div>
            <div><dt>{t('states.region')}</dt><dd>{areaName(t, s.region)} › {areaName(t, s.subregion)}</dd></div>
          </dl>
          <StateMatrixSummary iso3={s.iso3} />
          <Contacts iso3={s.iso3} />
          <section aria-labelledby="instruments">
            <div className="table-head">
              <h2 id="instruments">{t('state.instruments')}</h2>
              <DateControl />
            </div>
            <Async data={instruments}>
              {(d) => (
                <>
                  <div className="table-head">
                    <p>{t('state.asOf', { date: date(d.asOf) })}</p>
                    <Downloads path={`/api/v1/states/${s.iso3}/instruments`} query={{ asOf }} />
                  </div>
                  <div className="table-scroll">
                    <table>
                      <thead><tr><th scope="col">{t('state.instrument')}</th><th scope="col">{t('state.status')}</th><th scope="col">{t('state.actions')}</th></tr></thead>
                      <tbody>
                        {d.instruments.map((r) => (
                          <tr key={r.instrument.code}>
                            <td><Link href={`/${lang}/instruments/${r.instrument.code}`}>{instrumentShort(r.instrument, lang)}</Link><div className="muted small">{instrumentFull(r.instrument, lang)}</div></td>
                            <td><StatusBadge kind={r.instrument.kind} status={r.status} incomplete={!!r.instrument.incomplete} />{r.since ? <div className="small">{t('state.since', { date: date(r.since) })}</div> : null}
                              {r.pendingWithdrawal ? <div className="small warn">{t('state.pendingWithdrawal', { date: date(r.pendingWithdrawal.effective) })}</div> : null}
                              {!r.inForce && r.status === 'party' ? <div className="small muted">{t('state.notInForce')}</div> : null}
                              {r.instrument.incomplete ? <div className="small warn">{t('state.incompleteRecords')}</div> : null}</td>
                            <td><Timeline actions={r.actions} sources={d.sources} />{r.notes.map((n) => <p key={n} className="note">{n}</p>)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <SourceList sources={[...s.sources, ...d.sources]} />
                </>
              )}
            </Async>
          </section>
        </>
      )}
    </Async>
  );
}

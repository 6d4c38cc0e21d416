import { useEffect, useState } from 'react';
import { useApi, type StateList } from '../api/client';
import { Async } from '../components/Async';
import { Downloads } from '../components/Downloads';
import { Link } from '../components/Link';
import { areaName, byName, groupName, stateName } from '../components/names';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { navigate, useLocation, withQuery } from '../router';

const GROUPS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog', 'none'];
const REGIONS = ['002', '019', '142', '150', '009'];

/** The register of States: filter by group, region and UN status; search names in any language. */
export function StatesPage() {
  const { t, lang, date } = useI18n();
  const { query } = useLocation();
  const filters = { group: query.get('group') ?? '', region: query.get('region') ?? '', unStatus: query.get('unStatus') ?? '', q: query.get('q') ?? '' };
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  const set = (k: string, v: string) => navigate(withQuery(`/${lang}/states`, { ...filters, [k]: v }), { replace: true });
  const data = useApi<StateList>(withQuery('/api/v1/states', filters));
  return (
    <>
      <h1>{t('states.title')}</h1>
      <p className="lead">{t('states.lead')}</p>
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); set('q', text.trim()); }}>
        <label>{t('states.search')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} onBlur={() => text !== filters.q && set('q', text.trim())} placeholder={t('states.searchPlaceholder')} />
        </label>
        <label>{t('states.group')}
          <select value={filters.group} onChange={(e) => set('group', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {GROUPS.map((g) => <option key={g} value={g}>{groupName(t, g === 'none' ? null : g)}</option>)}
          </select>
        </label>
        <label>{t('states.region')}
          <select value={filters.region} onChange={(e) => set('region', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {REGIONS.map((r) => <option key={r} value={r}>{t(`m49.${r}` as MessageKey)}</option>)}
          </select>
        </label>
        <label>{t('states.unStatus')}
          <select value={filters.unStatus} onChange={(e) => set('unStatus', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {['member', 'observer', 'other'].map((s) => <option key={s} value={s}>{t(`unStatus.${s}` as MessageKey)}</option>)}
          </select>
        </label>
        <button type="submit">{t('states.apply')}</button>
      </form>
      <Async data={data}>
        {(d) => (
          <>
            <div className="table-head">
              <p aria-live="polite">{t('states.count', { count: d.count })}</p>
              <Downloads path="/api/v1/states" query={filters} />
            </div>
            {d.count === 0 ? <p className="empty">{t('states.none')}</p> : (
              <div className="table-scroll">
                <table>
                  <thead><tr>
                    <th scope="col">{t('states.name')}</th><th scope="col">ISO3</th><th scope="col">{t('states.group')}</th>
                    <th scope="col">{t('states.region')}</th><th scope="col">{t('states.unStatus')}</th><th scope="col">{t('states.admitted')}</th>
                  </tr></thead>
                  <tbody>
                    {[...d.states].sort(byName(lang)).map((s) => (
                      <tr key={s.iso3}>
                        <td><Link href={`/${lang}/states/${s.iso3}`}>{stateName(s, lang)}</Link></td>
                        <td><code>{s.iso3}</code></td>
                        <td>{groupName(t, s.group)}</td>
                        <td>{areaName(t, s.subregion)}</td>
                        <td>{t(`unStatus.${s.unStatus}` as MessageKey)}</td>
                        <td>{date(s.admitted)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Async>
    </>
  );
}
